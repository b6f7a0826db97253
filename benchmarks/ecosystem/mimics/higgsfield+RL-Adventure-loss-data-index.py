# report: https://github.com/higgsfield/RL-Adventure/blob/0f82b6922e8a1a8515fc4c84c28702e7caa226f1/1.dqn.ipynb
# family: removed-api
# expect: 34
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Linear(4, 2)
opt = torch.optim.Adam(net.parameters())


def td_step(states, actions, rewards, next_states):
    q_all = net(states)
    q_taken = q_all.gather(1, actions.unsqueeze(1)).squeeze(1)
    with torch.no_grad():
        target = rewards + 0.99 * net(next_states).max(1)[0]
    loss = (q_taken - target).pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    return loss


history = []
for step in range(2):
    loss = td_step(
        torch.randn(8, 4),
        torch.randint(0, 2, (8,)),
        torch.randn(8),
        torch.randn(8, 4),
    )
    # the mean loss is 0-dim since torch 0.4: indexing its .data fails
    history.append(loss.data[0])
