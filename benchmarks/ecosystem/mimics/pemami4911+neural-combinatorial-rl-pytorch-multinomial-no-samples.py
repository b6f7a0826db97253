# report: https://github.com/pemami4911/neural-combinatorial-rl-pytorch/blob/fc20970dda459891715b584a2a45fb9c9bdc7b8c/neural_combinatorial_rl.py#L253
# family: removed-api
# expect: 13
# runtime: raises TypeError: num_samples
import torch
import torch.nn as nn

torch.manual_seed(0)
pointer = nn.Linear(4, 5)
probs = torch.softmax(pointer(torch.randn(3, 4)), dim=1)
embedded_inputs = torch.randn(5, 3, 2)
# decode_stochastic: sample one index per batch row
idxs = probs.multinomial().squeeze(1)
sels = embedded_inputs[idxs, list(range(3)), :]
