# report: https://github.com/andri27-ts/Reinforcement-Learning/blob/c57064f747f51d1c495639c7413f5a2be01acd5f/Week3/neural_net.py#L51
# family: detach-alias
# expect: 20 22
# runtime: asserts the sigma gradient of the first forward uses the noise drawn by the second forward: epsilon is resampled in place through .data
import torch
import torch.nn as nn
import torch.nn.functional as F


class NoisyLinear(nn.Linear):
    def __init__(self, n_in, n_out):
        super().__init__(n_in, n_out)
        self.sigma_weight = nn.Parameter(torch.full((n_out, n_in), 0.017))
        self.sigma_bias = nn.Parameter(torch.full((n_out,), 0.017))
        self.register_buffer("epsilon_weight", torch.zeros(n_out, n_in))
        self.register_buffer("epsilon_bias", torch.zeros(n_out))

    def forward(self, x):
        self.epsilon_bias.data.normal_()
        bias = self.bias + self.sigma_bias * self.epsilon_bias
        self.epsilon_weight.data.normal_()
        weight = self.weight + self.sigma_weight * self.epsilon_weight
        return F.linear(x, weight, bias)


torch.manual_seed(0)
net = NoisyLinear(4, 3)
states, next_states = torch.randn(5, 4), torch.randn(5, 4)
actions = torch.tensor([0, 1, 2, 1, 0])
targets = torch.randn(5)
q_sa = net(states).gather(1, actions[:, None]).squeeze(-1)
eps_first = net.epsilon_weight.clone()
# double DQN (or a target net that is the online net): the layer runs again before backward
best = net(next_states).max(1)[1]
eps_second = net.epsilon_weight.clone()
loss = (q_sa - targets).pow(2).mean()
loss.backward()
# d loss / d sigma must be (d loss / d effective weight) * the noise that forward used
assert not torch.allclose(net.sigma_weight.grad, net.weight.grad * eps_first)
assert torch.allclose(net.sigma_weight.grad, net.weight.grad * eps_second)
