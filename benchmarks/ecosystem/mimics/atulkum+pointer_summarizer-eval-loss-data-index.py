# report: https://github.com/atulkum/pointer_summarizer/blob/4967dd478ba70b1c12116ad6357dcc1d000e5dfa/training_ptr_gen/eval.py#L66
# family: removed-api
# expect: 17
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch

torch.manual_seed(0)
dec = torch.nn.Linear(5, 6)


def eval_one_batch(x, targets, mask, lens):
    dist = torch.softmax(dec(x), dim=1)
    gold = torch.gather(dist, 1, targets.unsqueeze(1)).squeeze()
    step_losses = [-torch.log(gold + 1e-12) * mask]
    sum_losses = torch.sum(torch.stack(step_losses, 1), 1)
    loss = torch.mean(sum_losses / lens)
    return loss.data[0]


eval_one_batch(torch.randn(3, 5), torch.tensor([0, 2, 4]), torch.ones(3), torch.ones(3))
