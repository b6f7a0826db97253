# report: https://github.com/XuecaiHu/Meta-SR-Pytorch/issues/60
# family: numpy-conversion
# expect: 16
# runtime: raises ValueError: only one element tensors can be converted to Python scalars
import math
import torch
import torch.nn as nn

torch.manual_seed(0)
scale_net = nn.Sequential(nn.Linear(1, 4), nn.ReLU(), nn.Linear(4, 1), nn.Softplus())


def output_size(in_size, scales):
    # Predict a scale per image, then size the upsampled output from it.
    predicted = scale_net(scales.view(-1, 1))
    return math.ceil(in_size * float(predicted))


scales = torch.tensor([1.5, 2.0, 3.0])
size = output_size(16, scales)
print(size)
