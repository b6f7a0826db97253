# report: https://github.com/jiesutd/LatticeLSTM/blob/24d17f4270f11d2f75046789d8b67eaa2b907dce/model/latticelstm.py#L140
# family: removed-api
# expect: 21
# runtime: raises TypeError: unexpected keyword argument 'split_size'
import torch
import torch.nn as nn

torch.manual_seed(0)
H, D = 4, 3
weight_ih = nn.Parameter(torch.randn(D, 3 * H) * 0.1)
weight_hh = nn.Parameter(torch.eye(H).repeat(1, 3))
bias = nn.Parameter(torch.zeros(3 * H))
optimizer = torch.optim.SGD([weight_ih, weight_hh, bias], lr=0.01)

x = torch.randn(1, D)
h_0 = torch.zeros(1, H)
c_0 = torch.zeros(1, H)
bias_batch = bias.unsqueeze(0).expand(1, 3 * H)
wh_b = torch.addmm(bias_batch, h_0, weight_hh)
wi = torch.mm(x, weight_ih)
i, o, g = torch.split(wh_b + wi, split_size=H, dim=1)  # the keyword is split_size_or_sections now
i, g, o = torch.sigmoid(i), torch.tanh(g), torch.sigmoid(o)
c_1 = (1 - i) * c_0 + i * g
h_1 = o * torch.tanh(c_1)
h_1.sum().backward()
optimizer.step()
