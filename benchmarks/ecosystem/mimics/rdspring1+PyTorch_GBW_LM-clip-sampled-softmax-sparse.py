# report: https://github.com/rdspring1/PyTorch_GBW_LM/blob/99c2b1d449afd965d88b7cb092fddad631cc81e8/lm/main.py#L184
# family: removed-api
# expect: 26
# runtime: raises NotImplementedError: Could not run 'aten::linalg_vector_norm' with arguments from the 'SparseCPU' backend
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
ntokens, nsampled, D = 60, 10, 8
softmax_params = nn.Linear(D, ntokens)  # SampledSoftmax.params
optimizer = torch.optim.SGD(softmax_params.parameters(), lr=0.1)
inputs = torch.randn(6, D, requires_grad=True)
labels = torch.randint(0, ntokens, (6,))
sample_ids = torch.randint(0, ntokens, (nsampled,))

optimizer.zero_grad()
true_weights = F.embedding(labels, softmax_params.weight, sparse=True)
true_logits = (inputs * true_weights).sum(1) + softmax_params.bias.index_select(0, labels)
sample_weights = F.embedding(sample_ids, softmax_params.weight, sparse=True)
sample_logits = sample_weights.matmul(inputs.t()).t() + softmax_params.bias.index_select(0, sample_ids)
logits = torch.cat((true_logits.unsqueeze(1), sample_logits), dim=1)
loss = F.cross_entropy(logits, torch.zeros(6, dtype=torch.long))
loss.backward()
assert softmax_params.weight.grad.is_sparse
torch.nn.utils.clip_grad_norm_(softmax_params.parameters(), 1.0)
optimizer.step()
