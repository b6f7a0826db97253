# report: https://github.com/GokuMohandas/oreilly-pytorch/blob/a9ac5625361cb434cfa45fb5269fa152015a296f/code/lesson1/lesson1.ipynb
# family: removed-api
# expect: 18
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
model = nn.Linear(2, 3)
model.eval()
scores = model(torch.randn(1, 2))
probabilities = F.softmax(scores, dim=1)
sorted_, indices = torch.sort(probabilities, descending=True)
for i, index in enumerate(indices[0]):
    print("%i - %i%%" % (
        indices[0].data[i],
        100.0 * probabilities.data[0][index.data[0]]))
