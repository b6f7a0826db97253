# report: https://github.com/Hunter-DDM/knowledge-neurons/issues/14
# family: inplace-leaf
# expect: 29 30
# runtime: raises RuntimeError: a view of a leaf Variable that requires grad is being used in an in-place operation
import torch
import torch.nn as nn

torch.manual_seed(0)


class FeedForward(nn.Module):
    def __init__(self, dim, inner):
        super().__init__()
        self.intermediate = nn.Linear(dim, inner)
        self.output_dense = nn.Linear(inner, dim)

    def forward(self, x):
        return x + self.output_dense(torch.relu(self.intermediate(x)))


encoder = nn.ModuleList(FeedForward(6, 12) for _ in range(2))
word_embeddings = torch.randn(10, 6)


def edit_knowledge(layer, neurons, ori_token, tgt_token, lambda_1=1.0, lambda_2=2.0):
    """Move the value vectors of knowledge neurons from one answer towards another."""
    dense = encoder[layer].output_dense
    for pos in neurons:
        dense.weight[:, pos] -= word_embeddings[ori_token] * lambda_1
        dense.weight[:, pos] += word_embeddings[tgt_token] * lambda_2


edit_knowledge(layer=1, neurons=[3, 7], ori_token=2, tgt_token=5)
