"""The value of an expression at the current point of a scope: what local evidence proves
about the tensor it gives (facts.Value), with torchapi.py as the model of torch's API."""

from __future__ import annotations

from typing import Optional

import libcst as cst

from . import torchapi
from .cst_syntax import (
    basic_index,
    dotted_name,
    first_arg,
    keyword_arg,
    last_name,
    literal_bool,
    spread,
    viewed_base,
)
from .facts import (
    CONSTANT,
    FACTORY,
    LOSS,
    LOSS_FUNCTION,
    MODULE,
    NAMED_PARAMETERS,
    OUTPUT,
    PARAMETERS,
    UNKNOWN,
    State,
    Value,
    op_result,
)
from .imports import ImportTable

# Builtins that neither keep nor change what is known about their arguments.
PURE_BUILTINS = frozenset(
    """print len isinstance issubclass float int str repr type id hash round abs min max sum
    sorted bool format any all callable hasattr getattr vars dir range""".split()
)
BINARY_METHODS = frozenset(
    """add sub mul div matmul mm bmm dot outer pow where masked_fill index_add scatter scatter_add
    lerp addcmul addcdiv addmm baddbmm maximum minimum atan2 hypot fmod remainder true_divide
    cross expand_as view_as type_as reshape_as""".split()
)
SAVING_OPERATORS = (cst.Multiply, cst.Divide, cst.Power, cst.MatrixMultiply)
TENSOR_KEYWORDS = frozenset("input other weight bias target tensor tensors mat1 mat2 vec exponent".split())


class Evaluator:
    """Values of expressions under `state` (the facts per local name and the grad mode) and
    `imports`. Values are remembered per expression until `forget_values()`, which whoever
    changes the state calls."""

    def __init__(self, imports: ImportTable, module_classes: frozenset) -> None:
        self.state: Optional[State] = State()  # None where the code cannot be reached
        self.imports = imports
        self.module_classes = module_classes  # the file's torch.nn.Module subclasses
        self.memo: dict = {}  # id(expr) -> Value, valid until the state changes
        self.pending: dict = {}  # id(expr) -> frozenset of Violations to report if it reaches backward()

    def value(self, expr: cst.CSTNode) -> Value:
        key = id(expr)
        value = self.memo.get(key)
        if value is None:
            value = self._evaluate(expr)
            extra = self.pending.get(key)
            if extra:
                value = value.but(pending=value.pending | extra)
            self.memo[key] = value
        return value

    def forget_values(self) -> None:
        self.memo.clear()

    def qualname(self, expr: cst.BaseExpression) -> Optional[str]:
        """The canonical torch name `expr` refers to, or None when it is not a torch name."""
        return self.imports.qualname_of_dotted(dotted_name(expr))

    def pend(self, carrier: cst.CSTNode, violations: frozenset) -> None:
        """Carry `violations` with the value of `carrier`, to report if it reaches backward()."""
        key = id(carrier)
        self.pending[key] = self.pending.get(key, frozenset()) | violations
        self.memo.clear()

    def _evaluate(self, expr: cst.CSTNode) -> Value:
        if isinstance(expr, cst.Name):
            if expr.value in ("True", "False", "None"):
                return CONSTANT
            return self.state.get(expr.value)
        if isinstance(expr, cst.Call):
            return self._evaluate_call(expr)
        if isinstance(expr, cst.Attribute):
            return self._evaluate_attribute(expr)
        if isinstance(expr, cst.BinaryOperation):
            return self._evaluate_binary(expr)
        if isinstance(expr, cst.Subscript):
            base = self.value(expr.value)
            if not base.tensor and base.grad is None:
                return UNKNOWN
            result = op_result((base,), self.state.grad_mode).but(tensor=base.tensor)
            return result.but(alias=base.alias) if basic_index(expr) else result
        if isinstance(expr, (cst.Integer, cst.Float, cst.Imaginary, cst.SimpleString, cst.ConcatenatedString)):
            return CONSTANT
        if isinstance(expr, cst.FormattedString):
            return CONSTANT
        if isinstance(expr, cst.UnaryOperation):
            if isinstance(expr.operator, cst.Not):
                return CONSTANT
            return op_result((self.value(expr.expression),), self.state.grad_mode)
        if isinstance(expr, cst.Comparison):
            operands = [self.value(expr.left)] + [self.value(c.comparator) for c in expr.comparisons]
            return Value(tensor=any(v.tensor for v in operands), grad=False)
        if isinstance(expr, cst.BooleanOperation):
            return self.value(expr.left).join(self.value(expr.right))
        if isinstance(expr, cst.IfExp):
            return self.value(expr.body).join(self.value(expr.orelse))
        if isinstance(expr, (cst.Tuple, cst.List)):  # a container: its elements' facts are not its own
            values = [self.value(e.value) for e in expr.elements]
            return Value(pending=frozenset().union(*(v.pending for v in values))) if values else UNKNOWN
        if isinstance(expr, cst.NamedExpr):
            return self.value(expr.value)
        return UNKNOWN

    def _evaluate_binary(self, expr: cst.BinaryOperation) -> Value:
        left, right = self.value(expr.left), self.value(expr.right)
        saves = isinstance(expr.operator, SAVING_OPERATORS)
        result = op_result((left, right), self.state.grad_mode, saves=saves)
        if not saves or result.grad is False:
            return result
        # `a * b` saves a when b requires grad and b when a does; `a ** n` saves a.
        saved = set()
        if isinstance(expr.left, cst.Name) and (right.grad or isinstance(expr.operator, cst.Power) and left.grad):
            saved.add(expr.left.value)
        if isinstance(expr.right, cst.Name) and left.grad and not isinstance(expr.operator, cst.Power):
            saved.add(expr.right.value)
        return result.but(saved_names=result.saved_names | saved) if saved else result

    def _evaluate_attribute(self, expr: cst.Attribute) -> Value:
        attr = expr.attr.value
        if self.qualname(expr) is not None:
            return UNKNOWN
        if attr in torchapi.NON_TENSOR_ATTRIBUTES:
            return CONSTANT
        base = self.value(expr.value)
        if attr == "data":
            return Value(tensor=base.tensor, grad=False, leaf=True)
        if attr == "grad":
            return Value(tensor=base.tensor)
        if attr in torchapi.VIEW_ATTRIBUTES and base.tensor:
            return op_result((base,), self.state.grad_mode).but(tensor=True, alias=base.alias)
        return UNKNOWN

    def _evaluate_call(self, call: cst.Call) -> Value:
        func = call.func
        name = self.qualname(func)
        if name is not None:
            return self._evaluate_torch_call(name, call)
        if isinstance(func, cst.Attribute):
            return self._evaluate_method(call, func)
        if isinstance(func, cst.Name) and func.value in ("list", "tuple", "iter") and call.args:
            inner = self.value(call.args[0].value)
            return Value(kind=inner.kind) if inner.kind in (PARAMETERS, NAMED_PARAMETERS) else UNKNOWN
        if isinstance(func, cst.Name) and func.value in PURE_BUILTINS:
            return UNKNOWN
        return self._opaque_call(call, ())

    def _opaque_call(self, call: cst.Call, extra: tuple) -> Value:
        """A callable we cannot see into: its result may carry the graph of its inputs, and
        does when the callable is a module or a loss, or is named like a model or a loss."""
        values = [*extra, *(self.value(a.value) for a in call.args)]
        pending = frozenset().union(*(v.pending for v in values)) if values else frozenset()
        func = call.func
        if isinstance(func, cst.Name) and func.value in self.module_classes:
            return Value(kind=MODULE)
        callee_name = last_name(func)
        callee_kind = self.value(func).kind
        kind = None
        if callee_kind == LOSS_FUNCTION or torchapi.LOSS_NAME.search(callee_name):
            kind = LOSS
        elif callee_kind == MODULE or torchapi.MODEL_NAME.search(callee_name):
            kind = OUTPUT
        if kind is None or self.state.grad_mode is False:
            return Value(pending=pending)
        return Value(kind=kind, pending=pending, saves=True, freed=any(v.freed for v in values))

    def _evaluate_torch_call(self, name: str, call: cst.Call) -> Value:
        namespace, _, last = name.rpartition(".")
        if namespace == "torch" and last in torchapi.FACTORIES:
            flag = keyword_arg(call, "requires_grad")
            grad = False if flag is None else literal_bool(flag)
            return Value(tensor=True, grad=grad, leaf=True, kind=FACTORY)
        if namespace == "torch.nn" and last[:1].isupper() and last != "Parameter":
            return Value(kind=LOSS_FUNCTION if last.endswith("Loss") else MODULE)
        if name == "torch.nn.Parameter":
            flag = keyword_arg(call, "requires_grad")
            if flag is None and len(call.args) >= 2 and call.args[1].keyword is None:
                flag = call.args[1].value
            return Value(tensor=True, grad=True if flag is None else literal_bool(flag), leaf=True)
        if name == "torch.autograd.Variable":
            wrapped = self.value(call.args[0].value) if call.args else UNKNOWN
            flag = keyword_arg(call, "requires_grad")
            if flag is None:
                return wrapped
            return wrapped.but(grad=literal_bool(flag), leaf=True if wrapped.grad is False else wrapped.leaf)
        if last in torchapi.NON_DIFFERENTIABLE and namespace == "torch":
            return Value(tensor=True, grad=False)
        if (
            any(name == ns + last for ns in torchapi.OP_NAMESPACES)
            and last[:1].islower()
            and last not in torchapi.NOT_TENSOR_OPS
        ):
            operands = [
                self.value(operand)
                for a in call.args
                if (a.keyword is None or a.keyword.value in TENSOR_KEYWORDS) and not a.star
                for operand in spread(a.value)
            ]
            result = op_result(operands, self.state.grad_mode, saves=last in torchapi.SAVING_OPS)
            if torchapi.is_loss_function(name) and result.grad is not False:
                result = result.but(kind=LOSS)
            return result.but(tensor=True, saved_itself=last in torchapi.OUTPUT_SAVING_OPS and result.grad is not False)
        return UNKNOWN

    def _evaluate_method(self, call: cst.Call, func: cst.Attribute) -> Value:
        method = func.attr.value
        receiver = self.value(func.value)
        if method == "detach":
            alias = receiver.alias or (call if _held_elsewhere(func.value) else None)
            return Value(tensor=True, grad=False, leaf=True, alias=alias)
        if method in torchapi.NON_TENSOR_METHODS:
            return CONSTANT
        if method in ("parameters", "named_parameters"):
            return Value(kind=PARAMETERS if method == "parameters" else NAMED_PARAMETERS)
        if method in ("backward", "retain_grad"):
            return CONSTANT
        if method == "requires_grad_":
            flag = literal_bool(first_arg(call, "requires_grad")) if call.args else True
            leaf = True if receiver.grad is False else receiver.leaf
            return receiver.but(tensor=True, grad=flag, leaf=leaf if flag else None, kind=None)
        if method in torchapi.NON_DIFFERENTIABLE:
            return Value(tensor=receiver.tensor, grad=False)
        if method in torchapi.TENSOR_METHODS or torchapi.is_inplace_method(method):
            operands = [receiver]
            if method in BINARY_METHODS or torchapi.is_inplace_method(method):
                operands += [self.value(a.value) for a in call.args if a.keyword is None and not a.star]
            result = op_result(operands, self.state.grad_mode, saves=method in torchapi.SAVING_OPS)
            result = result.but(
                tensor=receiver.tensor,
                saved_itself=method in torchapi.OUTPUT_SAVING_OPS and result.grad is not False,
            )
            if method in torchapi.VIEW_METHODS:
                result = result.but(alias=receiver.alias)
            return result
        return self._opaque_call(call, (receiver,))


def _held_elsewhere(expr: cst.BaseExpression) -> bool:
    """Whether the tensor `expr` gives (or whose view it gives) is held by a name or attribute,
    so that writing through its detach() changes a tensor the code still uses. A fresh result
    (`x.clone()`, `a + b`, `model(x)`) is held by nobody. Gradient buffers (`p.grad`) are
    left out: they belong to no graph, and writing through their detach() is the documented
    way to edit gradients in place."""
    base = viewed_base(expr)
    if isinstance(base, cst.Attribute):
        return base.attr.value != "grad"
    return isinstance(base, cst.Name)
