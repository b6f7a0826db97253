# report: https://github.com/MorvanZhou/PyTorch-Tutorial/blob/dbe154a9e56635e51c6b0c2ccea8ae36cfb585a7/tutorial-contents/304_save_reload.py#L53
# family: removed-api
# expect: 18
# runtime: raises UnpicklingError: Weights only load failed
import io
import torch

torch.manual_seed(0)
x = torch.linspace(-1, 1, 10).unsqueeze(1)
net1 = torch.nn.Sequential(torch.nn.Linear(1, 4), torch.nn.ReLU(), torch.nn.Linear(4, 1))
buf = io.BytesIO()
torch.save(net1, buf)  # save entire net
buf.seek(0)


def restore_net():
    # torch.load defaults to weights_only=True since 2.6: a pickled module is refused
    net2 = torch.load(buf)
    return net2(x)


restore_net()
