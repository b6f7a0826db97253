# report: https://github.com/hengyuan-hu/bottom-up-attention-vqa/blob/392520640e3d9aed0009ddfe207901757b10b9a6/classifier.py#L11
# family: inplace-saved-tensor
# expect: 18
# runtime: raises RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation
import torch
import torch.nn as nn
from torch.nn.utils import weight_norm

torch.manual_seed(0)


class SimpleClassifier(nn.Module):
    def __init__(self, in_dim, hid_dim, out_dim, dropout):
        super().__init__()
        self.main = nn.Sequential(
            weight_norm(nn.Linear(in_dim, hid_dim), dim=None),
            nn.ReLU(),
            nn.Dropout(dropout, inplace=True),
            weight_norm(nn.Linear(hid_dim, out_dim), dim=None),
        )

    def forward(self, x):
        return self.main(x)


clf = SimpleClassifier(6, 10, 4, 0.5)
optim = torch.optim.Adamax(clf.parameters())
joint_repr = torch.randn(3, 6)
labels = torch.rand(3, 4)
logits = clf(joint_repr)
loss = nn.functional.binary_cross_entropy_with_logits(logits, labels) * labels.size(1)
loss.backward()
optim.step()
