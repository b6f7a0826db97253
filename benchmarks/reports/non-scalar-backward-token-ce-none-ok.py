# report: https://github.com/z814081807/DeepNER/issues/19
# family: non-scalar-backward
# expect: none
# runtime: runs: the per-token losses are masked and averaged to a scalar before backward
# twin: non-scalar-backward-token-ce-none.py
import torch
import torch.nn as nn

torch.manual_seed(0)


class SpanTagger(nn.Module):
    def __init__(self, vocab=30, dim=12, num_tags=5):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.encoder = nn.GRU(dim, dim, batch_first=True)
        self.classifier = nn.Linear(dim, num_tags)
        self.criterion = nn.CrossEntropyLoss(reduction="none")

    def forward(self, tokens, tags, mask):
        hidden, _ = self.encoder(self.embed(tokens))
        logits = self.classifier(hidden)
        per_token = self.criterion(logits.view(-1, logits.size(-1)), tags.view(-1))
        mask = mask.view(-1).float()
        return (per_token * mask).sum() / mask.sum()


model = SpanTagger()
optimizer = torch.optim.AdamW(model.parameters(), lr=2e-3)
tokens = torch.randint(0, 30, (2, 6))
tags = torch.randint(0, 5, (2, 6))
mask = torch.tensor([[1, 1, 1, 1, 0, 0], [1, 1, 1, 1, 1, 1]])

optimizer.zero_grad()
loss = model(tokens, tags, mask)
loss.backward()
optimizer.step()
assert loss.dim() == 0 and model.classifier.weight.grad is not None
