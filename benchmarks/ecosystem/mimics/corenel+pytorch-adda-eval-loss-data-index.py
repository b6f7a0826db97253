# report: https://github.com/corenel/pytorch-adda/blob/96f2689dd418ef275fcd0b057e5dff89be5762c5/core/pretrain.py#L93
# family: removed-api
# expect: 17
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
encoder, classifier = nn.Linear(8, 6), nn.Linear(6, 3)
criterion = nn.CrossEntropyLoss()
loader = [(torch.randn(4, 8), torch.randint(0, 3, (4,)))]
encoder.eval()
classifier.eval()
loss = 0
for images, labels in loader:
    preds = classifier(encoder(images))
    loss += criterion(preds, labels).data[0]
loss /= len(loader)
