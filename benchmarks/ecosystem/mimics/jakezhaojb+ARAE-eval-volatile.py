# report: https://github.com/jakezhaojb/ARAE/blob/ee6b50b81516f907df80a8e6ebd35a1a232568ec/yelp/train.py#L302
# family: no-grad-misuse
# expect: 21
# runtime: asserts volatile=True is ignored, so evaluation records an autograd graph for every batch
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

warnings.simplefilter("ignore")
torch.manual_seed(0)
encoder = nn.LSTM(8, 16, batch_first=True)
emb = nn.Embedding(20, 8)
encoder.eval()


def evaluate(batches):
    graphs = 0
    for src in batches:
        # the 2017 code relies on volatile=True to switch off autograd here
        source = Variable(src, volatile=True)
        _, (hidden, _) = encoder(emb(source))
        graphs += hidden.requires_grad
    return graphs


n = evaluate([torch.randint(0, 20, (2, 5)) for _ in range(3)])
print("eval batches that built a graph:", n)
assert n == 3
