# report: https://github.com/zihangdai/mos/blob/9c0c6089bc1041ccb64657c7b5603294df60d0a7/dynamiceval.py#L165
# family: module-misuse
# expect: 41
# runtime: asserts model.train() with use_dropout=False still leaves the WeightDrop'd recurrent weights dropped at random, so dynamic evaluation scores a noisy, weight-dropped model
import torch
import torch.nn as nn
import torch.nn.functional as F


class DropHH(nn.Module):
    def __init__(self, rnn, p):
        super().__init__()
        self.rnn = rnn
        self.p = p
        w = self.rnn.weight_hh_l0
        del self.rnn._parameters["weight_hh_l0"]
        self.rnn.register_parameter("weight_hh_l0_raw", nn.Parameter(w.data))

    def forward(self, x, h):
        raw = self.rnn.weight_hh_l0_raw
        setattr(self.rnn, "weight_hh_l0", F.dropout(raw, p=self.p, training=self.training))
        return self.rnn(x, h)


class TinyLM(nn.Module):
    def __init__(self):
        super().__init__()
        self.use_dropout = True
        self.emb = nn.Embedding(11, 6)
        self.rnn = DropHH(nn.LSTM(6, 6), p=0.5 if self.use_dropout else 0)
        self.out = nn.Linear(6, 11)

    def forward(self, x, h):
        y, h = self.rnn(F.dropout(self.emb(x), 0.4 if self.use_dropout else 0, self.training), h)
        return F.log_softmax(self.out(y), -1), h


torch.manual_seed(0)
model = TinyLM()
x = torch.randint(0, 11, (7, 2))
model.train()
model.use_dropout = False
h0 = (torch.zeros(1, 2, 6), torch.zeros(1, 2, 6))
runs = [model(x, h0)[0].detach() for _ in range(2)]
model.eval()
clean = model(x, h0)[0].detach()
assert not torch.allclose(runs[0], runs[1])
assert not torch.allclose(runs[0], clean)
