# report: https://github.com/lucabergamini/VAEGAN-PYTORCH/blob/fa75275d743ef27075aaf198cf4abff5ffbba540/main.py#L170
# family: removed-api
# expect: 13
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch

torch.manual_seed(0)
labels_original = torch.sigmoid(torch.randn(4, 1, requires_grad=True))
bce_dis_original = -torch.log(labels_original + 1e-3)
equilibrium, margin = 0.68, 0.35

train_dis = True
if torch.mean(bce_dis_original).data[0] < equilibrium - margin:
    train_dis = False
