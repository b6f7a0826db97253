# report: https://github.com/higgsfield/RL-Adventure-2/blob/277966f7a7a852899a98e989f32b2732646c0704/9.her.ipynb
# family: removed-api
# expect: 35
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
bits = 4
model = nn.Linear(2 * bits, bits)
target_model = nn.Linear(2 * bits, bits)
target_model.load_state_dict(model.state_dict())
optimizer = torch.optim.Adam(model.parameters())


def compute_td_error(batch):
    state, goal, next_state = torch.rand(batch, bits), torch.rand(batch, bits), torch.rand(batch, bits)
    action = torch.randint(0, bits, (batch, 1))
    reward = -torch.ones(batch, 1)
    q_value = model(torch.cat([state, goal], 1)).gather(1, action)
    next_q = target_model(torch.cat([next_state, goal], 1)).max(1, keepdim=True)[0]
    expected = reward + 0.99 * next_q
    loss = (q_value - expected.detach()).pow(2).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss


losses = []
for episode in range(2):
    loss = compute_td_error(5)
    if loss is not None:
        # a 0-dim loss cannot be indexed
        losses.append(loss.data[0])
