# report: https://github.com/Shivanshu-Gupta/Pytorch-Double-DQN/blob/1cff44d95d7881c6afc029b734508b1a705dfe14/agent.py#L178
# family: module-misuse
# expect: 30
# runtime: asserts the Q-network (with BatchNorm) is never put in eval mode: the greedy evaluation normalizes each single frame with its own batch statistics and keeps rewriting the running statistics
import torch
import torch.nn as nn

torch.manual_seed(0)
qnet = nn.Sequential(
    nn.Conv2d(4, 8, kernel_size=4, stride=2), nn.BatchNorm2d(8), nn.ReLU(),
    nn.Flatten(), nn.Linear(8 * 7 * 7, 3),
)
# "training": batches of 32 set the running statistics
opt = torch.optim.RMSprop(qnet.parameters(), lr=1e-3)
for _ in range(20):
    loss = qnet(torch.rand(32, 4, 16, 16) * 2 + 1).pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
trained_mean = qnet[1].running_mean.clone()


def act(state):
    with torch.no_grad():
        return qnet(state.unsqueeze(0))


frame = torch.rand(4, 16, 16) * 0.1
for _ in range(10):  # agent.eval(): Qnet.eval() is never called
    q_train_mode = act(frame)

qnet.eval()
q_eval_mode = qnet(frame.unsqueeze(0)).detach()
assert not torch.allclose(q_train_mode, q_eval_mode, atol=1e-3)
assert not torch.allclose(qnet[1].running_mean, trained_mean)
