# report: https://github.com/ne7ermore/torch-light/blob/facd5e12f45127e81951ca1e6119960e196c6165/cnn-text-classfication/main.py#L115
# family: removed-api
# expect: 26
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
cnn = nn.Sequential(nn.Embedding(20, 8), nn.Flatten(), nn.Dropout(0.3), nn.Linear(8 * 5, 3))
optimizer = torch.optim.Adam(cnn.parameters(), lr=1e-3)
criterion = nn.CrossEntropyLoss()
batches = [(torch.randint(0, 20, (4, 5)), torch.randint(0, 3, (4,))) for _ in range(3)]
sents_size = 12


def train():
    cnn.train()
    total_loss = 0
    for data, label in batches:
        optimizer.zero_grad()
        target = cnn(data)
        loss = criterion(target, label)
        loss.backward()
        optimizer.step()
        total_loss += loss.data  # the sum of 0-dim tensors is 0-dim
    return total_loss[0] / sents_size


print(train())
