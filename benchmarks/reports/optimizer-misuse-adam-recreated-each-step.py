# report: https://github.com/zju3dv/Vox-Fusion/issues/31
# family: optimizer-misuse
# expect: 18
# runtime: asserts Adam's state restarts every iteration: its step count never passes 1, momentum is lost
import torch
import torch.nn as nn

torch.manual_seed(0)
decoder = nn.Sequential(nn.Linear(3, 16), nn.ReLU(), nn.Linear(16, 1))
pose = torch.zeros(3, requires_grad=True)
points = torch.randn(32, 3)
target_sdf = torch.randn(32, 1)


def track_frame(num_iters=5, lr=1e-2):
    steps = []
    for _ in range(num_iters):
        optim = torch.optim.Adam([{"params": [pose], "lr": lr},
                                  {"params": decoder.parameters(), "lr": lr}])
        loss = (decoder(points + pose) - target_sdf).abs().mean()
        optim.zero_grad()
        loss.backward()
        optim.step()
        steps.append(int(optim.state[pose]["step"]))
    return steps


assert track_frame() == [1, 1, 1, 1, 1]
