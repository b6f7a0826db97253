# report: https://github.com/howardyclo/pytorch-seq2seq-example/blob/02ba877c875acbe81b191911c8dccd287b38928a/seq2seq.ipynb
# family: grad-missing
# expect: 22
# runtime: asserts the decoder's hidden state is detached in place after every step: losses of steps 1.. send no gradient to the encoder or through the recurrence
import torch
import torch.nn as nn

torch.manual_seed(0)
encoder = nn.LSTM(3, 4)
decoder = nn.LSTM(3, 4)
head = nn.Linear(4, 5)


def run(detach, steps):
    src = torch.randn(2, 2, 3)
    _, hidden = encoder(src)
    losses = []
    for t in range(3):
        out, hidden = decoder(torch.randn(1, 2, 3), hidden)
        if detach:
            for h in hidden:
                h.detach_()
        losses.append(head(out).pow(2).mean())
    encoder.zero_grad()
    sum(losses[i] for i in steps).backward()
    return encoder.weight_hh_l0.grad.clone()


torch.manual_seed(1)
full = run(False, [0, 1, 2])
torch.manual_seed(1)
cut = run(True, [0, 1, 2])
torch.manual_seed(1)
step0 = run(True, [0])
assert torch.allclose(cut, step0)  # steps 1 and 2 contributed nothing to the encoder
assert not torch.allclose(cut, full)  # the gradient is not the seq2seq gradient
