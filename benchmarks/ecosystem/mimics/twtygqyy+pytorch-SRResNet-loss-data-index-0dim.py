# report: https://github.com/twtygqyy/pytorch-SRResNet/blob/d715729c8805f59dccd4a89acb7af11cb7b1534a/main_srresnet.py#L153
# family: removed-api
# expect: 18
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(inplace=True), nn.Conv2d(4, 1, 3, padding=1))
criterion = nn.MSELoss(reduction="sum")
opt = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9)
x, y = torch.randn(2, 1, 6, 6), torch.randn(2, 1, 6, 6)
loss = criterion(net(x) + x, y)
opt.zero_grad()
loss.backward()
nn.utils.clip_grad_norm_(net.parameters(), 0.4)
opt.step()
print("Loss: {:.10f}".format(loss.data[0]))
