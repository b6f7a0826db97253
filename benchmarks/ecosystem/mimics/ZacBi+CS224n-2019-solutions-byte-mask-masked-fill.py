# report: https://github.com/ZacBi/CS224n-2019-solutions/blob/1070a7ea58f40cdc5db5e7220b4721fc78a5c304/assignments/a4/nmt_model.py#L360
# family: removed-api
# expect: 17
# runtime: raises RuntimeError: masked_fill_ only supports boolean masks
import torch
import torch.nn as nn

torch.manual_seed(0)
b, src_len, h = 2, 4, 3
att_projection = nn.Linear(2 * h, h, bias=False)
enc_hiddens = torch.randn(b, src_len, 2 * h)
dec_hidden = torch.randn(b, h, requires_grad=True)
enc_masks = torch.zeros(b, src_len)
enc_masks[0, 3] = 1
enc_hiddens_proj = att_projection(enc_hiddens)
e_t = torch.bmm(enc_hiddens_proj, dec_hidden.unsqueeze(2)).squeeze(2)
e_t.data.masked_fill_(enc_masks.byte(), -float('inf'))
alpha_t = torch.softmax(e_t, dim=1)
alpha_t.sum().backward()
