# report: https://github.com/navneet-nmk/pytorch-rl/blob/8329234822dcb977931c72db691eabf5b635788c/models/A2C.py#L262
# family: backward-twice
# expect: 23 31
# runtime: raises RuntimeError: backward through the graph a second time
import torch
import torch.nn as nn

torch.manual_seed(0)
actor = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2), nn.Softmax(dim=1))
critic = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1))
actor_optim = torch.optim.Adam(actor.parameters(), lr=1e-3)
critic_optim = torch.optim.Adam(critic.parameters(), lr=1e-3)
s = torch.randn(6, 4)
a = torch.randint(0, 2, (6, 1))
true_state_values = torch.randn(6, 1)

action_probs = actor(s)
state_values = critic(s)
action_log_probs = action_probs.log()
chosen_action_log_probs = action_log_probs.gather(1, a)
advantages = true_state_values - state_values
entropy = (action_probs * action_log_probs).sum(1).mean()
action_gain = (chosen_action_log_probs * advantages).mean()
critic_optim.zero_grad()
value_loss = advantages.pow(2).mean()
value_loss.backward()
nn.utils.clip_grad_norm_(critic.parameters(), 0.5)
critic_optim.step()
actor_optim.zero_grad()
actor_loss = -action_gain - 0.0001 * entropy
actor_loss.backward()
actor_optim.step()
