# report: https://github.com/SimonThomine/RememberingNormality/issues/7
# family: module-misuse
# expect: none
# runtime: runs: wrapped in nn.Parameter, the memory is registered and trained
# twin: module-misuse-tensor-not-parameter.py
import torch
import torch.nn as nn


class NormalityMemory(nn.Module):
    def __init__(self, L, channel):
        super().__init__()
        self.keys = nn.Parameter(torch.randn(L, channel))
        self.values = nn.Parameter(torch.randn(L, channel))

    def forward(self, query):
        attn = torch.softmax(query @ self.keys.t() / self.keys.shape[1] ** 0.5, dim=-1)
        return attn @ self.values


torch.manual_seed(0)
memory = NormalityMemory(L=6, channel=4)
student = nn.Linear(4, 4)
optimizer = torch.optim.Adam(list(student.parameters()) + list(memory.parameters()), lr=1e-2)
keys_before = memory.keys.detach().clone()
for _ in range(3):
    feats = torch.randn(5, 4)
    loss = (memory(student(feats)) - feats).pow(2).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
assert len(list(memory.parameters())) == 2
assert not torch.equal(keys_before, memory.keys)
