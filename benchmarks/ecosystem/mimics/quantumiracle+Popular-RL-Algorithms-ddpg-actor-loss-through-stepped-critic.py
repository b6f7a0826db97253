# report: https://github.com/quantumiracle/Popular-RL-Algorithms/blob/3b814ea159f1fc0b521d6e0e699a7945f770f105/ddpg.py#L183
# family: gan-step
# expect: 22 27 30
# runtime: raises RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation
import torch
import torch.nn as nn

torch.manual_seed(0)
S, A = 3, 1
qnet = nn.Sequential(nn.Linear(S + A, 16), nn.ReLU(), nn.Linear(16, 1))
target_qnet = nn.Sequential(nn.Linear(S + A, 16), nn.ReLU(), nn.Linear(16, 1))
policy_net = nn.Sequential(nn.Linear(S, 16), nn.ReLU(), nn.Linear(16, A))
target_policy_net = nn.Sequential(nn.Linear(S, 16), nn.ReLU(), nn.Linear(16, A))
q_optimizer = torch.optim.Adam(qnet.parameters(), lr=8e-4)
policy_optimizer = torch.optim.Adam(policy_net.parameters(), lr=8e-4)

state, action, reward, next_state = torch.randn(8, S), torch.randn(8, A), torch.randn(8, 1), torch.randn(8, S)
done = torch.zeros(8, 1)
predict_q = qnet(torch.cat([state, action], 1))
new_next_action = target_policy_net(next_state)
new_action = policy_net(state)
predict_new_q = qnet(torch.cat([state, new_action], 1))  # actor's Q taken before the critic step
target_q = reward + (1 - done) * 0.99 * target_qnet(torch.cat([next_state, new_next_action], 1))
q_loss = nn.MSELoss()(predict_q, target_q.detach())
q_optimizer.zero_grad()
q_loss.backward()
q_optimizer.step()  # rewrites qnet's weights in place
policy_loss = -torch.mean(predict_new_q)
policy_optimizer.zero_grad()
policy_loss.backward()
policy_optimizer.step()
