# report: https://github.com/rwightman/pytorch-nips2017-adversarial/blob/1727494ea3bfcbc3b4754b35096e816e1269ff38/python/attacks/iterative.py#L73
# family: detach-alias
# expect: 23
# runtime: asserts the random start is written through input_var.data into the caller's clean batch (Variable shares its storage), so the epsilon ball is re-centred and the final image lies farther than eps from the original
import torch
import torch.nn as nn
from torch import autograd

torch.manual_seed(0)
target_model = nn.Sequential(nn.Flatten(), nn.Linear(12, 10), nn.LogSoftmax(dim=1))
eps, num_steps = 16 / 255.0, 1
step_alpha, random_alpha = eps / num_steps, eps / 5


def attack(input, target):
    input_var = autograd.Variable(input, requires_grad=True)
    target_var = autograd.Variable(target)
    step = 0
    while step < num_steps:
        input_var.grad = None
        output = target_model(input_var)
        target_var.data = output.data.max(1)[1]
        input_var.data += random_alpha * torch.sign(torch.normal(mean=torch.zeros(input_var.size()), std=1.0))
        output = target_model(input_var)
        loss = nn.functional.nll_loss(output, target_var)
        loss.backward()
        step_adv = input_var.data + step_alpha * torch.sign(input_var.grad.data)
        total_adv = torch.clamp(step_adv - input, -eps, eps)
        input_adv = torch.clamp(input + total_adv, 0.0, 1.0)
        input_var.data = input_adv
        step += 1
    return input_adv


clean = torch.rand(2, 3, 2, 2) * 0.5 + 0.25
batch = clean.clone()
adv = attack(batch, torch.tensor([1, 4]))
assert not torch.equal(batch, clean)  # the caller's clean images were modified
assert (adv - clean).abs().max() > eps + 1e-6  # the L-inf budget is exceeded
