# report: https://github.com/tensorboy/pytorch_Realtime_Multi-Person_Pose_Estimation/blob/02174bc2312098f99af6ba43142add6cc1b46a52/train/train_SH.py#L230
# family: optimizer-misuse
# expect: 24
# runtime: asserts validate() calls optimizer.step() on validation batches (in train mode), so measuring the val loss changes the weights
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(), nn.Conv2d(4, 2, 1))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True)
criterion = nn.MSELoss(reduction="sum")
val_batches = [(torch.randn(2, 3, 8, 8), torch.rand(2, 2, 8, 8)) for _ in range(3)]


def validate(val_loader, model):
    total = 0.0
    model.train()
    for img, target in val_loader:
        out = model(img)
        total_loss = criterion(out, target) / (2 * img.size(0))
        total += total_loss.item()
        optimizer.zero_grad()
        total_loss.backward()
        optimizer.step()
    return total / len(val_loader)


before = {k: v.detach().clone() for k, v in model.state_dict().items()}
val_loss = validate(val_batches, model)
after = model.state_dict()
changed = [k for k in before if not torch.equal(before[k], after[k])]
assert "0.weight" in changed and "3.weight" in changed  # weights were fitted to the validation set
assert "1.running_mean" in changed  # and BN statistics absorbed validation data
# a second "evaluation" of the same data now reports a different (lower) loss
assert validate(val_batches, model) != val_loss
