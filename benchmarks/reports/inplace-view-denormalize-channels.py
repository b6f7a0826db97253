# report: https://github.com/haofanwang/Score-CAM/issues/28
# family: inplace-view
# expect: 21
# runtime: raises RuntimeError: is a view and is being modified inplace
# twin: inplace-view-denormalize-channels-ok.py
import torch
import torch.nn as nn

torch.manual_seed(0)

MEANS, STDS = (0.485, 0.456, 0.406), (0.229, 0.224, 0.225)
model = nn.Sequential(
    nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(4, 5)
)


def denormalize(tensor, means=MEANS, stds=STDS):
    """Undo the ImageNet normalisation of the first image, for display."""
    denormalized = tensor.clone()
    for channel, mean, std in zip(denormalized[0], means, stds):
        channel.mul_(std).add_(mean)
    return denormalized


def visualize_gradients(image, target_class):
    image = image.requires_grad_(True)
    model(image)[0, target_class].backward()
    saliency = image.grad.abs().amax(dim=1)
    return denormalize(image), saliency


shown, saliency = visualize_gradients(torch.randn(1, 3, 8, 8), target_class=2)
