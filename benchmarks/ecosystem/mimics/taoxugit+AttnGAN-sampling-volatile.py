# report: https://github.com/taoxugit/AttnGAN/blob/0d000e652b407e976cb88fab299e8566f3de8a37/code/trainer.py#L373
# family: removed-api
# expect: 17
# runtime: asserts volatile=True is ignored: sampling records the autograd graph through the generator for every batch
import warnings
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)
netG = nn.Sequential(nn.Linear(4, 6), nn.Tanh())
netG.eval()
batch_size, nz = 3, 4
graphs = []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    noise = Variable(torch.FloatTensor(batch_size, nz), volatile=True)  # meant: no graph
    for step in range(2):
        noise.data.normal_(0, 1)
        fake = netG(noise)
        graphs.append(fake.grad_fn is not None)
        im = fake[0].data.cpu().numpy()
assert any("volatile" in str(w.message) for w in caught)
assert all(graphs)
