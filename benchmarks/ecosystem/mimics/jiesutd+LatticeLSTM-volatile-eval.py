# report: https://github.com/jiesutd/LatticeLSTM/blob/24d17f4270f11d2f75046789d8b67eaa2b907dce/main.py#L187
# family: removed-api
# expect: 22,28
# runtime: asserts volatile=True is ignored: every evaluated sentence records the autograd graph through embeddings and LSTM
import warnings

import torch
import torch.nn as nn
from torch import autograd

warnings.simplefilter("ignore")
torch.manual_seed(0)
word_emb = nn.Embedding(12, 6)
gaz_emb = nn.Embedding(8, 6)
lstm = nn.LSTM(6, 5, batch_first=True)
for m in (word_emb, gaz_emb, lstm):
    m.eval()


def batchify(seq, volatile_flag=False):
    max_seq_len = len(seq)
    word_seq_tensor = autograd.Variable(torch.zeros((1, max_seq_len)), volatile=volatile_flag).long()
    word_seq_tensor[0, :max_seq_len] = torch.LongTensor(seq)
    return word_seq_tensor, volatile_flag


word_seq, volatile_flag = batchify([1, 4, 7], True)
word_var = autograd.Variable(torch.LongTensor([2, 5]), volatile=volatile_flag)
out, _ = lstm(word_emb(word_seq))
matched = gaz_emb(word_var)
tag_scores = out.sum() + matched.sum()
assert tag_scores.requires_grad and tag_scores.grad_fn is not None  # a graph was recorded
assert matched.requires_grad
