# report: https://github.com/AmanPriyanshu/Neural-Collaborative-Filtering/blob/f2517296533e5136dd46706c2e95d54451773a4e/train.py#L125
# family: optimizer-misuse
# expect: 30
# runtime: asserts the output weight swapped in after the optimizer was built is never stepped and its grad only keeps accumulating
import torch
import torch.nn as nn

torch.manual_seed(0)
k = 8
user_emb, item_emb = nn.Embedding(10, k), nn.Embedding(12, k)
gmf_out, mlp_out = nn.Linear(k, 1), nn.Linear(k, 1)
output_logits = nn.Linear(2 * k, 1)
model = nn.ModuleList([user_emb, item_emb, gmf_out, mlp_out, output_logits])


def join_output_weights():
    w = torch.cat((0.5 * gmf_out.weight, 0.5 * mlp_out.weight), dim=1)
    output_logits.weight = nn.Parameter(w)


def predict(u, i):
    p, q = user_emb(u), item_emb(i)
    return output_logits(torch.cat([p * q, p + q], dim=1)).view(-1)


join_output_weights()
ncf_optimizer = torch.optim.Adam(model.parameters(), lr=5e-3)
# (the mlp / gmf pre-training phases update gmf_out and mlp_out here)
join_output_weights()
before = output_logits.weight.detach().clone()

u, i, y = torch.randint(0, 10, (32,)), torch.randint(0, 12, (32,)), torch.rand(32)
grad_norms = []
for step in range(3):
    loss = nn.functional.mse_loss(predict(u, i), y)
    loss.backward()
    ncf_optimizer.step()
    ncf_optimizer.zero_grad()
    grad_norms.append(output_logits.weight.grad.norm().item())

tracked = {id(p) for g in ncf_optimizer.param_groups for p in g["params"]}
assert id(output_logits.weight) not in tracked
assert torch.equal(output_logits.weight.detach(), before)
assert grad_norms[2] > grad_norms[0]
print("output weight frozen, grad norms", grad_norms)
