# report: https://github.com/MaximumEntropy/Seq2Seq-PyTorch/blob/76ea5b66fdf86e86e81de12eb96c161d9c04126b/evaluate.py#L112
# family: removed-api
# expect: 14
# runtime: warns volatile was removed
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
emb = nn.Embedding(7, 4)
lstm = nn.LSTM(4, 5, batch_first=True)
input_lines_src = Variable(torch.randint(1, 7, (2, 3)))
# perplexity evaluation inputs marked volatile, as in 0.1-0.3
input_lines_src = Variable(input_lines_src.data, volatile=True)
h, _ = lstm(emb(input_lines_src))
assert h.requires_grad and h.grad_fn is not None  # the evaluation forward records a graph
