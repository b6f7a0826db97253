# report: https://github.com/Kipsora/Deep-Learning-Course-2017/blob/756b6fd74000d324094127399e072b5ff4e89aef/dl_assignment_final/codes/pytorch-dnn.py#L81
# family: module-misuse
# expect: 39
# runtime: asserts the eval-set predictions come from a BatchNorm+Dropout net still in training mode: scoring the same eval set twice gives different outputs and moves the running stats
import torch
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)


class DNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.batch1 = torch.nn.BatchNorm1d(12)
        self.dense1 = torch.nn.Linear(12, 8)
        self.dropo1 = torch.nn.Dropout()
        self.dense2 = torch.nn.Linear(8, 5)

    def forward(self, inputs):
        hidden = self.dropo1(F.relu(self.dense1(self.batch1(inputs.view(-1, 12)))))
        return torch.sigmoid(self.dense2(hidden))


net = DNN()
optimizer = torch.optim.RMSprop(net.parameters(), 1e-3)
criterion = torch.nn.BCELoss()
eval_X = Variable(torch.randn(16, 12) * 2 + 1)
eval_y = Variable(torch.randint(0, 2, (16, 5)))
for epoch in range(1, 3):
    X_batch = Variable(torch.randn(8, 12))
    y_batch = Variable(torch.randint(0, 2, (8, 5)))
    optimizer.zero_grad()
    train_loss = criterion(net(X_batch), y_batch.float())
    train_loss.backward()
    optimizer.step()

before = net.batch1.running_mean.clone()
eval_predicts = net(eval_X)
again = net(eval_X)
assert net.training
assert not torch.allclose(eval_predicts, again)
assert not torch.equal(before, net.batch1.running_mean)
