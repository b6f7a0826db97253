# report: https://github.com/Paperspace/PyTorch-101-Tutorial-Series/blob/6478464d1559b1fe37689f415d1f56cd4f75f605/PyTorch%20101%20Part%203%20-%20Advance%20PyTorch%20Usage.ipynb
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
