# report: https://github.com/gitabcworld/FewShotLearning/blob/2eff1881f96212e0fb31737a48f82fab9c2fac83/model/lstm/train-lstm.py#L153
# family: numpy-conversion
# expect: 22
# runtime: raises IndexError: invalid index to scalar variable
import torch
import torch.nn as nn

torch.manual_seed(0)
meta = nn.LSTM(input_size=2, hidden_size=4, batch_first=True)
head = nn.Linear(4, 3)
optimizer = torch.optim.Adam(list(meta.parameters()) + list(head.parameters()), lr=1e-3)
print_per = 1
cost = 0
for episode in range(2):
    out, _ = meta(torch.randn(1, 5, 2))
    loss = nn.functional.cross_entropy(head(out[0]), torch.randint(0, 3, (5,)))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    cost = cost + loss
    if episode % print_per == 0:
        print("Cost: {:.3f}".format((cost.cpu().data.numpy() / print_per)[0]))
    cost = 0
