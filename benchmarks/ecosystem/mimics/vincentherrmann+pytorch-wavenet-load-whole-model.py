# report: https://github.com/vincentherrmann/pytorch-wavenet/blob/26ba28989edcf8688f6216057aafda07601ff07e/wavenet_model.py#L344
# family: removed-api
# expect: 19
# runtime: raises UnpicklingError: Weights only load failed
import io
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Conv1d(16, 8, 2), nn.Tanh(), nn.Conv1d(8, 16, 1))
snapshot = io.BytesIO()
# the trainer snapshots the whole module object
torch.save(model, snapshot)
snapshot.seek(0)


def load_to_cpu(path):
    # the generate callback reloads the newest snapshot onto the CPU
    gen_model = torch.load(path, map_location=lambda storage, loc: storage)
    gen_model.cpu()
    return gen_model


gen_model = load_to_cpu(snapshot)
print(gen_model)
