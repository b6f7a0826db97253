# report: https://github.com/hitvoice/DrQA/blob/fa58c294d5a335347fcf08cde7aba5392508812a/drqa/layers.py#L256
# family: removed-api
# expect: 16
# runtime: raises RuntimeError: The expanded size of the tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
B, L, H = 3, 5, 4
rnn = nn.LSTM(H, H, bidirectional=True, batch_first=True)


def uniform_weights(x, x_mask):
    alpha = torch.ones(x.size(0), x.size(1)) * x_mask.eq(0).float()
    # sum(1) no longer keeps the reduced dim, so (B,) cannot expand to (B, L)
    return alpha / alpha.sum(1).expand(alpha.size())


q = torch.randn(B, L, H)
q_mask = torch.zeros(B, L, dtype=torch.bool)
q_mask[0, 3:] = True
hiddens, _ = rnn(q)
w = uniform_weights(hiddens, q_mask)  # question_merge == 'avg'
merged = w.unsqueeze(1).bmm(hiddens).squeeze(1)
merged.sum().backward()
