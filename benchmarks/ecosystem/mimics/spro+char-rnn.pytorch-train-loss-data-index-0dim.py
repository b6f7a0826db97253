# report: https://github.com/spro/char-rnn.pytorch/blob/282bcb6b15ab3929d6a588b455cfc0f19f32add4/train.py#L66
# family: removed-api
# expect: 36
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
n_chars, hidden_size, batch, chunk = 12, 8, 3, 5


class CharRNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Embedding(n_chars, hidden_size)
        self.rnn = nn.GRU(hidden_size, hidden_size, 1)
        self.decoder = nn.Linear(hidden_size, n_chars)

    def forward(self, inp, hidden):
        out, hidden = self.rnn(self.encoder(inp).view(1, inp.size(0), -1), hidden)
        return self.decoder(out.view(inp.size(0), -1)), hidden


decoder = CharRNN()
opt = torch.optim.Adam(decoder.parameters(), lr=0.01)
criterion = nn.CrossEntropyLoss()
inp, target = torch.randint(0, n_chars, (batch, chunk)), torch.randint(0, n_chars, (batch, chunk))
hidden = torch.zeros(1, batch, hidden_size)
decoder.zero_grad()
loss = 0
for c in range(chunk):
    output, hidden = decoder(inp[:, c], hidden)
    loss += criterion(output, target[:, c])
loss.backward()
opt.step()
print(loss.data[0] / chunk)
