# report: https://github.com/mratsim/Amazon-Forest-Computer-Vision/blob/f1fefbb696a14fd09fd57cf5d93505487f249d27/src/p_training.py#L38
# family: removed-api
# expect: 24
# runtime: raises IndexError: invalid index of a 0-dim tensor
import logging
import torch
import torch.nn as nn
from torch.autograd import Variable

logger = logging.getLogger("mimic")
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(10, 17))
loss_func = nn.MultiLabelSoftMarginLoss(weight=torch.rand(17) + 0.5)
optimizer = torch.optim.SGD(model.parameters(), lr=1e-2, momentum=0.9, weight_decay=5e-4)
loader = [(torch.randn(4, 10), (torch.rand(4, 17) > 0.5).float())]

model.train()
for batch_idx, (data, target) in enumerate(loader):
    data, target = Variable(data), Variable(target, requires_grad=False)
    optimizer.zero_grad()
    loss = loss_func(model(data), target)
    loss.backward()
    optimizer.step()
    if batch_idx % 100 == 0:
        logger.info("Loss: {:.6f}".format(loss.data[0]))
