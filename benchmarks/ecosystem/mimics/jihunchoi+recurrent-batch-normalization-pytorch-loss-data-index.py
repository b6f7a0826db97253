# report: https://github.com/jihunchoi/recurrent-batch-normalization-pytorch/blob/61736ecd2547bdb43e193ac6aa28545e3918ff9b/train_mnist.py#L117
# family: removed-api
# expect: 25
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
lstm = nn.LSTM(1, 8, batch_first=True)
fc = nn.Linear(8, 10)
loss_fn = nn.CrossEntropyLoss()
params = list(lstm.parameters()) + list(fc.parameters())
optimizer = torch.optim.RMSprop(params, lr=1e-3, momentum=0.9)
logged = []
data = torch.randn(4, 12, 1)
label = torch.randint(0, 10, (4,))
lstm.train(True)
optimizer.zero_grad()
_, (h_n, _) = lstm(data)
logits = fc(h_n[0])
train_loss = loss_fn(logits, label)
train_accuracy = (logits.max(1)[1] == label).float().mean()
train_loss.backward()
torch.nn.utils.clip_grad_norm_(params, max_norm=1)
optimizer.step()
logged.append({"loss": train_loss.data[0], "accuracy": train_accuracy.data[0]})
