# report: https://github.com/jadore801120/attention-is-all-you-need-pytorch/blob/132907dd272e2cc92e3c10e6c4e783a87ff8893d/translate.py#L16
# family: removed-api
# expect: 19
# runtime: raises UnpicklingError: Weights only load failed
import argparse
import io
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Linear(4, 3)
opt = argparse.Namespace(d_model=4, n_layers=1, proj_share_weight=False)
buf = io.BytesIO()
# train.py: the checkpoint carries the argparse options next to the state dict
torch.save({'epoch': 0, 'settings': opt, 'model': model.state_dict()}, buf)
data = buf.getvalue()

# translate.py load_model
checkpoint = torch.load(io.BytesIO(data), map_location='cpu')
model_opt = checkpoint['settings']
loaded = nn.Linear(model_opt.d_model, 3)
loaded.load_state_dict(checkpoint['model'])
print(loaded.weight.shape)
