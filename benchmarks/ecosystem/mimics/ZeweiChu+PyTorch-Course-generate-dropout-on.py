# report: https://github.com/ZeweiChu/PyTorch-Course/blob/cb2fc97ef7b4ae3df326e2fe48d541fc5d80150f/notebooks/3.language-model.ipynb
# family: module-misuse
# expect: 41
# runtime: asserts text generation runs the dropout LSTM in training mode because evaluate() ends with model.train(): the same input gives different next-word distributions
import torch
import torch.nn as nn

torch.manual_seed(0)


class RNNModel(nn.Module):
    def __init__(self, ntoken=30, ninp=8, nhid=8, nlayers=2, dropout=0.5):
        super().__init__()
        self.drop = nn.Dropout(dropout)
        self.encoder = nn.Embedding(ntoken, ninp)
        self.rnn = nn.LSTM(ninp, nhid, nlayers, dropout=dropout)
        self.decoder = nn.Linear(nhid, ntoken)
        self.nlayers, self.nhid = nlayers, nhid

    def forward(self, input, hidden):
        output, hidden = self.rnn(self.drop(self.encoder(input)), hidden)
        return self.decoder(self.drop(output)), hidden

    def init_hidden(self, bsz):
        w = next(self.parameters())
        return (w.new_zeros(self.nlayers, bsz, self.nhid), w.new_zeros(self.nlayers, bsz, self.nhid))


def evaluate(model):
    model.eval()
    with torch.no_grad():
        model(torch.randint(0, 30, (5, 2)), model.init_hidden(2))
    model.train()


best_model = RNNModel()
evaluate(best_model)
inp = torch.tensor([[3]])
outs = []
for _ in range(3):
    output, hidden = best_model(inp, best_model.init_hidden(1))
    outs.append(output.squeeze())
assert best_model.training
assert not torch.allclose(outs[0], outs[1]) or not torch.allclose(outs[0], outs[2])
