# report: https://github.com/EthanMWalker/face-classification/blob/fdf45a3ddfe74e535a303625b885b192c3c4052e/scripts/train_rl_face.py#L163
# family: module-misuse
# expect: 27
# runtime: asserts the test pass runs in train mode: Dropout2d drops features and BatchNorm normalizes with batch statistics and overwrites its running stats under no_grad
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(
    nn.Conv2d(3, 8, 3, padding=1, bias=False), nn.ReLU(inplace=True),
    nn.Conv2d(8, 8, 1, bias=False), nn.BatchNorm2d(8), nn.Dropout2d(p=0.2, inplace=True),
    nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(8, 5),
)
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
for _ in range(3):
    x, y = torch.randn(16, 3, 8, 8), torch.randint(0, 5, (16,))
    loss = nn.CrossEntropyLoss()(model(x), y)
    opt.zero_grad(); loss.backward(); opt.step()

# test(model, testloader): no model.eval() before the loop
x_test = torch.randn(16, 3, 8, 8) * 3 + 2
bn = model[3]
stats_before = bn.running_mean.clone()
outs = []
with torch.no_grad():
    for _ in range(2):
        outs.append(model(x_test))
assert model.training
assert not torch.allclose(outs[0], outs[1])  # dropout active at test time
assert not torch.allclose(stats_before, bn.running_mean)  # test batches leak into running stats
