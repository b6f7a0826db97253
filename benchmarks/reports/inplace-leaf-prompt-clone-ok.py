# report: https://discuss.pytorch.org/t/leaf-variable-was-used-in-an-inplace-operation/308/2
# family: inplace-leaf
# expect: none
# runtime: runs: the in-place edit lands on a clone of the learnable leaf, and gradients reach the leaf
import torch
import torch.nn as nn

torch.manual_seed(0)


class PromptedEncoder(nn.Module):
    """Prepends learnable prompt vectors, the first of them marked with a position offset."""

    def __init__(self, n_prompts, dim):
        super().__init__()
        self.prompt = nn.Parameter(torch.randn(n_prompts, dim) * 0.02)
        self.offset = nn.Parameter(torch.zeros(dim))
        self.encoder = nn.GRU(dim, dim, batch_first=True)

    def forward(self, tokens):
        prompt = self.prompt.clone()
        prompt[0] += self.offset
        prompt = prompt.unsqueeze(0).expand(tokens.shape[0], -1, -1)
        out, _ = self.encoder(torch.cat([prompt, tokens], dim=1))
        return out[:, -1]


model = PromptedEncoder(n_prompts=2, dim=6)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
loss = model(torch.randn(3, 4, 6)).pow(2).mean()
optimizer.zero_grad()
loss.backward()
optimizer.step()
assert model.prompt.is_leaf and model.prompt.grad is not None
assert model.offset.grad is not None and model.offset.grad.abs().sum() > 0
