# report: https://github.com/deeplearningzerotoall/PyTorch/blob/0e11245870a7d7cffba10726ea2a6dbf456e3e96/lab-09_1_mnist_softmax.ipynb
# family: graph-kept
# expect: 23
# runtime: asserts avg_cost += cost / total_batch (no .item()) chains the autograd graph of every batch of the epoch
import torch

torch.manual_seed(777)
linear = torch.nn.Linear(784, 10, bias=True)
criterion = torch.nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(linear.parameters(), lr=0.001)
data_loader = [(torch.rand(4, 784), torch.randint(0, 10, (4,))) for _ in range(3)]
total_batch = len(data_loader)

for epoch in range(1):
    avg_cost = 0
    for X, Y in data_loader:
        optimizer.zero_grad()
        hypothesis = linear(X)
        cost = criterion(hypothesis, Y)
        cost.backward()
        optimizer.step()

        avg_cost += cost / total_batch

    print('Epoch:', '%04d' % (epoch + 1), 'cost =', '{:.9f}'.format(avg_cost))

# the running average still holds every batch's graph (Add <- Div <- NLL <- LogSoftmax <- Addmm ...)
node, depth = avg_cost.grad_fn, 0
while node is not None and node.next_functions:
    depth += 1
    node = node.next_functions[0][0]
assert avg_cost.requires_grad and depth >= total_batch
