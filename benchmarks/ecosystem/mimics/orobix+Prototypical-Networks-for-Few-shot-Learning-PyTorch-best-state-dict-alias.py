# report: https://github.com/orobix/Prototypical-Networks-for-Few-shot-Learning-PyTorch/blob/df89808d708637b769a41f27416b911758b8efb7/src/train.py#L145
# family: detach-alias
# expect: 38
# runtime: asserts best_state = model.state_dict() aliases the live parameters: "Testing with best model" loads the last epoch's weights
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(6, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 4))
optim = torch.optim.Adam(model.parameters(), lr=0.05)


def proto_loss(emb, n_support=2, n_way=2):
    emb = emb.view(n_way, -1, emb.size(-1))
    protos = emb[:, :n_support].mean(1)
    query = emb[:, n_support:].reshape(-1, emb.size(-1))
    dists = torch.cdist(query, protos) ** 2
    target = torch.arange(n_way).repeat_interleave(emb.size(1) - n_support)
    logp = F.log_softmax(-dists, 1)
    return F.nll_loss(logp, target), (logp.argmax(1) == target).float().mean()


x_tr, x_val = torch.randn(8, 6), torch.randn(8, 6)
best_acc, best_state, snap = 0, None, None
for epoch in range(3):
    model.train()
    optim.zero_grad()
    loss, acc = proto_loss(model(x_tr))
    loss.backward()
    optim.step()
    model.eval()
    with torch.no_grad():
        _, val_acc = proto_loss(model(x_val))
    avg_acc = [1.0, 0.5, 0.5][epoch]  # epoch 0 is the best one
    if avg_acc >= best_acc:
        best_acc = avg_acc
        best_state = model.state_dict()
        snap = model[0].weight.detach().clone()

model.load_state_dict(best_state)
assert not torch.equal(model[0].weight, snap)  # the best epoch's weights are gone
