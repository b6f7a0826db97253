# report: https://github.com/MorvanZhou/PyTorch-Tutorial/blob/dbe154a9e56635e51c6b0c2ccea8ae36cfb585a7/tutorial-contents-notebooks/405_DQN_Reinforcement_learning.ipynb
# family: removed-api
# expect: 25
# runtime: warns Using a target size
import warnings
import torch
import torch.nn as nn

torch.manual_seed(0)
B, N_STATES, GAMMA = 6, 4, 0.9
eval_net = nn.Sequential(nn.Linear(N_STATES, 10), nn.ReLU(), nn.Linear(10, 2))
target_net = nn.Sequential(nn.Linear(N_STATES, 10), nn.ReLU(), nn.Linear(10, 2))
target_net.load_state_dict(eval_net.state_dict())
optimizer = torch.optim.Adam(eval_net.parameters(), lr=0.01)
loss_func = nn.MSELoss()
b_s = torch.randn(B, N_STATES)
b_a = torch.randint(0, 2, (B, 1))
b_r = torch.randn(B, 1)
b_s_ = torch.randn(B, N_STATES)

q_eval = eval_net(b_s).gather(1, b_a)  # (B, 1)
q_next = target_net(b_s_).detach()
# max(1)[0] is (B,) since 0.2 (it was (B, 1)): adding the (B, 1) rewards
# broadcasts the target to (B, B), and the loss compares every pair of samples
q_target = b_r + GAMMA * q_next.max(1)[0]
loss = loss_func(q_eval, q_target)
assert q_target.shape == (B, B)
optimizer.zero_grad()
loss.backward()
optimizer.step()
