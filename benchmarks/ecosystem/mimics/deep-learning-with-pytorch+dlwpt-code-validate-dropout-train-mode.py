# report: https://github.com/deep-learning-with-pytorch/dlwpt-code/blob/d6c0210143daa133bbdeddaffc8993b1e17b5174/p1ch8/1_convolution.ipynb
# family: module-misuse
# expect: 36,37,38
# runtime: asserts validate() never calls model.eval(): the Dropout2d/BatchNorm models are scored in training mode, so predictions are random and BatchNorm running stats move during validation
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
drop_model = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.Tanh(), nn.Dropout2d(p=0.4),
                           nn.Flatten(), nn.Linear(4 * 4 * 4, 2))
bn_model = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.BatchNorm2d(4), nn.Tanh(),
                         nn.Flatten(), nn.Linear(4 * 4 * 4, 2))
loader = [(torch.randn(16, 3, 4, 4), torch.randint(0, 2, (16,)))]


def training_loop(model, n_epochs=2):
    opt = torch.optim.SGD(model.parameters(), lr=1e-2)
    for _ in range(n_epochs):
        for imgs, labels in loader:
            loss = F.cross_entropy(model(imgs), labels)
            opt.zero_grad(); loss.backward(); opt.step()


def validate(model, loader):
    outs = []
    with torch.no_grad():
        for imgs, labels in loader:
            outs.append(model(imgs))
    return outs


training_loop(drop_model)
training_loop(bn_model)
stats_before = bn_model[1].running_mean.clone()
first = validate(drop_model, loader)
second = validate(drop_model, loader)
bn_out = validate(bn_model, loader)
assert drop_model.training and bn_model.training
assert not torch.allclose(first[0], second[0])
assert not torch.equal(stats_before, bn_model[1].running_mean)
