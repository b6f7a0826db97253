# report: https://github.com/deeplearningzerotoall/PyTorch/blob/0e11245870a7d7cffba10726ea2a6dbf456e3e96/lab-10_5_2_Aadvance-CNN(VGG_cifar10).ipynb
# family: module-misuse
# expect: 31
# runtime: asserts the test accuracy loop runs vgg16 in training mode: two passes over the same test batch disagree because the classifier's Dropout layers stay active
import torch
import torch.nn as nn

torch.manual_seed(777)


class VGG(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(True), nn.MaxPool2d(2))
        self.classifier = nn.Sequential(
            nn.Linear(4 * 4 * 4, 32), nn.ReLU(True), nn.Dropout(),
            nn.Linear(32, 32), nn.ReLU(True), nn.Dropout(),
            nn.Linear(32, num_classes))

    def forward(self, x):
        x = self.features(x)
        return self.classifier(x.view(x.size(0), -1))


vgg16 = VGG()
testloader = [(torch.randn(4, 3, 8, 8), torch.randint(0, 10, (4,)))]
runs = []
for _ in range(2):
    with torch.no_grad():
        for images, labels in testloader:
            outputs = vgg16(images)
            runs.append(outputs)
assert vgg16.training
assert not torch.allclose(runs[0], runs[1])
