# report: https://github.com/ShomyLiu/pytorch-relation-extraction/blob/602e24838812dfd3a25e842978b2ca663815e5cf/main_mil.py#L136
# family: removed-api
# expect: 23
# runtime: raises IndexError: too many indices for array
import torch
import torch.nn as nn

torch.manual_seed(0)
rel_num, dim = 5, 6
model = nn.Sequential(nn.Linear(dim, 8), nn.Tanh(), nn.Linear(8, rel_num))
optimizer = torch.optim.Adadelta(model.parameters(), rho=1.0, eps=1e-6)
criterion = nn.CrossEntropyLoss()

bags = [torch.randn(3, dim), torch.randn(4, dim)]
labels = torch.LongTensor([2, 4])
model.eval()
selected = []
for idx, bag in enumerate(bags):
    label = labels[idx]
    out = model(bag)
    max_ins_id = torch.max(out[:, label], 0)[1]  # a 0-dim index since torch 0.4
    # CPU branch of select_instance: numpy() of a 0-dim tensor is a 0-d array
    max_ins_id = max_ins_id.data.numpy()[0]
    selected.append(bag[max_ins_id])
model.train()
optimizer.zero_grad()
loss = criterion(model(torch.stack(selected)), labels)
loss.backward()
optimizer.step()
