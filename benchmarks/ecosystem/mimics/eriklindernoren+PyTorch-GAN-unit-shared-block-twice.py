# report: https://github.com/eriklindernoren/PyTorch-GAN/blob/36d3c77e5ff20ebe0aeefd322326a134a279b93e/implementations/unit/unit.py#L104
# family: optimizer-misuse
# expect: 33
# runtime: asserts the shared block is stepped twice per optimizer step: it is a submodule of both encoders, so chaining their parameters lists it twice
import copy
import itertools
import warnings

import torch
import torch.nn as nn

warnings.simplefilter("ignore")
torch.manual_seed(0)


class Encoder(nn.Module):
    def __init__(self, shared):
        super().__init__()
        self.own = nn.Linear(4, 4)
        self.shared_block = shared

    def forward(self, x):
        return self.shared_block(torch.relu(self.own(x)))


shared = nn.Linear(4, 4)
e1, e2 = Encoder(shared), Encoder(shared)
ref_shared = copy.deepcopy(shared)
ref_e1, ref_e2 = Encoder(ref_shared), Encoder(ref_shared)
ref_e1.own.load_state_dict(e1.own.state_dict())
ref_e2.own.load_state_dict(e2.own.state_dict())

optimizer = torch.optim.Adam(itertools.chain(e1.parameters(), e2.parameters()), lr=0.01)
unique = {id(p): p for p in itertools.chain(ref_e1.parameters(), ref_e2.parameters())}
reference = torch.optim.Adam(list(unique.values()), lr=0.01)

x1, x2 = torch.randn(3, 4), torch.randn(3, 4)
start = shared.weight.detach().clone()
for opt, a, b in ((optimizer, e1, e2), (reference, ref_e1, ref_e2)):
    opt.zero_grad()
    (a(x1).pow(2).mean() + b(x2).pow(2).mean()).backward()
    opt.step()

moved = (shared.weight - start).abs()
moved_once = (ref_shared.weight - start).abs()
assert torch.allclose(moved, 2 * moved_once, atol=1e-5)
