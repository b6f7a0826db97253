# report: https://github.com/kolloldas/torchnlp/blob/d3dad29cf776f6a3b022acd6003f8680b983069c/torchnlp/tasks/sequence_tagging/tagger.py#L142
# family: removed-api
# expect: 32, 38
# runtime: raises UnpicklingError: Weights only load failed
import argparse
import io
import pickle
import torch
import torch.nn as nn

torch.manual_seed(0)
# stand-ins for the HParams object and the torchtext vocab tuple saved by create()
hparams = argparse.Namespace(hidden_size=8, learning_rate=0.01, use_crf=False)
vocab_tags = argparse.Namespace(itos=["<pad>", "B-PER", "O"], stoi={"<pad>": 0, "B-PER": 1, "O": 2})
model = nn.Sequential(nn.Embedding(20, 8), nn.Linear(8, 3))
opt = torch.optim.Adam(model.parameters(), lr=hparams.learning_rate)
loss = nn.functional.cross_entropy(model(torch.randint(0, 20, (4, 5))).view(-1, 3), torch.randint(0, 3, (20,)))
opt.zero_grad()
loss.backward()
opt.step()

hparams_file, vocabs_file, ckpt_file = io.BytesIO(), io.BytesIO(), io.BytesIO()
torch.save(hparams, hparams_file)
torch.save((None, None, vocab_tags), vocabs_file)
torch.save(model.state_dict(), ckpt_file)
for f in (hparams_file, vocabs_file, ckpt_file):
    f.seek(0)

# Model.load reads the pickled HParams object
hparams_refused = False
try:
    hparams = torch.load(hparams_file)
except pickle.UnpicklingError:
    hparams_refused = True
assert hparams_refused
# Tagger.load (resume, evaluate, infer) first reads the pickled vocabs tuple
state = torch.load(ckpt_file)  # the state_dict itself loads fine
vocabs = torch.load(vocabs_file)
