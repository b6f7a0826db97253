# report: https://github.com/facebookresearch/InferSent/blob/48fe28847b9927f22cb85e1121454336b46af860/train_nli.py#L183
# family: removed-api
# expect: 17
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Linear(5, 3)
optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
loss_fn = nn.CrossEntropyLoss(weight=torch.ones(3))
all_costs = []
for step in range(2):
    x, y = torch.randn(4, 5), torch.randint(0, 3, (4,))
    output = net(x)
    loss = loss_fn(output, y)
    all_costs.append(loss.data[0])
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
