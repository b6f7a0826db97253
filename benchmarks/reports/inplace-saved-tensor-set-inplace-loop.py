# report: https://github.com/qianyu-dlut/MVANet/issues/2
# family: inplace-saved-tensor
# expect: 29
# runtime: raises RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation
import torch
import torch.nn as nn

torch.manual_seed(0)


class RefineBlock(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.proj = nn.Linear(dim, dim)
        self.activation = nn.ReLU()
        self.dropout = nn.Dropout(0.1)
        self.out = nn.Linear(dim, dim)

    def forward(self, x):
        return x + self.out(self.dropout(self.activation(self.proj(x))))


class Refiner(nn.Module):
    def __init__(self, dim, depth):
        super().__init__()
        self.blocks = nn.Sequential(*[RefineBlock(dim) for _ in range(depth)])
        for m in self.modules():
            if isinstance(m, (nn.ReLU, nn.Dropout)):
                m.inplace = True

    def forward(self, x):
        return self.blocks(x)


model = Refiner(8, depth=2).train()
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4)
tokens = torch.randn(3, 5, 8)
loss = (model(tokens) - tokens).pow(2).mean()
optimizer.zero_grad()
loss.backward()
optimizer.step()
