# report: https://github.com/bearpaw/pytorch-pose/blob/edc7aece651649927764435ce0c1f03cffa2edaf/example/main.py#L285
# family: detach-alias
# expect: 24
# runtime: asserts on a CPU run score_map = output[-1].cpu() is the same tensor as output[-1], so score_map += flip_output also changes the network output that the validation loss is computed from
import torch
import torch.nn as nn

torch.manual_seed(0)
device = torch.device("cpu")
net = nn.Conv2d(3, 4, 3, padding=1).to(device)
criterion = nn.MSELoss()
net.eval()

with torch.no_grad():
    inp = torch.randn(2, 3, 8, 8, device=device)
    target = torch.rand(2, 4, 8, 8, device=device)
    output = [net(inp), net(inp) * 0.5]  # stacked hourglass: list of heatmaps
    clean_last = output[-1].clone()
    expected_loss = criterion(output[0], target) + criterion(clean_last, target)

    score_map = output[-1].cpu()
    flip_output = net(torch.flip(inp, dims=[3]))
    flip_output = torch.flip(flip_output, dims=[3])
    score_map += flip_output

    loss = 0
    for o in output:
        loss += criterion(o, target)

assert score_map is output[-1]
assert not torch.equal(output[-1], clean_last)  # the prediction was overwritten with pred + flipped pred
assert not torch.allclose(loss, expected_loss)  # so the reported validation loss is wrong
