# report: https://github.com/howardyclo/pytorch-seq2seq-example/blob/02ba877c875acbe81b191911c8dccd287b38928a/seq2seq.ipynb
# family: removed-api
# expect: 28
# runtime: raises UnpicklingError: Weights only load failed
import io
import sys
import types

import torch
import torch.nn as nn


class AttrDict(dict):
    def __init__(self, *av, **kav):
        dict.__init__(self, *av, **kav)
        self.__dict__ = self


# make the class importable by pickle wherever this file runs
sys.modules.setdefault(AttrDict.__module__, types.ModuleType(AttrDict.__module__)).AttrDict = AttrDict

opts = AttrDict(hidden_size=4, learning_rate=1e-3)
enc = nn.Linear(3, 4)
buf = io.BytesIO()
torch.save({"opts": opts, "global_step": 7, "encoder_state_dict": enc.state_dict()}, buf)
buf.seek(0)
# the checkpoint holds the options object, a custom class: refused by the weights-only default
checkpoint = torch.load(buf, map_location=lambda storage, loc: storage)
print(checkpoint["opts"])
