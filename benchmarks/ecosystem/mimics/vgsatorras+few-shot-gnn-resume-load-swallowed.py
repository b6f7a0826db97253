# report: https://github.com/vgsatorras/few-shot-gnn/blob/6ad156333e998d26f3d5da6a325c5df6f694a4d1/models/models.py#L188
# family: removed-api
# expect: 24
# runtime: asserts resuming from a checkpoint of a whole pickled module silently starts from fresh weights: torch.load now refuses the module (weights_only) and the bare except hides it
import io
import warnings

import torch
import torch.nn as nn

warnings.simplefilter("ignore")
torch.manual_seed(0)
enc_nn = nn.Sequential(nn.Linear(6, 4), nn.BatchNorm1d(4), nn.LeakyReLU(0.2))
opt = torch.optim.Adam(enc_nn.parameters(), lr=1e-3)
for _ in range(3):
    loss = enc_nn(torch.randn(8, 6)).pow(2).mean()
    opt.zero_grad(); loss.backward(); opt.step()
checkpoint = io.BytesIO()
torch.save(enc_nn, checkpoint)  # 'checkpoints/%s/models/enc_nn.t7'


def load_model(buf):
    try:
        model = torch.load(buf)
        return model
    except:  # noqa: E722 -- "Initiallize new Network Weights"
        pass
    return None


checkpoint.seek(0)
loaded = load_model(checkpoint)
if loaded is None:
    loaded = nn.Sequential(nn.Linear(6, 4), nn.BatchNorm1d(4), nn.LeakyReLU(0.2))
assert not torch.equal(loaded[0].weight, enc_nn[0].weight)  # the trained weights were not restored
