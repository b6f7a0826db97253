# report: https://github.com/8Gitbrix/DQN/blob/3d5572b887e0e968814726a7825683a230857c07/dqn.py#L66
# family: module-misuse
# expect: 31
# runtime: asserts greedy actions come from the BatchNorm Q-network in train mode on a batch padded with a zero frame: the Q-values of the state are normalized with statistics of [state, zeros], differ from eval mode, and acting rewrites the running statistics
import torch
import torch.nn as nn

torch.manual_seed(0)
Q = nn.Sequential(
    nn.BatchNorm2d(4), nn.Conv2d(4, 8, 4, stride=2), nn.ReLU(),
    nn.BatchNorm2d(8), nn.Flatten(), nn.Linear(8 * 7 * 7, 3),
)
opt = torch.optim.RMSprop(Q.parameters(), lr=2.5e-4)
for _ in range(20):  # training batches of 32 frames set the running statistics
    loss = Q(torch.rand(32, 4, 16, 16)).pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
trained_mean = Q[0].running_mean.clone()

state = torch.rand(1, 4, 16, 16)
with torch.no_grad():
    Q.eval()
    q_intended = Q(state)[0]
    Q.train()  # the original never leaves train mode


def e_greedy(state):
    with torch.no_grad():
        padded = torch.cat((state, torch.zeros(state.size())), 0)
        qvalues = Q(padded)
    return qvalues[0]


q_acting = e_greedy(state)
assert not torch.allclose(q_acting, q_intended, atol=1e-3)
assert not torch.allclose(Q[0].running_mean, trained_mean)
