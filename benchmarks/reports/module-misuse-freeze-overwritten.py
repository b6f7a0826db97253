# report: https://github.com/ultralytics/yolov5/issues/1213
# family: module-misuse
# expect: 20
# runtime: asserts the layers named for freezing are trainable again and get updated
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(3, 8, 3), nn.ReLU(), nn.Conv2d(8, 8, 3), nn.ReLU(),
                      nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(8, 5))

freeze = ["0.", "2."]  # parameter names to freeze: the two conv layers
for k, v in model.named_parameters():
    if any(k.startswith(x) for x in freeze):
        print(f"freezing {k}")
        v.requires_grad = False

optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
for k, v in model.named_parameters():
    v.requires_grad = True  # make sure the detection head trains

before = model[0].weight.detach().clone()
loss = nn.functional.cross_entropy(model(torch.randn(2, 3, 8, 8)), torch.tensor([1, 4]))
optimizer.zero_grad()
loss.backward()
optimizer.step()
assert not torch.equal(before, model[0].weight)
