# report: https://github.com/CSCYQJ/MICCAI23-ProtoContra-SFDA/issues/18
# family: module-misuse
# expect: none
# runtime: runs: requires_grad_(False) on the submodule reaches its parameters, which stay fixed
# twin: module-misuse-submodule-requires-grad.py
import torch
import torch.nn as nn


class UNetTiny(nn.Module):
    def __init__(self, n_classes):
        super().__init__()
        self.enc = nn.Sequential(nn.Conv2d(1, 8, 3, padding=1), nn.ReLU())
        self.outc = nn.Conv2d(8, n_classes, 1)

    def forward(self, x):
        return self.outc(self.enc(x))


torch.manual_seed(0)
model = UNetTiny(n_classes=3)
model.outc.requires_grad_(False)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
outc_before = model.outc.weight.detach().clone()
for _ in range(2):
    img, mask = torch.randn(2, 1, 8, 8), torch.randint(0, 3, (2, 8, 8))
    loss = nn.functional.cross_entropy(model(img), mask)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
assert model.outc.weight.grad is None and model.enc[0].weight.grad is not None
assert torch.equal(outc_before, model.outc.weight)
