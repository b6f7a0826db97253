# report: https://github.com/XiaMooo/Yolo-Detect-Layer-Visualization/issues/1
# family: numpy-conversion
# expect: 19
# runtime: raises RuntimeError: Can't call numpy() on Tensor that requires grad
# twin: numpy-conversion-heatmap-features-ok.py
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)
backbone = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.SiLU(), nn.Conv2d(4, 2, 3, padding=1))
image = torch.rand(1, 3, 8, 8)


def normalized_heatmaps(*arrays):
    maps = []
    for array in arrays:
        if isinstance(array, torch.Tensor):
            array = array.cpu().numpy()
        array = (array - array.min()) / (array.max() - array.min() + 1e-8)
        maps.append(np.uint8(255 * array))
    return maps


features = backbone(image)[0]
heatmaps = normalized_heatmaps(features[0], features[1])
print([h.shape for h in heatmaps])
