# report: https://github.com/claravania/lstm-pytorch/blob/40c4fbd3988fd9a4f3f21e24dabe50795b85fd67/train.py#L98
# family: module-misuse
# expect: 28
# runtime: asserts the test predictions come from a model still in train mode: model.eval() is never called, so dropout stays on
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Embedding(20, 8), nn.Flatten(), nn.Dropout(0.2), nn.Linear(8 * 5, 4), nn.LogSoftmax(dim=1))
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
criterion = nn.NLLLoss()
train_set = [(torch.randint(0, 20, (3, 5)), torch.randint(0, 4, (3,))) for _ in range(3)]
test_set = [torch.randint(0, 20, (1, 5)) for _ in range(40)]


def train_model():
    for batch, targets in train_set:
        model.zero_grad()
        loss = criterion(model(batch), targets)
        loss.backward()
        optimizer.step()
    return model


def evaluate_test_set(model):
    scores = []
    for batch in test_set:
        pred = model(batch)
        scores.append(pred.detach())
    return torch.cat(scores)


model = train_model()
first = evaluate_test_set(model)
second = evaluate_test_set(model)
assert model.training
assert not torch.allclose(first, second)  # the same test set scores differently each time
