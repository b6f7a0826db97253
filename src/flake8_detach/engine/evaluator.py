"""The value of an expression at the current point of a scope: what local evidence proves
about the tensor it gives (facts.Value), with torchapi.py as the model of torch's API."""

from __future__ import annotations


from typing import Optional

import libcst as cst

from ..analysis import summaries
from ..analysis.file_index import project_index
from ..analysis.one_element import PARAMETER
from .returns import returned_elements, returned_value
from .. import torchapi
from ..syntax.cst_syntax import (
    basic_index,
    dotted_name,
    first_arg,
    keyword_arg,
    last_name,
    literal_bool,
    spread,
    target_names,
    viewed_base,
    viewed_name,
)
from .facts import (
    CARRIES_GRAPH,
    CONSTANT,
    FACTORY,
    GRADIENTS,
    INSTANCE,
    LOSS,
    LOSS_FUNCTION,
    MODULE,
    NAMED_PARAMETERS,
    NUMBER,
    OPTIMIZER,
    OUTPUT,
    PARAMETERS,
    PYTHON,
    UNKNOWN,
    State,
    Tri,
    Value,
    op_result,
)

# Builtins that neither keep nor change what is known about their arguments.
PURE_BUILTINS = frozenset(
    """print len isinstance issubclass float int str repr type id hash round abs min max sum
    sorted bool format any all callable hasattr getattr vars dir range""".split()
)
# Builtins whose result is a Python number whatever they are given (`len(batch)`, `float(loss)`).
NUMBER_BUILTINS = frozenset("len int float id hash".split())
BINARY_METHODS = frozenset(
    """add sub mul div matmul mm bmm dot outer pow where masked_fill index_add scatter scatter_add
    lerp addcmul addcdiv addmm baddbmm maximum minimum atan2 hypot fmod remainder true_divide
    cross expand_as view_as type_as reshape_as""".split()
)
# torch.nn modules whose parameters are those of the modules they hold.
CONTAINER_MODULES = frozenset("Sequential ModuleList ModuleDict DataParallel".split())
PARAMETER_CONTAINERS = frozenset(("ParameterList", "ParameterDict"))
# Module methods that move or switch the module in place and return it.
MODULE_METHODS_RETURNING_SELF = frozenset("cuda cpu to float double half bfloat16 train eval requires_grad_".split())
MOVES_AND_SWITCHES = MODULE_METHODS_RETURNING_SELF - {"requires_grad_"}
SAVING_OPERATORS = (cst.Multiply, cst.Divide, cst.Power, cst.MatrixMultiply)
# Elementwise operators, plain and augmented: a result of one element has operands of at most one.
TERM_OPERATORS = (cst.Add, cst.Subtract, cst.Multiply, cst.Divide, cst.AddAssign, cst.SubtractAssign,
                  cst.MultiplyAssign, cst.DivideAssign)
# Keyword arguments of torch ops that are never the tensors computed with.
NON_TENSOR_KEYWORDS = frozenset("dim keepdim dtype device layout memory_format pin_memory reduction inplace out".split())


# What a call at module level or in __init__ can build that stays what it is wherever it is used.
BUILT_KINDS = frozenset((MODULE, LOSS_FUNCTION, OPTIMIZER, INSTANCE))


class Evaluator:
    """Values of expressions under `state` (the facts per local name and the grad mode) and
    `imports`. Values are remembered per expression until `forget_values()`, which whoever
    changes the state calls."""

    def __init__(self, index) -> None:
        self.state: Optional[State] = State()  # None where the code cannot be reached
        self.imports = index.imports.copy()  # a function's own imports are its own
        self.module_classes = index.module_classes  # the file's torch.nn.Module subclasses
        self.plain_classes = index.plain_classes
        self.summaries = index.summaries
        self.optimizers = index.optimizers
        self.classes = index.classes
        self.file_index = index
        self.owner: Optional[str] = None  # the class whose method is being walked
        self.locals: Optional[frozenset] = None  # in a function: its local names and parameters
        # In a function that runs no backward(): its parameters, never rebound, through which a loss
        # callable the file's training code is given gives one element (Walker._parameters_given_losses).
        self.parameters: frozenset = frozenset()
        self.in_method = False  # evaluating what a method of `owner` built (built()): `self` is its instance
        # In a function: the names it binds once and backward()s without a gradient, and the
        # names summed into those (scope_evidence.backwarded_once).
        self.backwarded_once: frozenset = frozenset()
        self.memo: dict = {}  # id(expr) -> Value, valid until the state changes
        self.pending: dict = {}  # id(expr) -> frozenset of Violations to report if it reaches backward()
        self.summary_depth = 0  # how many function summaries (engine.returns) are being made around this walk

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

    @staticmethod
    def _owner_of(module: cst.BaseExpression) -> frozenset:
        owner = dotted_name(module)
        return frozenset((owner,)) if owner else frozenset()

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
            if expr.value in self.state.names or self.locals is None or expr.value in self.locals:
                return self.state.get(expr.value)
            if expr.value in self.file_index.project_names:
                return self._imported_value(expr.value)
            return self.built(self.file_index.built_globals.get(expr.value), None)  # a global
        if isinstance(expr, cst.Call):
            return self._evaluate_call(expr)
        if isinstance(expr, cst.Attribute):
            return self._evaluate_attribute(expr)
        if isinstance(expr, cst.BinaryOperation):
            return self._evaluate_binary(expr)
        if isinstance(expr, cst.Subscript):
            base = self.value(expr.value)
            if base.kind == MODULE:  # a layer of an nn.Sequential or nn.ModuleList
                return Value(kind=MODULE)
            if base.kind == GRADIENTS:  # one gradient: it has a graph only where create_graph= asked for one
                return Value(tensor=True, grad=base.grad, leaf=True if base.grad is False else None)
            if base.loaded_by and not base.tensor:  # `ckpt["model"]`: unpickled by that load too
                return Value(loaded_by=base.loaded_by)
            if base.listed and base.elements is not None and _one_integer(expr):  # `accuracy(out, y)[0]`
                return base.elements
            if not base.tensor and base.grad is None and not base.modules:
                return UNKNOWN
            result = op_result((base,), self.state.grad_mode).but(tensor=base.tensor, integral=base.integral)
            return result.but(alias=base.alias, data_of=base.data_of) if basic_index(expr) else result
        if isinstance(expr, (cst.Integer, cst.Float)):
            return NUMBER
        if isinstance(expr, (cst.Imaginary, cst.SimpleString, cst.ConcatenatedString)):
            return CONSTANT
        if isinstance(expr, cst.FormattedString):
            return CONSTANT
        if isinstance(expr, cst.UnaryOperation):
            if isinstance(expr.operator, cst.Not):
                return CONSTANT
            operand = self.value(expr.expression)
            if operand.kind == PYTHON:
                return NUMBER if operand.number else CONSTANT  # `-1`: a Python number
            return op_result((operand,), self.state.grad_mode).but(zero_dim=operand.zero_dim, vector_of_one=operand.vector_of_one)
        if isinstance(expr, cst.Comparison):
            operands = [self.value(expr.left)] + [self.value(c.comparator) for c in expr.comparisons]
            return Value(tensor=any(v.tensor for v in operands), grad=False, integral=True)
        if isinstance(expr, cst.BooleanOperation):
            return self.value(expr.left).join(self.value(expr.right))
        if isinstance(expr, cst.IfExp):
            return self.value(expr.body).join(self.value(expr.orelse))
        if isinstance(expr, (cst.Tuple, cst.List)):  # a container: its elements' facts are not its own
            values = [self.value(e.value) for e in expr.elements]
            if values and all(v.kind in PARAMETER_KINDS for v in values):  # parameter groups
                return _parameters_of(values)
            if isinstance(expr, cst.List) and not values:
                return Value(listed=True)  # filled by append() (Effects.append)
            return Value(pending=frozenset().union(*(v.pending for v in values))) if values else UNKNOWN
        if isinstance(expr, cst.Dict):  # a parameter group: {"params": m.parameters(), "lr": ...}
            for element in expr.elements:
                if isinstance(element, cst.DictElement) and _is_string(element.key, "params"):
                    return self.value(element.value)
            return UNKNOWN
        if isinstance(expr, cst.StarredElement):
            return self.value(expr.value)
        if isinstance(expr, cst.NamedExpr):
            return self.value(expr.value)
        return UNKNOWN

    def built(self, call, owner: Optional[str]) -> Value:
        """What an expression (of FileIndex.built_globals or built_attributes, made by a
        class `owner`'s __init__ or at module level) built: a module, a loss function, an
        optimizer or an instance of a class of the file, or a tensor of a known shape or dtype;
        UNKNOWN for anything else. Evaluated once per file, on its own: what later code does to
        it (in-place writes, a new state) is not known, so only what that cannot change is kept:
        not whether a tensor requires grad, and a module's `trainable` only where nothing in
        the file switches `requires_grad`."""
        if call is None:
            return UNKNOWN
        known = self.file_index.built_values
        if id(call) not in known:
            known[id(call)] = UNKNOWN  # while it is evaluated: a cycle gives UNKNOWN
            try:
                expression = cst.parse_expression(self.file_index.code_of(call))
            except (cst.ParserSyntaxError, RecursionError, MemoryError):
                return UNKNOWN
            evaluator = Evaluator(self.file_index)
            evaluator.owner = owner
            evaluator.locals = frozenset() if owner is None else None  # a global's names are globals too
            evaluator.in_method = owner is not None  # `self.target = copy.deepcopy(self.dqn)`
            value = evaluator.value(expression)
            if value.kind in BUILT_KINDS:  # a module's parameters stay trainable where nothing can freeze them
                known[id(call)] = value if not self.file_index.switches_requires_grad else value.but(trainable=None)
            elif value.tensor:  # what in-place writes and requires_grad switches keep: dtype, a shape of [1]
                known[id(call)] = Value(tensor=True, vector_of_one=value.vector_of_one, integral=value.integral)
            else:
                known[id(call)] = UNKNOWN
        return known[id(call)]

    def unpacked(self, expr: Optional[cst.BaseExpression], count: int) -> Optional[list]:
        """The values of the elements of what `expr` gives, unpacked into `count` targets, where
        the call says: `torch.max(x, 1)`, `x.topk(k)`, `x.sort(dim=0)` give (values, indices),
        the indices integral; a function of the file or the project that returns a tuple
        written out (`return loss, accuracy`), what its returns agree on; what torch.load() gave,
        each part unpickled by that load. None where that is not known."""
        if not isinstance(expr, cst.Call):
            return None
        elements = self._returned_elements(expr)
        if elements is not None:
            return elements if len(elements) == count else None
        listed = self.value(expr)
        if listed.listed and listed.elements is not None:  # a list of its file's function, filled by append()
            return [listed.elements] * count
        if listed.loaded_by and not listed.tensor:  # `net, stats = torch.load(f)`: unpickled by that load too
            return [Value(loaded_by=listed.loaded_by)] * count
        if count != 2:
            return None
        name = self.qualname(expr.func)
        if name is not None:
            last, operands = name.rpartition(".")[2], [a.value for a in expr.args if a.keyword is None]
            source, rest = (operands[0], operands[1:]) if name.startswith("torch.") and operands else (None, [])
        elif isinstance(expr.func, cst.Attribute):
            last, source, rest = expr.func.attr.value, expr.func.value, [a.value for a in expr.args if a.keyword is None]
        else:
            return None
        gives_indices = last in ("sort", "topk") or rest or keyword_arg(expr, "dim") is not None
        if source is None or last not in torchapi.VALUES_AND_INDICES or not gives_indices:
            return None
        values = op_result((self.value(source),), self.state.grad_mode)
        return [values, Value(tensor=True, grad=False, integral=True)]

    def _returned_elements(self, call: cst.Call) -> Optional[list]:
        """The values of the elements of the tuple a call of a function of the file or of the
        project returns (engine.returns), or None."""
        func, elements = call.func, None
        origin = self._project_origin(func)
        if origin is not None:
            other = project_index(origin[0])
            elements = returned_elements(other, origin[1], self.summary_depth) if other is not None else None
        own = self._own_callee(func) if origin is None else None
        if own is not None:
            elements = returned_elements(self.file_index, own, self.summary_depth)
        if elements is None:
            return None
        arguments = [self.value(arg.value) for arg in call.args]
        pending = frozenset().union(*(v.pending for v in arguments)) if arguments else frozenset()
        return [_through_instance(self._called_here(element, arguments, pending, own), element, func) for element in elements]

    def _own_callee(self, func: cst.BaseExpression) -> Optional[str]:
        """What engine.returns knows `func` by where it is a function of this file (its name,
        not a local) or a method of one of its classes called on an instance (`Class.method`,
        where summarisable: FileIndex.summarisable_methods): a module built from that class,
        or `self` in its own methods."""
        if isinstance(func, cst.Name):
            return func.value if func.value not in (self.locals or ()) else None
        if not isinstance(func, cst.Attribute):
            return None
        holder, method = func.value, func.attr.value
        if isinstance(holder, cst.Name) and holder.value == "self" and (self.locals is not None or self.in_method):
            cls = self.owner
        else:
            known = self.value(holder)
            if known.kind == MODULE and method == "forward":
                return None  # a call of the module: what modules give is known without its body
            cls = known.built_from[1] if known.built_from is not None and known.built_from[0] is None else None
        name = f"{cls}.{method}"
        return name if cls is not None and name in self.file_index.summarisable_methods else None

    def calls_own_method(self, call: cst.Call) -> bool:
        """Whether `x.m(...)` calls a method `m` that a class of this file defines (a `Var`
        with its own `backward()`, a `DecoderState.detach()`), not torch's: x is an instance of
        a plain class of the file."""
        func = call.func
        if not isinstance(func, cst.Attribute) or self.value(func.value).kind != INSTANCE:
            return False
        return any(func.attr.value in facts.methods for facts in self.classes.values())

    def _evaluate_binary(self, expr: cst.BinaryOperation) -> Value:
        left, right = self.value(expr.left), self.value(expr.right)
        if INSTANCE in (left.kind, right.kind) and not (left.tensor or right.tensor):
            return Value(kind=INSTANCE)  # the class's own operator (`Var(3.0) * b`)
        if left.kind in PARAMETER_KINDS and right.kind in PARAMETER_KINDS:  # list(a.parameters()) + ...
            return _parameters_of((left, right))
        saves = isinstance(expr.operator, SAVING_OPERATORS)
        result = arithmetic_result((expr.left, left), (expr.right, right), expr.operator, self.state.grad_mode, saves)
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
        if isinstance(expr.value, cst.Name):
            known = self.state.names.get(f"{expr.value.value}.{attr}")
            if known is not None:  # bound or switched earlier in this function
                return known
            optimized = self.optimizers.get(self.owner, {}).get(attr) if expr.value.value == "self" else None
            if optimized:  # built in a method of this class (summaries.class_optimizers)
                return Value(kind=OPTIMIZER, modules=optimized)
            if expr.value.value == "self" and (self.locals is not None or self.in_method) and self.owner is not None:
                built = self.built(self.file_index.built_attributes.get(self.owner, {}).get(attr), self.owner)
                if built is not UNKNOWN:  # built in the class's __init__ and never rebound
                    return built
                if (self.owner, f"self.{attr}") in self.file_index.one_element_attributes:
                    return Value(zero_dim=True)  # a loss a method of the class backward()s
        if attr in torchapi.NON_TENSOR_ATTRIBUTES:
            return CONSTANT
        base = self.value(expr.value)
        if base.kind == MODULE and attr in base.param_attrs and base.trainable:
            return Value(tensor=True, grad=True, leaf=True, modules=self._owner_of(expr.value))
        if attr == "data":
            owner = viewed_name(expr.value)
            return Value(
                tensor=base.tensor, grad=False, leaf=True, data_of=owner, integral=base.integral, zero_dim=base.zero_dim
            )
        if attr == "grad":
            return Value(tensor=base.tensor)
        if attr in ("values", "indices") and base.modules:  # `x.max(dim=1).values`
            return op_result((base,), self.state.grad_mode).but(integral=attr == "indices")
        if attr in torchapi.VIEW_ATTRIBUTES and base.tensor:
            return op_result((base,), self.state.grad_mode).but(tensor=True, alias=base.alias, data_of=base.data_of)
        return UNKNOWN

    def _evaluate_call(self, call: cst.Call) -> Value:
        value = self._call_value(call)
        flags = self._volatile_handed_on(call)
        return value.but(volatile=value.volatile | flags) if flags else value

    def _volatile_handed_on(self, call: cst.Call) -> frozenset:
        """The `volatile=` argument of a call of a function of the file or the project that
        hands its `volatile` parameter on to a Variable (`make_variable(x, volatile=True)`):
        a flag ignored since 0.4, as if written in the Variable() itself."""
        flag = next((arg for arg in call.args if arg.keyword is not None and arg.keyword.value == "volatile"), None)
        if flag is None or literal_bool(flag.value) is False:
            return frozenset()
        name = dotted_name(call.func)
        index, there = self.file_index, name
        if name not in index.summarisable_functions:
            origin = self._project_origin(call.func)
            index = project_index(origin[0]) if origin is not None else None
            there = origin[1] if origin is not None else None
        definition = index.summarisable_functions.get(there) if index is not None else None
        return frozenset({flag}) if definition is not None and summaries.hands_on_volatile(definition) else frozenset()

    def _call_value(self, call: cst.Call) -> Value:
        func = call.func
        name = self.qualname(func)
        if name is not None:
            return self._evaluate_torch_call(name, call)
        if dotted_name(func) in ("copy.deepcopy", "deepcopy") and len(call.args) == 1 and not call.args[0].star:
            copied = self.value(call.args[0].value)  # `target = copy.deepcopy(model)`: a module of its own
            if copied.kind == MODULE:
                return Value(kind=MODULE, trainable=copied.trainable, param_attrs=copied.param_attrs,
                             no_parameters=copied.no_parameters, built_from=copied.built_from)
        if isinstance(func, cst.Attribute):
            return self._evaluate_method(call, func)
        if isinstance(func, cst.Name) and func.value in ("list", "tuple", "iter") and call.args:
            inner = self.value(call.args[0].value)
            return Value(kind=inner.kind, modules=inner.modules) if inner.kind in PARAMETER_KINDS else UNKNOWN
        if dotted_name(func) in ("chain", "itertools.chain") and call.args:
            return _parameters_of([self.value(arg.value) for arg in call.args])
        builtin_sum = isinstance(func, cst.Name) and func.value == "sum"
        if builtin_sum and self.state is not None and "sum" not in self.state.names:
            return self._builtin_sum(call)
        if isinstance(func, cst.Name) and func.value in PURE_BUILTINS:
            rebound = self.state is None or func.value in self.state.names
            return NUMBER if func.value in NUMBER_BUILTINS and not rebound else UNKNOWN
        return self._opaque_call(call, ())

    def _builtin_sum(self, call: cst.Call) -> Value:
        """`sum(criterion(p[:, t], y[:, t]) for t in steps)`, `sum([a_loss, b_loss])`: 0-dim
        values added to a number give a 0-dim value. An element of a comprehension is read
        with the names its `for`s bind unknown."""
        positional = [arg.value for arg in call.args if arg.keyword is None]
        if not 1 <= len(positional) <= 2 or len(positional) < len(call.args) or any(arg.star for arg in call.args):
            return UNKNOWN
        if len(positional) == 2 and not self.value(positional[1]).number:
            return UNKNOWN  # started from something else (`sum(lists, [])`)
        added = positional[0]
        if isinstance(added, (cst.List, cst.Tuple)):
            values = [self.value(e.value) for e in added.elements if not isinstance(e, cst.StarredElement)]
            whole = bool(values) and len(values) == len(added.elements)
        elif isinstance(added, (cst.ListComp, cst.GeneratorExp)):
            values, whole = [self.element_value(added)], True
        else:
            return UNKNOWN
        return Value(zero_dim=True) if whole and all(value.zero_dim for value in values) else UNKNOWN

    def element_value(self, comprehension) -> Value:
        """The value of a comprehension's element where the names its `for`s bind are unknown."""
        saved, self.state = self.state, self.state.copy()
        comp_for = comprehension.for_in
        while comp_for is not None:
            for name in target_names(comp_for.target):
                self.state.set(name, UNKNOWN)
            comp_for = comp_for.inner_for_in
        memo, self.memo = self.memo, {}
        try:
            return self.value(comprehension.elt)
        finally:
            self.state, self.memo = saved, memo

    def _opaque_call(self, call: cst.Call, extra: tuple) -> Value:
        """A callable we cannot see into: its result may carry the graph of its inputs, and
        does when the callable is a module or a loss, or is named like a model or a loss; a
        loss the file backward()s a result of elsewhere gives one element (0-dim)."""
        value = self._opaque_value(call, extra)
        if not value.zero_dim and self._gives_one_element(call):
            return value.but(zero_dim=True)
        return value

    def _gives_one_element(self, call: cst.Call) -> bool:
        """Whether the file backward()s without a gradient elsewhere a result of a call like
        this one, of an attribute of this class's instances or of a global (analysis.one_element)."""
        losses = self.file_index.one_element_losses
        name = dotted_name(call.func) if losses else None
        if name is None or any(arg.keyword is not None or arg.star for arg in call.args):
            return False
        head = name.partition(".")[0]
        if head == "self":
            return self.locals is not None and (self.owner, name, len(call.args)) in losses
        if head in self.parameters:
            return (PARAMETER, name, len(call.args)) in losses
        return head not in (self.locals or ()) and (None, name, len(call.args)) in losses

    def _opaque_value(self, call: cst.Call, extra: tuple) -> Value:
        values = [*extra, *(self.value(a.value) for a in call.args)]
        pending = frozenset().union(*(v.pending for v in values)) if values else frozenset()
        func = call.func
        if isinstance(func, cst.Name) and func.value in self.module_classes:
            own = func.value in self.file_index.classes  # not a star import's
            return Value(kind=MODULE, built_from=(None, func.value) if own else None)
        if isinstance(func, cst.Name) and func.value in self.plain_classes:
            return Value(kind=INSTANCE, built_from=(None, func.value) if func.value in self.file_index.classes else None)
        origin = self._project_origin(func)
        if origin is not None:  # a class or function of another module of the project (`from models import D`)
            imported = self.file_index.imported_kind(dotted_name(func))
            if imported == "module":
                by_name = dotted_name(func) in self.file_index.project_names
                return Value(kind=MODULE, built_from=origin if by_name else None)
            if imported is not None:
                return Value(kind=INSTANCE, built_from=origin if dotted_name(func) in self.file_index.project_names else None)
            other = project_index(origin[0])
            summary = other.summaries.get(origin[1]) if other is not None else None
            if summary is not None:
                return _summarised(summary, values, pending, self.state.grad_mode)
            returned = returned_value(other, origin[1], self.summary_depth) if other is not None else None
            if returned is not None:
                return self._called_here(returned, values, pending)
        summary = self.summaries.get(dotted_name(func) or "")
        if summary is not None:  # a function of this file: its body says what it returns
            return _summarised(summary, values, pending, self.state.grad_mode)
        own = self._own_callee(func)
        if own is not None:
            returned = returned_value(self.file_index, own, self.summary_depth)
            if returned is not None:  # a function or method of this file, walked: what its returns agree on
                return _through_instance(self._called_here(returned, values, pending, own), returned, func)
        forward = isinstance(func, cst.Attribute) and func.attr.value == "forward"
        runs = func.value if forward else func  # `net.forward(x)` runs `net` (its hooks aside)
        callee_kind = self.value(runs).kind
        # A name's spelling is evidence for a local variable or attribute (`criterion`,
        # `self.model`), not for a function or class imported from elsewhere (by name, or as
        # an attribute of a module: `helpers.prepare_discriminator_data`), nor for a method of
        # an instance of a plain class of the file.
        spelling = self._spelling(runs)
        holder = runs.value if isinstance(runs, cst.Attribute) else runs
        imported = isinstance(holder, cst.Name) and holder.value in self.imports.foreign
        if imported or _is_class_name(spelling):
            spelling = ""  # imported from elsewhere, or a class built (`Content_Loss(target)`)
        if isinstance(runs, cst.Attribute) and self.value(runs.value).kind == INSTANCE or callee_kind == INSTANCE:
            spelling = ""
        kind = None
        if callee_kind == LOSS_FUNCTION or torchapi.LOSS_NAME.search(spelling):
            kind = LOSS
        elif callee_kind == MODULE or torchapi.MODEL_NAME.search(spelling):
            kind = OUTPUT
        callee = self.value(runs)
        zero_dim = callee_kind == LOSS_FUNCTION and callee.zero_dim or (
            callee_kind == MODULE and callee.built_from is not None and self.file_index.reduces(callee.built_from)
        )
        frozen = callee_kind == MODULE and (callee.trainable is False or callee.no_parameters) and all(
            v.grad is False for v in values
        )
        if self.state.grad_mode is False or frozen:  # no graph: grad off, or every parameter frozen
            grad = False if frozen or self._keeps_grad_off(runs, callee_kind) else None
            return Value(pending=pending, zero_dim=zero_dim, grad=grad)
        # The graph may run through the callable (a module: `D(x)`, `self.q1.forward(s)`) and
        # through what it was given.
        runs_name = dotted_name(runs)
        evidently_a_module = forward or callee_kind == MODULE or runs_name in self.file_index.module_names or bool(
            not imported and torchapi.MODEL_NAME.search(last_name(runs))
        )
        modules = frozenset().union(*(v.modules for v in values)) | ({runs_name} if runs_name and evidently_a_module else set())
        stale_by = next((v.stale_by for v in values if v.stale_by), None)
        if kind is None:
            return Value(pending=pending, zero_dim=zero_dim, modules=modules, stale_by=stale_by)
        arguments = values[len(extra):]
        if callee_kind == LOSS_FUNCTION and arguments and arguments[0].grad is False and arguments[0].kind != PYTHON:
            # A torch loss has no parameters: its graph is its arguments', and its input has none
            # (computed under no_grad); a target that requires grad is rare but not excluded.
            if all(v.grad is False for v in arguments):
                return Value(tensor=True, grad=False, leaf=True, zero_dim=zero_dim, pending=pending)
            return Value(tensor=True, zero_dim=zero_dim, pending=pending)
        freed = any(v.freed for v in values)
        # With grad on, a module whose parameters require grad gives a tensor that requires grad.
        trained = callee_kind == MODULE and (callee.trainable or dotted_name(runs) in self.file_index.optimized_modules)
        if callee.no_parameters:  # `nn.Tanh()(x)`: the graph is the input's
            trained = any(v.grad for v in values)
        grad = True if trained and self.state.grad_mode is True else None
        return Value(kind=kind, pending=pending, saves=True, freed=freed, zero_dim=zero_dim, modules=modules,
                     stale_by=stale_by, grad=grad, leaf=False if grad else None, tensor=bool(grad))

    def _imported_value(self, name: str) -> Value:
        """What a name imported by name from a module of the project holds where that module
        builds it once at module level (`model = Net()` there): a module, a loss function, an
        optimizer, an instance (Evaluator.built, read in that module)."""
        known = self.file_index.imported_values
        if name not in known:
            known[name] = self._read_imported_value(name)
        return known[name]

    def _read_imported_value(self, name: str) -> Value:
        path, there = self.file_index.project_names[name]
        other = project_index(path)
        if other is None or there not in other.built_globals:
            return UNKNOWN
        value = Evaluator(other).built(other.built_globals[there], None)
        if value.kind is None:
            return UNKNOWN  # a tensor's facts there may not hold after this file's writes
        if value.built_from is not None and value.built_from[0] is None:  # that module's own class
            value = value.but(built_from=(path, value.built_from[1]))
        return value.but(trainable=None) if self.file_index.switches_requires_grad else value

    def _project_origin(self, func: cst.BaseExpression) -> Optional[tuple]:
        """(module file, name there) where `func` names a class or function another module of
        the project defines (imported by name, or an attribute of that module imported whole)."""
        name = dotted_name(func)
        if name is None or name.partition(".")[0] in (self.locals or ()):
            return None
        return self.file_index.origin(name)

    def _spelling(self, func: cst.BaseExpression) -> str:
        """The name that says what `func` is: its last name, or for `self.D` bound in
        `__init__` to a parameter, that parameter's (`discriminator`)."""
        if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) and func.value.value == "self":
            passed = self.file_index.passed_attributes.get(self.owner or "", {}).get(func.attr.value)
            if passed is not None and self.locals is not None:
                return passed
        return last_name(func)

    def _keeps_grad_off(self, func: cst.BaseExpression, callee_kind: Optional[str]) -> bool:
        """Whether calling `func` under no_grad gives no tensor that requires grad: a module
        (where no module class of the file could switch grad on), or a function or method of
        this file that does not switch it on nor make a leaf that requires grad."""
        if callee_kind == MODULE:
            return not self.file_index.module_classes_switch_grad_on
        name = dotted_name(func)
        return name is not None and self.file_index.switches_grad_on(name, self.owner) is False

    def _called_here(self, returned: Value, arguments: list, pending: frozenset, own: Optional[str] = None) -> Value:
        """What a walked function returns (engine.returns), called here with `arguments`: the
        graph may also run through what it was given, as through any call; its body was walked
        with grad on, so where grad may be off here a graph it builds is not known to exist,
        unless it is this file's function or method `own` (as `_own_callee` names it), which
        neither switches grad on nor makes a leaf that requires grad."""
        stale_by = next((v.stale_by for v in arguments if v.stale_by), None)
        result = returned.but(pending=pending, modules=frozenset().union(*(v.modules for v in arguments)), stale_by=stale_by,
                              volatile=frozenset())  # an argument of the callee's own body, in another piece
        if self.state.grad_mode is True:
            return result
        owner, _, name = (own or "").rpartition(".")
        if self.state.grad_mode is False and own is not None and self.file_index.switches_grad_on(
                f"self.{name}" if owner else name, owner or None) is False:
            return result.but(grad=False, leaf=None, freed=False, saves=False)
        unknown_graph = returned.grad is not False
        return result.but(grad=None if unknown_graph else False, leaf=None if unknown_graph else returned.leaf,
                          freed=False, saves=False)

    def _built_module(self, cls: str, call: cst.Call) -> Value:
        """A torch.nn module built here: its parameters require grad; a container's are those
        of the modules it was given, where they are known to."""
        if cls in PARAMETER_CONTAINERS:  # its items are parameters (tensors), not modules
            return UNKNOWN
        if cls in torchapi.PARAMETERLESS_MODULES:
            return Value(kind=MODULE, no_parameters=True)
        if cls in CONTAINER_MODULES:
            parts = [self.value(arg.value) for arg in call.args if not arg.star]
            known = parts and not any(a.star for a in call.args) and all(p.trainable or p.no_parameters for p in parts)
            if known and all(p.no_parameters for p in parts):
                return Value(kind=MODULE, no_parameters=True)
            return Value(kind=MODULE, trainable=True if known else None)
        attrs = {"weight", "bias"}
        for keyword in ("bias", "affine", "elementwise_affine"):
            flag = keyword_arg(call, keyword)
            if flag is not None and literal_bool(flag) is not True:
                attrs -= {"bias"} if keyword == "bias" else attrs  # off, or unknown
        return Value(kind=MODULE, trainable=True, param_attrs=frozenset(attrs))

    def _evaluate_torch_call(self, name: str, call: cst.Call) -> Value:
        if name in torchapi.LOADERS:
            return Value(loaded_by=frozenset((call,)))
        if name == "torch.autograd.grad":
            graph = keyword_arg(call, "create_graph")  # or the fifth argument
            positional = [arg for arg in call.args if arg.keyword is None]
            graph = positional[4].value if graph is None and len(positional) > 4 else graph
            off = graph is None and not any(arg.star for arg in call.args) or graph is not None and literal_bool(graph) is False
            return Value(kind=GRADIENTS, grad=False if off else None)
        namespace, _, last = name.rpartition(".")
        if namespace == "torch" and last in torchapi.FACTORIES:
            flag = keyword_arg(call, "requires_grad")
            grad = False if flag is None else literal_bool(flag)
            return Value(tensor=True, grad=grad, leaf=True, kind=FACTORY, integral=self._makes_integers(last, call),
                         vector_of_one=_makes_vector_of_one(last, call))
        if namespace.startswith("torch.optim") and last[:1].isupper() and call.args:
            params = self.value(call.args[0].value)
            if params.kind in PARAMETER_KINDS and params.modules:
                return Value(kind=OPTIMIZER, modules=params.modules)
            # torch.optim's own classes (not its schedulers' or swa_utils' namespaces): an
            # optimizer of parameters not known
            return Value(kind=OPTIMIZER) if namespace == "torch.optim" else UNKNOWN
        if namespace == "torch.nn" and last[:1].isupper() and last != "Parameter":
            # A loss class (AdaptiveLogSoftmaxWithLoss is a layer); zero_dim: what calling it gives.
            if last.endswith("Loss") and last != "AdaptiveLogSoftmaxWithLoss":
                return Value(kind=LOSS_FUNCTION, zero_dim=reduces_to_zero_dim(call))
            return self._built_module(last, call)
        if name == "torch.nn.Parameter":
            flag = keyword_arg(call, "requires_grad")
            if flag is None and len(call.args) >= 2 and call.args[1].keyword is None:
                flag = call.args[1].value
            return Value(tensor=True, grad=True if flag is None else literal_bool(flag), leaf=True)
        if name == "torch.autograd.Variable":
            # Since PyTorch 0.4 `Variable(t)` is a new leaf sharing t's storage, as `t.detach()`
            # is, that requires grad only where its second argument asks: t's graph is cut.
            wrapped = self.value(call.args[0].value) if call.args else UNKNOWN
            volatile = next((arg for arg in call.args if arg.keyword is not None and arg.keyword.value == "volatile"), None)
            flags = set(wrapped.volatile)
            if volatile is not None and literal_bool(volatile.value) is not False:
                flags.add(volatile)
            flag = keyword_arg(call, "requires_grad")
            if flag is None and len(call.args) >= 2 and call.args[1].keyword is None:
                flag = call.args[1].value  # `Variable(x, volatile)` (an old signature) asks for grad
            return Value(tensor=True, grad=False if flag is None else literal_bool(flag), leaf=True,
                         zero_dim=wrapped.zero_dim, integral=wrapped.integral, vector_of_one=wrapped.vector_of_one,
                         placed=wrapped.placed, volatile=frozenset(flags))
        if last in torchapi.NON_DIFFERENTIABLE and namespace == "torch":
            whole = last in torchapi.WHOLE_REDUCTIONS and _without_dim(call, positional=1)
            return Value(tensor=True, grad=False, integral=last in torchapi.INTEGRAL_RESULTS, zero_dim=whole)
        if (
            any(name == ns + last for ns in torchapi.OP_NAMESPACES)
            and last[:1].islower()
            and last not in torchapi.NOT_TENSOR_OPS
        ):
            operands = self._operands(call.args)
            result = op_result(operands, self.state.grad_mode, saves=last in torchapi.SAVING_OPS)
            if torchapi.is_loss_function(name):
                result = result.but(zero_dim=reduces_to_zero_dim(call))
                if result.grad is not False:
                    result = result.but(kind=LOSS)
            elif last in torchapi.FULL_REDUCTIONS and (
                _without_dim(call, positional=1) or last == "norm" and _norm_of_all(call, inputs=1)
            ):
                result = result.but(zero_dim=True)
            return result.but(tensor=True, saved_itself=last in torchapi.OUTPUT_SAVING_OPS and result.grad is not False)
        return UNKNOWN

    def _makes_integers(self, factory: str, call: cst.Call) -> bool:
        """Whether the torch factory `factory` called so gives an integer or bool tensor: an
        integer dtype given, an integral factory, numbers that are all integers where the
        dtype follows them (`torch.tensor([1, 2])`, `torch.arange(5)`, `torch.full(s, 3)`), or
        the tensor a `*_like` factory copies the dtype of."""
        dtype = keyword_arg(call, "dtype")
        if dtype is not None:
            return (self.qualname(dtype) or "").rpartition(".")[2] in torchapi.INTEGER_DTYPES
        if factory in torchapi.INTEGRAL_FACTORIES:
            return True
        positional = [a.value for a in call.args if a.keyword is None and not a.star]
        if factory.endswith("_like") and positional:
            return self.value(positional[0]).integral
        if factory not in torchapi.INFERRING_FACTORIES or not positional or any(a.star for a in call.args):
            return False
        numbers = positional[1:2] if factory == "full" else positional
        return all(_integer_literals(number) for number in numbers)

    def _operands(self, args) -> list:
        """The values an op computes with: its arguments, by position or keyword (`query=q`),
        lists spread (`torch.cat([a, b])`), unknown for `*args` and `**kwargs`."""
        operands = []
        for arg in args:
            if arg.star:
                operands.append(UNKNOWN)
            elif arg.keyword is None or arg.keyword.value not in NON_TENSOR_KEYWORDS:
                operands += [self.value(operand) for operand in spread(arg.value)]
        return operands

    def _evaluate_method(self, call: cst.Call, func: cst.Attribute) -> Value:
        method = func.attr.value
        receiver = self.value(func.value)
        if receiver.kind in (MODULE, LOSS_FUNCTION) and method in MODULE_METHODS_RETURNING_SELF:
            return receiver  # `nn.MSELoss().cuda()`, `net.to(device)`: the module itself
        if receiver.loaded_by and method in MOVES_AND_SWITCHES:
            return receiver  # `torch.load(f).to(device)`: still what the file held, moved
        if method == "detach":
            alias = receiver.alias or (call if _held_elsewhere(func.value) else None)
            return Value(tensor=True, grad=False, leaf=True, alias=alias, zero_dim=receiver.zero_dim, placed=receiver.placed)
        if method in torchapi.MOVES:
            placed = _place_of_move(call, method)
            if placed is not None and receiver.placed == placed:
                return receiver  # already there: `.to()` gives back the tensor itself (a leaf stays one)
        if method in ("numpy", "tolist"):  # a 0-dim tensor gives a 0-d array, or a number
            return CONSTANT.but(zero_dim=receiver.zero_dim)
        if method in torchapi.NON_TENSOR_METHODS:
            return CONSTANT
        if method in ("parameters", "named_parameters"):
            return Value(
                kind=PARAMETERS if method == "parameters" else NAMED_PARAMETERS,
                modules=self._owner_of(func.value),
                trainable=receiver.trainable if receiver.kind == MODULE else None,
            )
        if method in ("backward", "retain_grad"):
            return CONSTANT
        if method == "requires_grad_":
            flag = literal_bool(first_arg(call, "requires_grad")) if call.args else True
            leaf = True if receiver.grad is False else receiver.leaf
            return receiver.but(tensor=True, grad=flag, leaf=leaf if flag else None, kind=None)
        if method in torchapi.NON_DIFFERENTIABLE:
            whole = method in torchapi.WHOLE_REDUCTIONS and _without_dim(call, positional=0) and self._reduces_to_one(
                receiver, method, func.value
            )
            return Value(tensor=receiver.tensor or method in torchapi.TORCH_ONLY_METHODS, grad=False,
                         integral=method in torchapi.INTEGRAL_RESULTS, zero_dim=whole)
        if method in torchapi.TENSOR_METHODS or torchapi.is_inplace_method(method):
            operands = [receiver]
            if method in BINARY_METHODS or torchapi.is_inplace_method(method):
                operands += self._operands(call.args)
            result = op_result(operands, self.state.grad_mode, saves=method in torchapi.SAVING_OPS)
            result = result.but(
                tensor=receiver.tensor or method in torchapi.TORCH_ONLY_METHODS,
                saved_itself=method in torchapi.OUTPUT_SAVING_OPS and result.grad is not False,
            )
            if method in torchapi.VIEW_METHODS:
                result = result.but(alias=receiver.alias, data_of=receiver.data_of)
            if method in torchapi.MOVES:
                result = result.but(placed=_place_of_move(call, method))
            elif method in torchapi.SAME_PLACE_METHODS:
                result = result.but(placed=receiver.placed)
            elementwise = method.rstrip("_") in torchapi.SHAPE_KEEPING_METHODS  # `mul_` keeps the shape as `mul` does
            if method in torchapi.FULL_REDUCTIONS and (_without_dim(call, positional=0) or method == "norm" and _norm_of_all(call)):
                if self._reduces_to_one(receiver, method, func.value):
                    result = result.but(zero_dim=True)
            elif method in torchapi.FULL_REDUCTIONS and receiver.one_dim and _over_first_dim(call):
                result = result.but(zero_dim=True)  # `correct[:k].view(-1).float().sum(0)`
            elif elementwise and _broadcast_zero_dim([receiver, *operands[1:]]):
                result = result.but(zero_dim=True)
            elif elementwise and receiver.one_dim and all(v.kind == PYTHON or v.zero_dim for v in operands[1:]):
                result = result.but(one_dim=True)
            if method in ("view", "reshape") and _flat_shape(call) or method == "flatten" and not call.args:
                result = result.but(one_dim=True)
            if method in torchapi.SHAPE_KEEPING_METHODS and receiver.vector_of_one and len(operands) == 1:
                result = result.but(vector_of_one=True)  # `one.cuda()`, `one.float()`
            return result
        return self._opaque_call(call, (receiver,))

    def _reduces_to_one(self, receiver: Value, method: str, expr: cst.BaseExpression) -> bool:
        """Whether `method` reducing every element of `receiver` (`x.sum()`, `x.argmax()`)
        gives a 0-dim value: a tensor's and a numpy array's (a scalar) do, and so does that of
        a receiver not known to be anything else, where the method's name is only numeric
        (not `registry.all()`), the code imports no library of tables (`df.sum()` is a row that
        an index reads) and the receiver is no instance of the file's classes, nor `self`
        (`self.norm(x)` calls a layer the class holds)."""
        if receiver.tensor or receiver.kind in CARRIES_GRAPH:
            return True
        return (
            method not in torchapi.GENERIC_METHOD_NAMES
            and receiver.kind in (None, PYTHON, FACTORY)
            and not self.imports.tables
            and not (isinstance(expr, cst.Name) and expr.value == "self")
        )


def _through_instance(result: Value, returned: Value, func: cst.BaseExpression) -> Value:
    """`result` of a call of a method on an instance (`gan.generate(z)`), with the modules
    of the instance its graph runs through as the caller names them (`self.generator` of
    the method's own summary: `gan.generator`)."""
    holder = dotted_name(func.value) if isinstance(func, cst.Attribute) else None
    if holder is None or not returned.modules:
        return result
    return result.but(modules=result.modules | {holder + name[len("self"):] for name in returned.modules})


def _over_first_dim(call: cst.Call) -> bool:
    """A reduction given only the dim 0 (or -1), without keepdim: `x.sum(0)`, `x.mean(dim=-1)`."""
    if len(call.args) != 1 or call.args[0].star:
        return False
    arg = call.args[0]
    if arg.keyword is not None and arg.keyword.value != "dim":
        return False
    return _integer_value(arg.value) in (0, -1)


def _one_integer(expr: cst.Subscript) -> bool:
    """`xs[0]`, `xs[-1]`: one element, not a slice."""
    return len(expr.slice) == 1 and isinstance(expr.slice[0].slice, cst.Index) and (
        _integer_value(expr.slice[0].slice.value) is not None
    )


def _flat_shape(call: cst.Call) -> bool:
    """`x.view(-1)`, `x.reshape(-1)`: one dimension."""
    return len(call.args) == 1 and call.args[0].keyword is None and not call.args[0].star and _integer_value(call.args[0].value) == -1


def _integer_value(expr: cst.BaseExpression) -> Optional[int]:
    if isinstance(expr, cst.UnaryOperation) and isinstance(expr.operator, cst.Minus) and isinstance(expr.expression, cst.Integer):
        return -int(expr.expression.value)
    return int(expr.value) if isinstance(expr, cst.Integer) and expr.value.isdigit() else None


def _place_of_move(call: cst.Call, method: str) -> Optional[str]:
    """How a move names its place: `device` for `x.to(device)` and `x.to(device=device)`,
    `cuda` for `x.cuda()`; None where it says nothing plainly (`x.to(other)`, `x.to(dev, dtype)`)."""
    if method in ("cuda", "cpu"):
        return method if not call.args else None
    if len(call.args) != 1 or call.args[0].star or (call.args[0].keyword and call.args[0].keyword.value != "device"):
        return None
    where = call.args[0].value
    if isinstance(where, cst.SimpleString):
        return where.value
    return dotted_name(where)


def _makes_vector_of_one(factory: str, call: cst.Call) -> bool:
    """Whether a torch factory called so gives a 1-D tensor of one element: data of one number
    (`torch.FloatTensor([1])`, `torch.tensor([-1.])`) or a size of 1 (`torch.ones(1)`)."""
    positional = [a.value for a in call.args if a.keyword is None]
    if len(positional) != (2 if factory == "full" else 1) or any(a.star for a in call.args):
        return False
    first = positional[0]
    if factory in torchapi.DATA_FACTORIES:
        return isinstance(first, cst.List) and len(first.elements) == 1 and _is_number(first.elements[0].value)
    if factory in torchapi.SIZED_FACTORIES:
        if isinstance(first, (cst.List, cst.Tuple)):
            return len(first.elements) == 1 and _is_one(first.elements[0].value)
        return _is_one(first)
    return False


def _is_number(expr: cst.BaseExpression) -> bool:
    if isinstance(expr, cst.UnaryOperation) and isinstance(expr.operator, cst.Minus):
        expr = expr.expression
    return isinstance(expr, (cst.Integer, cst.Float))


def _is_one(expr: cst.BaseExpression) -> bool:
    return isinstance(expr, cst.Integer) and expr.value == "1"


def _integer_literals(expr: cst.BaseExpression) -> bool:
    """Integers and booleans written out, alone or in (nested) lists and tuples: what
    `torch.tensor` makes an int64 (or bool) tensor of."""
    if isinstance(expr, cst.UnaryOperation) and isinstance(expr.operator, cst.Minus):
        expr = expr.expression
    if isinstance(expr, (cst.List, cst.Tuple)):
        return bool(expr.elements) and all(_integer_literals(e.value) for e in expr.elements)
    return isinstance(expr, cst.Integer) or isinstance(expr, cst.Name) and expr.value in ("True", "False")


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


def reduces_to_zero_dim(call: cst.Call) -> bool:
    """Whether a torch loss called (or built) like this gives a 0-dim result: unless
    `reduction=` is anything but "mean" or "sum", or the pre-1.0 `reduce=` is given."""
    reduction = keyword_arg(call, "reduction")
    if reduction is not None and not (
        isinstance(reduction, cst.SimpleString) and reduction.evaluated_value in ("mean", "sum")
    ):
        return False
    reduce = keyword_arg(call, "reduce")
    return reduce is None or literal_bool(reduce) is True


def _without_dim(call: cst.Call, positional: int) -> bool:
    """A reduction over every element: `positional` positional arguments (the input, for a
    function), no more, and no keyword but `dtype`."""
    args = [a for a in call.args if a.keyword is None]
    return len(args) == positional and not any(a.star for a in call.args) and all(
        a.keyword.value == "dtype" for a in call.args if a.keyword is not None
    )


def _norm_of_all(call: cst.Call, inputs: int = 0) -> bool:
    """`x.norm(2)`, `torch.norm(x, p=1)`: a norm of every element (the first argument after
    the `inputs` is `p`, not a dim)."""
    args = call.args[inputs:]
    return len(args) <= 1 and not any(a.star for a in call.args) and all(
        a.keyword is None or a.keyword.value in ("p", "dtype") for a in args
    )


def arithmetic_result(left: tuple, right: tuple, operator: cst.CSTNode, grad_mode: Tri, saves: bool = False) -> Value:
    """The value of `left <operator> right` (each an (expression, its Value) pair) for an
    arithmetic operator, plain or augmented: its shape where the operands tell it, and for a
    loss made elementwise its terms (the local names among the operands, and their terms)."""
    (left_expr, left), (right_expr, right) = left, right
    result = op_result((left, right), grad_mode, saves=saves)
    if _broadcast_zero_dim((left, right)):
        result = result.but(zero_dim=True)
    elif any(v.vector_of_one for v in (left, right)) and all(v.vector_of_one or v.zero_dim or v.kind == PYTHON for v in (left, right)):
        result = result.but(vector_of_one=True)  # `one * -1`: still shape [1]
    if result.kind in (LOSS, OUTPUT, None) and isinstance(operator, TERM_OPERATORS):
        names = frozenset(expr.value for expr in (left_expr, right_expr) if isinstance(expr, cst.Name))
        result = result.but(terms=names | left.terms | right.terms)
    return result


def _broadcast_zero_dim(values) -> bool:
    """Elementwise on 0-dim tensors and Python numbers: a 0-dim result."""
    values = list(values)
    return any(v.zero_dim for v in values) and all(v.zero_dim or v.kind == PYTHON for v in values)


def _summarised(summary: str, arguments: list, pending: frozenset, grad_mode) -> Value:
    """The value a call of a summarised function of the file gives (summaries.py)."""
    if summary == summaries.PYTHON_RESULT:
        return CONSTANT
    if summary == summaries.DETACHED:
        return Value(grad=False, pending=pending)
    if summary in (summaries.LOSS_RESULT, summaries.REDUCED_LOSS):
        return Value(kind=LOSS, pending=pending, saves=True, zero_dim=summary == summaries.REDUCED_LOSS)
    return op_result(arguments, grad_mode)


PARAMETER_KINDS = (PARAMETERS, NAMED_PARAMETERS)


def _parameters_of(values) -> Value:
    """Parameters gathered from several (`chain(a.parameters(), b.parameters())`, groups)."""
    values = list(values)
    if not all(v.kind in PARAMETER_KINDS for v in values):
        return UNKNOWN
    kind = PARAMETERS if all(v.kind == PARAMETERS for v in values) else UNKNOWN.kind
    return Value(kind=kind, modules=frozenset().union(*(v.modules for v in values)))


def _is_string(expr: Optional[cst.BaseExpression], text: str) -> bool:
    return isinstance(expr, cst.SimpleString) and expr.evaluated_value == text


def _is_class_name(name: str) -> bool:
    """A capitalised name with lower-case letters (`ContentLoss`, `Content_Loss`): by Python's
    convention a class, whose call builds an instance; `G`, `D` and `QN` are often instances."""
    return name[:1].isupper() and any(char.islower() for char in name)
