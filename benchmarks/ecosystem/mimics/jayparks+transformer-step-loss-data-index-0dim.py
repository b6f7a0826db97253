# report: https://github.com/jayparks/transformer/blob/a846e901a933c9567451f1c9715a0586f2079f11/train.py#L124
# family: removed-api
# expect: 26
# runtime: raises IndexError: invalid index of a 0-dim tensor
import warnings

import torch
import torch.nn as nn

warnings.simplefilter("ignore")
torch.manual_seed(0)
PAD = 0
model = nn.Sequential(nn.Embedding(12, 8, padding_idx=PAD), nn.Linear(8, 12))
criterion = nn.CrossEntropyLoss(size_average=False, ignore_index=PAD)
optimizer = torch.optim.Adam(model.parameters(), betas=(0.9, 0.98), eps=1e-9)
train_loss_total = 0.0
model.train()
dec_ = torch.tensor([[1, 4, 5, 2, 0], [1, 7, 2, 0, 0]])
dec_inputs, dec_targets = dec_[:, :-1], dec_[:, 1:]
optimizer.zero_grad()
dec_logits = model(dec_inputs).view(-1, 12)
step_loss = criterion(dec_logits, dec_targets.contiguous().view(-1))
step_loss.backward()
optimizer.step()
# the summed loss is 0-dim, so .data[0] no longer gives the number
train_loss_total += float(step_loss.data[0])
