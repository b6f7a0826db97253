# report: https://github.com/bnu-wangxun/Deep_Metric/blob/04ca51093db13135a04e3c94401bc898c6af0c40/losses/NCA.py#L53
# family: removed-api
# expect: 29
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
alpha, K = 16, 4
embed = nn.Linear(6, 3)
inputs = nn.functional.normalize(embed(torch.randn(8, 6)), dim=1)
targets = torch.tensor([0, 0, 1, 1, 2, 2, 3, 3])
sim_mat = inputs @ inputs.t()
losses, acc_num = [], 0
for i in range(inputs.size(0)):
    pos_pair = torch.sort(torch.masked_select(sim_mat[i], targets == targets[i]))[0]
    pos_pair = pos_pair[pos_pair < 1 - 1e-6]
    neg_pair = torch.sort(torch.masked_select(sim_mat[i], targets != targets[i]))[0]
    threshold = torch.sort(torch.cat([pos_pair, neg_pair]))[0][K]
    pos_neig = torch.masked_select(pos_pair, pos_pair < threshold)
    neg_neig = torch.masked_select(neg_pair, neg_pair < threshold)
    if len(pos_neig) == 0:
        pos_neig = pos_pair[0]
    base = torch.mean(sim_mat[i]).item()
    pos_logit = torch.sum(torch.exp(alpha * (base - pos_neig)))
    neg_logit = torch.sum(torch.exp(alpha * (base - neg_neig)))
    loss_ = -torch.log(pos_logit / (pos_logit + neg_logit))
    # loss_ is 0-dim: indexing its data raises
    if loss_.data[0] < 0.6:
        acc_num += 1
    losses.append(loss_)
