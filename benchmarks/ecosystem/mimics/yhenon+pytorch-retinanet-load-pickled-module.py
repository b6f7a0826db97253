# report: https://github.com/yhenon/pytorch-retinanet/blob/0348a9d57b279e3b5b235461b472d37da5feec3d/visualize.py#L48
# family: removed-api
# expect: 15
# runtime: raises UnpicklingError: Weights only load failed
import io
import torch
import torch.nn as nn

torch.manual_seed(0)
detector = nn.DataParallel(nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(), nn.Conv2d(4, 2, 1)))
buf = io.BytesIO()
torch.save(detector.module, buf)  # the whole module is pickled each epoch
data = buf.getvalue()

retinanet = torch.load(io.BytesIO(data))
retinanet.eval()
with torch.no_grad():
    print(retinanet(torch.randn(1, 3, 5, 5)).shape)
