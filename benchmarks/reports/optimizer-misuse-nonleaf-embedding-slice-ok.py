# report: https://github.com/aliasgharkhani/SLiMe/issues/10
# family: optimizer-misuse
# expect: none
# runtime: runs: the placeholder rows are their own leaf, stitched into the sequence each step
# twin: optimizer-misuse-nonleaf-embedding-slice.py
import torch
import torch.nn as nn

torch.manual_seed(0)
vocab, dim, n_tokens = 10, 8, 6
encoder = nn.Embedding(vocab, dim)
decoder = nn.Linear(dim, 3)
tokens = torch.tensor([[0, 4, 5, 2, 7, 1]])

text_embedding = encoder(tokens).detach()
embeddings_to_optimize = text_embedding[:, 1:3].clone().requires_grad_(True)
optimizer = torch.optim.Adam([embeddings_to_optimize], lr=0.1)
start = embeddings_to_optimize.detach().clone()

target = torch.zeros(1, n_tokens, dtype=torch.long)
for step in range(3):
    full = torch.cat([text_embedding[:, :1], embeddings_to_optimize, text_embedding[:, 3:]], dim=1)
    logits = decoder(full)
    loss = nn.functional.cross_entropy(logits.view(-1, 3), target.view(-1))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

assert not torch.equal(start, embeddings_to_optimize.detach())
