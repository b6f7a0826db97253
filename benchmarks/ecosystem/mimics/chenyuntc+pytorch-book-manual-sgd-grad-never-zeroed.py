# report: https://github.com/chenyuntc/pytorch-book/blob/688951721d11cd3f92440801e1b68b65ae2e439f/Chapter7/Code/MPI_PyTorch.py#L42
# family: optimizer-misuse
# expect: 23
# runtime: asserts the second update uses the sum of both batches' gradients, never zeroed
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Linear(3, 2)
loss_fn = nn.CrossEntropyLoss()
batches = [(torch.randn(4, 3), torch.tensor([0, 1, 1, 0])) for _ in range(2)]
lr = 0.1

# the gradient each batch should contribute, from a fresh copy of the weights before each update
ref = nn.Linear(3, 2)
ref.load_state_dict(model.state_dict())

applied = []
per_batch = []
for data, target in batches:
    per_batch.append(torch.autograd.grad(loss_fn(ref(data), target), ref.weight)[0])
    output = model(data)
    loss = loss_fn(output, target)
    loss.backward()  # .grad is never zeroed in this loop
    for name, param in model.named_parameters():
        grad = param.grad.detach().clone()
        if name == "weight":
            applied.append(grad)
        param.data -= lr * grad  # manual update
    for name, p in ref.named_parameters():
        p.data.copy_(dict(model.named_parameters())[name].data)

assert torch.allclose(applied[1], per_batch[0] + per_batch[1])
assert not torch.allclose(applied[1], per_batch[1])
