# report: https://github.com/nelson-yao/fastai/blob/6ac9096c1233bf8a22ab819aa52faaea79ae7ab5/courses/dl1/lang_model.ipynb
# family: removed-api
# expect: 18, 19
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
itos = ["<unk>", "<pad>", "the", "cat", "sat", "<eos>"]
m = nn.Sequential(nn.Embedding(len(itos), 8), nn.Linear(8, len(itos)))
m.eval()
words = []
with torch.no_grad():
    res = m(torch.tensor([2, 3]))
    for i in range(3):
        n = res[-1].topk(2)[1]  # shape (2,)
        n = n[1] if n.data[0] == 0 else n[0]  # a 0-dim tensor now
        words.append(itos[n.data[0]])
        res = m(n[0].unsqueeze(0))
