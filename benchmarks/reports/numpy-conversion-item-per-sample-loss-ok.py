# report: https://github.com/Naver-AI-Hackathon/AI-Speech/issues/43
# family: numpy-conversion
# expect: none
# runtime: runs: .tolist() converts a multi-element tensor that requires grad; .item() the 0-dim total
# twin: numpy-conversion-item-per-sample-loss.py
import torch
import torch.nn as nn

torch.manual_seed(0)
vocab, hidden = 7, 5
decoder = nn.GRU(hidden, hidden, batch_first=True)
proj = nn.Linear(hidden, vocab)
criterion = nn.CrossEntropyLoss(reduction="none")
optimizer = torch.optim.Adam(list(decoder.parameters()) + list(proj.parameters()), lr=1e-3)

feats = torch.randn(2, 3, hidden)
script = torch.randint(0, vocab, (2, 3))
out, _ = decoder(feats)
loss = criterion(proj(out).reshape(-1, vocab), script.reshape(-1))
total_loss = loss.sum()
optimizer.zero_grad()
total_loss.backward()
optimizer.step()
per_char = loss.tolist()
total = total_loss.item()
assert len(per_char) == 6 and abs(sum(per_char) - total) < 1e-4
