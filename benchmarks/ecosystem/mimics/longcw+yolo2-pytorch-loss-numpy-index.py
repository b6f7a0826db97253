# report: https://github.com/longcw/yolo2-pytorch/blob/f046769ea157e6d57579c67dcef62fdd3b71111e/train.py#L78
# family: removed-api
# expect: 20
# runtime: raises IndexError: too many indices for array
import torch
import torch.nn as nn

torch.manual_seed(0)
head = nn.Conv2d(3, 5, 1)
optimizer = torch.optim.SGD(head.parameters(), lr=1e-3, momentum=0.9)
bbox_loss = 0.0
for im in [torch.randn(2, 3, 4, 4)]:
    pred = torch.sigmoid(head(im))
    target = torch.rand(2, 5, 4, 4)
    mask = torch.full((2, 5, 4, 4), 0.01)
    num_boxes = 3
    # MSELoss(size_average=False) sums to a 0-dim tensor
    net_bbox_loss = nn.MSELoss(reduction="sum")(pred * mask, target * mask) / num_boxes
    loss = net_bbox_loss
    bbox_loss += net_bbox_loss.data.cpu().numpy()[0]
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
