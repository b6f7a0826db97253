# report: https://github.com/zhanghang1989/PyTorch-Multi-Style-Transfer/blob/75d256049a6af7ceccae01bd5c472556478048ea/experiments/main.py#L102
# family: removed-api
# expect: 21
# runtime: raises IndexError: too many indices for array
import torch
import torch.nn as nn

torch.manual_seed(0)
vgg = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU())
for p in vgg.parameters():
    p.requires_grad_(False)
content = torch.rand(1, 3, 6, 6) * 255
target = vgg(content).detach()
output = content.clone().requires_grad_(True)
optimizer = torch.optim.Adam([output], lr=1.0)
for it in range(2):
    optimizer.zero_grad()
    total_loss = nn.functional.mse_loss(vgg(output), target) + 1e-3 * output.pow(2).mean()
    total_loss.backward()
    optimizer.step()
    desc = total_loss.data.cpu().numpy()[0]
