# report: https://github.com/spro/char-rnn.pytorch/blob/282bcb6b15ab3929d6a588b455cfc0f19f32add4/generate.py#L54
# family: removed-api
# expect: 16
# runtime: raises UnpicklingError: Weights only load failed
import io
import torch
import torch.nn as nn

torch.manual_seed(0)
decoder = nn.Sequential(nn.Embedding(10, 4), nn.Linear(4, 10))
buf = io.BytesIO()
torch.save(decoder, buf)  # train.py save(): the whole module is pickled
data = buf.getvalue()

# generate.py standalone: load the pickled model
decoder = torch.load(io.BytesIO(data))
print(decoder(torch.tensor([1, 2])).shape)
