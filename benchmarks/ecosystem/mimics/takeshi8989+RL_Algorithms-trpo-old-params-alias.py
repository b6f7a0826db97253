# report: https://github.com/takeshi8989/RL_Algorithms/blob/67123f84034c1b6e1d5f457db9b303c3d0bc06ae/trpo/trpo.py#L105
# family: detach-alias
# expect: 15
# runtime: asserts old_policy_params = list(policy.parameters()) keeps references, so param.data += step also changes the saved copy and the restore copies each parameter onto itself: a rejected line-search step is never undone
import torch
import torch.nn as nn

torch.manual_seed(0)
policy = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2), nn.Softmax(dim=-1))
before = [p.detach().clone() for p in policy.parameters()]
step_dir = [torch.full_like(p, 10.0) for p in policy.parameters()]


def line_search(max_steps=3, step_size=1.0, alpha=0.5):
    old_policy_params = list(policy.parameters())
    for _ in range(max_steps):
        with torch.no_grad():
            for param, step in zip(policy.parameters(), step_dir):
                param.data += step_size * step
            kl_ok = False  # huge step: KL constraint violated every time
            if kl_ok:
                return True
            step_size *= alpha
        for param, old_param in zip(policy.parameters(), old_policy_params):
            param.data.copy_(old_param.data)
    return False


assert line_search() is False
assert not torch.allclose(policy[0].weight.detach(), before[0])  # rejected steps stay applied
assert torch.allclose(policy[0].weight.detach() - before[0], torch.full_like(before[0], 10.0 * (1 + 0.5 + 0.25)))
