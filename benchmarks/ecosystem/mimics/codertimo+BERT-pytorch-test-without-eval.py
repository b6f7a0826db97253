# report: https://github.com/codertimo/BERT-pytorch/blob/d10dc4f9d5a6f2ca74380f62039526eb7277c671/bert_pytorch/trainer/pretrain.py#L72
# family: module-misuse
# expect: 34
# runtime: asserts the test loss is measured with dropout on: test() reuses the training iteration and never calls model.eval()
import torch
import torch.nn as nn

torch.manual_seed(0)


class Trainer:
    def __init__(self, model, data):
        self.model = model
        self.data = data
        self.optim = torch.optim.Adam(model.parameters(), lr=1e-3)
        self.criterion = nn.NLLLoss(ignore_index=0)

    def iteration(self, data_loader, train=True):
        avg_loss = 0.0
        for x, y in data_loader:
            out = self.model(x)
            loss = self.criterion(out, y)
            if train:
                self.optim.zero_grad()
                loss.backward()
                self.optim.step()
            avg_loss += loss.item()
        return avg_loss / len(data_loader)

    def train(self):
        return self.iteration(self.data)

    def test(self):
        return self.iteration(self.data, train=False)


model = nn.Sequential(nn.Linear(8, 16), nn.Dropout(0.5), nn.Linear(16, 5), nn.LogSoftmax(dim=-1))
data = [(torch.randn(6, 8), torch.randint(1, 5, (6,))) for _ in range(3)]
trainer = Trainer(model, data)
trainer.train()
first = trainer.test()
second = trainer.test()
model.eval()
clean = trainer.test()
assert first != second
assert first != clean
