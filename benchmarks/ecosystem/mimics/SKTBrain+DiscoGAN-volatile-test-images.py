# report: https://github.com/SKTBrain/DiscoGAN/blob/f0441787752c566dcc32642468f44d5e2f30b0a6/discogan/image_translation.py#L141
# family: removed-api
# expect: 24 25
# runtime: asserts volatile=True on the test images is ignored (warns): the periodic translation of the test set records graphs through both generators
import warnings
import numpy as np
import torch
import torch.nn as nn
from torch.autograd import Variable

torch.manual_seed(0)


def make_gen():
    return nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.BatchNorm2d(4), nn.LeakyReLU(0.2, inplace=True),
                         nn.Conv2d(4, 3, 3, padding=1), nn.Sigmoid())


generator_A, generator_B = make_gen(), make_gen()
test_style_A = np.random.rand(2, 3, 8, 8).astype(np.float32)
test_style_B = np.random.rand(2, 3, 8, 8).astype(np.float32)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    test_A = Variable(torch.FloatTensor(test_style_A), volatile=True)
    test_B = Variable(torch.FloatTensor(test_style_B), volatile=True)

AB = generator_B(test_A)
BA = generator_A(test_B)
ABA = generator_A(AB)
BAB = generator_B(BA)
images = [t[0].cpu().data.numpy().transpose(1, 2, 0) * 255. for t in (AB, BA, ABA, BAB)]

assert any("volatile" in str(w.message) for w in caught)
assert all(t.grad_fn is not None for t in (AB, BA, ABA, BAB))  # graphs recorded anyway
