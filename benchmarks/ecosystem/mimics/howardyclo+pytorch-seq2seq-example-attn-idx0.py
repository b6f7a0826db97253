# report: https://github.com/howardyclo/pytorch-seq2seq-example/blob/02ba877c875acbe81b191911c8dccd287b38928a/seq2seq.ipynb
# family: removed-api
# expect: 15
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn.functional as F

torch.manual_seed(0)
src_sent = ["He", "have", "a", "car"]
all_attention_weights = torch.zeros(5, len(src_sent))
all_attention_weights[0] = F.softmax(torch.randn(len(src_sent)), dim=0)
t = 0
score, idx = all_attention_weights[t].max(0)
# max(0) of a 1-D tensor gives a 0-dim index
token = src_sent[idx[0]]
print(token)
