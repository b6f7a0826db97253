# report: https://github.com/jakesnell/prototypical-networks/blob/c9bb4d258267c11cb6e23f0a19242d24ca98ad8a/scripts/train/few_shot/train.py#L70
# family: optimizer-misuse
# expect: 18
# runtime: warns Detected call of `lr_scheduler.step()` before `optimizer.step()`
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Linear(4, 3)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
state = {"optimizer": optimizer}
state["scheduler"] = torch.optim.lr_scheduler.StepLR(state["optimizer"], 2, gamma=0.5)
loader = [(torch.randn(5, 4), torch.randint(0, 3, (5,))) for _ in range(2)]

epoch_lrs = []
for epoch in range(4):
    model.train()
    state["scheduler"].step()  # on_start_epoch, before any optimizer.step() of the epoch
    epoch_lrs.append(optimizer.param_groups[0]["lr"])
    for x, y in loader:
        state["optimizer"].zero_grad()
        loss = nn.functional.cross_entropy(model(x), y)
        loss.backward()
        state["optimizer"].step()

# the lr halves after 1 epoch instead of after decay_every=2 epochs
assert epoch_lrs[1] == 0.5e-3
