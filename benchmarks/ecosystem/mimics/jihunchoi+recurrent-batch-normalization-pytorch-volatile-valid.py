# report: https://github.com/jihunchoi/recurrent-batch-normalization-pytorch/blob/61736ecd2547bdb43e193ac6aa28545e3918ff9b/train_mnist.py#L126
# family: removed-api
# expect: 18
# runtime: asserts volatile=True on the validation batch is ignored: the validation forward builds a full autograd graph through the model
import warnings

import torch
import torch.nn as nn
from torch.autograd import Variable

warnings.simplefilter("ignore")
torch.manual_seed(0)
lstm = nn.LSTM(1, 8, batch_first=True)
fc = nn.Linear(8, 10)
loss_fn = nn.CrossEntropyLoss()
valid_data = torch.randn(4, 12, 1)
valid_label = torch.randint(0, 10, (4,))
valid_data = Variable(valid_data, volatile=True)
valid_label = Variable(valid_label, volatile=True)
lstm.train(False)
_, (h_n, _) = lstm(valid_data)
logits = fc(h_n[0])
valid_loss = loss_fn(logits, valid_label)
assert valid_loss.requires_grad and valid_loss.grad_fn is not None
assert torch.is_grad_enabled()  # nothing turned gradient tracking off
