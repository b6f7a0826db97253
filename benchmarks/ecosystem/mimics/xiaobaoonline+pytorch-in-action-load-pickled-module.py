# report: https://github.com/xiaobaoonline/pytorch-in-action/blob/193745dc0b45b4c292ad9276eac0023c4ac85ae8/chapter7_%E5%BA%8F%E5%88%97%E9%A2%84%E6%B5%8B%E6%A8%A1%E5%9E%8B/evaluate_cmn_eng.py#L26
# family: removed-api
# expect: 19
# runtime: raises UnpicklingError: Weights only load failed
import io
import torch
import torch.nn as nn

torch.manual_seed(0)
encoder = nn.Sequential(nn.Embedding(20, 8), nn.GRU(8, 8))
buf = io.BytesIO()
torch.save(encoder, buf)  # the whole module is pickled, not its state_dict
buf.seek(0)


def load_trained():
    # torch.load defaults to weights_only=True since 2.6 and refuses pickled modules
    # (the module classes here are torch's own, yet the loader still refuses them)
    return torch.load(buf)


load_trained()
