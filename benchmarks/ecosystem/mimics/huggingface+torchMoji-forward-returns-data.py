# report: https://github.com/huggingface/torchMoji/blob/9dd01df645dd84b3645633f55067c0bbcac90011/torchmoji/model_def.py#L250
# family: no-grad-backward
# expect: 24
# runtime: raises RuntimeError: does not require grad and does not have a grad_fn
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
net = nn.Sequential(nn.Embedding(20, 8), nn.Tanh(), nn.Flatten(), nn.Linear(32, 1))


def forward(input_seqs):
    # written when Variable and LongTensor were different types: a raw
    # LongTensor input meant "inference, hand back a plain tensor"
    return_tensor = False
    if isinstance(input_seqs, (torch.LongTensor,)):
        input_seqs = Variable(input_seqs)
        return_tensor = True
    elif not isinstance(input_seqs, Variable):
        input_seqs = Variable(torch.from_numpy(input_seqs.astype("int64")).long())
    outputs = net(input_seqs)
    if return_tensor:
        outputs = outputs.data
    return outputs


optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)
loss_op = nn.BCEWithLogitsLoss()
X_train = Variable(torch.randint(1, 20, (4, 4)), requires_grad=False)  # a LongTensor now
y_train = Variable(torch.tensor([0, 1, 1, 0]), requires_grad=False)
net.train()
optimizer.zero_grad()
output = forward(X_train)
loss = loss_op(output.squeeze(), y_train.squeeze().float())
loss.backward()
optimizer.step()
