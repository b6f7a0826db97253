"""DET403: a leaf that requires grad, replaced by its copy on another device or dtype."""

from __future__ import annotations

from typing import Optional

import libcst as cst

from .. import torchapi
from ..syntax.cst_syntax import dotted_name, keyword_arg, method_name, walk, with_keyword
from ..findings import UNSAFE
from ._base import LEAF, Breaks, Example, WalkRule
from ._leaves import makes_leaves

# Tensor methods that copy to another device or dtype, with the factory keyword that does it.
MOVES = {
    "cuda": ("device", "cuda"),
    "cpu": ("device", "cpu"),
    "double": ("dtype", "float64"),
    "float": ("dtype", "float32"),
    "half": ("dtype", "float16"),
    "bfloat16": ("dtype", "bfloat16"),
    "to": None,  # device or dtype, from its argument
}


DTYPES = frozenset("float16 float32 float64 bfloat16 half float double".split())


NO_OP = "no-op"


class RequiresGradBeforeMove(WalkRule):
    code = "DET403"
    name = "requires-grad-before-move"
    message = "{move} copies a leaf that requires grad: the copy is no leaf and its .grad stays None"
    needs = (LEAF, r"\b(cuda|to|double|half|float|bfloat16|cpu)\s*\(")
    what = (
        "Flags `.cuda()`, `.to(...)`, `.double()`, `.half()` ... called on a leaf that requires "
        "grad (`torch.randn(3, requires_grad=True).cuda()`, `nn.Parameter(t).cuda()`) where the "
        "copy replaces the leaf: chained on its creation, or rebound to the same name "
        "(`w = w.cuda()`), in a file that asks autograd for gradients (`backward()`, "
        "`autograd.grad()`, `.grad`, an optimizer) or that a module's attribute keeps. Moves that return the tensor itself "
        "(`.float()` on a float32 factory, `.cpu()` on a CPU one) are left alone, and so is code "
        "that computes its gradients by hand, or that takes the copy's gradient only through "
        "`torch.autograd.grad(out, inputs=copy)` or a hook on it (a gradient penalty), and a copy "
        "bound to a name whose `.grad` its scope never reads and which it gives to no optimizer "
        "(an RNN's initial state): there no gradient is missed."
    )
    why = (
        "A move to another device or dtype is an op: its result is a new, non-leaf tensor. "
        "Gradients accumulate in the original leaf, which the code no longer holds, so the "
        "copy's `.grad` stays `None` and an optimizer given the copy raises \"can't optimize a "
        "non-leaf Tensor\". Create the tensor where it belongs: `torch.randn(3, device=\"cuda\", "
        "requires_grad=True)`."
    )
    references = ("https://pytorch.org/docs/stable/notes/autograd.html#grad-modes",)
    fix_safety = UNSAFE  # moves `device=`/`dtype=` into the factory call
    fix_title = "create the tensor on its device and dtype: move `device=`/`dtype=` into the factory"
    examples = (
        Example(
            bad="""\
import torch

w = torch.randn(3, requires_grad=True).double()  # expect: DET403
(w * 2).sum().backward()
print(w.grad)
""",
            good="""\
import torch

w = torch.randn(3, dtype=torch.float64, requires_grad=True)
(w * 2).sum().backward()
print(w.grad)
""",
            fixed="""\
import torch

w = torch.randn(3, requires_grad=True, dtype=torch.float64)
(w * 2).sum().backward()
print(w.grad)
""",
            proof=Breaks("w.grad is not None"),
        ),
    )

    @staticmethod
    def possible_in(scope, index) -> bool:
        """The scope makes a leaf that requires grad, or builds a torch.nn module: only such a
        leaf (or a module's parameter) can be moved into a copy."""
        imports = index.imports
        return makes_leaves(scope, imports)

    def on_call(self, call) -> None:
        if method_name(call) in MOVES and isinstance(call.func.value, cst.Call):
            self._check(call)

    def on_assign(self, target, value, statement) -> None:
        if (
            isinstance(target, cst.Name)
            and isinstance(value, cst.Call)
            and method_name(value) in MOVES
            and isinstance(value.func.value, cst.Name)
            and value.func.value.value == target.value
        ):
            self._check(value)

    def _check(self, move: cst.Call) -> None:
        receiver = move.func.value
        value = self.ctx.value(receiver)
        if not (value.grad and value.leaf) or self.ctx.value(move).leaf:
            return  # no leaf to copy, or a move to where the tensor already is (the tensor itself)
        if not self.ctx.uses_gradients and not self._held_by_attribute():
            return  # code that never asks for a gradient (hand-written backprop): no .grad is missed
        if self._gradient_taken_otherwise() or self._never_used_as_leaf():
            return  # a gradient penalty's `autograd.grad(out, inputs=copy)`, a hook, an initial state: no .grad is read
        if self._wrapped_as_parameter():
            return  # `self.w = nn.Parameter(self.w)` after it: a new leaf, registered and trained
        factory = receiver if isinstance(receiver, cst.Call) and self._is_factory(receiver) else None
        as_keyword = self._as_factory_keyword(move, factory)
        if as_keyword is NO_OP or (as_keyword is None and method_name(move) in ("float", "cpu")):
            return  # the move returns the tensor itself, or may
        fix = None
        if as_keyword is not None and factory is not None:
            fix = self.fix((move, with_keyword(factory, *as_keyword)))
        self.report(move, fix=fix, move=f"{method_name(move)}()")

    def _gradient_taken_otherwise(self) -> bool:
        """The copy is bound to a name that its scope hands to torch.autograd.grad() as an
        input or gives a hook (both work on a tensor that is no leaf), and whose `.grad` the
        scope never reads nor hands to an optimizer."""
        statement = self.ctx.statement
        if not (isinstance(statement, cst.Assign) and len(statement.targets) == 1
                and isinstance(statement.targets[0].target, cst.Name)):
            return False
        name = statement.targets[0].target.value
        taken = False
        for node in walk(self.ctx.scope):
            if isinstance(node, cst.Attribute) and node.attr.value == "grad" and _is_name(node.value, name):
                return False
            if not isinstance(node, cst.Call):
                continue
            callee = self.ctx.qualname(node.func) or ""
            if callee.startswith("torch.optim.") and any(_is_name(inner, name) for inner in walk(node)):
                return False
            if callee == "torch.autograd.grad":
                inputs = keyword_arg(node, "inputs")
                if inputs is None and len(node.args) > 1 and node.args[1].keyword is None:
                    inputs = node.args[1].value
                taken = taken or inputs is not None and any(_is_name(inner, name) for inner in walk(inputs))
            if method_name(node) == "register_hook" and _is_name(node.func.value, name):
                taken = True
        return taken

    def _never_used_as_leaf(self) -> bool:
        """The copy is bound to a name whose `.grad` the scope never reads and which it neither
        hands to an optimizer nor returns (an RNN's initial state made to require grad, then
        moved): the missing gradient is never asked for."""
        statement = self.ctx.statement
        if not (isinstance(statement, cst.Assign) and len(statement.targets) == 1
                and isinstance(statement.targets[0].target, cst.Name)):
            return False
        name = statement.targets[0].target.value
        for node in walk(self.ctx.scope):
            if isinstance(node, cst.Attribute) and node.attr.value == "grad" and _is_name(node.value, name):
                return False
            handed = isinstance(node, cst.Return) and node.value is not None or isinstance(node, cst.Call) and (
                self.ctx.qualname(node.func) or "").startswith("torch.optim.")
            if handed and any(_is_name(inner, name) for inner in walk(node)):
                return False  # given to an optimizer, or returned to a caller that may
        return True

    def _wrapped_as_parameter(self) -> bool:
        """The copy is bound to a name or attribute that a later assignment of the scope binds
        to `nn.Parameter(<it>)`: the parameter is a new leaf, and the copy is only its data."""
        statement = self.ctx.statement
        if not (isinstance(statement, cst.Assign) and len(statement.targets) == 1):
            return False
        bound = dotted_name(statement.targets[0].target)
        if bound is None:
            return False
        for node in walk(self.ctx.scope):
            if not (isinstance(node, cst.Assign) and len(node.targets) == 1 and node is not statement):
                continue
            value = node.value
            if (
                dotted_name(node.targets[0].target) == bound
                and isinstance(value, cst.Call) and self.ctx.qualname(value.func) == "torch.nn.Parameter"
                and value.args and dotted_name(value.args[0].value) == bound
            ):
                return True
        return False

    def _held_by_attribute(self) -> bool:
        """`self.w = nn.Parameter(t).cuda()`: a module keeps the copy, a plain tensor that it
        does not register as a parameter."""
        statement = self.ctx.statement
        return isinstance(statement, cst.Assign) and any(isinstance(t.target, cst.Attribute) for t in statement.targets)

    def _is_factory(self, call: cst.Call) -> bool:
        name = self.ctx.qualname(call.func)
        return name is not None and name.rpartition(".")[0] == "torch" and name.rpartition(".")[2] in torchapi.FACTORIES

    def _as_factory_keyword(self, move: cst.Call, factory: Optional[cst.Call]):
        """The factory keyword that does what `move` does: (keyword, value), NO_OP when the move
        changes nothing, None when that cannot be told."""
        method = method_name(move)
        if method == "to":
            if len(move.args) != 1:
                return None
            argument = move.args[0]
            value = argument.value
            qualname = self.ctx.qualname(value) or ""
            if argument.keyword is not None:
                keyword = argument.keyword.value
            elif qualname.rpartition(".")[2] in DTYPES:
                keyword = "dtype"
            elif isinstance(value, cst.SimpleString):
                keyword = "device"
            else:
                return None  # a device or a dtype: no telling which
            is_default = qualname in ("torch.float32", "torch.float") or (
                isinstance(value, cst.SimpleString) and value.evaluated_value == "cpu"
            )
        else:
            if move.args:
                return None
            keyword, target = MOVES[method]
            is_default = target in ("cpu", "float32")
            torch_name = self._torch_module_name(factory)
            if keyword == "device":
                value = cst.SimpleString(f'"{target}"')
            else:
                value = cst.Attribute(value=cst.Name(torch_name), attr=cst.Name(target)) if torch_name else None
        if factory is None or keyword not in ("device", "dtype") or keyword_arg(factory, keyword) is not None:
            return None
        if is_default:
            return NO_OP
        return (keyword, value) if value is not None else None

    def _torch_module_name(self, factory: Optional[cst.Call]) -> Optional[str]:
        """`th` for `th.randn(...)`: the name the file imported torch as."""
        func = factory.func if factory is not None else None
        while isinstance(func, cst.Attribute):
            func = func.value
        if isinstance(func, cst.Name) and self.ctx.qualname(func) == "torch":
            return func.value
        return None


def _is_name(node: cst.CSTNode, name: str) -> bool:
    return isinstance(node, cst.Name) and node.value == name
