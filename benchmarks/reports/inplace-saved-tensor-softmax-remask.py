# report: https://github.com/yashbonde/dall-e-baby/issues/1
# family: inplace-saved-tensor
# expect: 24
# runtime: raises RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation
import torch
import torch.nn as nn

torch.manual_seed(0)


class MaskedSelfAttention(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.qkv = nn.Linear(dim, 3 * dim)
        self.proj = nn.Linear(dim, dim)
        self.scale = dim ** -0.5

    def forward(self, x, pad_mask):
        q, k, v = self.qkv(x).chunk(3, dim=-1)
        scores = q @ k.transpose(-2, -1) * self.scale
        scores = scores.masked_fill(pad_mask[:, None, :], float("-inf"))
        attn = scores.softmax(dim=-1)
        # padded query positions should attend to nothing: zero their rows
        attn.masked_fill_(pad_mask[:, :, None], 0.0)
        return self.proj(attn @ v)


layer = MaskedSelfAttention(8)
optimizer = torch.optim.Adam(layer.parameters(), lr=1e-3)
tokens = torch.randn(2, 5, 8)
pad_mask = torch.tensor([[False] * 5, [False, False, False, True, True]])
loss = layer(tokens, pad_mask).pow(2).mean()
optimizer.zero_grad()
loss.backward()
optimizer.step()
