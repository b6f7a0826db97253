"""The expression half of the walk: the events of an expression and of everything below it
(calls, attribute and item reads, in-place writes, backward()), fired in source order."""

from __future__ import annotations

from typing import Iterable, Optional

import libcst as cst

from .. import torchapi
from ..syntax.cst_syntax import INNER_SCOPES, all_params, children, first_arg, keyword_arg, target_names, view_chain
from .effects import torch_inplace_target


class ExpressionEvents:
    """Part of the Walker (walker.py), whose state it uses: `hooks`, `silent`, `parents`,
    `written`, `found`, the evaluator and the effects."""

    def fire(self, event: str, *args) -> None:
        if self.silent:
            return
        for hook in self.hooks.get(event, ()):
            hook(*args)

    def scan(self, expr: cst.CSTNode, reset: bool = True) -> None:
        """Fire the expression events of `expr` and everything below it."""
        if self.silent:
            return  # finding a fixpoint: only the effects on the facts matter
        if reset:
            self.parents.clear()
            self.written.clear()
        stack = [expr]
        while stack:
            node = stack.pop()
            kind = type(node)  # `is` tests: isinstance on libcst's ABC node classes is slow
            if kind is tuple:  # what a call does once its arguments and receiver are scanned
                node[0](*node[1:])
                continue
            if kind is cst.Call:
                after = self.scan_call(node)
                if after is not None:
                    stack.append(after)
            elif kind is cst.Attribute:
                self.fire("on_attribute", node)
            elif kind is cst.Subscript:
                self.fire("on_subscript", node)
            elif kind is cst.Name:
                if self.hooks.get("on_name") and self._is_read(node):
                    self.fire("on_name", node)
                continue
            elif kind in INNER_SCOPES:
                self.scan_inner_scope(node)
                continue
            kids = list(children(node))
            for kid in kids:
                self.parents[id(kid)] = node
            stack.extend(reversed(kids))

    def _is_read(self, name: cst.Name) -> bool:
        """Whether a Name the scan reached is a name read, not an attribute's or a keyword's."""
        parent = self.parents.get(id(name))
        return not (type(parent) is cst.Attribute and parent.attr is name or type(parent) is cst.Arg and parent.keyword is name)

    def scan_target(self, target: cst.BaseExpression) -> None:
        """Scan the expressions inside an assignment target that are read, not bound."""
        if isinstance(target, cst.Attribute):
            self.scan(target.value, reset=False)
        elif isinstance(target, cst.Subscript):
            self.scan(target.value, reset=False)
            for element in target.slice:
                self.scan(element, reset=False)
        elif isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self.scan_target(element.value)
        elif isinstance(target, cst.StarredElement):
            self.scan_target(target.value)

    def scan_inner_scope(self, node: cst.CSTNode) -> None:
        """Lambdas and comprehensions: their own names shadow the scope's while they run."""
        saved = self.state.copy()
        if isinstance(node, cst.Lambda):
            self.state.forget(p.name.value for p in all_params(node.params))
            self.scan(node.body, reset=False)
        else:
            self._scan_comprehension(node.for_in)
            for part in (getattr(node, "elt", None), getattr(node, "key", None), getattr(node, "value", None)):
                if part is not None:
                    self.scan(part, reset=False)
        self.state = saved
        self.evaluator.forget_values()

    def _scan_comprehension(self, comp_for: cst.CompFor) -> None:
        self.scan(comp_for.iter, reset=False)
        self.state.forget(target_names(comp_for.target))
        self.effects.bind_iteration(comp_for.target, comp_for.iter)
        self.evaluator.forget_values()
        for condition in comp_for.ifs:
            self.scan(condition.test, reset=False)
        if comp_for.inner_for_in is not None:
            self._scan_comprehension(comp_for.inner_for_in)

    def scan_call(self, call: cst.Call) -> Optional[tuple]:
        """Fire the call's events; return what runs after its parts are scanned (a backward()
        reaches what the calls inside it reported), as (function, *arguments)."""
        self.fire("on_call", call)
        func = call.func
        name = self.evaluator.qualname(func)
        if name is None:
            if isinstance(func, cst.Attribute):
                method = func.attr.value
                if torchapi.is_inplace_method(method):
                    self._mark_written(func.value)
                    self.fire("on_inplace", func.value, call, method + "()", first_arg(call))
                elif method == "backward" and not self.evaluator.calls_own_method(call):
                    # accelerator.backward(loss), scaler-style wrappers: the argument is the loss
                    return (self._backward, call, func.value, [arg.value for arg in call.args])
            return None
        out = keyword_arg(call, "out")
        if out is not None:
            self._mark_written(out)
            self.fire("on_inplace", out, out, "out=", call)
        inplace_first = torch_inplace_target(name, call)
        if inplace_first is not None:
            self._mark_written(inplace_first)
            self.fire("on_inplace", inplace_first, call, name.rpartition(".")[2] + "()", None)
        if name in ("torch.autograd.backward", "torch.autograd.grad"):
            tensors = first_arg(call, "tensors" if name.endswith("backward") else "outputs")
            if tensors is not None:
                elements = (
                    [e.value for e in tensors.elements] if isinstance(tensors, (cst.List, cst.Tuple)) else [tensors]
                )
                return (self._backwards, call, elements)
        return None

    def _backwards(self, call: cst.Call, tensors: list) -> None:
        for tensor in tensors:
            self._backward(call, tensor)

    def _backward(self, call: cst.Call, tensor: cst.BaseExpression, wrapped: Iterable = ()) -> None:
        self.fire("on_backward", call, tensor)
        for expr in (tensor, *wrapped):
            self.resolve_pending(expr)

    def resolve_pending(self, expr: cst.BaseExpression) -> None:
        """A value reached backward(): the findings it carried become real."""
        if self.silent:
            return
        for violation in self.value(expr).pending:
            self.found.setdefault((violation.code, id(violation.node)), violation)

    def _mark_written(self, expr: cst.BaseExpression) -> None:
        """Mark `expr` and the views it is taken from as written in place."""
        self.written.update(id(view) for view in view_chain(expr))
