# report: https://github.com/gitabcworld/FewShotLearning/blob/2eff1881f96212e0fb31737a48f82fab9c2fac83/model/lstm/train-lstm.py#L142
# family: removed-api
# expect: 21
# runtime: raises IndexError: invalid index of a 0-dim tensor
import time

import torch
import torch.nn as nn

torch.manual_seed(0)
meta = nn.LSTM(input_size=2, hidden_size=4, batch_first=True)
head = nn.Linear(4, 3)
optimizer = torch.optim.Adam(list(meta.parameters()) + list(head.parameters()), lr=1e-3)
timer = time.time()
for episode in range(2):
    out, _ = meta(torch.randn(1, 5, 2))
    loss = nn.functional.cross_entropy(head(out[0]), torch.randint(0, 3, (5,)))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    print("Training Episode: [{}]\tLoss: {:.3f}. Elapsed: {:.4f} s".format(episode, loss.data[0], time.time() - timer))
