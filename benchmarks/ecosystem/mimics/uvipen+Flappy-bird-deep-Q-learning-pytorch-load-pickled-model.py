# report: https://github.com/uvipen/Flappy-bird-deep-Q-learning-pytorch/blob/c4f2c363d7f887b0e2d028367deef40568f638cc/test.py#L30
# family: removed-api
# expect: 19
# runtime: raises UnpicklingError: Weights only load failed
import io
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(4, 8, 3), nn.ReLU(inplace=True), nn.Flatten(), nn.LazyLinear(2))
model(torch.rand(1, 4, 12, 12))
saved = io.BytesIO()
torch.save(model, saved)  # training saves the whole module
saved.seek(0)


def test():
    # weights_only=True by default since torch 2.6 refuses a pickled nn.Module
    model = torch.load(saved, map_location=lambda storage, loc: storage)
    model.eval()
    return model(torch.rand(1, 4, 12, 12))


test()
