# report: https://github.com/howardyclo/pytorch-seq2seq-example/blob/02ba877c875acbe81b191911c8dccd287b38928a/seq2seq.ipynb
# family: removed-api
# expect: 18
# runtime: raises KeyError: tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
id2token = {0: "<PAD>", 1: "<BOS>", 2: "<EOS>", 3: "<UNK>", 4: "car", 5: "a"}
head = nn.Linear(3, 6)
with torch.no_grad():
    head.bias.copy_(torch.tensor([0.0, 0.0, -9.0, -9.0, 9.0, 0.0]))
out = head(torch.zeros(1, 3))
prob, token_id = out.data.topk(1)
token_id = token_id[0][0]  # a 0-dim tensor since 0.4, no longer a Python int
out_sent = []
if token_id != 2:
    out_sent.append(id2token[token_id])
print(out_sent)
