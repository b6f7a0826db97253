# report: https://github.com/opteroncx/SESR/issues/9
# family: removed-api
# expect: 30
# runtime: raises TypeError: got an unexpected keyword argument 'retain_variables'
import torch
import torch.nn as nn


class LapNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.feat = nn.Conv2d(1, 8, 3, padding=1)
        self.up = nn.ConvTranspose2d(8, 8, 4, stride=2, padding=1)
        self.to_img = nn.Conv2d(8, 1, 3, padding=1)

    def forward(self, x):
        f2 = self.up(torch.relu(self.feat(x)))
        f4 = self.up(f2)
        return self.to_img(f2), self.to_img(f4)


torch.manual_seed(0)
model = LapNet()
criterion = nn.L1Loss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
lr_img, hr2, hr4 = torch.rand(1, 1, 4, 4), torch.rand(1, 1, 8, 8), torch.rand(1, 1, 16, 16)
out_x2, out_x4 = model(lr_img)
loss_x2, loss_x4 = criterion(out_x2, hr2), criterion(out_x4, hr4)
optimizer.zero_grad()
loss_x2.backward(retain_variables=True)
loss_x4.backward()
optimizer.step()
