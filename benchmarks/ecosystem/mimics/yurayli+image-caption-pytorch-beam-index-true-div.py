# report: https://github.com/yurayli/image-caption-pytorch/blob/b517cddcd2e11fdb017faa1eb67a7990558b4040/solver.py#L235
# family: removed-api
# expect: 32
# runtime: raises IndexError: tensors used as indices must be long
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
N, V, B, H = 2, 9, 3, 6
embed = nn.Embedding(V, H)
lstm = nn.LSTM(H, H, batch_first=True)
out = nn.Linear(H, V)
feeds = torch.zeros((N, 1), dtype=torch.long)
hidden = (torch.zeros(1, N, H), torch.zeros(1, N, H))

with torch.no_grad():
    for t in range(3):
        o, hidden = lstm(embed(feeds), hidden)
        scores = F.softmax(out(o).squeeze(1), -1)
        if t == 0:
            scores = scores.log()
            sorted_scores, idxes = scores.topk(B, dim=1)
            candidates = idxes.unsqueeze(-1)
            feeds = candidates.reshape(-1, 1)
            h, c = hidden
            hidden = (h.repeat_interleave(B, 1), c.repeat_interleave(B, 1))
        else:
            scores = (scores.log() + sorted_scores.view(-1, 1)).reshape(N, -1)
            sorted_scores, idxes = scores.topk(B, dim=1)
            prior = candidates[np.arange(N)[:, None], idxes / V]
            current = (idxes % V).unsqueeze(-1)
            candidates = torch.cat([prior, current], -1)
            feeds = candidates[:, :, -1].reshape(-1, 1)
