# report: https://github.com/lucabergamini/VAEGAN-PYTORCH/blob/fa75275d743ef27075aaf198cf4abff5ffbba540/main.py#L159
# family: removed-api
# expect: 18
# runtime: raises IndexError: too many indices for array
import torch


class Rolling:
    def __init__(self):
        self.values = []

    def __call__(self, value):
        self.values.append(value)


nle = (torch.randn(4, 6, requires_grad=True) - torch.randn(4, 6)).pow(2) * 0.5
log_nle = Rolling()
log_nle(torch.mean(nle).data.cpu().numpy()[0])
