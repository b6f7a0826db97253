"""The plan of a file: which rules run where, decided once with Python's `ast` (about ten
times faster to parse than libcst, and free under flake8) and the rules' `needs`: the pieces
of the file that can produce a finding of a walk rule, which libcst then parses (only those),
and the whole-file rules whose needs occur in the file.

A rule fires only where every one of its `needs` patterns occurs in the code of the scope it
reasons about. Scopes are independent (a function starts knowing nothing but the file's
imports and module classes; a class body or the module sees a definition only as the name it
binds), so each top-level function, each method, and the module-level and class-level code
(with their definitions stubbed out) is a piece of its own, and a piece whose code lacks what
every rule needs cannot produce a finding and is not parsed.
"""

from __future__ import annotations

import ast
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import accumulate
from typing import Optional, Sequence

from ..analysis.file_index import FileIndex, index_file
from ..analysis.project import is_torch_code
from ..engine.parameters import zero_dim_parameter_words
from ..syntax.ast_syntax import FUNCTIONS, first_line, scope_nodes, statements
from ..rules import FileRule, WalkRule
from ..syntax.source_lines import WRAPPER, physical_lines

# What a caller does with a function's result where the file backward()s it: the planner reads
# such a function as if it ended so (the walker reports what its returned value carries).
BACKWARD_USE = "\nresult.backward()\n"
BACKWARD_USE_NODES = tuple(ast.walk(ast.parse(BACKWARD_USE)))  # what the prechecks see of it
MAX_WIDENED = 256  # widened needs kept per selection of rules
REDUCTION = "torch.mean(x)"  # a need that matches this is met by the file's other 0-dim words too
LOSS = "loss"  # a need that matches this is met by a call of a function that may return a loss too
ACCUMULATION = "xs.append(x)"  # a need that matches this is met by a call of a method that keeps its argument too


@dataclass(frozen=True)
class Piece:
    """Code for libcst to parse: the whole file, a top-level definition, or a method under
    WRAPPER; `line_offset` turns its line numbers into the file's."""

    code: str
    line_offset: int
    owner: Optional[str] = None  # for a method: its class


class Needs:
    """The rules' `needs` patterns: a rule can fire only where all of its patterns occur."""

    def __init__(self, rules: Sequence[type], renaming_imports: tuple = (),
                 zero_dim_words: frozenset = frozenset(), keeping_words: frozenset = frozenset()) -> None:
        self.rules = rules
        compiled = {need: re.compile(need) for rule in rules for need in rule.needs}
        self.every_need = tuple(compiled.values())
        per_rule = []
        firsts: dict = {}
        for rule in rules:
            patterns = []
            for need in rule.needs:
                # A torch name imported under another name (`from torch.autograd import
                # Variable as V`) is written as that name in the code.
                aliases = [local for local, qualname in renaming_imports if _renames(compiled[need], local, qualname)]
                # A 0-dim value may also come from a call of a module whose forward() is a
                # full reduction, or a parameter: where `torch.mean(x)` meets a need, so do they.
                if zero_dim_words and compiled[need].search(REDUCTION):
                    aliases += sorted(zero_dim_words)
                # A method that keeps what it is given (`meter.update(loss)`) accumulates as
                # append() does.
                if keeping_words and compiled[need].search(ACCUMULATION):
                    aliases += sorted(keeping_words)
                alternatives = [need] + [rf"\b{re.escape(local)}\b" for local in aliases]
                patterns.append(re.compile("|".join(f"(?:{p})" for p in alternatives)))
                if need == rule.needs[0]:
                    parts = [alternatives_of(alternative) for alternative in alternatives]
                    plain = None if None in parts else tuple(re.compile(p) for ps in parts for p in dict.fromkeys(ps))
                    firsts[patterns[-1].pattern] = (patterns[-1], plain)
            per_rule.append(tuple(patterns))
        self.per_rule = tuple(per_rule)
        # Code where no rule's first (most telling) need occurs cannot meet any rule's needs.
        # One search per distinct pattern (an alternation of them all is several times slower):
        # (pattern, its alternatives_of as patterns, or None).
        self.firsts = tuple(firsts.values())
        self.widening_imports: dict = {}  # (local, qualname) -> whether it renames something needed
        self.widened: dict = {}  # (renaming imports, 0-dim words, keeping words) -> these needs widened by them

    def for_file(self, index: FileIndex, source: str) -> "Needs":
        """These needs, widened by the aliases the file imports torch names under, and by
        the words 0-dim values may come from without a reduction written: the names of its
        modules whose calls reduce (FileIndex.reducing_module_names), of its functions that
        return a list of what they reduce (FileIndex.list_returning_functions), and the
        parameters every call passes a 0-dim value, or a loss function that gives one
        (engine.parameters); and by the names of the methods that keep what they are given
        (FileIndex.accumulating_methods)."""
        imports = index.imports
        zero_dim = frozenset()
        if self.met_but_a_reduction(source):
            # A function whose own code meets every such need gets no words of its own.
            zero_dim = index.reducing_module_names.union(index.list_returning_functions, *(
                words for name, words in zero_dim_parameter_words(index).items()
                if not all(need.search(index.code_of(index.summarisable_functions[name])) for need in self._reduction_needs)
            ))
        renaming = tuple(sorted(pair for pair in imports.names.items() if self._widened_by(*pair)))
        keeping = index.accumulating_methods if self._accumulation_needed else frozenset()
        if not renaming and not zero_dim and not keeping:
            return self
        key = (renaming, zero_dim, keeping)  # files of a project import alike: their needs are compiled once
        if key not in self.widened:
            if len(self.widened) >= MAX_WIDENED:  # a long-lived process (the server) sees many projects
                self.widened.clear()
            self.widened[key] = Needs(self.rules, renaming, zero_dim, keeping)
        return self.widened[key]

    def _widened_by(self, local: str, qualname: str) -> bool:
        # Remembered: the same few imports (`torch`, `nn`, `F`) open most files.
        key = (local, qualname)
        if key not in self.widening_imports:
            self.widening_imports[key] = any(_renames(need, local, qualname) for need in self.every_need)
        return self.widening_imports[key]

    @cached_property
    def _accumulation_needed(self) -> bool:
        """Whether some need is met by an accumulation (ACCUMULATION)."""
        return any(need.search(ACCUMULATION) for need in self.every_need)

    @cached_property
    def _reduction_needs(self) -> tuple:
        """The needs a full reduction meets."""
        return tuple(dict.fromkeys(need for need in self.every_need if need.search(REDUCTION)))

    @cached_property
    def _after_a_reduction(self) -> tuple:
        """For each rule whose first need a full reduction meets: its other needs."""
        return tuple(
            patterns[1:] for rule, patterns in zip(self.rules, self.per_rule)
            if rule.needs and re.search(rule.needs[0], REDUCTION)
        )

    def met_but_a_reduction(self, source: str) -> bool:
        """Whether some rule whose first need a full reduction meets (and so may a 0-dim word:
        a reducing module, a parameter) has its other needs in `source`: a file where no first
        need occurs is passed by only where none has."""
        return any(all(pattern.search(source) for pattern in rest) for rest in self._after_a_reduction)

    @cached_property
    def _met_by_a_loss(self) -> tuple:
        """The first needs a loss word meets (as in `telling_offsets`)."""
        return tuple(pattern.pattern for pattern, _ in self.firsts if pattern.search(LOSS))

    def with_loss_calls(self, telling: dict, index: FileIndex) -> dict:
        """`telling`, with the calls of the file's functions and methods whose code meets a
        need a loss word meets (FileIndex.functions_matching) as matches of those needs: what
        such a call gives may be a loss (the walker reads their bodies, engine.returns)."""
        patterns = self._met_by_a_loss
        names = index.functions_matching(sorted({o for p in patterns for o in telling.get(p, ())}))
        if not names:
            return telling
        offsets = index.call_offsets(names)
        return {**telling, **{pattern: sorted({*telling.get(pattern, ()), *offsets}) for pattern in patterns}}

    @cached_property
    def firsts_in_backward_use(self) -> frozenset:
        """The first needs (as in `telling_offsets`) that occur in BACKWARD_USE."""
        return frozenset(pattern.pattern for pattern, _ in self.firsts if pattern.search(BACKWARD_USE))

    def telling_offsets(self, source: str) -> dict:
        """Where in `source` each rule's first need occurs: its pattern -> the offsets of its
        matches (for a pattern made of plain alternatives, where one of them matches and the
        whole pattern matches too), for the patterns that occur."""
        telling = {}
        for pattern, alternatives in self.firsts:
            if alternatives is None:
                offsets = [match.start() for match in pattern.finditer(source)]
            else:
                offsets = [
                    m.start() for a in alternatives for m in a.finditer(source) if pattern.match(source, m.start())
                ]
            if offsets:
                telling[pattern.pattern] = offsets
        return telling

    def rules_met_in(self, code: str, firsts_present: Optional[set] = None) -> list:
        """The rules whose needs all occur in `code` (each distinct pattern searched once);
        `firsts_present`, where known: the first needs that occur there (no other does)."""
        found: dict = {}
        if firsts_present is not None:
            found = {pattern.pattern: pattern.pattern in firsts_present for pattern, _ in self.firsts}

        def occurs(pattern: re.Pattern) -> bool:
            if pattern.pattern not in found:
                found[pattern.pattern] = pattern.search(code) is not None
            return found[pattern.pattern]

        return [rule for rule, patterns in zip(self.rules, self.per_rule) if all(occurs(p) for p in patterns)]


# A from-import of a module other than torch: it may bind torch names the file never spells
# (`from data_utils import *` where data_utils imports StepLR), which widen the needs.
OTHER_FROM_IMPORT = re.compile(r"^[ \t]*from[ \t]+(?!torch\b)[\w.]+[ \t]+import\b", re.MULTILINE)


@dataclass(frozen=True)
class Plan:
    """What runs where in one file."""

    index: FileIndex
    walk_rules: tuple  # the walk rules, run on each piece
    pieces: list  # the pieces for the walk rules
    file_rules: tuple  # the whole-file rules to run


@lru_cache(maxsize=None)
def needs_of(rules: tuple) -> Needs:
    """The needs of a selection of rules: built once per selection (the CLI's --select)."""
    return Needs(rules)


def plan(source: str, tree: ast.Module, rules: Sequence[type], whole_file: bool = False, path=None) -> Optional[Plan]:
    """The file's plan, or None where no rule can fire. `whole_file`: no gate at all, every
    rule on one piece holding the whole file (with its data tables left out, as the pieces
    leave them out): the reference the gates are tested against. `path`: where the file is on
    disk, for the project's modules it imports from."""
    walk_rules = tuple(rule for rule in rules if issubclass(rule, WalkRule))
    file_rules = tuple(rule for rule in rules if issubclass(rule, FileRule))
    if not is_torch_code(source, tree, path):
        return None
    if whole_file:
        index = index_file(tree, source, path)
        pieces = [Piece("".join(without_large_literals(physical_lines(source), tree)), 0)]
        return None if index.imports.other_framework_only else Plan(index, walk_rules, pieces, file_rules)
    needs, file_needs = needs_of(walk_rules), needs_of(file_rules)
    telling, file_telling = needs.telling_offsets(source), file_needs.telling_offsets(source)
    if not telling and not file_telling and not needs.met_but_a_reduction(source) and not OTHER_FROM_IMPORT.search(source):
        return None  # no word any rule needs, and no import that could bind a torch name under another
    index = index_file(tree, source, path)
    if index.imports.other_framework_only:
        return None
    widened, file_widened = needs.for_file(index, source), file_needs.for_file(index, source)
    if widened is not needs:  # torch names imported under other names: look again
        telling = widened.telling_offsets(source)
    if file_widened is not file_needs:
        file_telling = file_widened.telling_offsets(source)
    telling = widened.with_loss_calls(telling, index)
    met = file_widened.rules_met_in(source, set(file_telling)) if file_telling else []
    return Plan(index, walk_rules, pieces_to_parse(source, tree, widened, telling, index), tuple(met))


class Scope:
    """Every `ast` node of one scope's code (nested definitions included), and the same by
    type: what the rules' `possible_in` prechecks look at, made in one walk for them all."""

    def __init__(self, nodes: list) -> None:
        self.nodes = nodes

    @cached_property
    def by_type(self) -> dict:
        found: dict = {}
        for node in self.nodes:
            found.setdefault(type(node), []).append(node)
        return found

    def of(self, *types: type) -> list:
        """The nodes of these exact types (ast's node classes have no subclasses)."""
        return [node for kind in types for node in self.by_type.get(kind, ())]


def pieces_to_parse(source: str, tree: ast.Module, needs: Needs, telling_offsets: dict, index: FileIndex) -> list:
    """The pieces of `source` that can produce a finding: module-level code with the top-level
    definitions stubbed out, each top-level function, class-level code likewise, each method.
    `telling_offsets` (from `needs`) are where each rule's first need occurs: code without one
    is rejected without a search of its own, and where they occur they are not searched for.
    Each `ast` node is walked at most once, and only in a scope whose words some rule needs.
    (A class is first a gate of words: its scopes are its class-level code and its methods,
    and the prechecks are monotone, finding in a scope what they find in any code around it.)"""
    lines = physical_lines(source)
    starts = list(accumulate((len(line) for line in lines), initial=0))
    lines = without_large_literals(lines, tree)
    telling_lines = {
        pattern: sorted({bisect_right(starts, offset) for offset in offsets})
        for pattern, offsets in telling_offsets.items()
    }
    telling = sorted(set().union(*telling_lines.values()))

    def occurs_in(at: list, spans: list) -> bool:
        return any(bisect_left(at, first) < bisect_right(at, last) for first, last in spans)

    def rules_met(statements: list, returns_to_backward: bool = False) -> list:
        """The rules whose needs all occur in the code of `statements`; `returns_to_backward`:
        a function whose result the file backward()s, read as if it did so itself."""
        spans = [(first_line(node), node.end_lineno) for node in statements]
        if not returns_to_backward and not occurs_in(telling, spans):
            return []
        present = {pattern for pattern, at in telling_lines.items() if occurs_in(at, spans)}
        code = "".join("".join(lines[first - 1 : last]) for first, last in spans)
        if returns_to_backward:
            present |= needs.firsts_in_backward_use
            code += BACKWARD_USE
        return needs.rules_met_in(code, present) if present else []

    def may_fire(statements: list, returns_to_backward: bool = False) -> bool:
        """Whether some rule can fire in the code of `statements` (one scope's): its needs all
        occur there, and the shapes its `possible_in(the scope, the file's index)` looks for
        (the scope's nodes walked only where some rule's needs occur, once for all of them)."""
        rules = rules_met(statements, returns_to_backward)
        if any(rule.possible_in is None for rule in rules):
            return True
        nodes = list(scope_nodes(statements)) + (list(BACKWARD_USE_NODES) if returns_to_backward else [])
        scope = Scope(nodes) if rules else None
        return any(rule.possible_in(scope, index) for rule in rules)

    def code_of(node: ast.stmt) -> str:
        return "".join(lines[first_line(node) - 1 : node.end_lineno])

    pieces = []
    definitions = [node for node in tree.body if isinstance(node, (*FUNCTIONS, ast.ClassDef))]
    module_code = [node for node in tree.body if not isinstance(node, (*FUNCTIONS, ast.ClassDef))]
    if may_fire(module_code):
        pieces.append(Piece(_stubbed(lines, definitions), 0))
    for node in definitions:
        if isinstance(node, FUNCTIONS):
            if may_fire([node], index.returns_to_backward(None, node.name)):
                pieces.append(Piece(code_of(node), first_line(node) - 1))
            continue
        methods = [child for child in node.body if isinstance(child, FUNCTIONS)]
        returning = {method.name for method in methods if index.returns_to_backward(node.name, method.name)}
        if not rules_met([node], bool(returning)):  # the words alone: each scope of the class is looked at below
            continue
        class_level = [child for child in node.body if not isinstance(child, FUNCTIONS)]
        if may_fire(class_level):
            first = first_line(node)
            pieces.append(Piece(_stubbed(lines[first - 1 : node.end_lineno], methods, first - 1), first - 1))
        for method in methods:
            if may_fire([method], method.name in returning):
                pieces.append(Piece(WRAPPER + code_of(method), first_line(method) - 2, node.name))
    return pieces


def alternatives_of(pattern: str) -> Optional[tuple]:
    """The alternatives of `pattern` as patterns of their own, each starting with a word of
    three or more characters, where its text shows them plainly: `a|b`, or `\b(a|b)rest` as
    `a rest` and `b rest` (without the `\b`: their matches are a superset); None for any
    other shape. Python's `re` finds the start of such a pattern many times faster than the
    start of an alternation."""
    if pattern.startswith("\\b"):
        pattern = pattern[2:]
    rest = ""
    if pattern.startswith("(") and not pattern.startswith("(?"):
        close = _closing(pattern)
        if close is None:
            return None
        pattern, rest = pattern[1:close], pattern[close + 1 :]
    alternatives = []
    for alternative in _top_level_alternatives(pattern):
        if alternative.startswith("\\b"):
            alternative = alternative[2:]
        word = re.match(r"\w*", alternative).group()
        if word != alternative and alternative[len(word)] in "?*{":
            word = word[:-1]  # its last character is optional
        if len(word) < 3:
            return None
        alternatives.append(alternative + rest)
    return tuple(alternatives)


def _closing(pattern: str) -> Optional[int]:
    """Where the group that opens `pattern` closes."""
    depth = 0
    for index, char in enumerate(pattern):
        if char == "\\":
            return None  # escapes inside: not a plain group of words
        depth += (char == "(") - (char == ")")
        if depth == 0:
            return index
    return None


def _top_level_alternatives(pattern: str) -> list:
    """`pattern` split at the `|`s outside groups and character classes."""
    parts, depth, current, index = [], 0, "", 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            current += pattern[index : index + 2]
            index += 2
            continue
        if char == "[":  # a class, to its closing `]` (which may come first, or after `^`)
            end = index + 1 + (pattern[index + 1 : index + 2] == "^")
            end = pattern.find("]", end + 1)
            while end != -1 and pattern[end - 1] == "\\":
                end = pattern.find("]", end + 1)
            if end == -1:
                return [pattern]  # not a pattern re would compile
            current += pattern[index : end + 1]
            index = end + 1
            continue
        depth += (char == "(") - (char == ")")
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
        index += 1
    return parts + [current]


def _renames(need: re.Pattern, local: str, qualname: str) -> bool:
    """Whether the import of `qualname` as `local` hides a word that `need` looks for."""
    return bool(need.search(qualname)) and not need.search(local)


LARGE_LITERAL = 50  # lines: a statement binding a literal this long is a data table, not code
LONG_LINE = 10_000  # characters: a line this long in such a statement makes it one too


def without_large_literals(lines: list, tree: ast.Module) -> list:
    """`lines` with each long statement (many lines, or a very long line) that only binds (or is)
    a literal of constants (a data table, a long string) replaced by `name = ...` and blank
    lines: it cannot produce a finding, and libcst would spend gigabytes on a long one."""
    lines = list(lines)
    long_lines = [number for number, line in enumerate(lines, 1) if len(line) > LONG_LINE]
    large = list(statements(tree.body, min_lines=LARGE_LITERAL))
    if long_lines:  # a table written on few lines: the statements that hold one of them
        large += [
            node for node in statements(tree.body)
            if node.end_lineno - node.lineno < LARGE_LITERAL
            and bisect_left(long_lines, node.lineno) < bisect_right(long_lines, node.end_lineno)
        ]
    for node in large:
        if not isinstance(node, (ast.Assign, ast.Expr)):
            continue
        targets = node.targets if isinstance(node, ast.Assign) else []
        if not all(isinstance(t, (ast.Name, ast.Attribute)) for t in targets) or not _is_literal(node.value):
            continue
        first = lines[node.lineno - 1]
        indent = first[: len(first) - len(first.lstrip())]
        lines[node.lineno - 1] = indent + "".join(f"{ast.unparse(t)} = " for t in targets) + "...\n"
        for number in range(node.lineno, node.end_lineno):
            lines[number] = "\n"
    return lines


def _is_literal(expr: ast.AST) -> bool:
    """Constants, and lists, tuples, sets and dicts of literals."""
    return all(isinstance(node, (ast.Constant, ast.List, ast.Tuple, ast.Set, ast.Dict, ast.UnaryOp, ast.unaryop,
                                 ast.expr_context))
               for node in ast.walk(expr))


def _stubbed(lines: list, definitions: list, line_offset: int = 0) -> str:
    """The code of `lines` with each definition replaced by a one-line stub that binds its name,
    on its first line, and blank lines for the rest: the surrounding scope's code, at its lines."""
    lines = list(lines)
    for node in definitions:
        first, last = first_line(node) - line_offset, node.end_lineno - line_offset
        indent = lines[first - 1][: len(lines[first - 1]) - len(lines[first - 1].lstrip())]
        keyword = "class" if isinstance(node, ast.ClassDef) else "def"
        lines[first - 1] = f"{indent}{keyword} {node.name}{'' if keyword == 'class' else '()'}: pass\n"
        for number in range(first, last):
            lines[number] = "\n"
    return "".join(lines)
