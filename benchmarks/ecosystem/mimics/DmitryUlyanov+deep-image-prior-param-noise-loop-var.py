# report: https://github.com/DmitryUlyanov/deep-image-prior/blob/042e0d4c1e93f4b1eb0932781de55b8cff5e0f40/activation_maximization.ipynb
# family: module-misuse
# expect: 21
# runtime: asserts n = n + noise rebinds the loop variable: the conv weights never get the parameter noise, the forward pass is identical to the noiseless one
import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Sequential(nn.Conv2d(4, 8, 3, padding=1), nn.LeakyReLU(0.2), nn.Conv2d(8, 3, 1), nn.Sigmoid())
net_input = torch.rand(1, 4, 8, 8) * 0.1
target = torch.rand(1, 3, 8, 8)
optimizer = torch.optim.Adam(net.parameters(), lr=0.01)
param_noise = True
before = [p.detach().clone() for p in net.parameters()]
clean_out = net(net_input).detach()


def closure():
    if param_noise:
        for n in [x for x in net.parameters() if len(x.size()) == 4]:
            n = n + n.detach().clone().normal_() * n.std() / 50
    out = net(net_input)
    loss = nn.functional.mse_loss(out, target)
    loss.backward()
    return out.detach()


optimizer.zero_grad()
noisy_out = closure()
for p, b in zip(net.parameters(), before):
    assert torch.equal(p, b)  # no weight was perturbed
assert torch.equal(noisy_out, clean_out)  # the "noisy" forward is the clean one
optimizer.step()
