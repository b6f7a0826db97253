# report: https://github.com/huggingface/torchMoji/issues/21
# family: no-grad-backward
# expect: 23 36
# runtime: raises RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn
import torch
import torch.nn as nn

torch.manual_seed(0)


class EmojiClassifier(nn.Module):
    def __init__(self, vocab=50, dim=16, classes=4, return_tensor=True):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.lstm = nn.LSTM(dim, dim, batch_first=True)
        self.out = nn.Linear(dim, classes)
        self.return_tensor = return_tensor

    def forward(self, tokens):
        hidden, _ = self.lstm(self.embed(tokens))
        outputs = self.out(hidden[:, -1])
        if self.return_tensor:
            outputs = outputs.data
        return outputs


model = EmojiClassifier()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
criterion = nn.CrossEntropyLoss()
tokens = torch.randint(0, 50, (3, 7))
labels = torch.tensor([0, 3, 1])

for epoch in range(2):
    optimizer.zero_grad()
    loss = criterion(model(tokens), labels)
    loss.backward()
    optimizer.step()
