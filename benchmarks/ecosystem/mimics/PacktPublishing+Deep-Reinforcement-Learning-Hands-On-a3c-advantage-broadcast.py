# report: https://github.com/PacktPublishing/Deep-Reinforcement-Learning-Hands-On/blob/10cd8978ac4cc29f599b70edcf83025f02c4b22e/Chapter11/02_a3c_grad.py#L75
# family: gan-step
# expect: 26
# runtime: asserts the (B,) reference values minus the (B,1) critic values broadcast the advantage to (B,B): the policy gradient uses ref - mean(V) instead of ref - V(s)
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
B, N_ACT = 6, 3
body = nn.Sequential(nn.Linear(4, 16), nn.ReLU())
policy = nn.Linear(16, N_ACT)
value = nn.Linear(16, 1)
params = list(body.parameters()) + list(policy.parameters())

states_v = torch.randn(B, 4)
actions_t = torch.randint(0, N_ACT, (B,))
vals_ref_v = torch.randn(B)  # n-step discounted returns, shape (B,)


def policy_loss(fixed):
    h = body(states_v)
    logits_v, value_v = policy(h), value(h)  # value_v is (B, 1)
    log_prob_v = F.log_softmax(logits_v, dim=1)
    if not fixed:
        adv_v = vals_ref_v - value_v.detach()
    else:
        adv_v = vals_ref_v - value_v.squeeze(-1).detach()
    log_prob_actions_v = adv_v * log_prob_v[range(B), actions_t]
    return -log_prob_actions_v.mean(), adv_v


loss_bug, adv_bug = policy_loss(False)
g_bug = torch.autograd.grad(loss_bug, params)
loss_ok, adv_ok = policy_loss(True)
g_ok = torch.autograd.grad(loss_ok, params)

assert adv_bug.shape == (B, B) and adv_ok.shape == (B,)
assert not all(torch.allclose(a, b, atol=1e-6) for a, b in zip(g_bug, g_ok))
print('advantage shape', tuple(adv_bug.shape), 'policy loss', loss_bug.item(), 'vs', loss_ok.item())
