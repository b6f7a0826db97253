# report: https://github.com/xiadingZ/video-caption.pytorch/blob/0597647c9f1f756202ba7ff9898ad0a26847480f/train.py#L22
# family: optimizer-misuse
# expect: 28
# runtime: asserts StepLR stepped at the top of each epoch before optimizer.step: the caption model's lr decays one epoch early
import warnings
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils import clip_grad_value_

torch.manual_seed(0)
V, T = 9, 5
model = nn.Sequential(nn.Linear(6, 8), nn.Tanh(), nn.Linear(8, V * T))
optimizer = torch.optim.Adam(model.parameters(), lr=2e-4, weight_decay=5e-4)
lr_scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=2, gamma=0.8)
loader = [{'fc_feats': torch.randn(3, 6), 'labels': torch.randint(1, V, (3, T)), 'masks': torch.ones(3, T)}]
lrs = []


def crit(logprobs, target, mask):
    loss = F.nll_loss(logprobs.reshape(-1, V), target.reshape(-1), reduction='none')
    return torch.sum(loss * mask.reshape(-1)) / logprobs.shape[0]


def train(loader, model, optimizer, lr_scheduler, epochs):
    model.train()
    for epoch in range(epochs):
        lr_scheduler.step()
        lrs.append(optimizer.param_groups[0]['lr'])
        for data in loader:
            optimizer.zero_grad()
            seq_probs = F.log_softmax(model(data['fc_feats']).view(-1, T, V), -1)
            loss = crit(seq_probs, data['labels'], data['masks'])
            loss.backward()
            clip_grad_value_(model.parameters(), 5)
            optimizer.step()


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    train(loader, model, optimizer, lr_scheduler, 3)

assert any("before `optimizer.step()`" in str(w.message) for w in caught)
assert abs(lrs[1] - 2e-4 * 0.8) < 1e-12  # step_size=2, yet epoch 1 already runs decayed
