# report: https://github.com/ZhixiuYe/NER-pytorch/blob/bc6c7db2a522a4b21721481eb84546b2f448807d/eval.py#L85
# family: removed-api
# expect: 15
# runtime: raises UnpicklingError: Weights only load failed
import io

import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Embedding(10, 6), nn.LSTM(6, 4, bidirectional=True))
buffer = io.BytesIO()
torch.save(model, buffer)  # train.py stores the whole tagger with torch.save(model, model_name)
buffer.seek(0)
model = torch.load(buffer)  # weights_only defaults to True now, so the pickled module is refused
model.eval()
