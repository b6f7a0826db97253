# report: https://github.com/GodWriter/GAN-Pytorch/blob/42e0657ae4844c9644a2c382de6af977733d9074/context-encoder/infer.py#L62
# family: module-misuse
# expect: 29
# runtime: asserts the single-image inpainting runs BatchNorm in training mode: output uses the image's own statistics and overwrites the running stats
import torch
import torch.nn as nn

torch.manual_seed(0)
generator = nn.Sequential(
    nn.Conv2d(3, 8, 4, stride=2, padding=1), nn.BatchNorm2d(8, 0.8), nn.LeakyReLU(0.2),
    nn.ConvTranspose2d(8, 3, 4, stride=2, padding=1), nn.Tanh(),
)
# "training": a few batches so the running statistics hold the data statistics
opt = torch.optim.Adam(generator.parameters(), lr=1e-3)
for _ in range(5):
    batch = torch.rand(8, 3, 16, 16) * 2 - 1
    loss = (generator(batch) - batch).abs().mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
state = {k: v.clone() for k, v in generator.state_dict().items()}

# inference on one masked image, as in the infer script (no eval())
masked = torch.rand(3, 16, 16).unsqueeze(0) * 0.2
generator.eval()
with torch.no_grad():
    expected = generator(masked)
generator.load_state_dict(state)
generator.train()
gen_mask = generator(masked)
assert not torch.allclose(gen_mask, expected, atol=1e-3)
assert not torch.equal(generator[1].running_mean, state["1.running_mean"])
