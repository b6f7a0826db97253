# report: https://github.com/aliasgharkhani/SLiMe/issues/10
# family: optimizer-misuse
# expect: 17 18
# runtime: raises ValueError: can't optimize a non-leaf Tensor
# twin: optimizer-misuse-nonleaf-embedding-slice-ok.py
import torch
import torch.nn as nn

torch.manual_seed(0)
vocab, dim, n_tokens = 10, 8, 6
encoder = nn.Embedding(vocab, dim)
decoder = nn.Linear(dim, 3)
tokens = torch.tensor([[0, 4, 5, 2, 7, 1]])

# Optimize only the embeddings of the two placeholder tokens (positions 1 and 2).
text_embedding = encoder(tokens).detach().requires_grad_(True)
embeddings_to_optimize = text_embedding[:, 1:3]
optimizer = torch.optim.Adam([embeddings_to_optimize], lr=0.1)

target = torch.zeros(1, n_tokens, dtype=torch.long)
for step in range(3):
    logits = decoder(text_embedding)
    loss = nn.functional.cross_entropy(logits.view(-1, 3), target.view(-1))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
