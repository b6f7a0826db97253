# report: https://github.com/facebookresearch/deepcluster/blob/2d1927e8e3dd272329e879e510fbbdf1b1d02d17/main.py#L270
# family: removed-api
# expect: 42
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn


class Meter:
    def __init__(self):
        self.sum, self.count = 0.0, 0

    def update(self, val, n=1):
        self.sum += val * n
        self.count += n


torch.manual_seed(0)
features = nn.Sequential(nn.Linear(12, 10), nn.ReLU(inplace=True))
classifier = nn.Sequential(nn.Linear(10, 8), nn.ReLU(inplace=True))
model = nn.Sequential(features, classifier)
optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=1e-5)
criterion = nn.CrossEntropyLoss()

data = torch.randn(32, 12)
with torch.no_grad():
    codes = model(data)
pseudo_labels = codes.argmax(1) % 4  # stand-in for k-means assignments

top_layer = nn.Linear(8, 4)
top_layer.weight.data.normal_(0, 0.01)
top_layer.bias.data.zero_()
optimizer_tl = torch.optim.SGD(top_layer.parameters(), lr=0.05, weight_decay=1e-5)

losses = Meter()
model.train()
for start in range(0, 32, 8):
    input_var = torch.autograd.Variable(data[start:start + 8])
    target_var = torch.autograd.Variable(pseudo_labels[start:start + 8])
    output = top_layer(model(input_var))
    loss = criterion(output, target_var)
    losses.update(loss.data[0], input_var.size(0))
    optimizer.zero_grad()
    optimizer_tl.zero_grad()
    loss.backward()
    optimizer.step()
    optimizer_tl.step()
