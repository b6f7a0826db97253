# report: https://github.com/OpenNMT/OpenNMT-py/issues/403
# family: backward-twice
# expect: 19
# runtime: raises RuntimeError: Trying to backward through the graph a second time
# twin: backward-twice-detach-result-dropped-ok.py
import torch
import torch.nn as nn

torch.manual_seed(0)


class DecoderState:
    def __init__(self, hidden):
        self.hidden = hidden

    def detach(self):
        # Cut the history between chunks of a long target sequence.
        for h in self.hidden:
            h.detach()


decoder = nn.GRU(4, 6)
generator = nn.Linear(6, 4)
params = list(decoder.parameters()) + list(generator.parameters())
optimizer = torch.optim.SGD(params, lr=0.1)
state = DecoderState((torch.zeros(1, 2, 6),))
sequence = torch.randn(12, 2, 4)
for chunk in sequence.split(4):
    out, h = decoder(chunk, state.hidden[0])
    state.hidden = (h,)
    loss = (generator(out) - chunk).pow(2).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    state.detach()
