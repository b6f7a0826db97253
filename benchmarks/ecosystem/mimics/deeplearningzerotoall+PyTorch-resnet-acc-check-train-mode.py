# report: https://github.com/deeplearningzerotoall/PyTorch/blob/0e11245870a7d7cffba10726ea2a6dbf456e3e96/lab-10_6_2_Advance-CNN(ResNet_cifar10).ipynb
# family: module-misuse
# expect: 18
# runtime: asserts acc_check runs the network in training mode: the test batches rewrite the BatchNorm running statistics (and are normalised with batch statistics)
import torch
import torch.nn as nn

torch.manual_seed(777)
net = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(inplace=True),
                    nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten(), nn.Linear(4, 10))
test_set = [(torch.randn(4, 3, 8, 8) + 2.0, torch.randint(0, 10, (4,)))]


def acc_check(net, test_set):
    correct, total = 0, 0
    with torch.no_grad():
        for images, labels in test_set:
            outputs = net(images)
            _, predicted = torch.max(outputs.data, 1)
            total += labels.size(0)
            correct += (predicted == labels).sum().item()
    return 100 * correct / total


stats = net[1].running_mean.clone()
acc_check(net, test_set)
assert not torch.equal(stats, net[1].running_mean)
