# report: https://github.com/jmtomczak/vae_vampprior/blob/bb6ff3e58036adbea448e82d7bc55593d605b52c/utils/perform_experiment.py#L78
# family: removed-api
# expect: 14
# runtime: raises UnpicklingError: Weights only load failed
import io
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(6, 4), nn.Tanh(), nn.Linear(4, 6), nn.Sigmoid())
buf = io.BytesIO()
torch.save(model, buf)  # early stopping: torch.save(model, dir + args.model_name + '.model')
buf.seek(0)
best_model = torch.load(buf)  # FINAL EVALUATION
