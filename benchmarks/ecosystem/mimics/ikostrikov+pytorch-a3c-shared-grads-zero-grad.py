# report: https://github.com/ikostrikov/pytorch-a3c/blob/48d95844755e2c3e2c7e48bbd1a7141f7212b63f/train.py#L103
# family: optimizer-misuse
# expect: 30
# runtime: asserts the worker's gradients accumulate across updates: zero_grad on the shared params drops the alias instead of zeroing it
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
shared_model = nn.Linear(6, 3)
model = nn.Linear(6, 3)
optimizer = torch.optim.SGD(shared_model.parameters(), lr=0.0)  # lr 0: the same loss each update


def ensure_shared_grads(model, shared_model):
    for param, shared_param in zip(model.parameters(), shared_model.parameters()):
        if shared_param.grad is not None:
            return
        shared_param._grad = param.grad


states = torch.randn(4, 6)
actions = torch.tensor([[0], [2], [1], [0]])
sent = []
for update in range(3):
    model.load_state_dict(shared_model.state_dict())
    log_prob = F.log_softmax(model(states), dim=-1).gather(1, actions)
    policy_loss = -log_prob.sum()

    optimizer.zero_grad()
    policy_loss.backward()
    ensure_shared_grads(model, shared_model)
    optimizer.step()
    sent.append(shared_model.weight.grad.clone())

assert torch.allclose(sent[1], 2 * sent[0]) and torch.allclose(sent[2], 3 * sent[0])
