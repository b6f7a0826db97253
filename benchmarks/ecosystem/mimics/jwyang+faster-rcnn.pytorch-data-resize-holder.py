# report: https://github.com/jwyang/faster-rcnn.pytorch/blob/f9d984d27b48a067b29792932bcb5321a39c1f09/trainval_net.py#L311
# family: detach-alias
# expect: 24, 25
# runtime: raises RuntimeError: Expected 3D (unbatched) or 4D (batched) input to conv2d
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(4, 5))
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)

# preallocated holders, refilled in place for every batch
im_data = torch.FloatTensor(1)
gt_labels = torch.LongTensor(1)
im_data = Variable(im_data)
gt_labels = Variable(gt_labels)

loader = [(torch.randn(2, 3, 8, 8), torch.randint(0, 5, (2,))) for _ in range(2)]
model.train()
for images, labels in loader:
    # .data is a separate tensor object now: resizing it leaves im_data at size [1]
    im_data.data.resize_(images.size()).copy_(images)
    gt_labels.data.resize_(labels.size()).copy_(labels)
    loss = F.cross_entropy(model(im_data), gt_labels)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
