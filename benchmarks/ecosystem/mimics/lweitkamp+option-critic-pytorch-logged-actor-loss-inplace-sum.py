# report: https://github.com/lweitkamp/option-critic-pytorch/blob/fab40f7aae0ff45cf5945b7de79d5ae5446d31a0/main.py#L121
# family: detach-alias
# expect: 25
# runtime: asserts the logged actor loss is the total loss: loss = actor_loss; loss += critic_loss adds in place into the actor_loss tensor that is logged afterwards
import torch
import torch.nn as nn

torch.manual_seed(0)
feat = nn.Linear(4, 8)
Q = nn.Linear(8, 2)
term = nn.Linear(8, 2)
optim = torch.optim.RMSprop([*feat.parameters(), *Q.parameters(), *term.parameters()], lr=5e-4)
logged = {}

obs = torch.randn(1, 4)
state = feat(obs)
option = 0
termination_loss = term(state)[:, option].sigmoid() * 0.3
policy_loss = -torch.log_softmax(Q(state), -1)[:, option] * 0.5
actor_loss = termination_loss + policy_loss
actor_value = actor_loss.item()
critic_loss = (Q(feat(torch.randn(8, 4)))[:, 0] - 1.0).pow(2).mul(0.5).mean()

loss = actor_loss
loss += critic_loss
optim.zero_grad()
loss.backward()
optim.step()
logged["actor_loss"] = actor_loss.item()
logged["critic_loss"] = critic_loss.item()
print(logged, actor_value)
assert abs(logged["actor_loss"] - (actor_value + logged["critic_loss"])) < 1e-5
assert abs(logged["actor_loss"] - actor_value) > 1e-3
