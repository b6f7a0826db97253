# report: https://github.com/IBM/pytorch-seq2seq/blob/f146087a9a271e9b50f46561e090324764b081fb/seq2seq/evaluator/predictor.py#L69
# family: removed-api
# expect: 18
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch

torch.manual_seed(0)
batch, k, steps, vocab = 1, 3, 4, 7
itos = ["tok%d" % i for i in range(vocab)]
with torch.no_grad():
    logits = torch.randn(steps, batch * k, vocab)
    # back-tracked beam symbols, one (batch, k, 1) LongTensor per step
    topk_sequence = [logits[t].topk(1)[1].view(batch, k, -1) for t in range(steps)]

result = []
for x in range(2):
    # [0, x, 0] already selects a 0-dim tensor; .data[0] then indexes a scalar
    tgt_id_seq = [topk_sequence[di][0, x, 0].data[0] for di in range(steps)]
    result.append([itos[tok] for tok in tgt_id_seq])
