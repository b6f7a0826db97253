# report: https://github.com/AuCson/PyTorch-Batch-Attention-Seq2seq/blob/f1ae2f58f9d44b98054953b94cfd81671c5553a9/attentionRNN.py#L103
# family: removed-api
# expect: 21 22
# runtime: raises RuntimeError: masked_fill_ only supports boolean masks
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
B, T, H = 2, 4, 3
attn = nn.Linear(2 * H, H)
v = nn.Parameter(torch.randn(H))
hidden = torch.randn(B, T, H)
encoder_outputs = torch.randn(B, T, H)
energy = torch.tanh(attn(torch.cat([hidden, encoder_outputs], 2))).transpose(2, 1)
attn_energies = torch.bmm(v.repeat(B, 1).unsqueeze(1), energy).squeeze(1)
src_len = torch.LongTensor([4, 2])
mask = []
for b in range(src_len.size(0)):
    mask.append([0] * src_len[b].item() + [1] * (T - src_len[b].item()))
mask = torch.ByteTensor(mask)  # a uint8 mask: masked_fill takes only bool masks now
attn_energies = attn_energies.masked_fill(mask, -1e18)
weights = F.softmax(attn_energies, dim=1)
weights.sum().backward()
