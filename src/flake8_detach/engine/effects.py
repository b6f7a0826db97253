"""What running code does to the facts: bindings, in-place writes, backward() freeing a
graph, `requires_grad` switches, and calls that may change what they are given."""

from __future__ import annotations

from typing import Iterable, Optional

import libcst as cst

from .. import torchapi
from ..syntax.cst_syntax import (
    calls_and_walruses_in,
    dotted_name,
    first_arg,
    keyword_arg,
    literal_bool,
    operand_names,
    retains_graph,
    target_names,
    viewed_name,
)
from .evaluator import PURE_BUILTINS, Evaluator
from .facts import CONSTANT, LOSS, MODULE, NAMED_PARAMETERS, OPTIMIZER, OUTPUT, PARAMETER, PARAMETERS, PYTHON, Value, any_grad


# What backward() without a gradient shows to be one element, where it runs on it: a loss, a
# model's output, or a value whose origin is not known.
ONE_ELEMENT_KINDS = (LOSS, OUTPUT, None)


class Effects:
    """Applies the effects of code to the state of `evaluator`."""

    def __init__(self, evaluator: Evaluator) -> None:
        self.evaluator = evaluator

    @property
    def state(self):
        return self.evaluator.state

    def apply(self, expr: cst.CSTNode) -> None:
        """Update facts for what the calls in `expr` do to local names."""
        if not isinstance(expr, cst.BaseExpression):
            return
        calls = calls_and_walruses_in(expr)
        for call in reversed(calls):  # inner calls run first
            if isinstance(call, cst.NamedExpr):
                self.bind(call.target, self.evaluator.value(call.value), call.value)
            else:
                self._call_effect(call)
        if calls:
            self.evaluator.forget_values()

    def _call_effect(self, call: cst.Call) -> None:
        value = self.evaluator.value
        func = call.func
        name = self.evaluator.qualname(func)
        if name is not None:
            if name == "torch.set_grad_enabled":  # a plain call switches the mode until switched back
                self.state.grad_mode = literal_bool(first_arg(call, "mode"))
            out = keyword_arg(call, "out")
            if out is not None:
                self.write_inplace(out, [value(a.value) for a in call.args if a.keyword is None])
            target = torch_inplace_target(name, call)
            if target is not None:
                self.write_inplace(target, [value(a.value) for a in call.args[1:] if a.keyword is None])
            if name in ("torch.autograd.backward", "torch.autograd.grad") and not retains_graph(call):
                self.free_graph(first_arg(call, "tensors" if name.endswith("backward") else "outputs"))
            return
        if isinstance(func, cst.Attribute):
            method = func.attr.value
            receiver = func.value
            if method == "requires_grad_" and isinstance(receiver, cst.Name):
                flag = literal_bool(first_arg(call, "requires_grad")) if call.args else True
                if value(receiver).kind == MODULE:  # every parameter of the module
                    self.state.set(receiver.value, value(receiver).but(trainable=flag))
                else:
                    self.set_requires_grad(receiver.value, flag)
            elif method == "append" and isinstance(receiver, cst.Name) and self.state.get(receiver.value).listed:
                known, added = self.state.get(receiver.value), value(call.args[0].value) if len(call.args) == 1 else None
                if added is None or call.args[0].star or call.args[0].keyword is not None:
                    self.state.set(receiver.value, known.but(listed=False, elements=None))
                else:
                    elements = added if known.elements is None else known.elements.join(added)
                    self.state.set(receiver.value, known.but(elements=elements))
                return
            elif method == "retain_grad" and isinstance(receiver, cst.Name):
                self.state.set(receiver.value, self.state.get(receiver.value).but(retained=True))
            elif method == "backward":
                if isinstance(receiver, cst.Name) and first_arg(call, "gradient") is None:
                    self.one_element_loss(receiver.value)
                if not retains_graph(call) and not self.evaluator.calls_own_method(call):
                    self.free_graph(receiver)
                elif isinstance(receiver, cst.Name):
                    # `inputs=`: only into those; `retain_variables=` raises TypeError (DET503)
                    added = keyword_arg(call, "inputs") is None and keyword_arg(call, "retain_variables") is None
                    self.state.set(receiver.value, self.state.get(receiver.value).but(retained_backward=True, gradients_added=added))
                return
            elif method == "step":  # `opt.step()`, or `scaler.step(opt)` (AMP)
                for optimizer in [receiver, *(a.value for a in call.args)]:
                    stepped = value(optimizer)
                    name = dotted_name(optimizer)
                    if stepped.kind == OPTIMIZER and stepped.modules:
                        self.step(stepped.modules, name or "the optimizer")
                    elif stepped.kind == OPTIMIZER or stepped.kind is None and name in self.evaluator.file_index.zero_grad_receivers:
                        self.step_after_retained_backward(name or "the optimizer")
                return
            elif torchapi.is_inplace_method(method):
                self.write_inplace(receiver, [value(a.value) for a in call.args if a.keyword is None])
            elif value(receiver).tensor or method in torchapi.TENSOR_METHODS:
                return
        elif isinstance(func, cst.Name) and func.value in PURE_BUILTINS:
            return
        # A callable we cannot see into (`zero_grad()` among them) may change what it is given,
        # a method of `self` the attributes it holds, and any of them the gradients.
        self.gradients_may_be_cleared()
        for arg in call.args:
            if isinstance(arg.value, cst.Name):
                old = self.state.get(arg.value.value)
                if old.grad is not None or old.leaf is not None or old.listed:
                    self.state.set(arg.value.value, old.but(grad=None, leaf=None, listed=False, elements=None))
        holders = [a.value.value for a in call.args if isinstance(a.value, cst.Name)]
        if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name):
            holders.append(func.value.value)  # `self.reset()`, `layer.to(device)`
        for holder in holders:
            self.forget_attributes(holder)

    def gradients_may_be_cleared(self) -> None:
        """Gradients may have been reset or read: what an earlier backward(retain_graph=True)
        added no longer shows that a second backward() of the same value adds it again."""
        for name, known in list(self.state.names.items()):
            if known.gradients_added:
                self.state.set(name, known.but(gradients_added=False))

    def step(self, modules: frozenset, optimizer: str) -> None:
        """An optimizer wrote new values into the parameters of `modules`, in place: a graph
        built through them before now saved the old ones."""
        for name, known in list(self.state.names.items()):
            if known.grad is not False and known.stale_by is None and _share_parameters(known.modules, modules):
                self.state.set(name, known.but(stale_by=optimizer))

    def step_after_retained_backward(self, optimizer: str) -> None:
        """An optimizer whose parameters are not known stepped: evidence from order says it
        applied the gradients of the graphs backward()-ed with retain_graph=True before it
        (their parameters are its own), and changed in place what those graphs saved."""
        for name, known in list(self.state.names.items()):
            if known.retained_backward and known.grad is not False and known.stale_by is None:
                self.state.set(name, known.but(stale_by=optimizer, retained_backward=False))

    def one_element_before_backward(self, name: str, value: Value) -> Value:
        """A loss (or a value not known otherwise) bound to a name the scope binds once and
        backward()s without a gradient (or sums into one it does) is one element from its
        binding on, before the backward() runs: each binding is made by the same expression
        (scope_evidence)."""
        if value.kind in ONE_ELEMENT_KINDS and not value.vector_of_one and not value.number and name in self.evaluator.backwarded_once:
            return value.but(zero_dim=True)
        return value

    def one_element_loss(self, name: str) -> None:
        """Evidence from use: backward() without a gradient took what `name` holds (a loss, a
        model's output, or a value of unknown origin) as one element, and so each such value
        it was summed or scaled from (broadcasting never makes fewer elements); a loss is a
        reduction, 0-dim since PyTorch 0.4 (a 1-element vector is built on purpose:
        `torch.zeros(1)`, `vector_of_one`)."""
        known = self.state.names.get(name)
        if known is None or known.kind not in ONE_ELEMENT_KINDS or known.number:
            return
        if known.kind != LOSS:  # what backward() ran on is a tensor with a graph: a loss
            known = known.but(tensor=True, kind=LOSS)
            self.state.set(name, known)
        for each in (name, *known.terms):
            term = self.state.names.get(each)
            if term is not None and term.kind in ONE_ELEMENT_KINDS and not term.vector_of_one and not term.number:
                self.state.set(each, term.but(zero_dim=True))

    def free_graph(self, tensors: Optional[cst.BaseExpression]) -> None:
        """backward() without retain_graph freed the tensors saved in the graphs it ran through."""
        for name in operand_names(tensors) if tensors is not None else ():
            value = self.state.names.get(name)
            if value is not None and value.saves and value.grad is not False:
                self.state.set(name, value.but(freed=True, kind=LOSS))

    def write_inplace(self, target: cst.BaseExpression, sources: Iterable[Value]) -> None:
        """`target` (or a view of it) was written in place with values from `sources`."""
        name = viewed_name(target)
        if name is None:
            return
        old = self.state.get(name)
        new = old.but(pending=old.pending | self.evaluator.pending.get(id(target), frozenset()))
        grad = any_grad([old, *sources])
        if self.state.grad_mode is not False and grad != old.grad:
            if self.state.grad_mode is None and grad:
                grad = None
            new = new.but(grad=grad, leaf=False if grad and not old.grad else old.leaf)
        self.state.set(name, new)

    def set_requires_grad(self, name: str, flag: Optional[bool]) -> None:
        old = self.state.get(name)
        if not old.tensor and old.kind is None:  # a loop's element, a parameter: which tensor is not known
            self.switched_elsewhere()
        leaf = True if old.grad is False else old.leaf
        self.state.set(name, old.but(grad=flag, leaf=leaf if flag else None))
        for module in old.modules if old.kind is None and old.leaf else ():  # a parameter of modules
            owner = self.state.names.get(module)
            if owner is not None and owner.kind == MODULE:  # some of its parameters: not known which
                self.state.set(module, owner.but(trainable=None))

    def switched_elsewhere(self) -> None:
        """`p.requires_grad = True` for each `p` of a list (`parameters = [W1, b1]`): any leaf
        tensor, and any module's parameters, may be the one switched."""
        for name, known in list(self.state.names.items()):
            if known.tensor and known.leaf and known.grad is not None:
                self.state.set(name, known.but(grad=None))
            elif known.kind == MODULE and known.trainable is not None:
                self.state.set(name, known.but(trainable=None))

    def bind(self, target: cst.BaseExpression, value: Value, value_expr: Optional[cst.BaseExpression]) -> None:
        if isinstance(target, cst.Name):
            value = self.one_element_before_backward(target.value, value)
            self.rebind(target.value, value if value.bound_at is not None else value.but(bound_at=id(target)))
        elif isinstance(target, cst.Attribute) and target.attr.value == "grad":  # `p.grad = None`
            self.gradients_may_be_cleared()
        elif isinstance(target, (cst.Tuple, cst.List)):
            elements = [e.value for e in target.elements]
            if (
                isinstance(value_expr, (cst.Tuple, cst.List))
                and len(value_expr.elements) == len(elements)
                and not any(isinstance(e, cst.StarredElement) for e in value_expr.elements)
                and not any(isinstance(e, cst.StarredElement) for e in target.elements)
            ):
                for element, source in zip(elements, value_expr.elements):
                    self.bind(element, self.evaluator.value(source.value), source.value)
            elif not any(isinstance(e, cst.StarredElement) for e in target.elements) and self.evaluator.unpacked(
                value_expr, len(elements)
            ) is not None:  # `_, predicted = torch.max(out, 1)`
                for element, element_value in zip(elements, self.evaluator.unpacked(value_expr, len(elements))):
                    self.bind(element, element_value, None)
            elif value.modules and value.grad is not False:  # `fake, aux = D(x)`: each carries the graph
                element_value = Value(kind=value.kind, pending=value.pending, saves=value.saves,
                                      modules=value.modules, stale_by=value.stale_by)
                for name in target_names(target):
                    self.rebind(name, element_value)
            elif value.grad is False:  # made with grad off (`_, losses = self.step(x)` under no_grad)
                for name in target_names(target):
                    self.rebind(name, Value(grad=False, kind=PYTHON if value.kind == PYTHON else None))
            else:
                self.unknown(target_names(target))
            for name in target_names(target) if self.evaluator.backwarded_once else ():
                self.state.set(name, self.one_element_before_backward(name, self.state.get(name)))
        elif isinstance(target, cst.Subscript):
            self.write_inplace(target.value, (value,))
        elif isinstance(target, cst.Attribute) and target.attr.value == "requires_grad":
            holder = attribute_key(target.value) or (target.value.value if isinstance(target.value, cst.Name) else None)
            if holder is not None:  # `w.requires_grad = False`, `layer.weight.requires_grad = False`
                if holder not in self.state.names and "." in holder:
                    self.state.set(holder, self.evaluator.value(target.value))
                self.set_requires_grad(holder, literal_bool(value_expr))
        elif isinstance(target, cst.Attribute) and target.attr.value == "volatile" and isinstance(target.value, cst.Name):
            if literal_bool(value_expr) is True:  # `x.volatile = True`: a plain attribute since 0.4, ignored
                self.state.set(target.value.value, self.state.get(target.value.value).but(volatile=frozenset({target})))
        elif isinstance(target, cst.Attribute) and attribute_key(target) is not None:
            self.state.set(attribute_key(target), value)  # `self.w = nn.Parameter(...)`: known here
        elif isinstance(target, cst.StarredElement):
            self.unknown(target_names(target))

    def unknown(self, names) -> None:
        """`names` are bound to values not known: forget their facts (and an import they shadow)."""
        names = list(names)
        self.state.forget(names)
        for name in names:
            self.evaluator.imports.rebind(name)

    def forget_attributes(self, holder: str) -> None:
        """What was known of `holder.<attribute>` (it may have changed)."""
        prefix = holder + "."
        self.state.forget([name for name in self.state.names if name.startswith(prefix)])

    def rebind(self, name: str, value: Value) -> None:
        """Bind `name` to a new tensor: graphs that saved the old one did not save this one."""
        self.forget_attributes(name)
        self.evaluator.imports.rebind(name)  # `torch = None`: the name is no torch's any more
        names = self.state.names
        for other in self.names_whose_graph_saved(name):
            names[other] = names[other].but(saved_names=names[other].saved_names - {name})
        for other, known in names.items():  # `.data` aliases of the old tensor are not of this one
            if known.data_of == name:
                names[other] = known.but(data_of=None)
        if value.saved_itself:
            value = value.but(saved_itself=False, saved_names=value.saved_names | {name})
        self.state.set(name, value)

    def names_whose_graph_saved(self, name: str) -> list:
        """Local names whose graph saved the tensor now bound to `name` and was not yet freed
        by a backward()."""
        return [
            other for other, value in self.state.names.items() if name in value.saved_names and not value.freed
        ]

    def bind_iteration(self, target: cst.BaseExpression, iterable: cst.BaseExpression) -> None:
        """Bind a for-loop target from what is known of the iterated values."""
        if isinstance(iterable, cst.Call) and isinstance(iterable.func, cst.Name) and isinstance(
            target, (cst.Tuple, cst.List)
        ):
            args = [a.value for a in iterable.args if a.keyword is None and not a.star]
            elements = [e.value for e in target.elements]
            if iterable.func.value == "zip" and len(args) == len(elements):
                for element, arg in zip(elements, args):
                    self.bind_iteration(element, arg)
                return
            if iterable.func.value == "enumerate" and args and len(elements) == 2:
                self.bind(elements[0], CONSTANT, None)
                self.bind_iteration(elements[1], args[0])
                return
        if self._submodules_of_a_module(iterable):  # `for m in self.modules():`, `model.named_children()`
            named = iterable.func.attr.value.startswith("named_")
            if not named:
                self.bind(target, Value(kind=MODULE), None)
            elif isinstance(target, (cst.Tuple, cst.List)) and len(target.elements) == 2:
                self.bind(target.elements[1].value, Value(kind=MODULE), None)
            return
        iterated = self.evaluator.value(iterable)
        parameter = PARAMETER.but(modules=iterated.modules, grad=True if iterated.trainable else None)
        if iterated.kind == PARAMETERS:
            self.bind(target, parameter, None)
        elif iterated.kind == NAMED_PARAMETERS and isinstance(target, (cst.Tuple, cst.List)) and len(target.elements) == 2:
            self.bind(target.elements[1].value, parameter, None)

    def _submodules_of_a_module(self, iterable: cst.BaseExpression) -> bool:
        """`m.modules()`, `m.children()` and their `named_` forms, of a module (or of `self` in
        a method of a module class of the file)."""
        if not (isinstance(iterable, cst.Call) and isinstance(iterable.func, cst.Attribute)):
            return False
        if iterable.func.attr.value not in ("modules", "children", "named_modules", "named_children"):
            return False
        receiver = iterable.func.value
        if isinstance(receiver, cst.Name) and receiver.value == "self":
            return self.evaluator.owner in self.evaluator.module_classes
        return self.evaluator.value(receiver).kind == MODULE

    def freeze_after(self, loop: cst.CSTNode) -> None:
        """After `for p in m.parameters(): p.requires_grad = False`, no parameter of m
        requires grad."""
        if not isinstance(loop, cst.For) or not isinstance(loop.target, cst.Name):
            return
        iterated = self.evaluator.value(loop.iter)
        if iterated.kind != PARAMETERS or len(iterated.modules) != 1:
            return
        for line in loop.body.body:  # unconditional statements of the body
            for small in line.body if isinstance(line, cst.SimpleStatementLine) else ():
                if (
                    isinstance(small, cst.Assign)
                    and len(small.targets) == 1
                    and isinstance(small.targets[0].target, cst.Attribute)
                    and small.targets[0].target.attr.value == "requires_grad"
                    and isinstance(small.targets[0].target.value, cst.Name)
                    and small.targets[0].target.value.value == loop.target.value
                    and literal_bool(small.value) is False
                ):
                    module = next(iter(iterated.modules))
                    owner = self.state.names.get(module)
                    if owner is not None and owner.kind == MODULE:
                        self.state.set(module, owner.but(trainable=False))
                    return


def torch_inplace_target(name: str, call: cst.Call) -> Optional[cst.BaseExpression]:
    """The first argument of `torch.relu_(x)` or `F.relu(x, inplace=True)`."""
    last = name.rpartition(".")[2]
    if name.startswith(("torch.nn.init.", "torch.nn.utils.")):
        return None  # nn.init writes under no_grad on purpose; clip_grad_norm_ writes .grad
    inplace = keyword_arg(call, "inplace")
    if torchapi.is_inplace_method(last) or (inplace is not None and literal_bool(inplace)):
        return first_arg(call, "input")
    return None


def attribute_key(expr: cst.BaseExpression) -> Optional[str]:
    """`layer.weight` for the attribute `layer.weight` of a local name: facts are kept for it."""
    if isinstance(expr, cst.Attribute) and isinstance(expr.value, cst.Name):
        return f"{expr.value.value}.{expr.attr.value}"
    return None


def _share_parameters(built_by: frozenset, updated: frozenset) -> bool:
    """Whether modules that built a graph and modules an optimizer updates share parameters:
    the same module, or one a submodule of the other (`net` and `net.encoder`)."""
    return any(
        a == b or a.startswith(b + ".") or b.startswith(a + ".") for a in built_by for b in updated
    )
