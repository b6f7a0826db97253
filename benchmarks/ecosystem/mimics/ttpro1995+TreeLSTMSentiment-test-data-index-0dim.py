# report: https://github.com/ttpro1995/TreeLSTMSentiment/blob/c61f73e3efdf227e2cb521157f320ec727f2490a/trainer.py#L72
# family: removed-api
# expect: 30
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
mem_dim, num_classes = 6, 3
cell = nn.Sequential(nn.Linear(4, mem_dim), nn.Tanh())
out_module = nn.Sequential(nn.Linear(mem_dim, num_classes), nn.LogSoftmax(dim=1))
criterion = nn.NLLLoss()
params = list(cell.parameters()) + list(out_module.parameters())
optimizer = torch.optim.Adagrad(params, lr=0.05)

# training: the tree loss starts from a (1,)-shaped zero, so err.data[0] still works there
sent = torch.randn(5, 4)
loss = torch.zeros(1)
for tok in sent:
    loss = loss + criterion(out_module(cell(tok.unsqueeze(0))), torch.LongTensor([1]))
train_total = loss.data[0]
loss.backward()
optimizer.step()

# testing: the plain NLLLoss is 0-dim
test_loss = 0
output = out_module(cell(sent[-1:]))
target = torch.LongTensor([2])
err = criterion(output, target)
test_loss += err.data[0]
