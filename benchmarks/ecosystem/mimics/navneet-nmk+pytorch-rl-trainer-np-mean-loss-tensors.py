# report: https://github.com/navneet-nmk/pytorch-rl/blob/8329234822dcb977931c72db691eabf5b635788c/Training/trainer.py#L213
# family: numpy-conversion
# expect: 25
# runtime: raises RuntimeError: Can't call numpy() on Tensor that requires grad
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)
critic = nn.Linear(5, 1)
critic_optim = torch.optim.Adam(critic.parameters(), lr=1e-3)


def fit_batch():
    loss = nn.MSELoss()(critic(torch.randn(8, 5)).squeeze(1), torch.randn(8))
    critic_optim.zero_grad()
    loss.backward()
    critic_optim.step()
    return loss


epoch_critic_losses = []
for train_steps in range(3):
    epoch_critic_losses.append(fit_batch())
statistics = {'train/loss_critic': np.mean(epoch_critic_losses)}
