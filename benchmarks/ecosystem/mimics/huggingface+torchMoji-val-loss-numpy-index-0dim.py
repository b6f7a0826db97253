# report: https://github.com/huggingface/torchMoji/blob/9dd01df645dd84b3645633f55067c0bbcac90011/torchmoji/finetuning.py#L524
# family: removed-api
# expect: 24
# runtime: raises IndexError: too many indices for array: array is 0-dimensional
import numpy as np
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Embedding(20, 8), nn.Flatten(), nn.Linear(32, 3))
loss_op = nn.CrossEntropyLoss()
val_gen = [(torch.randint(1, 20, (4, 4)), torch.randint(0, 3, (4, 1))) for _ in range(2)]


def calc_loss(loss_op, pred, yv):
    if type(loss_op) is nn.CrossEntropyLoss:
        return loss_op(pred.squeeze(), yv.squeeze())
    return loss_op(pred.squeeze(), yv.squeeze().float())


model.eval()
# the mean loss is a 0-dim tensor, so .numpy() is a 0-d array that cannot be indexed
best_loss = np.mean([calc_loss(loss_op, model(Variable(xv)), Variable(yv)).data.cpu().numpy()[0] for xv, yv in val_gen])
print("original val loss", best_loss)
