# report: https://github.com/ChenRocks/fast_abs_rl/blob/a3cd65016082ab842be4e42b0b26b7bc046f4ad5/rl.py#L96
# family: gan-step
# expect: 28
# runtime: asserts the policy-gradient loss alone puts gradient on the critic head: advantage = r - b keeps the baseline's graph
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
n_sents, dim = 5, 8
encoder = nn.Linear(dim, dim)  # shared between actor and critic
actor_head = nn.Linear(dim, 1)
critic_head = nn.Linear(dim, 1)

enc = torch.tanh(encoder(torch.randn(n_sents, dim)))
probs, actions, baselines = [], [], []
for _ in range(3):
    m = torch.distributions.Categorical(F.softmax(actor_head(enc).t(), dim=-1))
    probs.append(m)
    actions.append(m.sample())
    baselines.append(critic_head(enc.mean(0, keepdim=True)))
reward = torch.tensor([0.3, -0.1, 0.5])
reward = (reward - reward.mean()) / (reward.std() + 1e-6)
baseline = torch.cat(baselines).squeeze()

losses = []
for action, p, r, b in zip(actions, probs, reward, baseline):
    advantage = r - b  # the critic's output is not detached
    losses.append(-p.log_prob(action).squeeze() * (advantage / len(actions)))
actor_loss = torch.stack(losses).sum()
actor_loss.backward()
# the actor objective alone changes the critic: it should leave it untouched
assert critic_head.weight.grad is not None
assert critic_head.weight.grad.abs().sum() > 0
