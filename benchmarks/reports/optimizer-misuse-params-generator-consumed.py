# report: https://github.com/YanaiEliyahu/AdasOptimizer/issues/2
# family: optimizer-misuse
# expect: 12 15
# runtime: raises ValueError: optimizer got an empty parameter list
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Embedding(20, 8), nn.Flatten(), nn.Linear(24, 2))
model[0].weight.requires_grad = False  # keep the pretrained embeddings fixed

params = filter(lambda p: p.requires_grad, model.parameters())
n_trainable = sum(p.numel() for p in params)
print(f"training {n_trainable} parameters")
optimizer = torch.optim.SGD(params, lr=0.01)

tokens = torch.randint(0, 20, (4, 3))
labels = torch.randint(0, 2, (4,))
loss = nn.functional.cross_entropy(model(tokens), labels)
optimizer.zero_grad()
loss.backward()
optimizer.step()
