# report: https://github.com/Seonu-Lim/time-series-prediction/blob/d685fa15351b325ae148aed22147e87811cf5f68/model.py#L13
# family: module-misuse
# expect: 11
# runtime: asserts the seq-first LSTM fed (batch, seq, feat) windows recurs across the samples of the batch, so one window's forecast depends on the other windows and ignores its own history
import torch
import torch.nn as nn

torch.manual_seed(0)
n_features, n_hidden, seq_len, horizon = 3, 8, 6, 2
lstm = nn.LSTM(input_size=n_features, hidden_size=n_hidden, num_layers=2, dropout=0)
head = nn.Linear(n_hidden, horizon)


def forecast(windows):
    out, _ = lstm(windows)
    return head(out[:, -1])


x = torch.randn(4, seq_len, n_features)
base = forecast(x)

x_other = x.clone()
x_other[0] += 1.0
assert not torch.allclose(base[1], forecast(x_other)[1])

x_hist = x.clone()
x_hist[1, :-1] += 1.0
assert torch.allclose(base[1], forecast(x_hist)[1])
print("window 1 depends on window 0 and not on its own history")
