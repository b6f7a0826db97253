# report: https://github.com/jayparks/transformer/blob/a846e901a933c9567451f1c9715a0586f2079f11/transformer/beam.py#L59
# family: removed-api
# expect: 27
# runtime: raises IndexError: tensors used as indices must be long
import torch
import torch.nn as nn

torch.manual_seed(0)
BOS, PAD = 1, 0
size, vocab = 3, 7
proj = nn.Sequential(nn.Linear(4, vocab), nn.LogSoftmax(dim=-1))
proj.eval()

scores = torch.zeros(size)
prev_ks = []
next_ys = [torch.LongTensor(size).fill_(PAD)]
next_ys[0][0] = BOS
with torch.no_grad():
    for step in range(2):
        word_lk = proj(torch.randn(size, 4))
        if prev_ks:
            beam_lk = word_lk + scores.unsqueeze(1).expand_as(word_lk)
        else:
            beam_lk = word_lk[0]
        best_scores, best_scores_id = beam_lk.view(-1).topk(size, 0, True, True)
        scores = best_scores
        prev_k = best_scores_id / vocab  # true division now: a float beam index
        prev_ks.append(prev_k)
        next_ys.append(best_scores_id - prev_k * vocab)

hyp = []
k = torch.sort(scores, 0, True)[1][0]
for j in range(len(prev_ks) - 1, -1, -1):
    hyp.append(next_ys[j + 1][k])
    k = prev_ks[j][k]
print(hyp)
