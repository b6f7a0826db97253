# report: https://github.com/bnu-wangxun/Deep_Metric/blob/04ca51093db13135a04e3c94401bc898c6af0c40/train.py#L75
# family: optimizer-misuse
# expect: 19, 32
# runtime: asserts Adam ignores the custom 'lr_mult' (and later 'lr_mul') param-group keys: the pretrained backbone meant to be frozen (lr_mult 0) is updated at the full learning rate
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(10, 16), nn.ReLU(), nn.Linear(16, 8))
backbone, classifier = model[0], model[2]
lr = 1e-2

new_param_ids = set(map(id, classifier.parameters()))
new_params = [p for p in model.parameters() if id(p) in new_param_ids]
base_params = [p for p in model.parameters() if id(p) not in new_param_ids]

# "Fine-tune the model: the learning rate for pre-trained parameter is 1/10"
param_groups = [
    {'params': base_params, 'lr_mult': 0.0},
    {'params': new_params, 'lr_mult': 1.0}]
optimizer = torch.optim.Adam(param_groups, lr=lr, weight_decay=5e-4)
w0 = backbone.weight.detach().clone()

for epoch in range(3):
    x = torch.randn(12, 10)
    emb = nn.functional.normalize(model(x), dim=1)
    loss = (emb @ emb.t()).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if epoch == 1:
        optimizer.param_groups[0]['lr_mul'] = 0.1

assert all(g['lr'] == lr for g in optimizer.param_groups)  # no group ever got a scaled lr
step = (backbone.weight.detach() - w0).abs().max().item()
assert step > 0.5 * lr  # the "frozen" backbone moved by full-lr Adam steps
