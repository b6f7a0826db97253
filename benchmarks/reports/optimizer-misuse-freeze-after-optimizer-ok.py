# report: https://github.com/facebookresearch/fairseq/issues/4702
# family: optimizer-misuse
# expect: none
# runtime: runs: freezing after the optimizer is built works; zero_grad leaves None grads that step skips
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.ModuleDict({"fc1": nn.Linear(4, 8), "fc2": nn.Linear(8, 2)})
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=1e-2)


def run(x, y):
    loss = nn.functional.mse_loss(model["fc2"](torch.relu(model["fc1"](x))), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()


x, y = torch.randn(6, 4), torch.randn(6, 2)
run(x, y)  # one step with everything trainable: fc1 now has a momentum buffer
for name, param in model.named_parameters():
    if "fc1" in name:
        param.requires_grad = False
frozen = model["fc1"].weight.detach().clone()
for _ in range(3):
    run(x, y)
assert torch.equal(frozen, model["fc1"].weight) and model["fc1"].weight.grad is None
