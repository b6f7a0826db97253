# report: https://github.com/as791/Adversarial-Example-Attack-and-Defense/blob/ed3a5513089538ad4fa796bcad5a15610d3f2e44/Adversarial_Example_(Attack_and_defense).ipynb
# family: module-misuse
# expect: 27
# runtime: asserts the FGSM robustness test runs with Dropout2d/Dropout active: model.eval() is never called after fit(), so the clean and attacked predictions and the input gradient are random draws
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
model = nn.Sequential(
    nn.Conv2d(1, 8, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Dropout2d(0.25), nn.Flatten(),
    nn.Linear(8 * 5 * 5, 32), nn.ReLU(), nn.Dropout(0.5), nn.Linear(32, 10), nn.LogSoftmax(dim=1),
)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
for _ in range(5):  # fit(): never sets a mode, the model stays in train mode
    x, y = torch.rand(16, 1, 12, 12), torch.randint(0, 10, (16,))
    loss = F.nll_loss(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

data, target = torch.rand(1, 1, 12, 12), torch.tensor([3])


def attack_once(eps):
    d = data.clone().requires_grad_(True)
    output = model(d)
    loss = F.nll_loss(output, target)
    model.zero_grad()
    loss.backward()
    perturbed = torch.clamp(d + eps * d.grad.sign(), 0, 1)
    return output.detach(), d.grad.clone(), model(perturbed).detach()


out1, grad1, adv1 = attack_once(0.1)
out2, grad2, adv2 = attack_once(0.1)
assert model.training
assert not torch.allclose(out1, out2)  # the same clean image scores differently on each call
assert not torch.allclose(grad1, grad2)  # FGSM direction depends on the dropout mask
model.eval()
out_eval, grad_eval, _ = attack_once(0.1)
out_eval2, grad_eval2, _ = attack_once(0.1)
assert torch.allclose(out_eval, out_eval2) and torch.allclose(grad_eval, grad_eval2)
