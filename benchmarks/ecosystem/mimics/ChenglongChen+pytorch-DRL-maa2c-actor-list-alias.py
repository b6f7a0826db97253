# report: https://github.com/ChenglongChen/pytorch-DRL/blob/44b8f082ffb054c6dabead8971b66a7be4c1f9ff/MAA2C.py#L80
# family: optimizer-misuse
# expect: 20
# runtime: asserts that with parameter sharing off, the per-agent optimizers all step one shared network: agent 1's update moves agent 0's policy
import torch
import torch.nn as nn
from torch.optim import RMSprop


class Actor(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)

    def forward(self, s):
        return nn.functional.log_softmax(self.fc(s), dim=1)


n_agents = 2
actors = [Actor()] * n_agents
actor_optimizers = [RMSprop(a.parameters(), lr=0.01) for a in actors]

torch.manual_seed(0)
states = torch.randn(8, n_agents, 4)
actions = nn.functional.one_hot(torch.randint(0, 2, (8, n_agents)), 2).float()
advantages = torch.randn(8, n_agents)
before = actors[0].fc.weight.detach().clone()
# only agent 1 learns this round
agent_id = 1
actor_optimizers[agent_id].zero_grad()
logp = (actors[agent_id](states[:, agent_id]) * actions[:, agent_id]).sum(1)
(-(logp * advantages[:, agent_id]).mean()).backward()
actor_optimizers[agent_id].step()
assert actors[0] is actors[1]
assert not torch.equal(actors[0].fc.weight, before)  # agent 0's policy moved by agent 1's step
