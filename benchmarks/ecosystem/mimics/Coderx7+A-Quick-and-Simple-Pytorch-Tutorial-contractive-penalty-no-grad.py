# report: https://github.com/Coderx7/A-Quick-and-Simple-Pytorch-Tutorial/blob/19327e82a083665d05f2d60fb190f868d4ac5d0e/autoencoders.py#L2203
# family: grad-missing
# expect: 17
# runtime: asserts the contractive penalty built from imgs.grad has no grad_fn, so parameter gradients are identical with or without it
import torch
import torch.nn as nn

torch.manual_seed(0)
encoder = nn.Sequential(nn.Flatten(), nn.Linear(16, 6), nn.Sigmoid())
decoder = nn.Sequential(nn.Linear(6, 16), nn.Sigmoid(), nn.Unflatten(1, (1, 4, 4)))
params = list(encoder.parameters()) + list(decoder.parameters())


def loss_function(outputs_e, outputs, imgs, lamda):
    loss1 = nn.MSELoss()(outputs, imgs)
    # gradient of the code w.r.t. the input, taken without create_graph
    outputs_e.backward(torch.ones(outputs_e.size()), retain_graph=True)
    # Frobenius-style norm of the Jacobian
    loss2 = torch.sqrt(torch.sum(torch.abs(imgs.grad)))
    imgs.grad.data.zero_()
    return loss1 + lamda * loss2, loss2


def grads_for(lamda):
    torch.manual_seed(1)
    imgs = torch.rand(5, 1, 4, 4).requires_grad_(True)
    code = encoder(imgs)
    out = decoder(code)
    loss, penalty = loss_function(code, out, imgs, lamda)
    for p in params:
        p.grad = None
    loss.backward()
    return [p.grad.clone() for p in params], penalty


with_penalty, penalty = grads_for(1000.0)
without_penalty, _ = grads_for(0.0)
assert penalty.item() > 0 and penalty.grad_fn is None
assert all(torch.allclose(a, b) for a, b in zip(with_penalty, without_penalty))
