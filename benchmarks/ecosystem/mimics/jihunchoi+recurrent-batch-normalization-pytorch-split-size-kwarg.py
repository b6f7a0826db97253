# report: https://github.com/jihunchoi/recurrent-batch-normalization-pytorch/blob/61736ecd2547bdb43e193ac6aa28545e3918ff9b/bnlstm.py#L128
# family: removed-api
# expect: 24
# runtime: raises TypeError: split() got an unexpected keyword argument 'split_size'
import torch
import torch.nn as nn

torch.manual_seed(0)
input_size, hidden_size, batch = 1, 6, 4
weight_ih = nn.Parameter(torch.randn(input_size, 4 * hidden_size) * 0.1)
weight_hh = nn.Parameter(torch.eye(hidden_size).repeat(1, 4))
bias = nn.Parameter(torch.zeros(4 * hidden_size))
fc = nn.Linear(hidden_size, 10)
optimizer = torch.optim.RMSprop([weight_ih, weight_hh, bias] + list(fc.parameters()), lr=1e-3, momentum=0.9)

x = torch.randn(batch, 5, input_size)
label = torch.randint(0, 10, (batch,))
h, c = torch.zeros(batch, hidden_size), torch.zeros(batch, hidden_size)
for t in range(x.size(1)):
    bias_batch = bias.unsqueeze(0).expand(batch, *bias.size())
    wh_b = torch.addmm(bias_batch, h, weight_hh)
    wi = torch.mm(x[:, t], weight_ih)
    # the 0.3-era keyword of torch.split is gone (now split_size_or_sections)
    f, i, o, g = torch.split(wh_b + wi, split_size=hidden_size, dim=1)
    c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
    h = torch.sigmoid(o) * torch.tanh(c)
loss = nn.functional.cross_entropy(fc(h), label)
optimizer.zero_grad()
loss.backward()
optimizer.step()
