# report: https://github.com/graykode/nlp-tutorial/blob/d05e31ec81d56d70c1db89b99ab07e948f7ebc11/5-2.BERT/BERT.py#L114
# family: module-misuse
# expect: 22
# runtime: asserts the output projection is a fresh random nn.Linear on every forward: never in model.parameters(), never trained, outputs differ between identical calls
import torch
import torch.nn as nn

torch.manual_seed(0)
d_model, n_heads, d_v = 8, 2, 4


class MultiHeadAttention(nn.Module):
    def __init__(self):
        super().__init__()
        self.W_Q = nn.Linear(d_model, n_heads * d_v)
        self.W_V = nn.Linear(d_model, n_heads * d_v)

    def forward(self, Q):
        q = self.W_Q(Q).softmax(-1)
        context = q * self.W_V(Q)
        # built inside forward: new random weights at each call, unknown to the optimizer
        output = nn.Linear(n_heads * d_v, d_model)(context)
        return nn.LayerNorm(d_model)(output + Q)


model = MultiHeadAttention()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
x = torch.randn(3, d_model)
out1 = model(x)
out1.pow(2).mean().backward()
optimizer.step()
n_params = sum(p.numel() for p in model.parameters())
assert n_params == 2 * (d_model * n_heads * d_v + n_heads * d_v)  # only W_Q and W_V
with torch.no_grad():
    assert not torch.allclose(model(x), model(x))  # same input, different outputs
