# report: https://github.com/napsternxg/pytorch-practice/blob/a48c6aae19c57458e94492e637a38363154f3374/pytorch_models.py#L84
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
