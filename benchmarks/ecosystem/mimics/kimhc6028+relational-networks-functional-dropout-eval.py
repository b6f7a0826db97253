# report: https://github.com/kimhc6028/relational-networks/blob/9c340d50636c022a7b81f5d10ec1590a2eb09b25/model.py#L50
# family: module-misuse
# expect: 21
# runtime: asserts the same test batch scored twice after model.eval() gives different outputs: F.dropout without training= stays on
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class FCOutput(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc2 = nn.Linear(16, 16)
        self.fc3 = nn.Linear(16, 10)

    def forward(self, x):
        x = self.fc2(x)
        x = F.relu(x)
        x = F.dropout(x)
        x = self.fc3(x)
        return F.log_softmax(x, dim=1)


class CNN_MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(12 + 18, 16)
        self.fcout = FCOutput()

    def test_(self, img, qst, label):
        output = self.fcout(F.relu(self.fc1(torch.cat((img, qst), 1))))
        loss = F.nll_loss(output, label)
        return output, loss


model = CNN_MLP()
model.eval()
img, qst, label = torch.randn(8, 12), torch.rand(8, 18), torch.randint(0, 10, (8,))
with torch.no_grad():
    out1, l1 = model.test_(img, qst, label)
    out2, l2 = model.test_(img, qst, label)
assert not torch.allclose(out1, out2)
assert l1.item() != l2.item()
