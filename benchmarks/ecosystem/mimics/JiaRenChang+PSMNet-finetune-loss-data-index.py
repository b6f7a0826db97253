# report: https://github.com/JiaRenChang/PSMNet/blob/87ac9093afbf6545c093bd9d26c5ffd66e49a7b8/finetune.py#L114
# family: removed-api
# expect: 28
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
maxdisp = 4
matcher = nn.Sequential(nn.Conv2d(6, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(inplace=True), nn.Conv2d(8, maxdisp, 1))
optimizer = torch.optim.Adam(matcher.parameters(), lr=0.1, betas=(0.9, 0.999))
disparities = torch.arange(maxdisp, dtype=torch.float32).view(1, maxdisp, 1, 1)


def train(imgL, imgR, disp_L):
    matcher.train()
    imgL, imgR, disp_true = Variable(torch.FloatTensor(imgL)), Variable(torch.FloatTensor(imgR)), Variable(torch.FloatTensor(disp_L))
    mask = disp_true > 0
    mask.detach_()
    optimizer.zero_grad()
    prob = F.softmax(matcher(torch.cat([imgL, imgR], 1)), dim=1)
    pred = torch.sum(prob * disparities, 1)
    loss = F.smooth_l1_loss(pred[mask], disp_true[mask])
    loss.backward()
    optimizer.step()
    return loss.data[0]


total_train_loss = 0
for _ in range(2):
    total_train_loss += train(torch.rand(2, 3, 8, 8), torch.rand(2, 3, 8, 8), torch.rand(2, 8, 8) * maxdisp)
