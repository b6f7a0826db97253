# report: https://github.com/corenel/pytorch-adda/blob/96f2689dd418ef275fcd0b057e5dff89be5762c5/core/pretrain.py#L89
# family: removed-api
# expect: 20
# runtime: asserts volatile=True is ignored: the evaluation forward records the autograd graph through encoder and classifier
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
encoder, classifier = nn.Linear(8, 6), nn.Linear(6, 3)
loader = [(torch.randn(4, 8), torch.randint(0, 3, (4,)))]


def eval_src(encoder, classifier, loader):
    encoder.eval()
    classifier.eval()
    graphs = []
    for images, labels in loader:
        images = Variable(images, volatile=True)  # meant: no graph
        preds = classifier(encoder(images))
        graphs.append(preds.requires_grad and preds.grad_fn is not None)
    return graphs


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    graphs = eval_src(encoder, classifier, loader)
assert any("volatile" in str(w.message) for w in caught)
assert all(graphs)
