# report: https://github.com/HarryVolek/PyTorch_Speaker_Verification/blob/10e159a8d3255503c0184cde4eb7097968857a31/speech_embedder_net.py#L44
# family: module-misuse
# expect: 18
# runtime: asserts torch.clamp(self.w, 1e-6) returns a new tensor that is thrown away: a negative scale w is used unclamped
import torch
import torch.nn as nn
import torch.nn.functional as F


class GE2E(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.tensor(10.0))
        self.b = nn.Parameter(torch.tensor(-5.0))
        self.seen_w = None

    def forward(self, emb):
        torch.clamp(self.w, 1e-6)
        self.seen_w = self.w.detach().item()
        n, m, _ = emb.shape
        centroids = emb.mean(dim=1)
        cos = F.cosine_similarity(emb.unsqueeze(2), centroids.view(1, 1, n, -1), dim=-1)
        sim = self.w * cos + self.b
        target = torch.arange(n).repeat_interleave(m)
        return F.cross_entropy(sim.view(n * m, n), target)


torch.manual_seed(0)
loss_fn = GE2E()
with torch.no_grad():
    loss_fn.w.fill_(-2.0)  # where a run of SGD steps can push it
emb = F.normalize(torch.randn(3, 4, 8), dim=-1)
loss = loss_fn(emb)
loss.backward()
assert loss_fn.seen_w < 1e-6
assert loss_fn.w.detach().item() == -2.0
