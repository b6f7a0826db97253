# report: https://github.com/jadore801120/attention-is-all-you-need-pytorch/issues/16
# family: detach-alias
# expect: none
# runtime: runs: masking the scores through .data before softmax gives the same gradients as masked_fill
import torch
import torch.nn as nn

torch.manual_seed(0)


class ScaledDotProductAttention(nn.Module):
    def __init__(self, temperature):
        super().__init__()
        self.temperature = temperature

    def forward(self, q, k, v, attn_mask):
        attn = torch.bmm(q, k.transpose(1, 2)) / self.temperature
        attn.data.masked_fill_(attn_mask, -float("inf"))
        attn = torch.softmax(attn, dim=2)
        return torch.bmm(attn, v)


proj = nn.Linear(4, 12)
x = torch.randn(2, 5, 4)
mask = torch.zeros(2, 5, 5, dtype=torch.bool)
mask[1, :, 3:] = True  # padded keys of the second sequence
q, k, v = proj(x).chunk(3, dim=-1)
ScaledDotProductAttention(2.0)(q, k, v, mask).pow(2).sum().backward()
grad_data_mask = proj.weight.grad.clone()

proj.zero_grad()
q, k, v = proj(x).chunk(3, dim=-1)
scores = (torch.bmm(q, k.transpose(1, 2)) / 2.0).masked_fill(mask, -float("inf"))
torch.bmm(torch.softmax(scores, dim=2), v).pow(2).sum().backward()
assert torch.allclose(grad_data_mask, proj.weight.grad, atol=1e-6)
