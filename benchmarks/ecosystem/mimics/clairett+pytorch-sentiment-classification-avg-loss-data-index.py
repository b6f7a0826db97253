# report: https://github.com/clairett/pytorch-sentiment-classification/blob/457ffd83de90a9d6d472d8ffc31bbffe40a8b236/train_batch.py#L69
# family: removed-api
# expect: 22
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
model = nn.Sequential(nn.Embedding(30, 8), nn.Flatten(), nn.Linear(8 * 4, 2), nn.LogSoftmax(dim=1))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_function = nn.NLLLoss()
batches = [(torch.randint(0, 30, (5, 4)), torch.randint(1, 3, (5,))) for _ in range(2)]

model.train()
avg_loss = 0.0
for sent, label in batches:
    label = label - 1
    pred = model(sent)
    model.zero_grad()
    loss = loss_function(pred, label)
    avg_loss += loss.data[0]
    loss.backward()
    optimizer.step()
