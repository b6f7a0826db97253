# report: https://github.com/utkuozbulak/pytorch-cnn-adversarial-attacks/blob/8af67f124c904401947c90078481f93f3456e107/src/gradient_ascent_fooling.py#L42
# family: numpy-conversion
# expect: 24
# runtime: raises IndexError: too many indices for array
import warnings

import torch
import torch.nn as nn
from torch.autograd import Variable
from torch.nn import functional
from torch.optim import SGD

warnings.simplefilter("ignore")
torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(3, 4, 3), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 6 * 6, 10))
model.eval()
target_class = 3

image = torch.rand(1, 3, 8, 8)
for i in range(1, 5):
    processed_image = Variable(image.clone(), requires_grad=True)
    optimizer = SGD([processed_image], lr=6)
    output = model(processed_image)
    target_confidence = functional.softmax(output)[0][target_class].data.numpy()[0]
    if target_confidence > 0.99:
        break
    class_loss = -output[0, target_class]
    model.zero_grad()
    class_loss.backward()
    optimizer.step()
    image = processed_image.detach()
