# report: https://github.com/PeizeSun/SparseR-CNN/issues/92
# family: clone-not-a-cut
# expect: 20
# runtime: asserts the prior boxes meant to stay fixed get a gradient and move
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class BoxRefiner(nn.Module):
    def __init__(self, num_proposals=4):
        super().__init__()
        self.prior_boxes = nn.Embedding(num_proposals, 4)
        nn.init.constant_(self.prior_boxes.weight, 0.5)
        self.head = nn.Linear(8 + 4, 4)

    def forward(self, feats):
        boxes = self.prior_boxes.weight.clone()  # the priors are a fixed starting point
        for stage in range(2):
            deltas = self.head(torch.cat([feats, boxes], dim=1))
            boxes = boxes + 0.1 * torch.tanh(deltas)
        return boxes


model = BoxRefiner()
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-2)
before = model.prior_boxes.weight.detach().clone()
loss = F.l1_loss(model(torch.randn(4, 8)), torch.rand(4, 4))
optimizer.zero_grad()
loss.backward()
optimizer.step()
assert model.prior_boxes.weight.grad is not None
assert not torch.equal(before, model.prior_boxes.weight)
