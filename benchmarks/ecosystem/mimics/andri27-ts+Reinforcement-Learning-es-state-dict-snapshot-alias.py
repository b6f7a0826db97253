# report: https://github.com/andri27-ts/Reinforcement-Learning/blob/c57064f747f51d1c495639c7413f5a2be01acd5f/Week6/ES.py#L79
# family: detach-alias
# expect: 16 18
# runtime: asserts the noise is never removed: state_dict() aliases the parameters, so the in-place p.data += noise also changes the saved dict and load_state_dict restores nothing
import numpy as np
import torch
import torch.nn as nn

STD_NOISE = 0.05
torch.manual_seed(0)
np.random.seed(0)
actor = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 2))


def evaluate_noisy_net(noise, net):
    old_dict = net.state_dict()
    for n, p in zip(noise, net.parameters()):
        p.data += torch.FloatTensor(n * STD_NOISE)
    evaluated = [p.detach().clone() for p in net.parameters()]
    net.load_state_dict(old_dict)
    return evaluated


theta = [p.detach().clone() for p in actor.parameters()]
noise = [np.random.normal(size=p.shape) for p in actor.parameters()]
evaluate_noisy_net(noise, actor)
# the actor still carries +noise after the "restore"
assert not torch.allclose(actor[0].weight, theta[0])
neg = evaluate_noisy_net([-n for n in noise], actor)
# the mirrored evaluation ran the unperturbed parameters, not theta - noise
assert torch.allclose(neg[0], theta[0], atol=1e-6)
