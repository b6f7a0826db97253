# report: https://github.com/alexis-jacq/Pytorch-DPPO/blob/ec9303419078689d38a0eb89f220f69e3e105897/train.py#L164
# family: inplace-saved-tensor
# expect: 19 25
# runtime: raises RuntimeError: modified by an inplace operation
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 2))
model_old = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 2))
model_old.load_state_dict(model.state_dict())
shared_model = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 2))
batch_states = torch.randn(5, 3)
batch_actions = torch.randn(5, 2)
batch_advantages = torch.randn(5, 1)

model.load_state_dict(shared_model.state_dict())
model.zero_grad()
mu_old = model_old(batch_states.detach())  # old probabilities keep model_old's graph
probs_old = torch.exp(-(batch_actions - mu_old).pow(2))
mu = model(batch_states)
probs = torch.exp(-(batch_actions - mu).pow(2))
ratio = probs / (1e-10 + probs_old)
total_loss = -torch.mean(torch.min(ratio * batch_advantages, ratio.clamp(0.8, 1.2) * batch_advantages))
model_old.load_state_dict(model.state_dict())  # copies into the weights saved by probs_old's graph
total_loss.backward()
