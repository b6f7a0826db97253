# report: https://github.com/uvipen/Hierarchical-attention-networks-pytorch/blob/b1ea9e0b7bc294364f213e42507a6fe9d502a044/test.py#L38
# family: removed-api
# expect: 22
# runtime: raises UnpicklingError: Weights only load failed
import io

import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.EmbeddingBag(30, 8), nn.Linear(8, 4))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
text, offsets, label = torch.randint(0, 30, (12,)), torch.tensor([0, 5]), torch.tensor([1, 3])
loss = nn.functional.cross_entropy(model[1](model[0](text, offsets)), label)
optimizer.zero_grad()
loss.backward()
optimizer.step()
checkpoint = io.BytesIO()
torch.save(model, checkpoint)  # train.py saves the whole module after the best test loss
checkpoint.seek(0)
# test.py loads it back on CPU with only a map_location
model = torch.load(checkpoint, map_location=lambda storage, loc: storage)
model.eval()
