# report: https://github.com/nlptown/nlp-notebooks/blob/5c7b2b0fe088884bc21c3a3ee18b3c248f847dac/Text%20classification%20with%20a%20CNN%20in%20PyTorch.ipynb
# family: module-misuse
# expect: 19
# runtime: asserts the development pass (and the test of a fresh model) never calls model.eval(): dropout stays active, so the dev loss that drives checkpointing and early stopping is noisy
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Embedding(20, 8), nn.Flatten(), nn.Dropout(p=0.4), nn.Linear(8 * 5, 3))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters())
train_iter = [(torch.randint(0, 20, (4, 5)), torch.randint(0, 3, (4,))) for _ in range(3)]
dev_iter = [(torch.randint(0, 20, (4, 5)), torch.randint(0, 3, (4,))) for _ in range(2)]


def dev_loss():
    total_loss = 0
    for text, label in dev_iter:
        pred = model(text)
        loss = criterion(pred, label)
        total_loss += loss.item()
    return total_loss


for epoch in range(2):
    for text, label in train_iter:
        optimizer.zero_grad()
        loss = criterion(model(text), label)
        loss.backward()
        optimizer.step()
    first = dev_loss()
    second = dev_loss()
    assert model.training
    assert first != second
