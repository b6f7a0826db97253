# report: https://github.com/galsang/BiDAF-pytorch/blob/8e16379e33af725daec3ec6c170dfae69e54d51b/utils/nn.py#L23
# family: inplace-view
# expect: 20
# runtime: raises RuntimeError: is a view and is being modified inplace
import torch
import torch.nn as nn


class LSTM(nn.Module):
    def __init__(self, input_size, hidden_size, bidirectional=True):
        super().__init__()
        self.rnn = nn.LSTM(input_size, hidden_size, bidirectional=bidirectional, batch_first=True)
        self.reset_params()

    def reset_params(self):
        for i in range(self.rnn.num_layers):
            nn.init.orthogonal_(getattr(self.rnn, f'weight_hh_l{i}'))
            nn.init.constant_(getattr(self.rnn, f'bias_hh_l{i}'), val=0)
            nn.init.constant_(getattr(self.rnn, f'bias_ih_l{i}'), val=0)
            getattr(self.rnn, f'bias_hh_l{i}').chunk(4)[1].fill_(1)  # forget-gate bias


torch.manual_seed(0)
context_lstm = LSTM(8, 4)
