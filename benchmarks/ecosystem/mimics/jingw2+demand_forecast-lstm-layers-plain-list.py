# report: https://github.com/jingw2/demand_forecast/blob/1978fef8af5b676f562946b6f58286f688010d4c/extreme_event/uber_extreme_event_forecaster.py#L33
# family: module-misuse
# expect: 15
# runtime: asserts the auto-encoder LSTMs kept in a plain Python list are not registered: Adam over model.parameters() never updates them
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class AutoEncoder(nn.Module):
    def __init__(self, input_size, hidden_units):
        super().__init__()
        self.layers = []
        self.dropout = nn.Dropout()
        last = input_size
        for ehu in hidden_units:
            self.layers.append(nn.LSTM(last, ehu, 1, batch_first=True))
            last = ehu

    def forward(self, x):
        for layer in self.layers:
            out, _ = layer(x)
            x = self.dropout(F.relu(out))
        return x


embed = nn.Linear(3, 8)
ae = AutoEncoder(8, [16, 8])
head = nn.Linear(8, 1)
model = nn.ModuleDict({"embed": embed, "auto_encoder": ae, "fc": head})
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
before = ae.layers[0].weight_ih_l0.detach().clone()
x, y = torch.randn(4, 5, 3), torch.randn(4, 5, 1)
for _ in range(3):
    ypred = head(ae(embed(x)))
    loss = F.mse_loss(ypred, y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

registered = {id(p) for p in model.parameters()}
assert id(ae.layers[0].weight_ih_l0) not in registered
assert ae.layers[0].weight_ih_l0.grad is not None  # gradients are computed ...
assert torch.equal(ae.layers[0].weight_ih_l0, before)  # ... but the LSTM is never stepped
