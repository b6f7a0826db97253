# report: https://github.com/mancinimassimiliano/DeepLearningLab/blob/775ab10f9e894ed542c498aae088701ea6528940/Lab3/solution/batch_normalization_solution.ipynb
# family: module-misuse
# expect: 25,26
# runtime: asserts the hand-written BatchNorm keeps updating its running statistics after model.eval(), so test batches move the statistics they are normalized with
import torch


class BatchNorm1d(torch.nn.Module):
    def __init__(self, in_features, momentum=0.9):
        super().__init__()
        self.in_features = in_features
        self.momentum = momentum
        self.track_running_stats = True
        self.gamma = torch.nn.Parameter(torch.ones(in_features, 1))
        self.beta = torch.nn.Parameter(torch.zeros(in_features, 1))
        self.register_buffer('running_mean', torch.zeros(in_features, 1))
        self.register_buffer('running_std', torch.ones(in_features, 1))

    def forward(self, x):
        x = x.transpose(0, 1).contiguous().view(x.shape[1], -1)
        mean = x.mean(dim=1).view(-1, 1)
        std = x.std(dim=1).view(-1, 1)
        # updated on every call, in training and in evaluation alike
        if self.track_running_stats:
            self.running_mean = self.momentum * self.running_mean + (1 - self.momentum) * mean.detach()
            self.running_std = self.momentum * self.running_std + (1 - self.momentum) * std.detach()
        if not self.training:
            mean = self.running_mean
            std = self.running_std
        x = (x - mean) / std
        x = x * self.gamma + self.beta
        return x.transpose(0, 1)


torch.manual_seed(0)
net = torch.nn.Sequential(torch.nn.Linear(5, 4), BatchNorm1d(4), torch.nn.ReLU(), torch.nn.Linear(4, 2))
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for _ in range(3):
    loss = net(torch.randn(16, 5)).pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()

net.eval()
bn = net[1]
before = bn.running_mean.clone()
test_batch = torch.randn(16, 5) * 5 + 3
with torch.no_grad():
    out1 = net(test_batch)
    out2 = net(test_batch)
assert not torch.equal(before, bn.running_mean)  # evaluation changed the running statistics
assert not torch.allclose(out1, out2)  # the same test batch gives different outputs each time
