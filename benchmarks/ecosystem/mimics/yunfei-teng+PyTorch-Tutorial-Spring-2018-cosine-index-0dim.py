# report: https://github.com/yunfei-teng/PyTorch-Tutorial-Spring-2018/blob/49ecdf9869ecaa31975929116af723125937c1b8/recitation1/cosine_sim/cosine_similarity.py#L19
# family: removed-api
# expect: 14
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn.functional as F

torch.manual_seed(0)
n = 5
mat = torch.randn(n, n)
sims = torch.zeros(n, n)
for i in range(n):
    for j in range(i, n):
        sims[i][j] = F.cosine_similarity(mat[:, i], mat[:, j], dim=0, eps=1e-12)[0]
        sims[j][i] = sims[i][j]
