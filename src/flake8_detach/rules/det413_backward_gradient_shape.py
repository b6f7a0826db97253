"""DET413: backward() of a 0-dim tensor given a gradient of shape [1]."""

from __future__ import annotations

from ..syntax.cst_syntax import first_arg, keyword_arg, method_name
from ._base import Example, Raises, WalkRule
from ._prechecks import calls_backward


class BackwardGradientShape(WalkRule):
    code = "DET413"
    name = "backward-gradient-shape"
    message = "{tensor} is 0-dim but the gradient {gradient} has shape [1]: backward() raises RuntimeError"
    needs = (r"backward\s*\(",)
    possible_in = staticmethod(calls_backward)
    raises = "RuntimeError"
    what = (
        "Flags `t.backward(g)` and `torch.autograd.backward(t, g)` where `t` is proven 0-dim (a "
        "full reduction such as `.mean()`, a loss with its default reduction) and `g` is a "
        "1-D tensor of one element: `torch.FloatTensor([1])`, `torch.ones(1)`, `one * -1`."
    )
    why = (
        "Before PyTorch 0.4 a reduction gave a tensor of shape [1], and WGAN-style code passed "
        "`one = torch.FloatTensor([1])` and `mone = one * -1` as the gradient. Reductions are 0-dim "
        "since, and backward() checks the gradient's shape against the output's: \"Mismatch in "
        "shape: grad_output[0] has a shape of torch.Size([1]) and output[0] has a shape of "
        "torch.Size([])\". Use a 0-dim gradient (`torch.tensor(-1.0)`), or backpropagate the "
        "scaled loss (`(-d_real).backward()`)."
    )
    references = ("https://pytorch.org/blog/pytorch-0_4_0-migration-guide/",)
    examples = (
        Example(
            bad="""\
import torch

critic = torch.nn.Linear(4, 1)
one = torch.FloatTensor([1])
mone = one * -1
d_real = critic(torch.randn(8, 4)).mean()
d_real.backward(mone)  # expect: DET413
""",
            good="""\
import torch

critic = torch.nn.Linear(4, 1)
mone = torch.tensor(-1.0)
d_real = critic(torch.randn(8, 4)).mean()
d_real.backward(mone)
""",
            proof=Raises("RuntimeError", r"Mismatch in shape: grad_output\[0\] has a shape of torch.Size\(\[1\]\)"),
        ),
    )

    def on_backward(self, call, tensor) -> None:
        name = self.ctx.qualname(call.func)
        if name == "torch.autograd.backward":  # torch.autograd.backward(tensors, grad_tensors)
            positional = [a.value for a in call.args if a.keyword is None]
            gradient = positional[1] if len(positional) > 1 else keyword_arg(call, "grad_tensors")
        elif name is None and method_name(call) == "backward":
            gradient = first_arg(call, "gradient")
        else:
            return
        if gradient is None or not self.ctx.value(tensor).zero_dim or not self.ctx.value(gradient).vector_of_one:
            return
        self.report(call, tensor=self.ctx.text(tensor), gradient=self.ctx.text(gradient))
