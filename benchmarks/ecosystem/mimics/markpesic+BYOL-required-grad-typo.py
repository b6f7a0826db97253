# report: https://github.com/markpesic/BYOL/blob/e82f638a292177a7577046405bf61c4e3f97919f/byolTrainingAndEval.ipynb
# family: module-misuse
# expect: 15
# runtime: asserts p.required_grad = False only sets a new attribute: the BYOL encoder keeps requires_grad and the linear-evaluation optimizer fine-tunes it
import torch
import torch.nn as nn


class LogisticRegression(nn.Module):
    def __init__(self, encoder, input_size, output_size):
        super().__init__()
        self.encoder = encoder
        self.linear = nn.Linear(input_size, output_size)
        for p in self.encoder.parameters():
            p.required_grad = False

    def forward(self, x):
        self.encoder.eval()
        return self.linear(self.encoder(x))


torch.manual_seed(0)
encoder = nn.Sequential(nn.Linear(10, 8), nn.ReLU())
model = LogisticRegression(encoder, 8, 3)
before = encoder[0].weight.detach().clone()
optimizer = torch.optim.Adam(model.parameters(), lr=3e-4)
x, y = torch.randn(5, 10), torch.randint(0, 3, (5,))
optimizer.zero_grad()
nn.CrossEntropyLoss()(model(x), y).backward()
optimizer.step()
assert encoder[0].weight.requires_grad
assert not torch.equal(before, encoder[0].weight.detach())
