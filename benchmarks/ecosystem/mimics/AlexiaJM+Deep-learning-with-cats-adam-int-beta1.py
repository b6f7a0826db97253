# report: https://github.com/AlexiaJM/Deep-learning-with-cats/blob/f895e5af0ecf77a1e9db2a999d70c5655af6d3bd/Generating%20cats/WGAN-GP.py#L278
# family: removed-api
# expect: 15
# runtime: raises ValueError: betas must be either both floats or both Tensors
import argparse
import torch

parser = argparse.ArgumentParser()
parser.add_argument('--lr_D', type=float, default=.0001)
parser.add_argument('--beta1', type=float, default=0, help='Adam betas[0], WGAN-GP paper recommends 0')
parser.add_argument('--beta2', type=float, default=.9)
param = parser.parse_args([])  # type=float is not applied to a non-string default: beta1 stays the int 0

D = torch.nn.Linear(4, 1)
optimizerD = torch.optim.Adam(D.parameters(), lr=param.lr_D, betas=(param.beta1, param.beta2))
