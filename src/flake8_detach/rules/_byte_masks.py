"""Masks of dtype uint8 (DET507), found on Python's `ast` of the whole file: replay buffers
keep their `done` flags in a `np.uint8` array that one method fills and another returns in a
tuple, and the training step that masks with them is in a third class.

What is followed, where every binding agrees: numpy and torch factories given `dtype=uint8`,
`torch.ByteTensor(...)`, `.byte()`, `.astype(uint8)`, indexing, `torch.tensor`/`as_tensor`/
`from_numpy` of a uint8 array, device moves; local names (every binding of a name in its
function must agree); `self.<attribute>` (every assignment in the class must agree); instances
of the file's classes bound to `self.<attribute>`; and what the file's methods return, element by
element for a tuple. Anything else is unknown."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Iterator, Optional, Union

from .. import torchapi
from ..syntax.ast_syntax import FUNCTIONS, dotted, module_level, scope_nodes, self_attribute, statements
from ..analysis.imports import ImportTable

ARRAY, TENSOR = "a uint8 array", "a uint8 tensor"
MASK_METHODS = frozenset("masked_fill masked_fill_ masked_select masked_scatter masked_scatter_".split())
MOVES = frozenset("to cuda cpu contiguous clone detach".split())  # keep the dtype (given no dtype)
TENSOR_FROM_ARRAY = frozenset("tensor as_tensor from_numpy".split())
TENSOR_RESULTS = torchapi.TENSOR_METHODS  # methods of a tensor that give a tensor (or a tuple of them)
NUMPY_FACTORIES = frozenset("zeros ones empty full array asarray zeros_like ones_like empty_like full_like".split())
# Methods a torch tensor has and a numpy array (whose uint8 index is an integer index, not a
# mask) has not: a value they are called on, or that one of them computes, is a tensor.
TENSOR_ONLY_METHODS = frozenset(
    "detach unsqueeze gather index_select cuda requires_grad_ backward masked_fill masked_fill_ "
    "permute expand expand_as view_as contiguous long half".split()
)

Fact = Union[str, tuple, None]  # ARRAY, TENSOR, ("instance", class), ("tuple", facts), None


@dataclass(frozen=True)
class MaskUse:
    node: ast.AST  # the statement or call that masks
    mask: ast.expr
    dtype: str  # ARRAY or TENSOR
    how: str  # "writing a number through it", "masked_fill_() with it"


def uint8_mask_uses(tree: ast.Module, imports: ImportTable) -> list:
    """The MaskUses of the file: in each function, method and the module-level code."""
    facts = _FileFacts(tree, imports)
    found: list = []
    for scope, cls in [*facts.functions(), (tree, None)]:
        candidates = _masking(scope.body, imports)
        if candidates:  # only then are the scope's names worth knowing
            found += facts.uint8_uses(candidates, scope, cls)
    return found


class _FileFacts:
    """What the file's names, attributes and methods hold, worked out as they are asked for."""

    def __init__(self, tree: ast.Module, imports: ImportTable) -> None:
        self.tree = tree
        self.imports = imports
        self.numpy = {
            alias.asname or alias.name
            for node in module_level(tree.body)
            if isinstance(node, ast.Import)
            for alias in node.names
            if alias.name == "numpy"
        }
        self.classes = {node.name: node for node in module_level(tree.body) if isinstance(node, ast.ClassDef)}
        self._attributes: dict = {}
        self._returns: dict = {}

    def functions(self) -> Iterator[tuple]:
        for node in module_level(self.tree.body):
            if isinstance(node, FUNCTIONS):
                yield node, None
            elif isinstance(node, ast.ClassDef):
                for method in node.body:
                    if isinstance(method, FUNCTIONS):
                        yield method, node.name

    # ---- what values are ------------------------------------------------------------

    def fact(self, expr: ast.expr, env: dict, cls: Optional[str]) -> Fact:
        """What `expr` is, in a scope whose local names hold `env`, in a method of `cls`."""
        if isinstance(expr, ast.Name):
            return env.get(expr.id)
        if isinstance(expr, ast.Attribute):
            attribute = self_attribute(expr)
            if attribute is not None and cls is not None:
                return self.attributes(cls).get(attribute)
            return None
        if isinstance(expr, ast.Subscript):
            base = self.fact(expr.value, env, cls)
            return base if base in (ARRAY, TENSOR) else None
        if isinstance(expr, ast.Tuple):
            return ("tuple", tuple(self.fact(e, env, cls) for e in expr.elts))
        if isinstance(expr, ast.Call):
            return self._call_fact(expr, env, cls)
        return None

    def _call_fact(self, call: ast.Call, env: dict, cls: Optional[str]) -> Fact:
        func = call.func
        name = dotted(func) or ""
        qualname = self.imports.qualname_of_dotted(name) or ""
        head, _, last = name.rpartition(".")
        dtype = next((k.value for k in call.keywords if k.arg == "dtype"), None)
        if head in self.numpy and last in NUMPY_FACTORIES:
            return ARRAY if dtype is not None and self._is_uint8(dtype) else None
        if qualname == "torch.ByteTensor":
            return TENSOR
        if qualname.startswith("torch.") and dtype is not None:
            return TENSOR if self._is_uint8(dtype) else None
        if qualname.rpartition(".")[2] in TENSOR_FROM_ARRAY and qualname.startswith("torch."):
            return TENSOR if call.args and self.fact(call.args[0], env, cls) in (ARRAY, TENSOR) else None
        if isinstance(func, ast.Attribute):
            if func.attr == "byte" and not call.args:
                return TENSOR
            if func.attr == "astype" and call.args and self._is_uint8(call.args[0]):
                return ARRAY
            receiver = self.fact(func.value, env, cls)
            if func.attr in MOVES and receiver in (ARRAY, TENSOR) and not call.keywords:
                return receiver if all(self._is_device(a) for a in call.args) else None
            if isinstance(receiver, tuple) and receiver[0] == "instance":
                return self.returns(receiver[1], func.attr)
            if isinstance(func.value, ast.Name) and func.value.id == "self" and cls is not None:
                return self.returns(cls, func.attr)
        if isinstance(func, ast.Name) and func.id in self.classes:
            return ("instance", func.id)
        return None

    def _is_uint8(self, expr: ast.expr) -> bool:
        if isinstance(expr, ast.Constant):
            return expr.value == "uint8"
        name = dotted(expr) or ""
        head, _, last = name.rpartition(".")
        return last == "uint8" and (head in self.numpy or self.imports.qualname_of_dotted(name) == "torch.uint8")

    @staticmethod
    def _is_device(expr: ast.expr) -> bool:
        """A device, not a dtype or a tensor whose dtype `.to()` would take."""
        if isinstance(expr, ast.Constant):
            return isinstance(expr.value, str) and not expr.value.startswith(("torch.", "float", "int", "bool"))
        if isinstance(expr, ast.Call):
            return (dotted(expr.func) or "").endswith("device")
        return "device" in (dotted(expr) or "").rpartition(".")[2]

    # ---- what names, attributes and methods hold ----------------------------------------

    def locals_of(self, function: ast.AST, cls: Optional[str]) -> dict:
        """Local name -> Fact, where every binding of the name in `function` agrees."""
        env: dict = {}
        bindings = sorted(statements(function.body, skip_definitions=True), key=lambda n: (n.lineno, n.col_offset))
        for _ in range(2):  # in source order; a second pass sees names bound after their use
            seen: dict = {}
            current = dict(env)
            for node in bindings:
                for name, fact in self._bindings(node, current, cls):
                    seen[name] = fact if seen.get(name, fact) == fact else None
                    current[name] = seen[name]
            env = {name: fact for name, fact in seen.items() if fact is not None}
        return env

    def _bindings(self, node: ast.stmt, env: dict, cls: Optional[str]) -> list:
        if isinstance(node, ast.Assign):
            value = self.fact(node.value, env, cls)
            return [pair for target in node.targets for pair in _unpacked(target, value)]
        if isinstance(node, (ast.AugAssign, ast.AnnAssign, ast.For, ast.AsyncFor)):
            return [(name, None) for name in _names(node.target)]
        if isinstance(node, (ast.With, ast.AsyncWith)):
            return [(name, None) for item in node.items if item.optional_vars for name in _names(item.optional_vars)]
        if isinstance(node, (*FUNCTIONS, ast.ClassDef)):
            return [(node.name, None)]
        return []

    def attributes(self, cls: str) -> dict:
        """`self.<attribute>` -> Fact, where every assignment to it in the class agrees."""
        if cls not in self._attributes:
            self._attributes[cls] = {}  # while being computed: unknown
            seen: dict = {}
            for method in self._methods(cls):
                env = self.locals_of(method, None)
                for node in statements(method.body, skip_definitions=True):
                    if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
                        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                        value = self.fact(node.value, env, None) if isinstance(node, ast.Assign) else None
                        for target in targets:
                            for attribute, fact in _unpacked_attributes(target, value):
                                seen[attribute] = fact if seen.get(attribute, fact) == fact else None
            self._attributes[cls] = {a: f for a, f in seen.items() if f is not None}
        return self._attributes[cls]

    def _methods(self, cls: str, seen: frozenset = frozenset()) -> list:
        """The methods of `cls` and, after them, of its bases in the file."""
        node = self.classes.get(cls)
        if node is None or cls in seen:
            return []
        own = [m for m in node.body if isinstance(m, FUNCTIONS)]
        inherited = [m for base in node.bases if isinstance(base, ast.Name) for m in self._methods(base.id, seen | {cls})]
        return own + inherited

    def returns(self, cls: str, method_name: str) -> Fact:
        """What every `return` of the method `cls.method_name` gives, where they agree."""
        key = (cls, method_name)
        if key not in self._returns:
            self._returns[key] = None  # recursion: unknown
            method = next((m for m in self._methods(cls) if m.name == method_name), None)
            if method is not None:
                env = self.locals_of(method, cls)
                facts = {
                    self.fact(node.value, env, cls) if node.value is not None else None
                    for node in statements(method.body, skip_definitions=True)
                    if isinstance(node, ast.Return)
                }
                self._returns[key] = facts.pop() if len(facts) == 1 else None
        return self._returns[key]

    # ---- where a uint8 mask is used ------------------------------------------------------

    def uint8_uses(self, candidates: list, scope: ast.AST, cls: Optional[str]) -> list:
        env = self.locals_of(scope, cls)
        found = []
        for node, mask, method in candidates:
            dtype = self.fact(mask, env, cls)
            if method is not None and dtype == TENSOR:
                found.append(MaskUse(node, mask, dtype, f"{method}() with it"))
            elif method is None and dtype in (ARRAY, TENSOR) and self._is_tensor(node.targets[0].value, cls, scope.body):
                found.append(MaskUse(node, mask, dtype, "writing a number through it"))
        return found

    def _is_tensor(self, expr: ast.expr, cls: Optional[str], body: list, visiting: frozenset = frozenset()) -> bool:
        """Whether every binding of the local `expr` is computed by torch, is an output of a
        torch.nn module of the file (`_, v = self.critic.forward(s)`), ends in a method only a
        tensor has (`net(s).gather(1, a)`), or is got from such a local by tensor methods and
        indexing (`q = q.max(dim=1)[0]`); or whether the scope calls a method only a tensor has
        on it after its last binding (`q = tgt_net(s).max(1)[0]` ... `q.detach()`)."""
        if not isinstance(expr, ast.Name):
            return False
        values = [
            node.value
            for node in statements(body, skip_definitions=True)
            if isinstance(node, ast.Assign) and any(expr.id in _names(t) for t in node.targets)
        ]
        grounded = False
        # A method only a tensor has, called on the name after its last binding (or in it:
        # `q = q.detach()`), shows what every binding gave it to be a tensor.
        last = max((value.lineno for value in values), default=None)
        used_as_tensor = last is not None and any(line >= last for line in _tensor_uses(expr.id, body))
        for value in values:
            if self._computed_by_torch(value, cls) or _computed_as_tensor(value) or used_as_tensor:
                grounded = True
                continue
            root = _tensor_method_root(value)
            if root is None:
                return False
            if root.id == expr.id or root.id in visiting:
                continue  # decided by the other bindings
            if not self._is_tensor(root, cls, body, visiting | {expr.id}):
                return False
            grounded = True
        return grounded

    def _computed_by_torch(self, value: ast.expr, cls: Optional[str]) -> bool:
        for node in scope_nodes([value]):
            if isinstance(node, ast.Call):
                name = dotted(node.func) or ""
                if (self.imports.qualname_of_dotted(name) or "").startswith("torch."):
                    return True
                receiver = name[: -len(".forward")] if name.endswith(".forward") else name
                owner = receiver.partition(".")
                if owner[0] == "self" and cls is not None and owner[2]:
                    held = self.attributes(cls).get(owner[2])
                    if isinstance(held, tuple) and held[0] == "instance" and self._is_module_class(held[1]):
                        return True
        return False

    def _is_module_class(self, cls: str) -> bool:
        node = self.classes.get(cls)
        return node is not None and any(
            self.imports.qualname_of_dotted(dotted(base)) == "torch.nn.Module" for base in node.bases
        )


def _unpacked(target: ast.expr, value: Fact) -> list:
    if isinstance(target, ast.Name):
        return [(target.id, value if not (isinstance(value, tuple) and value[0] == "tuple") else None)]
    if isinstance(target, (ast.Tuple, ast.List)):
        parts = value[1] if isinstance(value, tuple) and value[0] == "tuple" else ()
        if len(parts) != len(target.elts) or any(isinstance(e, ast.Starred) for e in target.elts):
            parts = (None,) * len(target.elts)
        return [pair for element, part in zip(target.elts, parts) for pair in _unpacked(element, part)]
    return [(name, None) for name in _names(target)]


def _unpacked_attributes(target: ast.expr, value: Fact) -> list:
    attribute = self_attribute(target)
    if attribute is not None:
        return [(attribute, value if not (isinstance(value, tuple) and value[0] == "tuple") else None)]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [pair for element in target.elts for pair in _unpacked_attributes(element, None)]
    return []


def _names(target: ast.AST) -> set:
    """The names a target binds (not those read in `a[i] = ...` or `a.b = ...`)."""
    if isinstance(target, ast.Name):
        return {target.id}
    if isinstance(target, ast.Starred):
        return _names(target.value)
    if isinstance(target, (ast.Tuple, ast.List)):
        return set().union(*(_names(element) for element in target.elts))
    return set()


def _computed_as_tensor(value: ast.expr) -> bool:
    """`value` is a method only a tensor has, then tensor methods and indexing on its result
    (`net(s).gather(1, a).squeeze(-1)`)."""
    while True:
        if isinstance(value, ast.Subscript):
            value = value.value
        elif isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute):
            if value.func.attr in TENSOR_ONLY_METHODS:
                return True
            if value.func.attr not in TENSOR_RESULTS:
                return False
            value = value.func.value
        else:
            return False


def _tensor_uses(name: str, body: list) -> list:
    """The lines where the scope calls a method only a tensor has on the local `name`."""
    return [
        node.lineno for node in scope_nodes(body, skip_definitions=True)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
        and node.func.attr in TENSOR_ONLY_METHODS
        and isinstance(node.func.value, ast.Name) and node.func.value.id == name
    ]


def _tensor_method_root(expr: ast.expr) -> Optional[ast.Name]:
    """The local at the root of `expr` when `expr` is only tensor methods and indexing on it."""
    while not isinstance(expr, ast.Name):
        if isinstance(expr, ast.Subscript):
            expr = expr.value
        elif isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr in TENSOR_RESULTS:
            expr = expr.func.value
        else:
            return None
    return expr


def _is_number(expr: ast.expr) -> bool:
    if isinstance(expr, ast.UnaryOp) and isinstance(expr.op, (ast.USub, ast.UAdd)):
        expr = expr.operand
    return isinstance(expr, ast.Constant) and type(expr.value) in (int, float, bool)


def _masking(body: list, imports: ImportTable) -> list:
    """(node, mask, masking method or None) for each `t[mask] = <number>` and each
    `t.masked_fill(mask, ...)`, `torch.masked_select(t, mask)` and the like in `body`, not in
    its definitions."""
    found = []
    for node in statements(body, skip_definitions=True):
        target = node.targets[0] if isinstance(node, ast.Assign) and len(node.targets) == 1 else None
        if isinstance(target, ast.Subscript) and _is_number(node.value):
            found.append((node, target.slice, None))
        for call in _calls_in(node):
            func = call.func
            if not isinstance(func, ast.Attribute) or func.attr not in MASK_METHODS:
                continue
            # torch's function takes the tensor first and the mask second
            function = imports.qualname_of_dotted(dotted(func) or "") == f"torch.{func.attr}"
            mask = call.args[1 if function else 0] if len(call.args) > function else None
            mask = next((k.value for k in call.keywords if k.arg == "mask"), mask)
            if mask is not None:
                found.append((call, mask, func.attr))
    return found


def _calls_in(node: ast.stmt) -> list:
    """The calls in a simple statement, or in a compound statement's header."""
    if isinstance(node, (*FUNCTIONS, ast.ClassDef)):
        return []
    parts = [getattr(node, name) for name in ("test", "iter", "items", "value", "targets", "subject") if hasattr(node, name)]
    flat = [p for part in parts for p in (part if isinstance(part, list) else [part]) if isinstance(p, ast.AST)]
    return [n for n in scope_nodes(flat) if isinstance(n, ast.Call)]
