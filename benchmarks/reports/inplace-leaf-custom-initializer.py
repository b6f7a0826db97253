# report: https://github.com/allenai/allennlp/issues/2239
# family: inplace-leaf
# expect: 20
# runtime: raises RuntimeError: a leaf Variable that requires grad is being used in an in-place operation
import math
import re

import torch
import torch.nn as nn

torch.manual_seed(0)


def uniform_unit_scaling(tensor, gain=1.0):
    """Uniform init whose scale keeps unit variance across the layer."""
    fan_in = 1
    for dim in tensor.shape[1:]:
        fan_in *= dim
    max_value = math.sqrt(3.0 / fan_in) * gain
    return tensor.uniform_(-max_value, max_value)


class Tagger(nn.Module):
    def __init__(self, vocab, dim, tags):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.encoder = nn.GRU(dim, dim, batch_first=True)
        self.tag_projection = nn.Linear(dim, tags)

    def forward(self, tokens):
        return self.tag_projection(self.encoder(self.embed(tokens))[0])


def apply_initializers(model, rules):
    for name, param in model.named_parameters():
        for pattern, init in rules:
            if re.search(pattern, name):
                init(param)


model = Tagger(vocab=20, dim=6, tags=3)
apply_initializers(model, [(r"weight_ih|tag_projection\.weight", uniform_unit_scaling)])
