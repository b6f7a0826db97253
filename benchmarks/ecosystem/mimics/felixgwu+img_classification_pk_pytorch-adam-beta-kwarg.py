# report: https://github.com/felixgwu/img_classification_pk_pytorch/blob/298758dcb4a7e0af46db0fd645af62a1815c88de/utils.py#L70
# family: optimizer-misuse
# expect: 13
# runtime: raises TypeError: unexpected keyword argument 'beta'
import argparse
import torch
import torch.nn as nn

args = argparse.Namespace(optimizer="adam", lr=1e-3, beta1=0.9, beta2=0.999, weight_decay=1e-4)


def get_optimizer(model, args):
    if args.optimizer == "adam":
        return torch.optim.Adam(model.parameters(), args.lr,
                                beta=(args.beta1, args.beta2),
                                weight_decay=args.weight_decay)
    raise NotImplementedError


model = nn.Sequential(nn.Linear(4, 2))
optimizer = get_optimizer(model, args)
