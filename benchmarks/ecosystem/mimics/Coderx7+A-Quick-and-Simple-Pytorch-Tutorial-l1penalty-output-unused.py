# report: https://github.com/Coderx7/A-Quick-and-Simple-Pytorch-Tutorial/blob/19327e82a083665d05f2d60fb190f868d4ac5d0e/autoencoders.py#L635
# family: grad-missing
# expect: 35
# runtime: asserts the L1Penalty Function is applied to a result that is thrown away, so its backward never runs and the gradients equal the plain reconstruction loss
import torch
import torch.nn as nn
from torch.autograd import Function

torch.manual_seed(0)
calls = []


class L1Penalty(Function):
    @staticmethod
    def forward(ctx, input, l1_weight):
        ctx.save_for_backward(input)
        ctx.l1_weight = l1_weight
        return input

    @staticmethod
    def backward(ctx, grad_outputs):
        calls.append(1)
        input, = ctx.saved_tensors
        grad_input = input.clone().sign().mul(ctx.l1_weight)
        grad_input += grad_outputs
        return grad_input, None


encoder = nn.Sequential(nn.Linear(16, 8), nn.Sigmoid())
decoder = nn.Sequential(nn.Linear(8, 16), nn.Sigmoid())


def sparse_loss(outputs_enc, rec, imgs, l1_weight):
    loss = nn.MSELoss()(rec, imgs)
    output = L1Penalty.apply(outputs_enc, l1_weight)
    return loss


imgs = torch.rand(4, 16)
enc = encoder(imgs)
rec = decoder(enc)
loss = sparse_loss(enc, rec, imgs, 0.5)
loss.backward()
with_penalty = encoder[0].weight.grad.clone()
encoder.zero_grad()
decoder.zero_grad()
nn.MSELoss()(decoder(encoder(imgs)), imgs).backward()
assert calls == []
assert torch.allclose(with_penalty, encoder[0].weight.grad)
