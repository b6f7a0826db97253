# report: https://github.com/kh-kim/simple-nmt/blob/43bd462d90b838d5bb7815f55b6c883a44541f3c/translate.py#L180
# family: removed-api
# expect: 29
# runtime: raises UnpicklingError: Weights only load failed
import argparse
import io

import torch
import torch.nn as nn

torch.manual_seed(0)
config = argparse.Namespace(hidden_size=8, n_layers=1, max_length=10, model_fn="model.pth")
model = nn.Sequential(nn.Embedding(20, config.hidden_size), nn.Linear(config.hidden_size, 20))
optimizer = torch.optim.Adam(model.parameters())
loss = nn.functional.cross_entropy(model(torch.randint(0, 20, (3,))), torch.tensor([1, 2, 3]))
loss.backward()
optimizer.step()
buffer = io.BytesIO()
torch.save(
    {
        "model": model.state_dict(),
        "opt": optimizer.state_dict(),
        "config": config,  # an argparse.Namespace is pickled next to the weights
        "src_vocab": {"<pad>": 0, "hello": 1},
    },
    buffer,
)
buffer.seek(0)
saved_data = torch.load(buffer, map_location="cpu")  # weights_only=True refuses argparse.Namespace
train_config = saved_data["config"]
