# report: https://github.com/AdMoR/pix2pix/blob/ce6f328debfc5a5894d1015fa4ed36fb6d9068c0/inference.py#L28
# family: module-misuse
# expect: 29
# runtime: asserts the unpickled generator is still in training mode, so inference normalises with the single image's batch statistics and overwrites the BatchNorm running stats
import io
import pickle
import torch
import torch.nn as nn

torch.manual_seed(0)
gen = nn.Sequential(nn.Conv2d(1, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(inplace=True),
                    nn.Conv2d(8, 3, 3, padding=1), nn.Tanh())
opt = torch.optim.Adam(gen.parameters(), lr=2e-4, betas=(0.5, 0.999))
for _ in range(20):
    x = torch.rand(2, 1, 16, 16) * 3 + 1
    y = torch.rand(2, 3, 16, 16) * 2 - 1
    opt.zero_grad()
    loss = (gen(x) - y).abs().mean()
    loss.backward()
    opt.step()

buf = io.BytesIO()
pickle.dump(gen, buf)  # saved straight from the training loop, still in train mode
buf.seek(0)

model = pickle.load(buf)
stats_before = model[1].running_mean.clone()
edge = (torch.rand(1, 1, 16, 16) > 0.9).float()  # an edge map: very different statistics
final = model(edge)

assert model.training
reference = pickle.loads(pickle.dumps(gen)).eval()
with torch.no_grad():
    expected = reference(edge)
assert not torch.allclose(final, expected, atol=1e-3)  # output differs from eval-mode inference
assert not torch.equal(model[1].running_mean, stats_before)  # running stats overwritten
print("max diff", (final - expected).abs().max().item())
