# report: https://github.com/AberHu/Knowledge-Distillation-Zoo/blob/65470c846c1300d555815da26999cbe2b51fc815/kd_losses/bss.py#L7
# family: removed-api
# expect: 8
# runtime: raises ImportError: cannot import name 'zero_gradients'
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd.gradcheck import zero_gradients

torch.manual_seed(0)
teacher = nn.Sequential(nn.Linear(6, 4))
img = torch.randn(3, 6).requires_grad_(True)
target = torch.tensor([0, 1, 2])
attack_class = torch.tensor([1, 2, 3])
for step in range(2):
    zero_gradients(img)
    score = F.softmax(teacher(img), dim=1)
    loss = (score.gather(1, attack_class.unsqueeze(1)) - score.gather(1, target.unsqueeze(1))).sum()
    loss.backward()
    img.data = (img + 0.1 * img.grad / img.grad.norm()).data
