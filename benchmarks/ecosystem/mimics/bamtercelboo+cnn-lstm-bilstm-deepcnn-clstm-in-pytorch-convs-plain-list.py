# report: https://github.com/bamtercelboo/cnn-lstm-bilstm-deepcnn-clstm-in-pytorch/blob/71b8c3f21b6dbc39562a3f8f221e90a1c7d9592f/models/model_CNN.py#L54
# family: module-misuse
# expect: 15
# runtime: asserts the convolutions kept in a plain Python list are not parameters of the model: the optimizer never updates them and state_dict drops them
import torch
import torch.nn as nn
import torch.nn.functional as F


class CNN_Text(nn.Module):
    def __init__(self, V=30, D=6, C=3, Co=4, Ks=(2, 3)):
        super().__init__()
        self.embed = nn.Embedding(V, D)
        Ci = 1
        self.convs1 = [nn.Conv2d(in_channels=Ci, out_channels=Co, kernel_size=(K, D), bias=True) for K in Ks]
        self.fc1 = nn.Linear(len(Ks) * Co, C)

    def forward(self, x):
        x = self.embed(x).unsqueeze(1)
        x = [F.relu(conv(x)).squeeze(3) for conv in self.convs1]
        x = [F.max_pool1d(i, i.size(2)).squeeze(2) for i in x]
        return self.fc1(torch.cat(x, 1))


torch.manual_seed(0)
model = CNN_Text()
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
before = model.convs1[0].weight.detach().clone()
for _ in range(3):
    feature, target = torch.randint(0, 30, (5, 7)), torch.randint(0, 3, (5,))
    optimizer.zero_grad()
    loss = F.cross_entropy(model(feature), target)
    loss.backward()
    optimizer.step()

assert model.convs1[0].weight.grad is not None  # gradients reach the convs ...
assert torch.equal(model.convs1[0].weight, before)  # ... but Adam never steps them
assert not any(k.startswith("convs1") for k in model.state_dict())  # and checkpoints lose them
