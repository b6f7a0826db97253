# report: https://github.com/xiaobaoonline/pytorch-in-action/blob/193745dc0b45b4c292ad9276eac0023c4ac85ae8/chapter8_PyTorch%E9%A1%B9%E7%9B%AE%E5%AE%9E%E6%88%98/text_classification/text_classification.py#L152
# family: module-misuse
# expect: 28
# runtime: asserts that after the first evaluation the model stays in eval mode, so later epochs train with dropout switched off
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
cnn = nn.Sequential(nn.Embedding(30, 8), nn.Flatten(), nn.Dropout(0.5), nn.Linear(8 * 6, 3))
optimizer = torch.optim.Adam(cnn.parameters(), lr=1e-3, weight_decay=0.01)
train_iter = [(torch.randint(0, 30, (4, 6)), torch.randint(0, 3, (4,))) for _ in range(2)]
dev_iter = [(torch.randint(0, 30, (4, 6)), torch.randint(0, 3, (4,)))]
mode_while_training = []

cnn.train()
for epoch in range(1, 4):
    corrects, avg_loss = 0, 0
    for feature, target in train_iter:
        optimizer.zero_grad()
        mode_while_training.append((epoch, cnn.training))
        logit = cnn(feature)
        loss = F.cross_entropy(logit, target)
        loss.backward()
        optimizer.step()
        avg_loss += loss.item()
    # test
    cnn.eval()
    for feature, target in dev_iter:
        logit = cnn(feature)
        avg_loss += F.cross_entropy(logit, target, reduction="sum").item()

assert all(training for epoch, training in mode_while_training if epoch == 1)
assert not any(training for epoch, training in mode_while_training if epoch > 1)  # dropout off from epoch 2 on
