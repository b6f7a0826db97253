# report: https://github.com/karpathy/nn-zero-to-hero/issues/31
# family: backward-twice
# expect: 19 24
# runtime: raises RuntimeError: Trying to backward through the graph a second time
import torch
import torch.nn.functional as F

torch.manual_seed(0)
chars = 6
xs = torch.tensor([0, 1, 2, 3, 4])
ys = torch.tensor([1, 2, 3, 4, 5])
W = torch.randn(chars, chars, requires_grad=True)

# forward pass
xenc = F.one_hot(xs, num_classes=chars).float()
logits = xenc @ W
counts = logits.exp()
probs = counts / counts.sum(1, keepdim=True)
loss = -probs[torch.arange(5), ys].log().mean()

# gradient descent
for k in range(10):
    W.grad = None
    loss.backward()
    W.data += -0.1 * W.grad
