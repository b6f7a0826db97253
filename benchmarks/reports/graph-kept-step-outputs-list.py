# report: https://github.com/TRI-ML/packnet-sfm/pull/51
# family: graph-kept
# expect: 32
# runtime: asserts the epoch's output list holds each batch's loss with its graph
# twin: graph-kept-step-outputs-list-ok.py
import torch
import torch.nn as nn

torch.manual_seed(0)


class DepthModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(), nn.Conv2d(8, 1, 3, padding=1))

    def training_step(self, image, depth):
        pred = torch.sigmoid(self.net(image))
        loss = (pred - depth).abs().mean()
        return {"loss": loss, "metrics": {"abs_rel": ((pred - depth).abs() / depth).mean().item()}}


model = DepthModel()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
outputs = []
for batch in range(3):
    image, depth = torch.rand(2, 3, 8, 8), torch.rand(2, 1, 8, 8) + 0.5
    output = model.training_step(image, depth)
    optimizer.zero_grad()
    output["loss"].backward()
    optimizer.step()
    outputs.append(output)
epoch_loss = torch.stack([o["loss"] for o in outputs]).mean()
assert all(o["loss"].grad_fn is not None for o in outputs)
