# report: https://github.com/dgriff777/rl_a3c_pytorch/blob/4170f7d94852129dc70265648c219e6b412965be/train.py#L113
# family: optimizer-misuse
# expect: 33
# runtime: asserts the shared model keeps stepping with the first rollout's gradient: zero_grad (set_to_none) on the worker drops the tensor the shared .grad aliases
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
shared_model = nn.Linear(6, 3)
model = nn.Linear(6, 3)
optimizer = torch.optim.Adam(shared_model.parameters(), lr=0.1)


def ensure_shared_grads(model, shared_model, gpu=False):
    for param, shared_param in zip(model.parameters(), shared_model.parameters()):
        if shared_param.grad is not None and not gpu:
            return
        elif not gpu:
            shared_param._grad = param.grad
        else:
            shared_param._grad = param.grad.cpu()


used, fresh = [], []
for update in range(3):
    model.load_state_dict(shared_model.state_dict())
    states = torch.randn(4, 6)
    actions = torch.tensor([[0], [2], [1], [0]])
    log_prob = F.log_softmax(model(states), dim=-1).gather(1, actions)
    policy_loss = -log_prob.sum()

    model.zero_grad()
    policy_loss.backward()
    ensure_shared_grads(model, shared_model, gpu=False)
    optimizer.step()
    used.append(shared_model.weight.grad.clone())
    fresh.append(model.weight.grad.clone())

assert not torch.allclose(fresh[2], fresh[0])
assert torch.equal(used[1], used[0]) and torch.equal(used[2], used[0])
