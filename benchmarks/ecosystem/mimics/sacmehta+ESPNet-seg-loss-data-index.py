# report: https://github.com/sacmehta/ESPNet/blob/afe71c38edaee3514ca44e0adcafdf36109bf437/train/main.py#L105
# family: removed-api
# expect: 26
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
segmenter = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.PReLU(8), nn.Conv2d(8, 4, 1))
class_weights = torch.ones(4)
nll = nn.NLLLoss(class_weights)
optimizer = torch.optim.Adam(segmenter.parameters(), 5e-4, (0.9, 0.999), eps=1e-08, weight_decay=5e-4)
loader = [(torch.rand(2, 3, 8, 8), torch.randint(0, 4, (2, 8, 8))) for _ in range(2)]

segmenter.train()
epoch_loss = []
for images, labels in loader:
    input_var = torch.autograd.Variable(images)
    target_var = torch.autograd.Variable(labels)
    output = segmenter(input_var)
    loss = nll(F.log_softmax(output, 1), target_var)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    epoch_loss.append(loss.data[0])
