# report: https://github.com/fatchord/WaveRNN/blob/83c08fdcd625be56244f4145f41500468974b144/train_tacotron.py#L187
# family: module-misuse
# expect: 43
# runtime: asserts GTA features are generated with forward's forced self.train(): prenet dropout stays on and the saved features are random
import torch
import torch.nn as nn
import torch.nn.functional as F


class TinyTaco(nn.Module):
    def __init__(self, n_mels=4, dims=8):
        super().__init__()
        self.embed = nn.Embedding(10, dims)
        self.prenet = nn.Linear(n_mels, dims)
        self.cell = nn.GRUCell(2 * dims, dims)
        self.proj = nn.Linear(dims, n_mels)

    def forward(self, x, m, generate_gta=False):
        if generate_gta:
            self.eval()
        else:
            self.train()
        enc = self.embed(x).mean(1)
        h = torch.zeros_like(enc)
        outs = []
        for t in range(m.size(2)):
            prev = m[:, :, t - 1] if t > 0 else torch.zeros_like(m[:, :, 0])
            p = F.dropout(F.relu(self.prenet(prev)), 0.5, training=self.training)
            h = self.cell(torch.cat([p, enc], -1), h)
            outs.append(self.proj(h))
        mel_outputs = torch.stack(outs, 2)
        return mel_outputs, mel_outputs * 2, None


torch.manual_seed(0)
model = TinyTaco()
x, mels = torch.randint(0, 10, (2, 5)), torch.randn(2, 4, 6)
_ = model(x, mels)  # a training step

model.eval()
gta_runs = []
for _ in range(2):
    with torch.no_grad(): _, gta, _ = model(x, mels)
    gta_runs.append(gta.numpy().copy())

assert model.training
assert not (gta_runs[0] == gta_runs[1]).all()
