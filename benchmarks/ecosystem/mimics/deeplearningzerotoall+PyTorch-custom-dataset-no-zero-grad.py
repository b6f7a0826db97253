# report: https://github.com/deeplearningzerotoall/PyTorch/blob/0e11245870a7d7cffba10726ea2a6dbf456e3e96/others/lab-11_5_custom_dataset_5.ipynb
# family: optimizer-misuse
# expect: 22
# runtime: asserts the weight gradient after the second batch is the sum of both batches' gradients: optim.zero_grad() is never called
import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Linear(6, 2)
optim = torch.optim.Adam(net.parameters(), lr=0.00001)
loss_function = nn.CrossEntropyLoss()
trainloader = [(torch.randn(8, 6), torch.randint(0, 2, (8,))) for _ in range(2)]

grads = []
for num, data in enumerate(trainloader):
    inputs, labels = data
    out = net(inputs)

    loss = loss_function(out, labels)
    fresh = torch.autograd.grad(loss, net.weight, retain_graph=True)[0]
    grads.append(fresh)
    loss.backward()
    optim.step()

assert not torch.allclose(net.weight.grad, grads[1])
assert torch.allclose(net.weight.grad, grads[0] + grads[1], atol=1e-6)
