# report: https://github.com/PacktPublishing/Deep-Learning-with-PyTorch/blob/7d2f9a92dafb5973070276db2c5453c1247e71e0/Chapter06/IMDB%20LSTM%20with%20batching.ipynb
# family: module-misuse
# expect: 20
# runtime: asserts two predictions of the same batch after model.eval() differ: F.dropout(p=0.8) without training= stays on
import torch
import torch.nn as nn
import torch.nn.functional as F


class IMDBRnn(nn.Module):
    def __init__(self, n_vocab, hidden_size, n_cat):
        super().__init__()
        self.e = nn.Embedding(n_vocab, hidden_size)
        self.rnn = nn.LSTM(hidden_size, hidden_size, 1)
        self.fc2 = nn.Linear(hidden_size, n_cat)

    def forward(self, inp):
        e_out = self.e(inp)
        rnn_o, _ = self.rnn(e_out)
        fc = F.dropout(self.fc2(rnn_o[-1]), p=0.8)
        return F.log_softmax(fc, dim=-1)


torch.manual_seed(0)
model = IMDBRnn(30, 8, 3)
model.eval()
text = torch.randint(0, 30, (7, 4))
with torch.no_grad():
    first, second = model(text), model(text)
assert not torch.allclose(first, second)
