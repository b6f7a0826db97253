"""The pieces of a file that can produce a finding, found with Python's `ast` (about ten
times faster to parse than libcst, and free under flake8), so that libcst parses only those.

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
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate
from typing import Optional, Sequence

from ..syntax.ast_syntax import FUNCTIONS, bound_names, dotted, first_line, module_level, scope_nodes, statements
from ..analysis import project
from ..analysis.imports import ImportTable
from ..analysis.summaries import class_optimizers, optimized_modules, summarise

WRAPPER = "if True:\n"  # lets an indented method parse on its own, one line above its code
# Methods only a module has: their receiver is a module.
MODULE_METHODS = frozenset("parameters named_parameters zero_grad train eval state_dict load_state_dict modules children".split())
MODULE_CALL = re.compile(r"\.\s*(?:%s)\s*\(" % "|".join(sorted(MODULE_METHODS)))


@dataclass(frozen=True)
class Piece:
    """Code for libcst to parse: the whole file, a top-level definition, or a method under
    WRAPPER; `line_offset` turns its line numbers into the file's."""

    code: str
    line_offset: int
    owner: Optional[str] = None  # for a method: its class


@dataclass(frozen=True)
class ClassFacts:
    """A class of the file as its `ast` shows it."""

    bases: tuple  # the torch names of its bases (`torch.optim.Adam`), None for others
    methods: frozenset  # the names of the methods it defines


@dataclass(frozen=True)
class FileIndex:
    imports: ImportTable  # module-level torch imports, wherever they stand
    module_classes: frozenset  # classes of the file that subclass torch.nn.Module
    plain_classes: frozenset  # classes of the file with no base class: their instances are no modules
    classes: dict  # class name -> ClassFacts
    class_nodes: tuple  # the ast.ClassDef of each
    tree: ast.Module
    source: str
    # Names imported by name from the project's own modules: local -> (module file, name there);
    # what each is, is read only when asked (imported_kind).
    project_names: dict = field(default_factory=dict)

    def imported_kind(self, local: str) -> Optional[str]:
        """"module" or "plain" for a name imported from a module of the project that defines it
        as an `nn.Module` subclass or as a plain class; None otherwise or where unknown."""
        origin = self.project_names.get(local)
        other = project.module_facts(origin[0]) if origin is not None else None
        if other is None:
            return None
        return "module" if origin[1] in other.module_classes else "plain" if origin[1] in other.plain_classes else None

    # Made when a piece is first analysed (most files indexed have none).

    @cached_property
    def lines(self) -> list:
        return physical_lines(self.source)

    def code_of(self, node: ast.AST) -> str:
        """The source text of an `ast` expression (ast.get_source_segment splits the whole
        source again at each call)."""
        first, last = node.lineno - 1, node.end_lineno - 1
        start = len(self.lines[first].encode("utf-8")[: node.col_offset].decode("utf-8", "replace"))
        end = len(self.lines[last].encode("utf-8")[: node.end_col_offset].decode("utf-8", "replace"))
        if first == last:
            return self.lines[first][start:end]
        return self.lines[first][start:] + "".join(self.lines[first + 1 : last]) + self.lines[last][:end]

    @cached_property
    def built_values(self) -> dict:
        """id(ast call) -> the Value it builds (Evaluator.built), filled as the walk asks."""
        return {}

    @cached_property
    def summaries(self) -> dict:
        """What the file's functions return (summaries.py)."""
        return summarise(self.tree, self.imports)

    @cached_property
    def optimizers(self) -> dict:
        """class -> {attribute -> the modules whose parameters `self.<attribute>` updates}."""
        return {node.name: class_optimizers(node, self.imports) for node in self.class_nodes}

    @cached_property
    def switches_requires_grad(self) -> bool:
        """Whether code of the file may switch `requires_grad` off (freezing parameters)."""
        return bool(re.search(r"requires_grad\s*=(?!=)|requires_grad_\(\s*[^)\s]", self.source))

    @cached_property
    def optimized_modules(self) -> frozenset:
        """Dotted names of the modules whose parameters a torch optimizer of the file updates
        (`Adam(model.parameters())`, `SGD(self.net.parameters())`), where nothing in the file
        switches `requires_grad` off: their parameters require grad, so their outputs do."""
        if self.switches_requires_grad:
            return frozenset()
        found = set()
        for node in ast.walk(self.tree) if "optim" in self.source else ():
            if isinstance(node, ast.Call):
                found |= optimized_modules(node, self.imports)
        return frozenset(found)

    @cached_property
    def built_globals(self) -> dict:
        """Module-level names bound once, to a call or an operation (`criterion = nn.NLLLoss()`,
        `D = Net()`, `mone = one * -1`), and nowhere else (not by another statement, not through
        `global`): name -> that expression. Functions see them as built (Evaluator.built)."""
        counts: dict = {}
        calls = {}
        for node in module_level(self.tree.body):
            if isinstance(node, ast.With):  # its body comes on its own; its `as` targets here
                bound = {n.id for item in node.items for n in ast.walk(item.optional_vars or ast.Pass())
                         if isinstance(n, ast.Name)}
            else:
                bound = bound_names([node]) if not isinstance(node, (ast.If, ast.Try)) else set()
            for name in bound:
                counts[name] = counts.get(name, 0) + 1
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                for alias in node.names:
                    local = (alias.asname or alias.name).partition(".")[0]
                    counts[local] = counts.get(local, 0) + 1
            if (
                isinstance(node, ast.Assign)
                and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
                and isinstance(node.value, (ast.Call, ast.BinOp, ast.UnaryOp))
            ):
                calls[node.targets[0].id] = node.value
        declared = {name for node in statements(self.tree.body) if isinstance(node, ast.Global) for name in node.names} \
            if "global" in self.source else set()
        return {name: call for name, call in calls.items() if counts.get(name) == 1 and name not in declared}

    @cached_property
    def built_attributes(self) -> dict:
        """class -> {attribute -> the call}: `self.<attribute> = <call>` in the class's
        `__init__`, bound nowhere else in the class (nor in `__init__` again); a class of the
        file inherits its bases' (those of the file) where it binds none of its own."""
        own: dict = {}
        for node in self.class_nodes:
            assigned: dict = {}
            counts: dict = {}
            for method in (child for child in node.body if isinstance(child, FUNCTIONS)):
                for statement in statements(method.body):
                    targets = statement.targets if isinstance(statement, ast.Assign) else (
                        [statement.target] if isinstance(statement, (ast.AugAssign, ast.AnnAssign)) else [])
                    for target in targets:
                        for element in (target.elts if isinstance(target, (ast.Tuple, ast.List)) else [target]):
                            attribute = _self_attribute(element)
                            if attribute is None:
                                continue
                            counts[attribute] = counts.get(attribute, 0) + 1
                            if (
                                method.name == "__init__"
                                and isinstance(statement, ast.Assign)
                                and element is target
                                and isinstance(statement.value, ast.Call)
                            ):
                                assigned[attribute] = statement.value
            own[node.name] = {name: call for name, call in assigned.items() if counts[name] == 1}
        built: dict = {}

        def of(name: str, seen: frozenset = frozenset()) -> dict:
            if name in built or name in seen:
                return built.get(name, {})
            inherited: dict = {}
            node = next((n for n in self.class_nodes if n.name == name), None)
            for base in node.bases if node is not None else ():
                if isinstance(base, ast.Name) and base.id in own:
                    inherited.update(of(base.id, seen | {name}))
            built[name] = {**inherited, **own.get(name, {})}
            return built[name]

        for node in self.class_nodes:
            of(node.name)
        return built

    @cached_property
    def module_names(self) -> frozenset:
        """Dotted names the file treats as modules: `D.parameters()`, `net.eval()`. Made when
        a rule first asks, by a walk of only the nodes that span a line where such a call is
        written."""
        lines = physical_lines(self.source)
        starts = list(accumulate((len(line) for line in lines), initial=0))
        written = sorted({bisect_right(starts, match.start()) for match in MODULE_CALL.finditer(self.source)})
        names = set()
        stack = list(self.tree.body) if written else []
        while stack:
            node = stack.pop()
            first = getattr(node, "lineno", None)
            if first is not None and bisect_left(written, first) == bisect_right(written, node.end_lineno):
                continue  # no such call in it
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in MODULE_METHODS:
                name = dotted(node.func.value)
                if name:
                    names.add(name)
            stack.extend(ast.iter_child_nodes(node))
        return frozenset(names)


def index_file(tree: ast.Module, source: str, path: Optional[str] = None) -> FileIndex:
    """The file's index. With its `path`, the project's own modules it imports from are read
    too (project.py): a star import's torch names, module classes and plain classes at once,
    a name imported by name when it is asked about (FileIndex.imported_kind)."""
    imports = ImportTable()
    classes = []
    imported_modules, imported_plain, project_names = set(), set(), {}
    for node in module_level(tree.body):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            imports.add_ast(node)
        elif isinstance(node, ast.ClassDef):
            classes.append(node)
    own = bound_names(tree.body)
    for name in own:  # `torch = None` anywhere: the name is not torch's
        imports.rebind(name)
    if path is not None:
        project_names = _add_project_imports(tree, path, own, imports, imported_modules, imported_plain)
    module_classes: set = set(imported_modules)

    def is_module_base(base: ast.expr) -> bool:
        name = dotted(base)
        if imports.qualname_of_dotted(name) == "torch.nn.Module" or name in module_classes:
            return True
        origin = project_names.get(name)
        other = project.module_facts(origin[0]) if origin else None
        return other is not None and origin[1] in other.module_classes

    changed = True
    while changed:  # a subclass of a module class is a module class, in any order
        changed = False
        for node in classes:
            if node.name not in module_classes and any(is_module_base(base) for base in node.bases):
                module_classes.add(node.name)
                changed = True
    plain = frozenset(
        node.name for node in classes if all(isinstance(b, ast.Name) and b.id == "object" for b in node.bases)
    ) | imported_plain
    facts = {
        node.name: ClassFacts(
            tuple(imports.qualname_of_dotted(dotted(base)) for base in node.bases),
            frozenset(child.name for child in node.body if isinstance(child, FUNCTIONS)),
        )
        for node in classes
    }
    return FileIndex(imports, frozenset(module_classes), plain, facts, tuple(classes), tree, source, project_names)


def _add_project_imports(tree: ast.Module, path: str, own: set, imports: ImportTable, modules: set, plain: set) -> dict:
    """What `from <a module of the project> import *` binds, read from that module: its torch
    names into `imports`, its module classes into `modules`, its plain classes into `plain`;
    names the file binds itself are its own. Returns the names imported by name, with where
    they come from (read when asked about). `own`: the names the file binds."""
    named = {}
    for node in module_level(tree.body):
        if not isinstance(node, ast.ImportFrom):
            continue
        found = project.module_file(path, node.module or "", node.level)
        if found is None:
            continue
        for alias in node.names:
            if alias.name != "*":
                local = alias.asname or alias.name
                if local not in own:
                    named[local] = (found, alias.name)
                continue
            other = project.module_facts(found)
            if other is None:
                continue
            for name in (*other.torch_names, *other.module_classes, *other.plain_classes):
                if name in own or name in imports.names or not project.exported(name):
                    continue
                if name in other.torch_names:
                    imports.bind_project_name(name, other.torch_names[name])
                elif name in other.module_classes:
                    modules.add(name)
                else:
                    plain.add(name)
    return named


class Needs:
    """The rules' `needs` patterns: a rule can fire only where all of its patterns occur."""

    def __init__(self, rules: Sequence[type], imports: Optional[ImportTable] = None) -> None:
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
                aliases = [
                    local
                    for local, qualname in (imports.names.items() if imports else ())
                    if _renames(compiled[need], local, qualname)
                ]
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

    def for_file(self, imports: ImportTable) -> "Needs":
        """These needs, widened by the aliases the file imports torch names under."""
        if any(self._widened_by(local, qualname) for local, qualname in imports.names.items()):
            return Needs(self.rules, imports)
        return self

    def _widened_by(self, local: str, qualname: str) -> bool:
        # Remembered: the same few imports (`torch`, `nn`, `F`) open most files.
        key = (local, qualname)
        if key not in self.widening_imports:
            self.widening_imports[key] = any(_renames(need, local, qualname) for need in self.every_need)
        return self.widening_imports[key]

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


def pieces_to_parse(source: str, tree: ast.Module, needs: Needs, telling_offsets: dict, index: FileIndex) -> list:
    """The pieces of `source` that can produce a finding: module-level code with the top-level
    definitions stubbed out, each top-level function, class-level code likewise, each method.
    `telling_offsets` (from `needs`) are where each rule's first need occurs: code without one
    is rejected without a search of its own, and where they occur they are not searched for."""
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

    def may_fire(nodes: list) -> bool:
        """Whether some rule can fire in the code of `nodes` (one scope's): its needs all occur
        there, and the shapes its `possible_in(every ast node there, the file's index)` looks for."""
        spans = [(first_line(node), node.end_lineno) for node in nodes]
        if not occurs_in(telling, spans):
            return False
        present = {pattern for pattern, at in telling_lines.items() if occurs_in(at, spans)}
        rules = needs.rules_met_in("".join("".join(lines[first - 1 : last]) for first, last in spans), present)
        if any(rule.possible_in is None for rule in rules):
            return True
        every_node = list(scope_nodes(nodes))  # walked once for all the rules that look
        return any(rule.possible_in(every_node, index) for rule in rules)

    def code_of(node: ast.stmt) -> str:
        return "".join(lines[first_line(node) - 1 : node.end_lineno])

    pieces = []
    definitions = [node for node in tree.body if isinstance(node, (*FUNCTIONS, ast.ClassDef))]
    module_code = [node for node in tree.body if not isinstance(node, (*FUNCTIONS, ast.ClassDef))]
    if may_fire(module_code):
        pieces.append(Piece(_stubbed(lines, definitions), 0))
    for node in definitions:
        if not may_fire([node]):
            continue
        if isinstance(node, FUNCTIONS):
            pieces.append(Piece(code_of(node), first_line(node) - 1))
            continue
        methods = [child for child in node.body if isinstance(child, FUNCTIONS)]
        if may_fire([child for child in node.body if not isinstance(child, FUNCTIONS)]):
            first = first_line(node)
            pieces.append(Piece(_stubbed(lines[first - 1 : node.end_lineno], methods, first - 1), first - 1))
        for method in methods:
            if may_fire([method]):
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


def physical_lines(source: str) -> list:
    """The lines of `source` as Python numbers them: ended by \\n, \\r\\n or \\r only
    (str.splitlines also breaks at form feeds, vertical tabs, U+2028 and more)."""
    return _PHYSICAL_LINE.findall(source)


_PHYSICAL_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


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


def _self_attribute(target: ast.AST):
    """`x` for `self.x`, else None."""
    if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self":
        return target.attr
    return None
