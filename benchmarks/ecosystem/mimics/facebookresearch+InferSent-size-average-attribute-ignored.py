# report: https://github.com/facebookresearch/InferSent/blob/48fe28847b9927f22cb85e1121454336b46af860/train_nli.py#L123
# family: module-misuse
# expect: 14
# runtime: asserts size_average=False set on the built loss is ignored: the loss stays a batch mean, so dividing the gradients by the batch size again shrinks them by another factor of k
import torch
import torch.nn as nn

torch.manual_seed(0)
k, n_classes = 8, 3
net = nn.Linear(5, n_classes)
x, y = torch.randn(k, 5), torch.randint(0, n_classes, (k,))

loss_fn = nn.CrossEntropyLoss(weight=torch.ones(n_classes))
loss_fn.size_average = False  # meant: summed loss, normalised by hand below
loss = loss_fn(net(x), y)
net.zero_grad()
loss.backward()
for p in net.parameters():
    p.grad.data.div_(k)  # divide by the actual batch size
got = net.weight.grad.clone()

summed = nn.CrossEntropyLoss(weight=torch.ones(n_classes), reduction="sum")(net(x), y)
net.zero_grad()
summed.backward()
intended = net.weight.grad / k
assert torch.allclose(loss, summed / k)
assert torch.allclose(got * k, intended, atol=1e-6)
assert not torch.allclose(got, intended)
