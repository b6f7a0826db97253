# report: https://github.com/L1aoXingyu/code-of-learn-deep-learning-with-pytorch/blob/ea24810dc26265e85e3eec34e1d091d21202d800/chapter10_Natural-Language-Process/char_rnn/models/char_rnn.py#L21
# family: module-misuse
# expect: 17
# runtime: raises TypeError: bias should be of type bool
import torch
from torch import nn


class CharRNN(nn.Module):
    def __init__(self, num_classes, embed_dim, hidden_size, num_layers, dropout):
        super().__init__()
        self.num_layers = num_layers
        self.hidden_size = hidden_size
        self.word_to_vec = nn.Embedding(num_classes, embed_dim)
        # the 4th positional argument of nn.GRU is bias, not dropout: the dropout
        # never reached the GRU (silently, before torch checked the bias type)
        self.rnn = nn.GRU(embed_dim, hidden_size, num_layers, dropout)
        self.project = nn.Linear(hidden_size, num_classes)


model = CharRNN(10, 4, 6, 2, 0.5)
