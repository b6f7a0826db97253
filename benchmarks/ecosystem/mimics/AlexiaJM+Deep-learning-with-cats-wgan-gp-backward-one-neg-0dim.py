# report: https://github.com/AlexiaJM/Deep-learning-with-cats/blob/f895e5af0ecf77a1e9db2a999d70c5655af6d3bd/Generating%20cats/WGAN-GP.py#L314
# family: non-scalar-backward
# expect: 21
# runtime: raises RuntimeError: Mismatch in shape
import torch

D = torch.nn.Sequential(torch.nn.Conv2d(3, 1, 4, 1, 0, bias=False))
optimizerD = torch.optim.Adam(D.parameters(), lr=1e-4, betas=(0.0, .9))
one = torch.FloatTensor([1])
one_neg = one * -1
x = torch.randn(4, 3, 4, 4)


def critic(inp):
    return D(inp).view(-1)


D.zero_grad()
errD_real = critic(x)
errD_real = errD_real.mean()
errD_real.backward(one_neg)
optimizerD.step()
