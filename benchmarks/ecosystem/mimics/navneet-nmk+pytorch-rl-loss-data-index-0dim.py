# report: https://github.com/navneet-nmk/pytorch-rl/blob/8329234822dcb977931c72db691eabf5b635788c/models/DQN.py#L246
# family: removed-api
# expect: 19
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
current_model = nn.Linear(6, 3)
optim = torch.optim.Adam(current_model.parameters(), lr=1e-3)
losses = []
for t in range(2):
    q_values = current_model(torch.randn(4, 6))
    q_value = q_values.gather(1, torch.tensor([[0], [1], [2], [0]])).squeeze(1)
    loss = (q_value - torch.randn(4)).pow(2).mean()
    optim.zero_grad()
    loss.backward()
    optim.step()
    losses.append(loss.data[0])
