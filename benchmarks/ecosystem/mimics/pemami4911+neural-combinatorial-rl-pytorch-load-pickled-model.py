# report: https://github.com/pemami4911/neural-combinatorial-rl-pytorch/blob/fc20970dda459891715b584a2a45fb9c9bdc7b8c/trainer.py#L120
# family: removed-api
# expect: 17
# runtime: raises UnpicklingError: Weights only load failed
import io
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.ModuleDict({"actor_net": nn.LSTM(2, 4), "head": nn.Linear(4, 1)})
buffer = io.BytesIO()
torch.save(model, buffer)  # trainer.py saves the whole model each epoch
buffer.seek(0)

# restart from a saved state: --load_path
load_path = buffer
model = torch.load(load_path)
model.train()
