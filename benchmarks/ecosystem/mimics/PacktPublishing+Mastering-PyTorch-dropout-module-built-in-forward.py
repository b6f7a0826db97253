# report: https://github.com/PacktPublishing/Mastering-PyTorch/blob/7787dd3b154eca998ab5b6a31a85dddae04ea677/Chapter06/music_generation.ipynb
# family: module-misuse
# expect: 19, 21
# runtime: asserts dropout stays active after model.eval(), so validation loss and generation are random
import torch
import torch.nn as nn

torch.manual_seed(0)


class NoteLSTM(nn.Module):
    def __init__(self, n=12, h=16):
        super().__init__()
        self.enc = nn.Linear(n, h)
        self.lstm = nn.LSTM(h, h, 1)
        self.fc = nn.Linear(h, n)

    def forward(self, x, hd=None):
        e = nn.Dropout(0.25)(self.enc(x))  # a fresh module: always in training mode
        op, hd = self.lstm(e, hd)
        return self.fc(nn.Dropout(0.1)(op)), hd
    # dropout modules created on the fly never see model.eval()
    # (both calls above)


model = NoteLSTM()
x = torch.rand(5, 3, 12)
model.eval()
with torch.no_grad():
    a, _ = model(x)
    b, _ = model(x)
print("eval outputs differ:", not torch.equal(a, b))
assert not torch.equal(a, b), "expected dropout to be (wrongly) active in eval mode"
