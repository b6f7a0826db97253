# report: https://github.com/jalola/improved-wgan-pytorch/blob/5bb0b729809152d9129ef72a9dd28b3ff83021a2/congan_train.py#L151
# family: removed-api
# expect: 11
# runtime: raises UnpicklingError: Weights only load failed
import io
import torch
import torch.nn as nn
buf = io.BytesIO()
torch.save(nn.Sequential(nn.Linear(8, 12), nn.Tanh()), buf)  # torch.save(aG, OUTPUT_PATH + "generator.pt")
buf.seek(0)
aG = torch.load(buf)  # RESTORE_MODE: aG = torch.load(OUTPUT_PATH + "generator.pt")
