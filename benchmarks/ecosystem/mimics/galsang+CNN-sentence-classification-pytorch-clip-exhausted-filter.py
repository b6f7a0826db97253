# report: https://github.com/galsang/CNN-sentence-classification-pytorch/blob/56432e0b9e6a208b8c62e6160cd52184c3ea4906/run.py#L64
# family: optimizer-misuse
# expect: 25
# runtime: asserts gradient clipping sees an exhausted filter iterator: norm 0 and gradients left unclipped
import warnings
import torch
import torch.nn as nn

warnings.simplefilter("ignore")
torch.manual_seed(0)
emb = nn.Embedding(20, 6)
emb.weight.requires_grad = False  # "static" embeddings
model = nn.Sequential(emb, nn.Flatten(), nn.Linear(6 * 5, 3))
params = filter(lambda p: p.requires_grad, model.parameters())
optimizer = torch.optim.Adadelta(params, 1.0)  # consumes the iterator
criterion = nn.CrossEntropyLoss()

x = torch.randint(0, 20, (4, 5))
y = torch.randint(0, 3, (4,))
optimizer.zero_grad()
model.train()
loss = criterion(model(x) * 1000.0, y)
loss.backward()
max_norm = 3.0
total = nn.utils.clip_grad_norm(params, max_norm=max_norm)
optimizer.step()

real_norm = torch.norm(torch.stack([p.grad.norm() for p in model.parameters() if p.grad is not None]))
assert float(total) == 0.0, total
assert real_norm > max_norm, "gradients were never clipped"
print("clip saw nothing; real grad norm", float(real_norm))
