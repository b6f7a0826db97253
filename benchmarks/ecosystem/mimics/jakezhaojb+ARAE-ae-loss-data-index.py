# report: https://github.com/jakezhaojb/ARAE/blob/ee6b50b81516f907df80a8e6ebd35a1a232568ec/yelp/train.py#L416
# family: removed-api
# expect: 29, 30
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
ntokens, log_interval = 11, 1
model = nn.Sequential(nn.Embedding(ntokens, 8), nn.Linear(8, ntokens))
opt = torch.optim.SGD(model.parameters(), lr=1.0)


def train_ae(source, target, total_loss_ae, i):
    opt.zero_grad()
    mask = target.gt(0)
    masked_target = target.masked_select(mask)
    out = model(source).view(-1, ntokens)
    masked_output = out.masked_select(mask.view(-1, 1).expand(-1, ntokens)).view(-1, ntokens)
    loss = F.cross_entropy(masked_output, masked_target)
    loss.backward()
    opt.step()
    total_loss_ae += loss.data
    if i % log_interval == 0 and i > 0:
        probs = F.softmax(masked_output, dim=-1)
        max_vals, max_indices = torch.max(probs, 1)
        accuracy = torch.mean(max_indices.eq(masked_target).float()).data[0]
        cur_loss = total_loss_ae[0] / log_interval
        print(accuracy, cur_loss)
        total_loss_ae = 0
    return total_loss_ae


total = 0
for i in range(3):
    src = Variable(torch.randint(1, ntokens, (2, 5)))
    total = train_ae(src, src.clone(), total, i)
