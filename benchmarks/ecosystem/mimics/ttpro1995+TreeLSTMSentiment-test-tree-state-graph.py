# report: https://github.com/ttpro1995/TreeLSTMSentiment/blob/c61f73e3efdf227e2cb521157f320ec727f2490a/trainer.py#L64
# family: graph-kept
# expect: 38
# runtime: asserts the test pass (volatile=True now ignored) leaves every dev tree holding its own live autograd graph in tree.state/tree.output
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

warnings.simplefilter("ignore")
torch.manual_seed(0)
mem_dim, num_classes = 6, 3
embedding = nn.Embedding(20, 4)
leaf = nn.Sequential(nn.Linear(4, mem_dim), nn.Tanh())
compose = nn.Sequential(nn.Linear(2 * mem_dim, mem_dim), nn.Tanh())
out_module = nn.Sequential(nn.Linear(mem_dim, num_classes), nn.LogSoftmax(dim=1))


class Node:
    def __init__(self, idx=None, children=()):
        self.idx, self.children, self.state, self.output = idx, list(children), None, None


def tree_forward(node, embs):
    if not node.children:
        node.state = leaf(embs[node.idx])
    else:
        states = [tree_forward(c, embs) for c in node.children]
        node.state = compose(torch.cat(states, 1))
    node.output = out_module(node.state)  # stored on the dataset's tree
    return node.state


dev_set = [(Node(children=[Node(0), Node(1)]), torch.randint(0, 20, (2,))) for _ in range(4)]
for m in (embedding, leaf, compose, out_module):
    m.eval()
for tree, sent in dev_set:
    inp = Variable(sent, volatile=True)
    embs = embedding(inp).unsqueeze(1)
    tree_forward(tree, embs)
    pred = tree.output.data.max(1)[1]
# each stored output still references a graph back to the embedding table
assert all(t.output.requires_grad and t.output.grad_fn is not None for t, _ in dev_set)
assert all(t.children[0].state.grad_fn is not None for t, _ in dev_set)
