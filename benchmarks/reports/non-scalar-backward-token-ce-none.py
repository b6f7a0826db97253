# report: https://github.com/z814081807/DeepNER/issues/19
# family: non-scalar-backward
# expect: 18 33
# runtime: raises RuntimeError: grad can be implicitly created only for scalar outputs
# twin: non-scalar-backward-token-ce-none-ok.py
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

    def forward(self, tokens, tags):
        hidden, _ = self.encoder(self.embed(tokens))
        logits = self.classifier(hidden)
        return self.criterion(logits.view(-1, logits.size(-1)), tags.view(-1))


model = SpanTagger()
optimizer = torch.optim.AdamW(model.parameters(), lr=2e-3)
tokens = torch.randint(0, 30, (2, 6))
tags = torch.randint(0, 5, (2, 6))

optimizer.zero_grad()
loss = model(tokens, tags)
loss.backward()
optimizer.step()
