# report: https://github.com/sagiebenaim/DistanceGAN/blob/f827205ee45de351261f44505109395192894351/cyclegan_arch/distance_gan_model.py#L168
# family: numpy-conversion
# expect: 32
# runtime: raises IndexError: invalid index to scalar variable
import numpy as np
import torch
from torch.autograd import Variable

torch.manual_seed(0)


def as_np(data):
    return data.cpu().data.numpy()


def distance(a, b):
    return torch.mean(torch.abs(a - b))


def get_expectation(num_items, vars):
    num_pairs, distance_sum = 0, 0.0
    for i in range(num_items - 1):
        for j in range(i + 1, num_items):
            num_pairs += 1
            distance_sum += as_np(distance(vars[i], vars[j]))
    return distance_sum / num_pairs


A_vars = [Variable(torch.rand(2, 3, 4, 4)) for _ in range(3)]
# in torch 0.3 the mean was a 1-element tensor, so the numpy value could be indexed with [0]
expectation_A = get_expectation(len(A_vars), A_vars)[0].astype(float)
print(expectation_A)
