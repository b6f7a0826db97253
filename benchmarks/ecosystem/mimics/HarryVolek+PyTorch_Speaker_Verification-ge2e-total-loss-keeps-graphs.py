# report: https://github.com/HarryVolek/PyTorch_Speaker_Verification/blob/10e159a8d3255503c0184cde4eb7097968857a31/train_speech_embedder.py#L67
# family: graph-kept
# expect: 37
# runtime: asserts total_loss = total_loss + loss chains every batch's GE2E loss graph into the running epoch total
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
N, M, T, MELS = 3, 4, 5, 6
embedder = nn.Sequential(nn.Flatten(), nn.Linear(T * MELS, 8))
w = nn.Parameter(torch.tensor(10.0))
b = nn.Parameter(torch.tensor(-5.0))
optimizer = torch.optim.SGD([{'params': embedder.parameters()}, {'params': [w, b]}], lr=0.01)
loader = [torch.randn(N, M, T, MELS) for _ in range(5)]


def ge2e(emb):
    centroids = emb.mean(dim=1)
    cos = F.cosine_similarity(emb.unsqueeze(2), centroids.view(1, 1, N, -1), dim=-1)
    sim = w * cos + b
    target = torch.arange(N).repeat_interleave(M)
    return F.cross_entropy(sim.view(N * M, N), target)


embedder.train()
total_loss = 0
for batch_id, mel in enumerate(loader):
    mel = mel.reshape(N * M, T, MELS)
    optimizer.zero_grad()
    emb = embedder(mel)
    emb = emb / emb.norm(dim=1, keepdim=True)
    loss = ge2e(emb.reshape(N, M, -1))
    loss.backward()
    torch.nn.utils.clip_grad_norm_(embedder.parameters(), 3.0)
    optimizer.step()
    total_loss = total_loss + loss


def count(fn, name):
    seen, stack = set(), [fn]
    while stack:
        node = stack.pop()
        if node is None or node in seen:
            continue
        seen.add(node)
        stack.extend(n for n, _ in node.next_functions)
    return sum(type(n).__name__.startswith(name) for n in seen)


assert total_loss.requires_grad
assert count(total_loss.grad_fn, "NllLoss") == len(loader)
