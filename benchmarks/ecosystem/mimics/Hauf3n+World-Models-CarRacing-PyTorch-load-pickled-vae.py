# report: https://github.com/Hauf3n/World-Models-CarRacing-PyTorch/blob/2e313baa720fbde6626513da4346ed8ba6f1dd6a/World_Model.py#L35
# family: removed-api
# expect: 22
# runtime: raises UnpicklingError: Weights only load failed
import io
import torch
import torch.nn as nn

torch.manual_seed(0)
vae_encoder = nn.Sequential(nn.Conv2d(3, 8, 4, stride=2), nn.ReLU(), nn.Flatten(), nn.Linear(8 * 7 * 7, 32))
opt = torch.optim.Adam(vae_encoder.parameters(), lr=1e-3)
x = torch.rand(4, 3, 16, 16)
loss = vae_encoder(x).pow(2).mean()
opt.zero_grad()
loss.backward()
opt.step()

vae_file = io.BytesIO()
torch.save(vae_encoder, vae_file)  # trainer saves the whole module
vae_file.seek(0)

vae = torch.load(vae_file, map_location='cpu')  # world model reloads it as a module
print(vae(x).shape)
