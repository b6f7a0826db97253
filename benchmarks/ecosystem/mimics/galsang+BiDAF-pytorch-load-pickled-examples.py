# report: https://github.com/galsang/BiDAF-pytorch/blob/8e16379e33af725daec3ec6c170dfae69e54d51b/model/data.py#L48
# family: removed-api
# expect: 18
# runtime: raises UnpicklingError: Weights only load failed
import io
from argparse import Namespace

import torch

# torchtext Example objects: plain Python objects holding the tokenized fields
examples = [Namespace(id="q1", s_idx=3, e_idx=5, c_word=["a", "b"], q_word=["c"]),
            Namespace(id="q2", s_idx=0, e_idx=1, c_word=["d"], q_word=["e", "f"])]

train_examples_path = io.BytesIO()
torch.save(examples, train_examples_path)  # first run caches the splits
train_examples_path.seek(0)

train_examples = torch.load(train_examples_path)  # second run: weights_only=True by default
