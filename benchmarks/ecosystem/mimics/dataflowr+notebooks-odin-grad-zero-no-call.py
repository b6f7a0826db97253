# report: https://github.com/dataflowr/notebooks/blob/043dff0f792a5ae67005ba147f7b9dd5fc66e2a1/Module17/ODIN_mobilenet_sol.ipynb
# family: optimizer-misuse
# expect: 27
# runtime: asserts inputs.grad.zero_ (attribute, never called) leaves the first step's input gradient in place, so the second attack step uses the sum of both gradients
import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Sequential(nn.Flatten(), nn.Linear(12, 5))
criteria = nn.CrossEntropyLoss()
images = torch.randn(3, 3, 2, 2)
temperature, noise, iters = 1000.0, 0.0012, 2

inputs = images.clone()
inputs.requires_grad = True
fresh = []
for _ in range(iters):
    outputs = net(inputs)
    labels = torch.argmax(outputs, dim=1)
    outputs = outputs / temperature
    loss = criteria(outputs, labels)
    fresh.append(torch.autograd.grad(loss, inputs, retain_graph=True)[0])
    loss.backward()
    gradient = torch.ge(inputs.grad.data, 0)
    gradient = (gradient.float() - 0.5) * 2
    inputs.data = torch.add(inputs.data, gradient, alpha=-noise / iters)
    inputs.grad.zero_

assert not torch.allclose(inputs.grad, fresh[1])
assert torch.allclose(inputs.grad, fresh[0] + fresh[1])
