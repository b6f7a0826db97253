# report: https://github.com/salesforce/awd-lstm-lm/blob/1d466ec5875675ca6b6f0caacbb741240a29da9e/main.py#L97
# family: removed-api
# expect: 25
# runtime: raises UnpicklingError: Weights only load failed
import io
import sys
import types
import torch

data = types.ModuleType('data')  # the repo's data.py
sys.modules['data'] = data


class Corpus:
    __module__ = 'data'

    def __init__(self):
        self.train = torch.tensor([1, 2, 3, 4])


data.Corpus = Corpus
fn = io.BytesIO()
torch.save(Corpus(), fn)  # first run: 'Producing dataset...'
fn.seek(0)
corpus = torch.load(fn)  # later runs: 'Loading cached dataset...'
print(corpus.train)
