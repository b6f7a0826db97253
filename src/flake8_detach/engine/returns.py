"""What calling a function of the file returns, read by walking its body once per file: the
facts its `return`s agree on that hold for any arguments and wherever it is called (a 0-dim
loss, a graph already freed by its own backward(), a module it builds), none of the facts
that name its own locals or nodes."""

from __future__ import annotations

from typing import Optional

import libcst as cst

from ..analysis.file_index import SUMMARY_DEPTH
from ..syntax.source_lines import WRAPPER
from .facts import Value



def returned_value(index, name: str, depth: int) -> Optional[Value]:
    """The Value a call of the file's function `name` (or of its method `Class.method` on an
    instance of that class) gives, or None where unknown. `index`:
    the file's FileIndex; `depth`: how many summaries are being made around this one."""
    returned = _returned(index, name, depth)
    return returned if isinstance(returned, Value) else None


def returned_elements(index, name: str, depth: int) -> Optional[tuple]:
    """The Values of the elements of the tuple every `return` of the function `name` writes
    out (`return loss, accuracy`), or None."""
    returned = _returned(index, name, depth)
    return returned if isinstance(returned, tuple) else None


def _returned(index, name: str, depth: int):
    cache = index.returned_values
    if name in cache:
        return cache[name]
    owner, _, method = name.rpartition(".")  # `Class.method`, or a function's name
    node = index.summarisable_methods.get(name) if owner else index.summarisable_functions.get(name)
    if node is None or depth >= SUMMARY_DEPTH:
        return None
    cache[name] = None  # while it is being made: a recursive call is unknown
    code = "".join(index.lines[node.lineno - 1 : node.end_lineno])
    try:
        module = cst.parse_module(WRAPPER + code if owner else code)  # a method is indented
    except (cst.ParserSyntaxError, RecursionError, MemoryError):
        return None
    from .walker import Walker  # the walker evaluates calls with this module: imported when used

    walker = Walker(module, index, owner or None, backward_written="backward" in code)
    walker.evaluator.summary_depth = depth + 1
    walker.returns = []
    try:
        walker.run_module()
    except RecursionError:
        return None
    values = walker.returns
    if not values:
        return None
    if all(isinstance(value, tuple) and len(value) == len(values[0]) for value in values):
        cache[name] = tuple(_portable(_joined(elements)) for elements in zip(*values))
    elif any(not isinstance(value, tuple) for value in values):
        # A tuple on some paths (`return vlb, rec, kl` when asked for the parts): a call bound
        # to one name gets what the other returns agree on (`return np.mean(losses)`).
        cache[name] = _portable(_joined([value for value in values if not isinstance(value, tuple)]))
    return cache[name]


def _joined(values) -> Value:
    joined = values[0]
    for value in values[1:]:
        joined = joined.join(value)
    return joined


def _portable(value: Value) -> Value:
    """The facts of a returned value that mean the same at a call site."""
    return Value(
        tensor=value.tensor,
        grad=value.grad,
        leaf=value.leaf,
        kind=value.kind,
        saves=value.saves,
        freed=value.freed,
        integral=value.integral,
        zero_dim=value.zero_dim,
        trainable=value.trainable,
        param_attrs=value.param_attrs,
        no_parameters=value.no_parameters,
        vector_of_one=value.vector_of_one,
        one_dim=value.one_dim,
        listed=value.listed,
        elements=_portable(value.elements) if value.elements is not None else None,
        # A method's graph through the modules of its instance (`self.generator`): the caller
        # names them through the instance it calls the method on.
        modules=frozenset(name for name in value.modules if name == "self" or name.startswith("self.")),
    )
