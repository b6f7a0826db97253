# report: https://github.com/jingweiz/pytorch-rl/blob/20b3b738ca400b1916197f27a91367878b09803c/core/agents/a3c_single_process.py#L254
# family: optimizer-misuse
# expect: 31
# runtime: asserts the shared model keeps stepping with the first rollout's gradient: model.zero_grad() sets the local .grad to None, the global .grad stays aliased to the old tensor
import torch
import torch.nn as nn


class Master:
    pass


master = Master()
master.model = nn.Linear(2, 1, bias=False)
master.model.share_memory()
master.optimizer = torch.optim.SGD(master.model.parameters(), lr=0.0)
model = nn.Linear(2, 1, bias=False)


def _ensure_global_grads():
    for global_param, local_param in zip(master.model.parameters(), model.parameters()):
        if global_param.grad is not None:
            return
        global_param._grad = local_param.grad


inputs = [torch.tensor([[1.0, 0.0]]), torch.tensor([[0.0, 1.0]]), torch.tensor([[5.0, 5.0]])]
applied = []
for x in inputs:
    model.load_state_dict(master.model.state_dict())
    model.zero_grad()
    model(x).sum().backward()
    _ensure_global_grads()
    applied.append(master.model.weight.grad.clone())
    master.optimizer.step()
assert torch.equal(model.weight.grad, inputs[2])
assert all(torch.equal(g, inputs[0]) for g in applied)  # every step reuses rollout 1's gradient
