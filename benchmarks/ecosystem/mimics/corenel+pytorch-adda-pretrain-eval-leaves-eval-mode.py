# report: https://github.com/corenel/pytorch-adda/blob/96f2689dd418ef275fcd0b057e5dff89be5762c5/core/pretrain.py#L59
# family: module-misuse
# expect: 33
# runtime: asserts after the periodic evaluation the source encoder keeps training in eval mode: its Dropout2d is off for every later epoch
import torch
import torch.nn as nn

torch.manual_seed(0)
encoder = nn.Sequential(nn.Conv2d(1, 4, 3), nn.Dropout2d(), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 4 * 4, 6))
classifier = nn.Linear(6, 3)
optimizer = torch.optim.Adam(list(encoder.parameters()) + list(classifier.parameters()), lr=1e-4)
criterion = nn.CrossEntropyLoss()
loader = [(torch.randn(4, 1, 6, 6), torch.randint(0, 3, (4,)))]


def eval_src(encoder, classifier, loader):
    encoder.eval()
    classifier.eval()
    with torch.no_grad():
        for images, labels in loader:
            classifier(encoder(images))


encoder.train()
classifier.train()
modes = []
for epoch in range(3):
    for images, labels in loader:
        modes.append(encoder.training)
        optimizer.zero_grad()
        criterion(classifier(encoder(images)), labels).backward()
        optimizer.step()
    eval_src(encoder, classifier, loader)  # never switched back to train()
assert modes == [True, False, False]
