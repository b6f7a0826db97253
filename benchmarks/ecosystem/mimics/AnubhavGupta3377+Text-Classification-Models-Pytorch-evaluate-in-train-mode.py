# report: https://github.com/AnubhavGupta3377/Text-Classification-Models-Pytorch/blob/8571fe63040354919b4607bb986a8b0a4031969b/Model_TextCNN/utils.py#L112
# family: module-misuse
# expect: 26
# runtime: asserts the accuracy is measured with dropout on: evaluate_model never calls model.eval() and run_epoch ends in self.train()
import torch
import torch.nn as nn

torch.manual_seed(0)


class TextClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.embeddings = nn.Embedding(50, 16)
        self.dropout = nn.Dropout(0.8)
        self.fc = nn.Linear(16, 4)
        self.softmax = nn.Softmax(dim=1)

    def forward(self, x):
        return self.softmax(self.fc(self.dropout(self.embeddings(x).mean(0))))


def evaluate_model(model, batches):
    preds = []
    for x in batches:
        y_pred = model(x)
        preds.append(torch.max(y_pred.cpu().data, 1)[1])
    return torch.cat(preds)


model = TextClassifier()
model.train()  # run_epoch calls self.train() after each validation
batches = [torch.randint(0, 50, (7, 32)) for _ in range(3)]
first = evaluate_model(model, batches)
second = evaluate_model(model, batches)
model.eval()
deterministic = evaluate_model(model, batches)
# the same data gives different predictions from run to run, unlike the eval-mode model
assert not torch.equal(first, second)
assert not torch.equal(first, deterministic)
