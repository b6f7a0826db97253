# report: https://github.com/ymfa/seq2seq-summarizer/blob/f6b3de3f179d56537d5badff6d3f950a41eff423/test.py#L197
# family: removed-api
# expect: 31
# runtime: raises UnpicklingError: Weights only load failed
import io

import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Embedding(10, 4), nn.GRU(4, 6))
head = nn.Linear(6, 10)
optimizer = torch.optim.Adam(list(model.parameters()) + list(head.parameters()), lr=1e-3)
criterion = nn.NLLLoss(ignore_index=0)

x = torch.randint(1, 10, (5, 2))
out, _ = model(x)
loss = criterion(torch.log_softmax(head(out[-1]), dim=1), torch.tensor([3, 4]))
optimizer.zero_grad()
loss.backward()
optimizer.step()

model_file = io.BytesIO()
torch.save(model, model_file)
status_file = io.BytesIO()
torch.save({"epoch": 1, "best_epoch_so_far": 1, "optimizer": optimizer}, status_file)
model_file.seek(0)
status_file.seek(0)

model.eval()
m = torch.load(model_file)
m[1].flatten_parameters()
