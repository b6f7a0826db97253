# report: https://github.com/dataflowr/notebooks/blob/043dff0f792a5ae67005ba147f7b9dd5fc66e2a1/Module11/11_RNN.ipynb
# family: graph-kept
# expect: 37
# runtime: asserts loss_t.append(loss) keeps every step's unrolled-RNN graph (grad_fn) alive across training, and the later running_mean over the list raises
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)


class RecNet(nn.Module):
    def __init__(self, dim_input=6, dim_recurrent=8, dim_output=2):
        super().__init__()
        self.fc_x2h = nn.Linear(dim_input, dim_recurrent)
        self.fc_h2h = nn.Linear(dim_recurrent, dim_recurrent, bias=False)
        self.fc_h2y = nn.Linear(dim_recurrent, dim_output)

    def forward(self, x):
        h = x.new_zeros(1, self.fc_h2y.weight.size(1))
        for t in range(x.size(0)):
            h = torch.relu(self.fc_x2h(x[t, :]) + self.fc_h2h(h))
        return self.fc_h2y(h)


RNN = RecNet()
cross_entropy = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(RNN.parameters(), lr=1e-3)
loss_t = []
for k in range(4):
    x, l = torch.randn(5, 6), torch.randint(0, 2, (1,))
    y = RNN(x)
    loss = cross_entropy(y, l)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    loss_t.append(loss)

assert all(item.grad_fn is not None for item in loss_t)
try:
    np.cumsum(np.insert(loss_t, 0, 0))
    raised = False
except RuntimeError as err:
    raised = "requires grad" in str(err)
assert raised
