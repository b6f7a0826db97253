# report: https://github.com/facebookresearch/DME/issues/3
# family: module-misuse
# expect: none
# runtime: runs: F.dropout(..., training=self.training) follows eval(), so predictions are repeatable
# twin: module-misuse-functional-dropout-eval.py
import torch
import torch.nn as nn
import torch.nn.functional as F


class SentenceEncoder(nn.Module):
    def __init__(self, vocab, dim, emb_dropout=0.5):
        super().__init__()
        self.emb = nn.Embedding(vocab, dim)
        self.proj = nn.Linear(dim, 2)
        self.emb_dropout = emb_dropout

    def forward(self, tokens):
        out = self.emb(tokens).mean(1)
        out = F.dropout(out, p=self.emb_dropout, training=self.training)
        return self.proj(out)


torch.manual_seed(0)
model = SentenceEncoder(vocab=20, dim=16)
model.eval()
tokens = torch.randint(0, 20, (3, 5))
with torch.no_grad():
    first, second = model(tokens), model(tokens)
assert torch.equal(first, second)
