# report: https://github.com/corenel/pytorch-adda/blob/96f2689dd418ef275fcd0b057e5dff89be5762c5/core/pretrain.py#L55
# family: removed-api
# expect: 18
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
encoder, classifier = nn.Linear(8, 6), nn.Linear(6, 3)
optimizer = torch.optim.Adam(list(encoder.parameters()) + list(classifier.parameters()), lr=1e-4)
criterion = nn.CrossEntropyLoss()
images, labels = torch.randn(4, 8), torch.randint(0, 3, (4,))

optimizer.zero_grad()
loss = criterion(classifier(encoder(images)), labels)
loss.backward()
optimizer.step()
print("loss={}".format(loss.data[0]))
