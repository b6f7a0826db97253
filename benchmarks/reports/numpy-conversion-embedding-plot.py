# report: https://github.com/tkalayci71/embedding-inspector/issues/22
# family: numpy-conversion
# expect: 19
# runtime: raises RuntimeError: Can't call numpy() on Tensor that requires grad
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)
token_embedding = nn.Embedding(12, 6)
vocab = {"cat": 3, "dog": 7, "car": 9}


def inspect(words):
    emb_vec = token_embedding.weight[[vocab[w] for w in words]]
    x = torch.arange(emb_vec.shape[1])
    rows = []
    for u in range(len(words)):
        rows.append(np.stack([x.numpy(), emb_vec[u].numpy()]))
    sims = np.corrcoef(np.stack([r[1] for r in rows]))
    return rows, sims


rows, sims = inspect(["cat", "dog", "car"])
print(np.round(sims, 2))
