# report: https://github.com/xbresson/CE7454_2019/blob/b30c28096ef6a70ff98006ec9e71e349506c9212/codes/labs_lecture13/seq2seq_transformers_demo.ipynb
# family: optimizer-misuse
# expect: 21
# runtime: asserts the evaluation pass (opt=None) still calls backward, so its gradients are added to the first training step of the next epoch
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Embedding(11, 8), nn.Dropout(0.1), nn.Linear(8, 11), nn.LogSoftmax(dim=-1))
criterion = nn.NLLLoss(reduction="sum")
optimizer = torch.optim.Adam(model.parameters(), lr=0.0, betas=(0.9, 0.98), eps=1e-9)


class SimpleLossCompute:
    def __init__(self, criterion, opt=None):
        self.criterion = criterion
        self.opt = opt

    def __call__(self, x, y, norm):
        loss = self.criterion(x.contiguous().view(-1, x.size(-1)), y.contiguous().view(-1)) / norm
        loss.backward()
        if self.opt is not None:
            self.opt.step()
            self.opt.zero_grad()
        return loss.item() * norm


def batches(n):
    for _ in range(n):
        data = torch.randint(1, 11, (4, 6))
        yield data[:, :-1], data[:, 1:]


def run_epoch(data_iter, loss_compute):
    for src, trg in data_iter:
        out = model(src)
        loss_compute(out, trg, trg.numel())


model.train()
run_epoch(batches(2), SimpleLossCompute(criterion, optimizer))
assert all(p.grad is None or p.grad.abs().sum() == 0 for p in model.parameters())
model.eval()
run_epoch(batches(3), SimpleLossCompute(criterion, None))
# evaluation left gradients behind; the next training step adds its own on top of them
leftover = model[2].weight.grad
assert leftover is not None and leftover.abs().sum() > 0
