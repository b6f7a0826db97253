# report: https://github.com/andri27-ts/Reinforcement-Learning/blob/c57064f747f51d1c495639c7413f5a2be01acd5f/Week5/PPO.py#L273
# family: removed-api
# expect: 22
# runtime: raises UnpicklingError: Weights only load failed
import io
import numpy as np
import torch
import torch.nn as nn

policy = nn.Linear(3, 2)
value = nn.Linear(3, 1)
opt_p = torch.optim.Adam(policy.parameters())
opt_v = torch.optim.Adam(value.parameters())
test_rews = np.mean([1.5, 2.5, 3.0])  # a numpy float64, as np.mean returns
buf = io.BytesIO()
torch.save({'agent_policy': policy.state_dict(),
            'agent_value': value.state_dict(),
            'optimizer_policy': opt_p.state_dict(),
            'optimizer_value': opt_v.state_dict(),
            'test_reward': test_rews}, buf)
buf.seek(0)
checkpoint = torch.load(buf)
policy.load_state_dict(checkpoint['agent_policy'])
