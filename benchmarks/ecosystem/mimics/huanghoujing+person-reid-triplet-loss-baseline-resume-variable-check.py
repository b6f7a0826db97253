# report: https://github.com/huanghoujing/person-reid-triplet-loss-baseline/blob/a1c2bd20180cfaf225782717aeaaab461798abec/tri_loss/utils/utils.py#L66
# family: removed-api
# expect: 21
# runtime: raises RuntimeError: is a Variable!
import io

import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)


def move_optimizer_state(state, to_gpu=False):
    # walk the optimizer state and move every tensor; Variables were meant to be
    # impossible here, but since Variable == Tensor every tensor matches the check
    for key, val in state.items():
        if isinstance(val, dict):
            move_optimizer_state(val, to_gpu)
        elif isinstance(val, Variable):
            raise RuntimeError("Oops, state[{}] is a Variable!".format(key))
        else:
            state[key] = val.cuda() if to_gpu else val.cpu()


net = nn.Sequential(nn.Linear(8, 4))
opt = torch.optim.Adam(net.parameters(), lr=2e-4)
loss = net(torch.randn(6, 8)).pow(2).mean()
loss.backward()
opt.step()

buf = io.BytesIO()
torch.save({"state_dicts": [net.state_dict(), opt.state_dict()]}, buf)
buf.seek(0)
ckpt = torch.load(buf, map_location=lambda storage, loc: storage)
resumed_net = nn.Sequential(nn.Linear(8, 4))
resumed_opt = torch.optim.Adam(resumed_net.parameters(), lr=2e-4)
for m, sd in zip([resumed_net, resumed_opt], ckpt["state_dicts"]):
    m.load_state_dict(sd)
move_optimizer_state(resumed_opt.state)  # resuming a run always ends here
