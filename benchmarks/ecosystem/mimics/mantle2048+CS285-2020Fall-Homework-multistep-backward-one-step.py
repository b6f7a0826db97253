# report: https://github.com/mantle2048/CS285-2020Fall-Homework/blob/903374d5a8eb676b5a9536b2cdcae86385cb3cfb/hw2/cs285/policies/MLP_policy.py#L224
# family: optimizer-misuse
# expect: 22
# runtime: asserts the multi-step update only sums the same gradient multi_step times and takes a single Adam step, identical to multi_step=1
import copy
import torch
import torch.nn as nn

torch.manual_seed(0)
base = nn.Sequential(nn.Linear(4, 16), nn.Tanh(), nn.Linear(16, 3))
observations = torch.randn(10, 4)
actions = torch.randint(0, 3, (10,))
advantages = torch.randn(10)


def update(policy, multi_step):
    optimizer = torch.optim.Adam(policy.parameters(), lr=5e-3)
    log_pi = torch.distributions.Categorical(logits=policy(observations)).log_prob(actions)
    loss = torch.neg(torch.sum(log_pi * advantages))
    optimizer.zero_grad()
    for _ in range(multi_step - 1):
        loss.backward(retain_graph=True)
    loss.backward()
    optimizer.step()
    return policy[0].weight.grad.clone()


one, three = copy.deepcopy(base), copy.deepcopy(base)
g1 = update(one, 1)
g3 = update(three, 3)
assert torch.allclose(g3, 3 * g1, atol=1e-5)  # just a scaled gradient
for p1, p3 in zip(one.parameters(), three.parameters()):
    assert torch.allclose(p1, p3, atol=1e-6)  # no extra policy steps were taken
