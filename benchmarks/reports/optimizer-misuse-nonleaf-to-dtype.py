# report: https://github.com/vinsis/ternary-quantization/issues/4
# family: optimizer-misuse
# expect: 17 21
# runtime: raises ValueError: can't optimize a non-leaf Tensor
# twin: optimizer-misuse-nonleaf-to-dtype-ok.py
import torch
import torch.nn as nn

torch.manual_seed(0)
device = torch.device("cpu")
model = nn.Sequential(nn.Linear(4, 6), nn.Tanh(), nn.Linear(6, 2)).double().to(device)
weights_to_quantize = [m.weight for m in model if isinstance(m, nn.Linear)]


def make_scaling_factors(weights):
    # One (positive, negative) scale pair per quantized layer, matching its dtype and device.
    return [torch.ones(2, requires_grad=True).to(device=w.device, dtype=w.dtype) for w in weights]


scaling_factors = make_scaling_factors(weights_to_quantize)
optimizer_sf = torch.optim.Adam(scaling_factors, lr=1e-3)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
x = torch.randn(5, 4, dtype=torch.float64)
loss = model(x).pow(2).mean() + sum(sf.sum() for sf in scaling_factors)
loss.backward()
optimizer.step()
optimizer_sf.step()
