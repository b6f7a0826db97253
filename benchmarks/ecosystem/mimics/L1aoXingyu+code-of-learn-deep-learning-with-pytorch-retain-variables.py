# report: https://github.com/L1aoXingyu/code-of-learn-deep-learning-with-pytorch/blob/ea24810dc26265e85e3eec34e1d091d21202d800/chapter9_Computer-Vision/neural-transfer/loss.py#L19
# family: removed-api
# expect: 21
# runtime: raises TypeError: unexpected keyword argument 'retain_variables'
import torch
import torch.nn as nn


class Content_Loss(nn.Module):
    def __init__(self, target, weight):
        super().__init__()
        self.weight = weight
        self.target = target.detach() * self.weight
        self.criterion = nn.MSELoss()

    def forward(self, input):
        self.loss = self.criterion(input * self.weight, self.target)
        return input.clone()

    def backward(self, retain_variabels=True):
        self.loss.backward(retain_variables=retain_variabels)
        return self.loss


torch.manual_seed(0)
conv = nn.Conv2d(3, 4, 3)
content_loss = Content_Loss(conv(torch.rand(1, 3, 8, 8)), 1)
input_param = nn.Parameter(torch.rand(1, 3, 8, 8))
content_loss(conv(input_param))
content_loss.backward()
