# report: https://github.com/pemami4911/neural-combinatorial-rl-pytorch/blob/fc20970dda459891715b584a2a45fb9c9bdc7b8c/neural_combinatorial_rl.py#L120
# family: removed-api
# expect: 14 18
# runtime: raises RuntimeError: only supports boolean masks
import torch
import torch.nn as nn

torch.manual_seed(0)
pointer = nn.Linear(4, 5)


def apply_mask_to_logits(logits, mask, prev_idxs):
    if mask is None:
        mask = torch.zeros(logits.size()).byte()
    maskk = mask.clone()
    if prev_idxs is not None:
        maskk[list(range(logits.size(0))), prev_idxs] = 1
        logits[maskk] = -float("inf")
    return logits, maskk


logits = 10 * torch.tanh(pointer(torch.randn(3, 4)))
logits, mask = apply_mask_to_logits(logits, None, torch.tensor([0, 2, 4]))
probs = torch.softmax(logits, dim=1)
torch.log(probs[:, 1]).sum().backward()
