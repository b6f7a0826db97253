# report: https://github.com/rasbt/machine-learning-book/blob/35ab3774e8e249c43a98209d8efd94c060102003/ch15/ch15_part3.py#L288
# family: graph-kept
# expect: 43
# runtime: asserts sampling runs with grad on, so every generated step's LSTM graph stays linked to hidden/cell and memory grows with the text length
import torch
import torch.nn as nn
from torch.distributions.categorical import Categorical

torch.manual_seed(1)


class CharRNN(nn.Module):
    def __init__(self, vocab=30, emb=8, hid=32):
        super().__init__()
        self.embedding = nn.Embedding(vocab, emb)
        self.rnn = nn.LSTM(emb, hid, batch_first=True)
        self.fc = nn.Linear(hid, vocab)
        self.hid = hid

    def forward(self, x, hidden, cell):
        out = self.embedding(x).unsqueeze(1)
        out, (hidden, cell) = self.rnn(out, (hidden, cell))
        return self.fc(out).reshape(out.size(0), -1), hidden, cell


def graph_depth(t):
    seen, stack = set(), [t.grad_fn]
    while stack:
        fn = stack.pop()
        if fn is None or fn in seen:
            continue
        seen.add(fn)
        stack.extend(nxt for nxt, _ in fn.next_functions)
    return len(seen)


model = CharRNN()
model.eval()
hidden, cell = torch.zeros(1, 1, 32), torch.zeros(1, 1, 32)
last_char = torch.tensor([3])
sizes = []
for i in range(40):
    logits, hidden, cell = model(last_char.view(1), hidden, cell)
    last_char = Categorical(logits=logits.squeeze(0)).sample()
    if i in (9, 39):
        sizes.append(graph_depth(hidden))
print("autograd nodes kept alive after 10 / 40 steps:", sizes)
assert sizes[1] > 3 * sizes[0]
