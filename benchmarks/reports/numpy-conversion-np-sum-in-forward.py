# report: https://github.com/xiaxin1998/DHCN/issues/8
# family: numpy-conversion
# expect: 22
# runtime: raises RuntimeError: Can't call numpy() on Tensor that requires grad
import numpy as np
import torch
import torch.nn as nn


class HyperConv(nn.Module):
    def __init__(self, layers, dim):
        super().__init__()
        self.layers = layers
        self.weights = nn.ParameterList([nn.Parameter(torch.eye(dim)) for _ in range(layers)])

    def forward(self, adjacency, embedding):
        item_embeddings = embedding
        final = [item_embeddings]
        for w in self.weights:
            item_embeddings = adjacency @ item_embeddings @ w
            final.append(item_embeddings)
        item_embeddings = np.sum(final, 0) / (self.layers + 1)
        return item_embeddings


torch.manual_seed(0)
n_items, dim = 6, 4
embedding = nn.Embedding(n_items, dim)
adjacency = torch.softmax(torch.rand(n_items, n_items), dim=1)
out = HyperConv(layers=2, dim=dim)(adjacency, embedding.weight)
out.sum().backward()
