# report: https://github.com/salesforce/awd-lstm-lm/blob/1d466ec5875675ca6b6f0caacbb741240a29da9e/pointer.py#L77
# family: removed-api
# expect: 17
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch


def one_hot(idx, size):
    v = torch.zeros(1, size)
    v[0, idx] = 1
    return v


ntokens = 6
source = torch.tensor([[1, 2], [3, 4], [5, 0]])
targets = source[1:3].view(-1)
next_word_history = torch.cat([one_hot(t.data[0], ntokens) for t in targets])
print(next_word_history.shape)
