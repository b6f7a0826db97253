# report: https://github.com/laiguokun/LSTNet/blob/093c4dced7b7f7405be0620d65bb288b6d7ab4f0/main.py#L28
# family: graph-kept
# expect: 22
# runtime: asserts the concatenated validation predictions still carry the autograd graph of every batch (no torch.no_grad in evaluate)
import torch
import torch.nn as nn

torch.manual_seed(0)
m = 3
model = nn.Sequential(nn.Flatten(), nn.Linear(8 * m, 16), nn.ReLU(), nn.Linear(16, m), nn.Sigmoid())
X = torch.randn(20, 8, m)
Y = torch.rand(20, m)


def evaluate(model, X, Y, batch_size):
    model.eval()
    predict = None
    for i in range(0, len(X), batch_size):
        output = model(X[i:i + batch_size])
        if predict is None:
            predict = output
        else:
            predict = torch.cat((predict, output))
    return predict


predict = evaluate(model, X, Y, 4)
# each cat keeps the previous cat node and every batch's forward graph alive
assert predict.requires_grad and predict.grad_fn is not None
node, depth = predict.grad_fn, 0
while node is not None and "Cat" in type(node).__name__:
    node = node.next_functions[0][0]
    depth += 1
assert depth == 4  # five batches chained into one graph
