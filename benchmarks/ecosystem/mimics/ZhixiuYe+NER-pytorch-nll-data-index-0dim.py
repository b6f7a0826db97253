# report: https://github.com/ZhixiuYe/NER-pytorch/blob/bc6c7db2a522a4b21721481eb84546b2f448807d/train.py#L389
# family: removed-api
# expect: 33
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
K, START, STOP = 4, 2, 3
feats_net = nn.Sequential(nn.Embedding(10, 6), nn.Linear(6, K))
transitions = nn.Parameter(torch.zeros(K, K))
optimizer = torch.optim.SGD(list(feats_net.parameters()) + [transitions], lr=0.015, momentum=0.9)


def log_sum_exp(vec):
    max_score = vec[0, vec.argmax(1).item()]
    return max_score + torch.log(torch.sum(torch.exp(vec - max_score.view(1, -1))))


loss = 0.0
sentence = torch.LongTensor([1, 5, 7])
tags = torch.LongTensor([0, 1, 0])
feats = feats_net(sentence)
forward_var = torch.full((1, K), -10000.0)
forward_var[0][START] = 0.0
for feat in feats:
    tag_var = forward_var + transitions + feat.view(-1, 1)
    m, _ = torch.max(tag_var, dim=1)
    forward_var = m + torch.log(torch.sum(torch.exp(tag_var - m.view(-1, 1)), dim=1)).view(1, -1)
alpha = log_sum_exp((forward_var + transitions[STOP]).view(1, -1))
gold = transitions[torch.cat([tags, torch.LongTensor([STOP])]), torch.cat([torch.LongTensor([START]), tags])].sum() + feats[torch.arange(3), tags].sum()
neg_log_likelihood = alpha - gold
loss += neg_log_likelihood.data[0] / len(sentence)
neg_log_likelihood.backward()
optimizer.step()
