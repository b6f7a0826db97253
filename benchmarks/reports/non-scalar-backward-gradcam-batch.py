# report: https://github.com/1Konny/gradcam_plus_plus-pytorch/issues/7
# family: non-scalar-backward
# expect: 24
# runtime: raises RuntimeError: grad can be implicitly created only for scalar outputs
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class GradCAM:
    def __init__(self, features, classifier):
        self.features, self.classifier = features, classifier

    def __call__(self, inputs, class_idx=None):
        activations = self.features(inputs)
        activations.retain_grad()
        logit = self.classifier(activations.mean(dim=(2, 3)))
        if class_idx is None:
            class_idx = logit.max(1)[-1]
        score = logit.gather(1, class_idx.view(-1, 1)).squeeze()
        self.features.zero_grad()
        score.backward()
        weights = activations.grad.mean(dim=(2, 3), keepdim=True)
        return F.relu((weights * activations).sum(dim=1))


features = nn.Sequential(nn.Conv2d(3, 6, 3, padding=1), nn.ReLU())
classifier = nn.Linear(6, 4)
cam = GradCAM(features, classifier)
mask = cam(torch.randn(4, 3, 8, 8))
