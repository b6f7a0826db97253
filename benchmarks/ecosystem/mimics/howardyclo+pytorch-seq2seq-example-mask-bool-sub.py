# report: https://github.com/howardyclo/pytorch-seq2seq-example/blob/02ba877c875acbe81b191911c8dccd287b38928a/seq2seq.ipynb
# family: removed-api
# expect: 23
# runtime: raises RuntimeError: Subtraction, the `-` operator, with a bool tensor is not supported
import torch
import torch.nn.functional as F


def sequence_mask(lengths, max_len=None):
    if max_len is None:
        max_len = lengths.data.max()
    rng = torch.arange(0, max_len).long().unsqueeze(0).expand(lengths.size(0), int(max_len))
    return rng < lengths.unsqueeze(1).expand_as(rng)


torch.manual_seed(0)
dec_out = torch.randn(2, 1, 4, requires_grad=True)
enc_out = torch.randn(3, 2, 4, requires_grad=True)
src_lens = torch.LongTensor([3, 2])
scores = torch.bmm(dec_out, enc_out.transpose(0, 1).transpose(1, 2))
mask = sequence_mask(src_lens).unsqueeze(1)
# the comparison gives a bool mask since 1.2: 1 - mask no longer inverts it
scores.data.masked_fill_(1 - mask.data, -float("inf"))
weights = F.softmax(scores.squeeze(1), dim=1)
weights.sum().backward()
