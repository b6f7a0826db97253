# report: https://github.com/atulkum/pointer_summarizer/blob/4967dd478ba70b1c12116ad6357dcc1d000e5dfa/training_ptr_gen/train.py#L54
# family: optimizer-misuse
# expect: 22
# runtime: asserts the encoder/decoder shared embedding appears twice in one Adagrad group and gets two updates per step
import torch
import torch.nn as nn

torch.manual_seed(0)


class Enc(nn.Module):
    def __init__(self):
        super().__init__()
        self.embedding = nn.Embedding(7, 4)
        self.proj = nn.Linear(4, 4)


enc, dec = Enc(), Enc()
dec.embedding.weight = enc.embedding.weight  # tied, as the model does
w0 = enc.embedding.weight.detach().clone()

params = list(enc.parameters()) + list(dec.parameters())
opt = torch.optim.Adagrad(params, lr=0.1, initial_accumulator_value=0.1)
tokens = torch.tensor([1, 2, 3])
loss = (enc.proj(enc.embedding(tokens)).sum() + dec.proj(dec.embedding(tokens)).sum())
opt.zero_grad()
loss.backward()
grad = enc.embedding.weight.grad.detach().clone()
opt.step()

# a single Adagrad step from the same state and gradient
once = w0 - 0.1 * grad / (torch.full_like(grad, 0.1) + grad * grad).sqrt().add(1e-10)
twice_moved = (w0 - enc.embedding.weight.detach()).abs().sum()
once_moved = (w0 - once).abs().sum()
assert len(params) != len(set(params))
assert twice_moved > 1.3 * once_moved, (twice_moved, once_moved)
