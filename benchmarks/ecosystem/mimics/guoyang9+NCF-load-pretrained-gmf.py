# report: https://github.com/guoyang9/NCF/blob/89ff06ffcd2bca6bb773b54925265c208a28d318/main.py#L86
# family: removed-api
# expect: 21
# runtime: raises UnpicklingError: Weights only load failed
import io

import torch
import torch.nn as nn

torch.manual_seed(0)
# the GMF run ends with torch.save(model, 'GMF.pth'): the whole module is pickled
gmf = nn.Sequential(nn.Embedding(20, 8), nn.Linear(8, 1))
gmf_file = io.BytesIO()
torch.save(gmf, gmf_file)
gmf_file.seek(0)
mlp = nn.Sequential(nn.Embedding(20, 32), nn.Linear(32, 16), nn.ReLU(), nn.Linear(16, 1))
mlp_file = io.BytesIO()
torch.save(mlp, mlp_file)
mlp_file.seek(0)
# the NeuMF-pre run loads both pickled modules to initialise its weights
GMF_model = torch.load(gmf_file)
MLP_model = torch.load(mlp_file)
print(GMF_model, MLP_model)
