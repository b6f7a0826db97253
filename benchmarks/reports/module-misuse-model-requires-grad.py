# report: https://discuss.pytorch.org/t/requires-grad-doesnt-propagate-to-the-parameters-of-the-module/9979
# family: module-misuse
# expect: 11
# runtime: asserts the pretrained extractor's parameters still get gradients and are updated
import torch
import torch.nn as nn


def build_feature_extractor():
    extractor = nn.Sequential(nn.Linear(10, 8), nn.ReLU(), nn.Linear(8, 8))
    extractor.requires_grad = False
    return extractor


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = build_feature_extractor()
        self.fc = nn.Linear(8, 2)

    def forward(self, x):
        return self.fc(self.features(x))


torch.manual_seed(0)
model = Classifier()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
before = model.features[0].weight.detach().clone()
loss = nn.functional.cross_entropy(model(torch.randn(4, 10)), torch.tensor([0, 1, 1, 0]))
loss.backward()
optimizer.step()
assert all(p.requires_grad for p in model.features.parameters())
assert not torch.equal(before, model.features[0].weight)
