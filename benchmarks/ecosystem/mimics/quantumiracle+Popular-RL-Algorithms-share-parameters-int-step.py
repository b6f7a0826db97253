# report: https://github.com/quantumiracle/Popular-RL-Algorithms/blob/3b814ea159f1fc0b521d6e0e699a7945f770f105/td3_multiprocess.py#L431
# family: removed-api
# expect: 16
# runtime: raises RuntimeError: API has changed, `state_steps` argument must contain a list of singleton tensors
import torch
import torch.nn as nn

torch.manual_seed(0)


def share_adam_state(adam):
    # pre-create the moments so that worker processes can share them
    for group in adam.param_groups:
        for p in group["params"]:
            st = adam.state[p]
            st["step"] = 0
            st["exp_avg"] = torch.zeros_like(p.data)
            st["exp_avg_sq"] = torch.zeros_like(p.data)
            st["exp_avg"].share_memory_()
            st["exp_avg_sq"].share_memory_()


q_net = nn.Linear(5, 1)
q_optimizer = torch.optim.Adam(q_net.parameters(), lr=3e-4)
q_net.share_memory()
share_adam_state(q_optimizer)
q_optimizer.zero_grad()
q_net(torch.randn(4, 5)).pow(2).mean().backward()
q_optimizer.step()
