# report: https://github.com/PacktPublishing/Deep-Learning-with-PyTorch-Quick-Start-Guide/blob/ccc6b93b3f649f68ba0abfe2239840db7fff5040/Chapter06/chapter6_3.ipynb
# family: optimizer-misuse
# expect: 23
# runtime: asserts the replacement classifier layer never moves: the SGD optimizer was built over the old head's parameters before it was swapped out
import torch
import torch.nn as nn
import torch.optim as optim


class TinyVGG(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Linear(12, 8), nn.ReLU())
        self.classifier = nn.Sequential(nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 1000))

    def forward(self, x):
        return self.classifier(self.features(x))


torch.manual_seed(0)
model_vgg = TinyVGG()
criterion = nn.CrossEntropyLoss()
optimizer_vgg = optim.SGD(model_vgg.parameters(), lr=0.1, momentum=0.9)

num_ftrs = model_vgg.classifier[2].in_features
features = list(model_vgg.classifier.children())[:-1]
features.extend([nn.Linear(num_ftrs, 3)])
model_vgg.classifier = nn.Sequential(*features)

new_head = model_vgg.classifier[2].weight.detach().clone()
first = model_vgg.classifier[0].weight.detach().clone()
for _ in range(3):
    inputs, labels = torch.randn(4, 12), torch.randint(0, 3, (4,))
    optimizer_vgg.zero_grad()
    loss = criterion(model_vgg(inputs), labels)
    loss.backward()
    optimizer_vgg.step()

assert model_vgg.classifier[2].weight.grad is not None
assert torch.equal(model_vgg.classifier[2].weight, new_head)  # the new head is never stepped
assert not torch.equal(model_vgg.classifier[0].weight, first)  # the rest of the network trains
