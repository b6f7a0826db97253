# report: https://github.com/deeplearningzerotoall/PyTorch/blob/0e11245870a7d7cffba10726ea2a6dbf456e3e96/lab-08_4_mnist_back_prop.ipynb
# family: graph-kept
# expect: 53 54 55 56
# runtime: asserts the hand-written SGD updates of torch.nn.Parameter weights build a graph that chains every past iteration (memory grows each step)
import torch

torch.manual_seed(777)
w1 = torch.nn.Parameter(torch.Tensor(6, 4))
b1 = torch.nn.Parameter(torch.Tensor(4))
w2 = torch.nn.Parameter(torch.Tensor(4, 3))
b2 = torch.nn.Parameter(torch.Tensor(3))
for p in (w1, b1, w2, b2):
    torch.nn.init.normal_(p)
learning_rate = 0.5


def sigmoid(x):
    return 1.0 / (1.0 + torch.exp(-x))


def sigmoid_prime(x):
    return sigmoid(x) * (1 - sigmoid(x))


def depth(t):
    node, n = t.grad_fn, 0
    seen, stack = set(), [node]
    while stack:
        node = stack.pop()
        if node is None or node in seen:
            continue
        seen.add(node)
        stack.extend(f for f, _ in node.next_functions)
    return len(seen)


sizes = []
for i in range(3):
    X = torch.rand(5, 6)
    Y = torch.zeros(5, 3).scatter_(1, torch.randint(0, 3, (5, 1)), 1)
    l1 = torch.add(torch.matmul(X, w1), b1)
    a1 = sigmoid(l1)
    l2 = torch.add(torch.matmul(a1, w2), b2)
    y_pred = sigmoid(l2)
    diff = y_pred - Y
    d_l2 = diff * sigmoid_prime(l2)
    d_b2 = d_l2
    d_w2 = torch.matmul(torch.transpose(a1, 0, 1), d_l2)
    d_a1 = torch.matmul(d_l2, torch.transpose(w2, 0, 1))
    d_l1 = d_a1 * sigmoid_prime(l1)
    d_b1 = d_l1
    d_w1 = torch.matmul(torch.transpose(X, 0, 1), d_l1)
    w1 = w1 - learning_rate * d_w1
    b1 = b1 - learning_rate * torch.mean(d_b1, 0)
    w2 = w2 - learning_rate * d_w2
    b2 = b2 - learning_rate * torch.mean(d_b2, 0)
    sizes.append(depth(w1))

assert w1.grad_fn is not None
assert sizes[0] < sizes[1] < sizes[2]  # the graph behind w1 grows with every update
