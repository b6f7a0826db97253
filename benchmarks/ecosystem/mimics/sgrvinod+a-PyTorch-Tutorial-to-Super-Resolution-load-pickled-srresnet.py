# report: https://github.com/sgrvinod/a-PyTorch-Tutorial-to-Super-Resolution/blob/c30556bc79a9d43539f2d658722bcb7ff5011ddb/models.py#L216
# family: removed-api
# expect: 27
# runtime: raises UnpicklingError: Weights only load failed
import io
import torch
import torch.nn as nn

torch.manual_seed(0)


def make_srresnet():
    return nn.Sequential(nn.Conv2d(3, 8, 9, 1, 4), nn.PReLU(), nn.Conv2d(8, 12, 3, 1, 1),
                         nn.PixelShuffle(2), nn.PReLU(), nn.Conv2d(3, 3, 9, 1, 4), nn.Tanh())


# train_srresnet.py: checkpoint holds the whole pickled model and optimizer objects
model = make_srresnet()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
buf = io.BytesIO()
torch.save({'epoch': 0, 'model': model, 'optimizer': optimizer}, buf)
buf.seek(0)

# train_srgan.py -> Generator.initialize_with_srresnet
generator_net = make_srresnet()
srresnet = torch.load(buf)['model']  # weights_only=True by default since torch 2.6
generator_net.load_state_dict(srresnet.state_dict())
