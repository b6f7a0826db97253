# report: https://github.com/samlanka/DDPG-PyTorch/blob/c0334c5a73abeaddc58933b63faaeabf678d8599/ddpg.py#L213
# family: removed-api
# expect: 40
# runtime: raises UnpicklingError: Weights only load failed
import io
import sys
import types
from collections import deque
import torch
import torch.nn as nn

replaybuffer = types.ModuleType('replaybuffer')  # the repository's replaybuffer.py
sys.modules['replaybuffer'] = replaybuffer


class Buffer:
    __module__ = 'replaybuffer'

    def __init__(self, size):
        self.limit = size
        self.data = deque(maxlen=size)


replaybuffer.Buffer = Buffer
actor = nn.Linear(4, 2)
actor_optim = torch.optim.Adam(actor.parameters(), lr=1e-3)
buf = Buffer(100)
buf.data.append((torch.randn(1, 4), torch.randn(1, 2), torch.randn(1, 4), 0.5, False))
checkpoint = {
    'episode': 0,
    'actor': actor.state_dict(),
    'actorOpt': actor_optim.state_dict(),
    'replayBuffer': buf,
    'rewardgraph': [1.0],
    'epsilon': 1.0,
}
saved = io.BytesIO()
torch.save(checkpoint, saved)
# loadCheckpoint: the pickled Buffer object is refused by the weights_only default
checkpoint = torch.load(io.BytesIO(saved.getvalue()))
actor.load_state_dict(checkpoint['actor'])
