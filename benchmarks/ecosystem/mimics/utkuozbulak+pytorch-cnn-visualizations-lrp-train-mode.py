# report: https://github.com/utkuozbulak/pytorch-cnn-visualizations/blob/ba22fa07c9f31964e6cfa669e80f3461e11c4ebc/src/LRP.py#L24
# family: module-misuse
# expect: 13
# runtime: asserts the LRP forward passes run the pretrained classifier in training mode: dropout is active, the relevance of the same image changes between calls
import torch
import torch.nn as nn

torch.manual_seed(0)


class LRP:
    def __init__(self, model):
        self.model = model  # no model.eval(): torchvision models come back in training mode

    def generate(self, input_image, target_class):
        out = [input_image]
        for layer in list(self.model.features):
            out.append(layer(out[-1].detach()))
        out[-1] = torch.flatten(out[-1], 1)
        for layer in list(self.model.classifier):
            out.append(layer(out[-1].detach()))
        one_hot = torch.zeros(1, out[-1].shape[1])
        one_hot[0, target_class] = 1
        return (out[-1] * one_hot).data


model = nn.Module()
model.features = nn.Sequential(nn.Conv2d(3, 4, 3), nn.ReLU(inplace=True), nn.AdaptiveAvgPool2d(2))
model.classifier = nn.Sequential(nn.Dropout(), nn.Linear(16, 8), nn.ReLU(inplace=True), nn.Dropout(), nn.Linear(8, 5))
img = torch.rand(1, 3, 8, 8)
lrp = LRP(model)
r1 = lrp.generate(img, 2)
r2 = lrp.generate(img, 2)
assert model.training
assert not torch.equal(r1, r2)  # two relevance maps of the same image differ: dropout is on
