# report: https://github.com/Coderx7/A-Quick-and-Simple-Pytorch-Tutorial/blob/19327e82a083665d05f2d60fb190f868d4ac5d0e/autoencoders.py#L700
# family: graph-kept
# expect: 22
# runtime: asserts every stored reconstruction sample still carries its autograd graph (grad_fn) after the epoch loop
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Flatten(), nn.Linear(16, 8), nn.Sigmoid(), nn.Linear(8, 16), nn.Sigmoid())
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, 10)
loader = [(torch.rand(4, 1, 4, 4), None) for _ in range(2)]
imgs_list = []
for e in range(3):
    for imgs, _ in loader:
        rec_imgs = model(imgs).view(imgs.size(0), 1, 4, 4)
        loss = nn.MSELoss()(rec_imgs, imgs)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    scheduler.step()
    imgs_list.append((imgs[0], rec_imgs[0]))

assert len(imgs_list) == 3
assert all(rec.grad_fn is not None for _, rec in imgs_list)
