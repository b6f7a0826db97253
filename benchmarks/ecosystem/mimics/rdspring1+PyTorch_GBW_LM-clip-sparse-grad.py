# report: https://github.com/rdspring1/PyTorch_GBW_LM/blob/99c2b1d449afd965d88b7cb092fddad631cc81e8/lm/main.py#L183
# family: removed-api
# expect: 29
# runtime: raises NotImplementedError: Could not run 'aten::linalg_vector_norm' with arguments from the 'SparseCPU' backend
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
ntokens, emsize, nhid = 50, 8, 16
encoder = nn.Embedding(ntokens, emsize, sparse=True)  # sparse word embedding
rnn = nn.LSTM(emsize, nhid)
proj = nn.Linear(nhid, emsize)
softmax_params = nn.Linear(emsize, ntokens)
params = list(encoder.parameters()) + list(rnn.parameters()) + list(proj.parameters()) + list(softmax_params.parameters())
optimizer = torch.optim.SGD(params, lr=0.1)

data = torch.randint(0, ntokens, (5, 3))
targets = torch.randint(0, ntokens, (15,))
optimizer.zero_grad()
output, hidden = rnn(encoder(data))
output = proj(output).view(15, emsize)
# sampled softmax gathers the output rows with a sparse embedding lookup too
true_weights = F.embedding(targets, softmax_params.weight, sparse=True)
logits = (output * true_weights).sum(1) + softmax_params.bias[targets]
loss = -logits.mean()
loss.backward()
torch.nn.utils.clip_grad_norm_(rnn.parameters(), 1.0)
torch.nn.utils.clip_grad_norm_(encoder.parameters(), 1.0)  # sparse grad: no norm kernel
torch.nn.utils.clip_grad_norm_(softmax_params.parameters(), 1.0)
optimizer.step()
