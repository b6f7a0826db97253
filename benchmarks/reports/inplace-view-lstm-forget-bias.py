# report: https://github.com/galsang/BiDAF-pytorch/issues/30
# family: inplace-view
# expect: 24
# runtime: raises RuntimeError: is a view and is being modified inplace
import torch
import torch.nn as nn

torch.manual_seed(0)


class LSTM(nn.Module):
    def __init__(self, input_size, hidden_size, num_layers=1, dropout=0.0):
        super().__init__()
        self.rnn = nn.LSTM(input_size, hidden_size, num_layers=num_layers, batch_first=True)
        self.dropout = nn.Dropout(dropout)
        self.reset_params()

    def reset_params(self):
        for i in range(self.rnn.num_layers):
            nn.init.orthogonal_(getattr(self.rnn, f"weight_hh_l{i}"))
            nn.init.kaiming_normal_(getattr(self.rnn, f"weight_ih_l{i}"))
            nn.init.constant_(getattr(self.rnn, f"bias_hh_l{i}"), val=0)
            nn.init.constant_(getattr(self.rnn, f"bias_ih_l{i}"), val=0)
            getattr(self.rnn, f"bias_hh_l{i}").chunk(4)[1].fill_(1)

    def forward(self, x):
        out, _ = self.rnn(self.dropout(x))
        return out


context_lstm = LSTM(input_size=6, hidden_size=4, num_layers=2)
out = context_lstm(torch.randn(2, 5, 6))
