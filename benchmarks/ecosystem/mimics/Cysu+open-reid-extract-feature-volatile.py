# report: https://github.com/Cysu/open-reid/blob/3293ca79a07ebee7f995ce647aafa7df755207b8/reid/feature_extraction/cnn.py#L12
# family: removed-api
# expect: 16
# runtime: asserts volatile=True is ignored: feature extraction records the autograd graph through the model for every batch
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(6, 4), nn.BatchNorm1d(4))


def extract_cnn_feature(model, inputs):
    model.eval()
    inputs = Variable(inputs, volatile=True)
    outputs = model(inputs)
    graph = outputs.grad_fn is not None
    return outputs.data.cpu(), graph


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    feats, graph = extract_cnn_feature(model, torch.randn(3, 6))
assert any("volatile" in str(w.message) for w in caught)
assert graph
