# report: https://github.com/jiesutd/NCRFpp/blob/105a53a321eca9c1280037c473967858e01aaa43/main_parse.py#L338
# family: removed-api
# expect: 25
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
emb = nn.Embedding(10, 6)
transitions = nn.Parameter(torch.zeros(6, 6))
optimizer = torch.optim.SGD(list(emb.parameters()) + [transitions], lr=0.015)


def neg_log_likelihood_loss(words, tags):
    feats = emb(words)  # (batch, seq, tags)
    scores = feats.unsqueeze(2) + transitions  # (batch, seq, from, to)
    forward_score = torch.logsumexp(scores.flatten(2), dim=2).sum()
    gold_score = feats.gather(2, tags.unsqueeze(2)).sum()
    return forward_score - gold_score  # a 0-dim tensor, as the CRF returns


sample_loss = 0
for words, tags in [(torch.randint(0, 10, (2, 4)), torch.randint(0, 6, (2, 4)))]:
    loss = neg_log_likelihood_loss(words, tags)
    sample_loss += loss.data[0]
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
