# report: https://github.com/muzairkhattak/PromptSRC/issues/6
# family: non-scalar-backward
# expect: 37
# runtime: raises RuntimeError: grad can be implicitly created only for scalar outputs
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class PromptLearner(nn.Module):
    """The model returns its own loss, as the trainer expects."""

    def __init__(self):
        super().__init__()
        self.prompt = nn.Parameter(torch.randn(4, 8) * 0.02)
        self.text_proj = nn.Linear(8, 8)

    def forward(self, image_feats, labels):
        logits = image_feats @ self.text_proj(self.prompt).t()
        return F.cross_entropy(logits, labels)


def data_parallel(module, images, labels, replicas=2):
    """Scatter the batch, run each chunk, gather the outputs the way DataParallel does."""
    outs = [module(x, y) for x, y in zip(images.chunk(replicas), labels.chunk(replicas))]
    return torch.stack(outs)


model = PromptLearner()
optimizer = torch.optim.SGD(model.parameters(), lr=2e-3)
images, labels = torch.randn(6, 8), torch.randint(0, 4, (6,))

optimizer.zero_grad()
loss = data_parallel(model, images, labels)
loss.backward()
optimizer.step()
