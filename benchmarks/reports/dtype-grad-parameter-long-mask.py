# report: https://github.com/jiasenlu/NeuralBabyTalk/issues/26
# family: dtype-grad
# expect: 15
# runtime: raises RuntimeError: Only Tensors of floating point and complex dtype can require gradients
# twin: dtype-grad-parameter-long-mask-ok.py
import torch
import torch.nn as nn

torch.manual_seed(0)


class CascadeCore(nn.Module):
    def __init__(self, fg_mask, dim=8):
        super().__init__()
        self.fg_mask = nn.Parameter(fg_mask)
        self.proj = nn.Linear(dim, fg_mask.size(1))

    def forward(self, h, det_class):
        logits = self.proj(h)
        allowed = self.fg_mask[det_class].bool()
        return logits.masked_fill(~allowed, float("-inf"))


fg_mask = torch.randint(0, 2, (5, 6))
fg_mask[:, 0] = 1
core = CascadeCore(fg_mask)
out = core(torch.randn(3, 8), torch.tensor([0, 2, 4]))
