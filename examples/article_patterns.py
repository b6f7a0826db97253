"""Risky PyTorch autograd patterns (r..) and correct counterparts (c..).

Each snippet lives in its own function so names do not leak between snippets.
Lines marked `# expect: CODE` are exactly what flake8-detach reports here
(tests/test_fixtures.py checks it); the c.. snippets must stay silent.
`TinyNet` at the bottom is a module for tools that need an nn.Module target.
"""
import torch
import torch.nn as nn
from torch.autograd import Variable


# --------------------------------------------------------------------------
# Risky patterns
# --------------------------------------------------------------------------


def r01_detach_alias_inplace(x):
    d = x.detach()
    d.add_(1)  # also changes x: detach() shares storage with x  # expect: DET101
    return d


def r02_detach_chain_inplace(x):
    x.detach().zero_()  # zeroes x behind autograd's back  # expect: DET104


def r03_detach_alias_setitem(x):
    d = x.detach()
    d[0] = 0.0  # writes into x's storage  # expect: DET101
    return x


def r04_data_inplace(w):
    w.data.add_(1.0)  # mutation invisible to autograd  # expect: DET203


def r05_data_assign(w):
    w.data = torch.zeros(3)  # swaps storage behind autograd's back  # expect: DET203


def r06_data_setitem(model):
    model.weight.data[0] = 0.0  # expect: DET203


def r07_manual_sgd_via_data(model, lr=0.1):
    for p in model.parameters():
        p.data.add_(-lr * p.grad.data)  # expect: DET203


def r08_clone_as_stop_gradient(model, x, x_next):
    q = model(x)
    target = model(x_next).clone()  # meant as a fixed target; clone() keeps the graph  # expect: DET301
    loss = ((q - (1.0 + 0.9 * target)) ** 2).mean()
    loss.backward()
    return loss


def r09_clone_to_store(model, loader, criterion):
    history = []
    for x, y in loader:
        loss = criterion(model(x), y)
        history.append(loss.clone())  # clone() does not cut the graph  # expect: DET303
    return history


def r10_copy_into_buffer(model, x):
    buf = torch.zeros(2, 3)
    buf.copy_(model(x))  # buf now has grad_fn=CopyBackwards  # expect: DET302
    return buf


def r11_backward_on_tensor_without_grad():
    z = torch.ones(1) + torch.ones(1)
    z.backward()  # RuntimeError: element 0 of tensors does not require grad  # expect: DET401


def r12_backward_after_no_grad(w):
    with torch.no_grad():
        loss = (w * 2).sum()
    loss.backward()  # loss was built with grad disabled  # expect: DET401


def r13_backward_on_detached(w):
    loss = (w * 2).sum().detach()
    loss.backward()  # expect: DET401


def r14_leaf_inplace():
    w = torch.randn(3, requires_grad=True)
    w.add_(1)  # RuntimeError: leaf Variable that requires grad used in-place  # expect: DET103


def r15_parameter_inplace():
    w = nn.Parameter(torch.randn(3))
    w.mul_(2)  # expect: DET103


def r16_leaf_augassign():
    w = torch.zeros(3, requires_grad=True)
    w += 1  # expect: DET103


def r17_leaf_setitem():
    w = torch.zeros(3, requires_grad=True)
    w[0] = 1.0  # expect: DET103


def r18_grad_of_non_leaf():
    w = torch.randn(3, requires_grad=True)
    y = w * 2
    y.sum().backward()
    return y.grad  # None: y is not a leaf (needs y.retain_grad())  # expect: DET402


def r19_cuda_makes_non_leaf():
    w = torch.randn(3, requires_grad=True).cuda()  # w is a non-leaf copy  # expect: DET403
    (w * 2).sum().backward()
    return w.grad  # None  # expect: DET402


def r20_dtype_cast_makes_non_leaf():
    w = torch.randn(3, requires_grad=True).double()  # same problem, CPU-runnable  # expect: DET403
    (w * 2).sum().backward()
    return w.grad  # None  # expect: DET402


def r21_total_loss_accumulate(model, loader, criterion, optimizer):
    total = 0.0
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
        total += loss  # keeps every iteration's graph alive  # expect: DET303
    return total


def r22_running_loss_no_backward(model, loader, criterion):
    running_loss = 0.0
    for x, y in loader:
        running_loss = running_loss + criterion(model(x), y)  # expect: DET303
    return float(running_loss)


def r23_append_loss(model, loader, criterion, optimizer):
    losses = []
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss)  # expect: DET303
    return len(losses)


def r24_variable_legacy():
    v = Variable(torch.randn(3), requires_grad=True)  # Variable is deprecated  # expect: DET501
    return v


def r25_volatile_legacy(x):
    v = Variable(x, volatile=True)  # volatile is ignored since 0.4  # expect: DET501
    return v


def r26_require_grad_attribute_typo(model):
    for p in model.parameters():
        p.require_grad = False  # typo: freezes nothing  # expect: DET404


def r27_require_grad_kwarg_typo():
    return torch.zeros(3, require_grad=True)  # TypeError at runtime  # expect: DET404


def r28_module_requires_grad_attribute(model):
    model.requires_grad = False  # plain attribute on nn.Module: freezes nothing  # expect: DET405


def r29_inplace_on_saved_output(w):
    y = torch.sigmoid(w)
    y.mul_(2)  # sigmoid saved its output for backward  # expect: DET102
    y.sum().backward()


# --------------------------------------------------------------------------
# Correct counterparts
# --------------------------------------------------------------------------


def c01_detach_clone_then_inplace(x):
    d = x.detach().clone()
    d.add_(1)
    return d


def c02_no_grad_inplace_on_leaf():
    w = torch.randn(3, requires_grad=True)
    with torch.no_grad():
        w.add_(1)
    return w


def c03_accumulate_item(model, loader, criterion, optimizer):
    total = 0.0
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
        total += loss.item()
    return total


def c04_append_detached(model, loader, criterion, optimizer):
    losses = []
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.detach())
    return len(losses)


def c05_detach_as_stop_gradient(model, x, x_next):
    q = model(x)
    target = model(x_next).detach()
    loss = ((q - (1.0 + 0.9 * target)) ** 2).mean()
    loss.backward()
    return loss


def c06_leaf_created_on_device(device="cpu"):
    w = torch.randn(3, device=device, requires_grad=True)
    (w * 2).sum().backward()
    return w.grad


def c07_move_then_requires_grad(device="cpu"):
    w = torch.randn(3).to(device).requires_grad_()
    (w * 2).sum().backward()
    return w.grad


def c08_retain_grad_on_non_leaf():
    w = torch.randn(3, requires_grad=True)
    y = w * 2
    y.retain_grad()
    y.sum().backward()
    return y.grad


def c09_backward_on_graph(w):
    loss = (w * 2).sum()
    loss.backward()
    return w.grad


@torch.no_grad()
def c10_manual_sgd_no_grad(model, lr=0.1):
    for p in model.parameters():
        p.sub_(lr * p.grad)


def c11_freeze_correctly(model):
    model.requires_grad_(False)
    for p in model.parameters():
        p.requires_grad = False


def c12_ema_copy_under_no_grad(ema_model, model):
    with torch.no_grad():
        for ema_p, p in zip(ema_model.parameters(), model.parameters()):
            ema_p.copy_(0.99 * ema_p + 0.01 * p)


# --------------------------------------------------------------------------
# Harness for torch-audit's CLI only (`torch-audit article_patterns:TinyNet`).
# --------------------------------------------------------------------------


class TinyNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 3)

    def forward(self, x):
        return self.fc(x)
