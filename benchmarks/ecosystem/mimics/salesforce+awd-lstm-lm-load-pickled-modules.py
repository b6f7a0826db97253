# report: https://github.com/salesforce/awd-lstm-lm/blob/1d466ec5875675ca6b6f0caacbb741240a29da9e/main.py#L90
# family: removed-api
# expect: 16
# runtime: raises UnpicklingError: Weights only load failed
import io
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.LSTM(4, 4)
criterion = nn.Linear(4, 2)
optimizer = torch.optim.SGD(list(model.parameters()) + list(criterion.parameters()), lr=1.0)
f = io.BytesIO()
torch.save([model, criterion, optimizer], f)  # model_save
f.seek(0)
model, criterion, optimizer = torch.load(f)  # model_load
print(model)
