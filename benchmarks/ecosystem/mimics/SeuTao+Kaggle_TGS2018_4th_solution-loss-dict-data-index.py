# report: https://github.com/SeuTao/Kaggle_TGS2018_4th_solution/blob/079ecd8bd847a9ed0e40218e3d1f512c02480731/train.py#L196
# family: removed-api
# expect: 27
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
G = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(), nn.Conv2d(4, 1, 1))
head = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(1, 2))
opt = torch.optim.SGD(list(G.parameters()) + list(head.parameters()), lr=0.01, momentum=0.9)
CE = nn.CrossEntropyLoss()
bce = nn.BCEWithLogitsLoss()

images = torch.randn(4, 3, 8, 8)
labels = (torch.rand(4, 1, 8, 8) > 0.5).float()
is_empty = torch.tensor([0, 1, 0, 1])

final_logits = G(images)
binary_logits = head(final_logits)
bce_loss_final = bce(final_logits, labels)
class_loss = CE(binary_logits, is_empty)
all_loss = bce_loss_final + 0.05 * class_loss

loss = {}
# logging dict filled the torch 0.3 way
loss['loss_seg'] = bce_loss_final.data[0]
loss['loss_classifier'] = class_loss.data[0]

opt.zero_grad()
all_loss.backward()
opt.step()
