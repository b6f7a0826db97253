# report: https://github.com/tensorboy/pytorch_Realtime_Multi-Person_Pose_Estimation/blob/02174bc2312098f99af6ba43142add6cc1b46a52/train/train_VGG19.py#L212
# family: graph-kept
# expect: 36
# runtime: asserts losses.update(total_loss, n) sums the loss tensors with their graphs, so the meter chains every batch's autograd graph for the whole epoch
import torch
import torch.nn as nn


class AverageMeter(object):
    def __init__(self):
        self.val = 0
        self.sum = 0
        self.count = 0
        self.avg = 0

    def update(self, val, n=1):
        self.val = val
        self.sum += val * n
        self.count += n
        self.avg = self.sum / self.count


torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(), nn.Conv2d(4, 2, 1))
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, nesterov=True)
criterion = nn.MSELoss(reduction="mean")
losses = AverageMeter()
first_sum_fn = None
for i in range(4):
    img = torch.randn(2, 3, 8, 8)
    heat_target = torch.rand(2, 2, 8, 8)
    total_loss = 0
    out = model(img)
    total_loss += criterion(out, heat_target)
    total_loss += criterion(out.relu(), heat_target)
    losses.update(total_loss, img.size(0))
    if i == 0:
        first_sum_fn = losses.sum.grad_fn
    optimizer.zero_grad()
    total_loss.backward()
    optimizer.step()

train_loss = losses.avg
assert train_loss.requires_grad  # the epoch average still carries autograd history


def reaches(fn, target):
    stack, seen = [fn], set()
    while stack:
        node = stack.pop()
        if node is None or node in seen:
            continue
        if node is target:
            return True
        seen.add(node)
        stack.extend(n for n, _ in node.next_functions)
    return False


assert reaches(losses.sum.grad_fn, first_sum_fn)  # batch 0's graph is still reachable at the end
