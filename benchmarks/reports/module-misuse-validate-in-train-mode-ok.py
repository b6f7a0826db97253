# report: https://github.com/DeepRank/deeprank/issues/126
# family: module-misuse
# expect: none
# runtime: runs: train(False) is eval(): validation leaves the BatchNorm running statistics alone
# twin: module-misuse-validate-in-train-mode.py
import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(), nn.Conv2d(8, 4, 1))
optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)


def do_epoch(phase, batches):
    net.train(phase == "train")
    total = 0.0
    for imgs, heatmaps in batches:
        with torch.set_grad_enabled(phase == "train"):
            loss = (net(imgs) - heatmaps).pow(2).mean()
        if phase == "train":
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        total += loss.item()
    return total


do_epoch("train", [(torch.randn(2, 3, 8, 8), torch.randn(2, 4, 8, 8))])
stats = net[1].running_mean.clone()
do_epoch("valid", [(torch.randn(2, 3, 8, 8) + 3.0, torch.randn(2, 4, 8, 8))])
assert torch.equal(stats, net[1].running_mean)
