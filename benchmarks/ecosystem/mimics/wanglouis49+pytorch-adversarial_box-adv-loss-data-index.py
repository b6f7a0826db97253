# report: https://github.com/wanglouis49/pytorch-adversarial_box/blob/bddb5a899a7658182ea78063fd7ec405de083956/mnist_adv_train.py#L78
# family: removed-api
# expect: 43
# runtime: raises IndexError: invalid index of a 0-dim tensor
import copy

import numpy as np
import torch
import torch.nn as nn
from torch.autograd import Variable


def pgd(model, x_nat, labels, eps=0.3, steps=3, alpha=0.05):
    frozen = copy.deepcopy(model)
    for p in frozen.parameters():
        p.requires_grad = False
    frozen.eval()
    x = x_nat + np.random.uniform(-eps, eps, x_nat.shape).astype("float32")
    for _ in range(steps):
        xv = Variable(torch.from_numpy(x), requires_grad=True)
        nn.CrossEntropyLoss()(frozen(xv), labels).backward()
        x = x + alpha * np.sign(xv.grad.numpy())
        x = np.clip(np.clip(x, x_nat - eps, x_nat + eps), 0, 1)
    return torch.from_numpy(x)


torch.manual_seed(0)
np.random.seed(0)
net = nn.Sequential(nn.Flatten(), nn.Linear(16, 12), nn.ReLU(inplace=True), nn.Linear(12, 4))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.RMSprop(net.parameters(), lr=1e-3, weight_decay=5e-4)
images = torch.rand(8, 1, 4, 4)
labels = torch.randint(0, 4, (8,))

for t in range(2):
    x_var, y_var = Variable(images), Variable(labels)
    loss = criterion(net(x_var), y_var)
    y_pred = net(x_var).argmax(1)
    x_adv = pgd(net, images.numpy(), y_pred)
    loss_adv = criterion(net(Variable(x_adv)), y_var)
    loss = (loss + loss_adv) / 2
    if (t + 1) % 1 == 0:
        print("t = %d, loss = %.8f" % (t + 1, loss.data[0]))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
