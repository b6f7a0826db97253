# report: https://github.com/clairett/pytorch-sentiment-classification/blob/457ffd83de90a9d6d472d8ffc31bbffe40a8b236/train_batch.py#L213
# family: module-misuse
# expect: 27
# runtime: asserts best_model is the live model, so the final test scores the last epoch, not the best-dev one
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(6, 2), nn.LogSoftmax(dim=1))
optimizer = torch.optim.Adam(model.parameters(), lr=0.1)
loss_function = nn.NLLLoss()
xtr, ytr = torch.randn(16, 6), torch.randint(0, 2, (16,))
dev_accs = [0.55, 0.81, 0.62, 0.70]  # dev accuracy per epoch: epoch 1 is the best

best_dev_acc = 0.0
best_model = model
best_weight = None
for epoch, dev_acc in enumerate(dev_accs):
    model.train()
    optimizer.zero_grad()
    loss = loss_function(model(xtr), ytr)
    loss.backward()
    optimizer.step()
    if dev_acc > best_dev_acc:
        best_dev_acc = dev_acc
        best_weight = model[0].weight.detach().clone()  # what the best model really was
        best_model = model  # only a second name for the same module

# final test evaluates best_model: it carries the epoch-3 weights, not the epoch-1 ones
assert best_model is model
assert not torch.equal(best_model[0].weight, best_weight)
print("best_model drifted from the best-dev weights by", (best_model[0].weight - best_weight).abs().max().item())
