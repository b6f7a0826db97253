# report: https://github.com/ne7ermore/torch-light/blob/facd5e12f45127e81951ca1e6119960e196c6165/ch-poetry-nlg/model.py#L44
# family: module-misuse
# expect: 22
# runtime: asserts the model still drops activations after model.eval(): F.dropout is called without training=self.training
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class PoetryModel(nn.Module):
    def __init__(self, vocab=30, emb=8, hid=16, dropout=0.5):
        super().__init__()
        self.dropout = dropout
        self.lookup_table = nn.Embedding(vocab, emb)
        self.lstm = nn.LSTM(emb, hid, batch_first=True)
        self.lr = nn.Linear(hid, vocab)

    def forward(self, x, hidden=None):
        out, hidden = self.lstm(self.lookup_table(x), hidden)
        out = F.dropout(out, p=self.dropout)  # training defaults to True
        return F.log_softmax(self.lr(out.reshape(-1, out.size(2))), dim=-1), hidden


model = PoetryModel().eval()
x = torch.randint(0, 30, (1, 6))
with torch.no_grad():
    first, _ = model(x)
    second, _ = model(x)
# an eval-mode model should be deterministic; this one is not
assert not torch.allclose(first, second)
