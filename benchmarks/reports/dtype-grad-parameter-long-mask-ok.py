# report: https://github.com/jiasenlu/NeuralBabyTalk/issues/26
# family: dtype-grad
# expect: none
# runtime: runs: the integer mask is a Parameter with requires_grad=False, which integer dtypes allow
# twin: dtype-grad-parameter-long-mask.py
import torch
import torch.nn as nn

torch.manual_seed(0)


class CascadeCore(nn.Module):
    def __init__(self, fg_mask, dim=8):
        super().__init__()
        self.fg_mask = nn.Parameter(fg_mask, requires_grad=False)
        self.proj = nn.Linear(dim, fg_mask.size(1))

    def forward(self, h, det_class):
        logits = self.proj(h)
        allowed = self.fg_mask[det_class].bool()
        return logits.masked_fill(~allowed, float("-inf"))


fg_mask = torch.randint(0, 2, (5, 6))
fg_mask[:, 0] = 1
core = CascadeCore(fg_mask)
out = core(torch.randn(3, 8), torch.tensor([0, 2, 4]))
out.log_softmax(-1)[:, 0].sum().backward()
assert core.proj.weight.grad is not None and core.fg_mask.grad is None
