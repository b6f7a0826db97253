# report: https://github.com/DKuan/MADDPG_torch/blob/7caf97c2433bb53e1919b6715670135144b81911/enjoy_split.py#L32
# family: removed-api
# expect: 20
# runtime: raises UnpicklingError: Weights only load failed
import io
import torch
import torch.nn as nn

torch.manual_seed(0)
n_agents = 2
files = []
for agent_idx in range(n_agents):
    actor = nn.Sequential(nn.Linear(8, 16), nn.LeakyReLU(0.01), nn.Linear(16, 5))
    buf = io.BytesIO()
    torch.save(actor, buf)  # the whole actor module is pickled during training
    buf.seek(0)
    files.append(buf)

# evaluation script: reload every actor as a whole module (weights_only=True by default now)
actors_tar = [torch.load(files[agent_idx], map_location='cpu') for agent_idx in range(n_agents)]

obs = torch.randn(8)
for actor in actors_tar:
    print(torch.softmax(actor(obs), dim=-1))
