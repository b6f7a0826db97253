# report: https://github.com/harvardnlp/annotated-transformer/blob/debc9fd747bb2123160a98046ad1c2d4da44a567/the_annotated_transformer.py#L1463
# family: removed-api
# expect: 24
# runtime: raises UnpicklingError: Weights only load failed
import io
from collections import OrderedDict
from argparse import Namespace

import torch


def build_vocabulary():
    # stand-in for torchtext Vocab objects: plain Python objects with a token table
    itos = ["<s>", "</s>", "<blank>", "<unk>", "ein", "hund"]
    return Namespace(itos=itos, stoi=OrderedDict((t, i) for i, t in enumerate(itos))), \
        Namespace(itos=itos[:4] + ["a", "dog"], stoi=None)


vocab_file = io.BytesIO()
vocab_src, vocab_tgt = build_vocabulary()
torch.save((vocab_src, vocab_tgt), vocab_file)  # first run
vocab_file.seek(0)

vocab_src, vocab_tgt = torch.load(vocab_file)  # later runs: weights_only=True by default
