# report: https://github.com/BierOne/bottom-up-attention-vqa/issues/6
# family: inplace-saved-tensor
# expect: 18
# runtime: raises RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class SimpleClassifier(nn.Module):
    def __init__(self, in_dim, hid_dim, out_dim, dropout):
        super().__init__()
        self.main = nn.Sequential(
            nn.Linear(in_dim, hid_dim),
            nn.ReLU(),
            nn.Dropout(dropout, inplace=True),
            nn.Linear(hid_dim, out_dim),
        )

    def forward(self, x):
        return self.main(x)


def train_step(model, optimizer, joint_repr, answers):
    logits = model(joint_repr)
    loss = F.binary_cross_entropy_with_logits(logits, answers)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()


model = SimpleClassifier(12, 16, 5, dropout=0.5)
model.train()
optimizer = torch.optim.Adamax(model.parameters())
joint_repr = torch.randn(4, 12)
answers = torch.rand(4, 5)
train_step(model, optimizer, joint_repr, answers)
