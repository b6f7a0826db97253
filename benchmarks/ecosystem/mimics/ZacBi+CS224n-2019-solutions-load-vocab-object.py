# report: https://github.com/ZacBi/CS224n-2019-solutions/blob/1070a7ea58f40cdc5db5e7220b4721fc78a5c304/assignments/a4/nmt_model.py#L544
# family: removed-api
# expect: 33
# runtime: raises UnpicklingError: Weights only load failed
import io
import sys
import types
import torch
import torch.nn as nn

vocab_module = types.ModuleType('vocab')  # the assignment's vocab.py
sys.modules['vocab'] = vocab_module


class VocabEntry:
    __module__ = 'vocab'

    def __init__(self, words):
        self.word2id = {w: i for i, w in enumerate(words)}


class Vocab:
    __module__ = 'vocab'

    def __init__(self):
        self.src, self.tgt = VocabEntry(['<pad>', 'a']), VocabEntry(['<pad>', 'b'])


vocab_module.VocabEntry, vocab_module.Vocab = VocabEntry, Vocab
model = nn.Linear(3, 2)
buf = io.BytesIO()
torch.save({'args': dict(embed_size=3), 'vocab': Vocab(), 'state_dict': model.state_dict()}, buf)
params = torch.load(io.BytesIO(buf.getvalue()), map_location=lambda storage, loc: storage)
model.load_state_dict(params['state_dict'])
print(params['vocab'].src.word2id)
