# report: https://github.com/open-mmlab/mmpose/issues/2788
# family: no-grad-backward
# expect: 24 36
# runtime: raises RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class PoseHead(nn.Module):
    def __init__(self, in_dim=16, num_kpts=4, num_classes=3):
        super().__init__()
        self.kpt = nn.Linear(in_dim, num_kpts * 2)
        self.cls = nn.Linear(in_dim, num_classes)

    def forward(self, feats):
        return self.kpt(feats), self.cls(feats)

    def loss(self, feats, labels):
        _, pre_cls = self.forward(feats)
        cls_label = torch.tensor([int(l) for l in labels], device=feats.device)
        pre_cls1 = torch.tensor(pre_cls, device=feats.device)
        return {"loss_cls": F.cross_entropy(pre_cls1, cls_label)}


head = PoseHead()
optimizer = torch.optim.AdamW(head.parameters(), lr=1e-3)
feats = torch.randn(4, 16)
labels = [0, 2, 1, 2]

losses = head.loss(feats, labels)
total = sum(losses.values())
optimizer.zero_grad()
total.backward()
optimizer.step()
