# report: https://github.com/leftthomas/ESPCN/blob/b1dd698406b0a6dbdbb9c2618bbb06dc903e9b06/train.py#L45
# family: removed-api
# expect: 26
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(1, 8, 5, padding=2), nn.Tanh(), nn.Conv2d(8, 4, 3, padding=1),
                      nn.PixelShuffle(2), nn.Sigmoid())
criterion = nn.MSELoss()
optimizer = optim.Adam(model.parameters(), lr=1e-2)
losses = []


def processor(sample):
    data, target, training = sample
    output = model(data)
    loss = criterion(output, target)
    return loss, output


def on_forward(state):
    # the meter is fed the loss value as in the 0.3 era
    losses.append(state['loss'].data[0])


sample = (torch.rand(4, 1, 6, 6), torch.rand(4, 1, 12, 12), True)
state = {'sample': sample}
optimizer.zero_grad()
loss, output = processor(sample)
state['loss'], state['output'] = loss, output
on_forward(state)
loss.backward()
optimizer.step()
