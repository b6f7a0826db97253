# report: https://github.com/fyu/drn/blob/d75db2ee7070426db7a9264ee61cf489f8cf178c/segment.py#L273
# family: removed-api
# expect: 18,34
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
segmenter = nn.Sequential(nn.Conv2d(3, 5, 3, padding=1), nn.BatchNorm2d(5), nn.ReLU(), nn.Conv2d(5, 4, 1), nn.LogSoftmax(dim=1))
criterion = nn.NLLLoss(ignore_index=255)
optimizer = torch.optim.SGD(segmenter.parameters(), 0.01, momentum=0.9, weight_decay=1e-4)


def pixel_accuracy(output, target):
    _, pred = output.max(1)
    correct = pred.view(1, -1).eq(target.view(1, -1))[target.view(1, -1) != 255].view(-1)
    score = correct.float().sum(0).mul(100.0 / correct.size(0))
    return score.data[0]


class Meter:
    def __init__(self):
        self.sum, self.count = 0.0, 0

    def update(self, val, n=1):
        self.sum += val * n
        self.count += n


losses, scores = Meter(), Meter()
images, labels = torch.rand(2, 3, 8, 8), torch.randint(0, 4, (2, 8, 8))
output = segmenter(torch.autograd.Variable(images))
loss = criterion(output, torch.autograd.Variable(labels))
losses.update(loss.data[0], images.size(0))
scores.update(pixel_accuracy(output, labels), images.size(0))
optimizer.zero_grad()
loss.backward()
optimizer.step()
