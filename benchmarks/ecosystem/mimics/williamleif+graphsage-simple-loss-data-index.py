# report: https://github.com/williamleif/graphsage-simple/blob/d3105e5223e9602ba3ef2dd27e343d044fe4bb5f/graphsage/model.py#L102
# family: removed-api
# expect: 32
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)


class Sage(nn.Module):
    def __init__(self, feats, num_classes):
        super(Sage, self).__init__()
        self.features = feats
        self.weight = nn.Parameter(torch.randn(num_classes, feats.embedding_dim) * 0.1)
        self.xent = nn.CrossEntropyLoss()

    def loss(self, nodes, labels):
        scores = self.weight.mm(self.features(torch.LongTensor(nodes)).t()).t()
        return self.xent(scores, labels.squeeze())


features = nn.Embedding(10, 4)
model = Sage(features, 3)
optimizer = torch.optim.SGD(filter(lambda p: p.requires_grad, model.parameters()), lr=0.7)
for batch in range(2):
    optimizer.zero_grad()
    loss = model.loss([0, 1, 2], Variable(torch.LongTensor([[0], [1], [2]])))
    loss.backward()
    optimizer.step()
    print(batch, loss.data[0])
