# report: https://github.com/vistalab-technion/cs236781-tutorials/blob/d8822fac022c877f1027c6f70d93a28ef695e868/t09-%20Attention/tutorial9-Attention.ipynb
# family: module-misuse
# expect: 34
# runtime: asserts the evaluation pass runs the 2-layer GRU with its inter-layer dropout active (model never put in eval mode)
import torch
import torch.nn as nn

torch.manual_seed(0)
S, B, V, E, H = 7, 4, 11, 8, 16
embed = nn.Embedding(V, E)
rnn = nn.GRU(E, H, num_layers=2, dropout=0.2)
out = nn.Linear(H, V)
model = nn.ModuleList([embed, rnn, out])
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)


def forward(x):
    h, _ = model[1](model[0](x))
    return model[2](h)


x = torch.randint(0, V, (S, B))
y = torch.randint(0, V, (S, B))
for _ in range(2):
    y_hat = forward(x)
    optimizer.zero_grad()
    loss = nn.functional.cross_entropy(y_hat.reshape(S * B, V), y.reshape(S * B))
    loss.backward()
    optimizer.step()


def eval_seq2seq(x):
    with torch.no_grad():
        return forward(x)  # no model.eval() anywhere


first, second = eval_seq2seq(x), eval_seq2seq(x)
assert model.training
assert not torch.allclose(first, second)  # evaluation outputs change from call to call
