# report: https://androidkt.com/difference-between-clone-vs-detach-copy-deepcopy-in-pytorch/
# family: detach-alias
# expect: none
# runtime: runs: the detached table is normalised out of place, the embedding keeps its scale
# twin: detach-alias-normalize-embedding-table.py
import torch
import torch.nn as nn

torch.manual_seed(0)


class SkipGram(nn.Module):
    def __init__(self, vocab, dim):
        super().__init__()
        self.center = nn.Embedding(vocab, dim)
        self.context = nn.Embedding(vocab, dim)

    def forward(self, center, context):
        return (self.center(center) * self.context(context)).sum(-1)


def nearest_neighbours(model, word, k=3):
    """Cosine nearest neighbours, computed outside of autograd."""
    table = model.center.weight.detach()
    table = table / table.norm(dim=1, keepdim=True)
    sims = table @ table[word]
    return sims.topk(k + 1).indices[1:]


model = SkipGram(12, 5)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for _ in range(3):
    center, context = torch.randint(0, 12, (8,)), torch.randint(0, 12, (8,))
    loss = -nn.functional.logsigmoid(model(center, context)).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    neighbours = nearest_neighbours(model, word=3)
assert not torch.allclose(model.center.weight.norm(dim=1), torch.ones(12))
