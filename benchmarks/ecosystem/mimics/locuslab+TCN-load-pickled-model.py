# report: https://github.com/locuslab/TCN/blob/2f8c2b817050206397458dfd1f5a25ce8a32fe65/TCN/word_cnn/word_cnn_test.py#L195
# family: removed-api
# expect: 18
# runtime: raises UnpicklingError: Weights only load failed
import io
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Embedding(10, 4), nn.Linear(4, 10))
model[1].weight = model[0].weight  # tied, as --tied does

f = io.BytesIO()
torch.save(model, f)  # "Save model!": the whole module is pickled
f.seek(0)

# Load the best saved model.
model = torch.load(f)
