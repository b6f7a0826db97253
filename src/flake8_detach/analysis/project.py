"""The project's own modules, as a file imports them: `from models import Discriminator`,
`from model import *`. A module is found on disk next to the importing file (a script's
directory is the first place Python looks), beside the top package of a package's module, in
the directories above a script outside packages, or up its package for a relative import.

What the importing file needs of it is little: which of its classes are `nn.Module` subclasses
or plain classes, and, for a star import, which of its names are torch's. That is read from
the module's text, not its syntax tree: its module-level `import torch...` lines and `class`
headers, scanned once per process (a parse of every module a library imports would cost as
much as checking the library). A module that cannot be found or read tells nothing, and the
importing file keeps what its own code shows; what a module imports from a third is not
followed.
"""

from __future__ import annotations

import ast
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..syntax.ast_syntax import module_level
from .imports import ImportTable

MAX_BYTES = 2_000_000
SCRIPT_LEVELS = 3  # directories above a script's own where its absolute imports are looked for
TORCH_IMPORT = re.compile(r"^(?:import torch\b|from torch\b)[^\n(\\]*$", re.MULTILINE)
# Layers whose output depends on the training mode.
MODE_LAYERS = re.compile(r"\b(?:Dropout\w*|AlphaDropout|BatchNorm[123]d|SyncBatchNorm)\s*\(")
TOP_LEVEL = re.compile(r"^(?:class\s+(\w+)|\S)", re.MULTILINE)
FUNCTION_HEADER = re.compile(r"^def\s+(\w+)\s*\(", re.MULTILINE)
CLASS_HEADER = re.compile(r"^class\s+(\w+)\s*(?:\(([^)]*)\))?\s*:", re.MULTILINE)
ADDS_INTO_SELF = re.compile(r"self\s*\.\s*\w+(?:\s*\.\s*\w+)*?\s*(?:\+=|\.\s*append\s*\()")  # `self.sum += x`, `self.xs.append(x)`


@dataclass(frozen=True)
class ModuleFacts:
    module_classes: frozenset  # its classes that subclass torch.nn.Module (by their own bases)
    plain_classes: frozenset  # its classes with no base but object
    torch_names: dict  # name -> the torch name it binds at module level (`nn` -> torch.nn)
    mentions_torch: bool  # the word `torch` occurs in its text
    functions: frozenset  # the names its top-level `def`s bind
    mode_layer_classes: frozenset  # its classes whose code builds dropout or batch norm
    adds_into_self: bool  # some method may keep what it is given (ADDS_INTO_SELF occurs)


def module_file(importer: str, module: str, level: int) -> Optional[str]:
    """The file of `module` as imported by the file `importer` (`from <level dots><module>`),
    or None where it is not a file of the project. An absolute import is looked for beside the
    importer, then where Python would look when the project runs: for a module of a package,
    beside its top package where scripts sit there (`core/test.py` of a project run from its
    root by `main.py` imports `utils` from there); for a script's module, in the directories
    above it (SCRIPT_LEVELS at most: a script run from the project's root imports
    `Architecture.model` from a subdirectory's file)."""
    directory = os.path.dirname(os.path.abspath(importer))
    for _ in range(max(level - 1, 0)):  # `from ..x import y`: up from the importer's package
        directory = os.path.dirname(directory)
    parts = module.split(".") if module else []
    if not parts:
        return None
    for place in _import_roots(directory, parts[0]) if level == 0 else (directory,):
        base = os.path.join(place, *parts)
        for candidate in (base + ".py", os.path.join(base, "__init__.py")):
            if os.path.isfile(candidate):
                return candidate
    return None


def _import_roots(directory: str, first: str) -> list:
    """Where an absolute import (of `first`...) of a file in `directory` is looked for,
    nearest first."""
    top = directory
    while os.path.isfile(os.path.join(top, "__init__.py")) and os.path.dirname(top) != top:
        top = os.path.dirname(top)
    if top != directory:  # beside the top package where scripts run from there (an installed
        # package's site has none), or where the import names the top package itself
        beside = _python_files(top) or os.path.isfile(os.path.join(top, first, "__init__.py"))
        return [directory, top] if beside else [directory]
    roots = [directory]
    for _ in range(SCRIPT_LEVELS):
        directory = os.path.dirname(directory)
        roots.append(directory)
    return roots


def module_facts(path: str) -> Optional[ModuleFacts]:
    """What the module at `path` tells an importing file, or None when it cannot be read."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return _facts(os.path.realpath(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4096)
def _facts(path: str, mtime: int, size: int) -> Optional[ModuleFacts]:
    if size > MAX_BYTES:
        return None
    try:
        with open(path, "rb") as file:
            text = file.read().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    imports = ImportTable()
    for line in TORCH_IMPORT.findall(text):
        try:
            imports.add_ast(ast.parse(line).body[0])
        except (SyntaxError, ValueError, IndexError):
            continue
    headers = {name: [base.strip() for base in (bases or "").split(",") if base.strip()]
               for name, bases in CLASS_HEADER.findall(text)}
    modules: set = set()
    changed = True
    while changed:  # a subclass of a module class is one, in any order
        changed = False
        for name, bases in headers.items():
            if name not in modules and any(
                imports.qualname_of_dotted(base) == "torch.nn.Module" or base in modules for base in bases
            ):
                modules.add(name)
                changed = True
    plain = frozenset(name for name, bases in headers.items() if bases in ([], ["object"]))
    return ModuleFacts(frozenset(modules), plain, dict(imports.names), "torch" in text,
                       frozenset(FUNCTION_HEADER.findall(text)), _mode_layer_classes(text),
                       ADDS_INTO_SELF.search(text) is not None)


def _mode_layer_classes(text: str) -> frozenset:
    """The classes whose block (from its header to the next top-level statement) builds
    dropout or batch norm, itself or by building another such class of the module."""
    headers = list(TOP_LEVEL.finditer(text))
    blocks = {}
    for at, match in enumerate(headers):
        if match.group(1):
            end = headers[at + 1].start() if at + 1 < len(headers) else len(text)
            blocks[match.group(1)] = text[match.start():end]
    holding = {name for name, block in blocks.items() if MODE_LAYERS.search(block)}
    holding |= {name for name, block in blocks.items()
                if any(re.search(rf"\b{re.escape(other)}\s*\(", block) for other in holding if other != name)}
    return frozenset(holding)


def is_torch_code(source: str, tree: ast.Module, path: Optional[str]) -> bool:
    """Whether a file is PyTorch code, the linter's scope: the word `torch` occurs in it, or in a
    module of the project it imports at module level (whose classes and functions its code may
    use). Elsewhere `loss`, `backward()` and `detach()` are someone else's (a turtle's
    `backward(100)`): a file that never meets torch is not looked at."""
    if "torch" in source:
        return True
    if path is None:
        return False
    for node in module_level(tree.body):
        if isinstance(node, ast.Import):
            modules = [(alias.name, 0) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""  # `from . import utils` and `from pkg import sub` may name modules
            modules = [(base, node.level)] + [(f"{base}.{a.name}".lstrip("."), node.level) for a in node.names]
        else:
            continue
        for module, level in modules:
            found = module_file(path, module, level)
            facts = module_facts(found) if found is not None else None
            if facts is not None and facts.mentions_torch:
                return True
    return False


def exported(name: str) -> bool:
    """Whether `from <module> import *` binds `name` (a module without `__all__`: public names)."""
    return not name.startswith("_")


EVAL_SWITCH = re.compile(r"\.\s*eval\s*\(\s*\)|\.\s*train\s*\(\s*(?:mode\s*=\s*)?False\s*\)")


def evaluated_by_importers(path: str) -> bool:
    """Whether a file beside the module at `path` or in the directories above it (SCRIPT_LEVELS
    at most) imports it by its name and switches some module to eval mode (`from model.model
    import Net` ... `net.eval()`): a model defined for scripts that evaluate it."""
    path = os.path.realpath(path)
    stem = os.path.splitext(os.path.basename(path))[0]
    if stem == "__init__":
        stem = os.path.basename(os.path.dirname(path))
    directory = os.path.dirname(path)
    for _ in range(SCRIPT_LEVELS + 1):
        for other in _python_files(directory):
            if other != path and stem in _imported_words_where_evaluating(other):
                return True
        directory = os.path.dirname(directory)
    return False


IMPORT_LINE = re.compile(r"^\s*(?:from\s+([\w.]*)\s+import|import\s+([\w., ]*))", re.MULTILINE)


def _imported_words_where_evaluating(path: str) -> frozenset:
    """The words of the module names a file imports (`from model.model import`: model), where
    it also switches some module to eval mode; none where it does not. Read once per process
    for each version of the file: the files of a directory are asked about for each of its
    modules."""
    try:
        stat = os.stat(path)
    except OSError:
        return frozenset()
    return _read_imported_words(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=1024)
def _read_imported_words(path: str, mtime: int, size: int) -> frozenset:
    if size > MAX_BYTES:
        return frozenset()
    try:
        with open(path, "rb") as file:
            text = file.read().decode("utf-8", "replace")
    except OSError:
        return frozenset()
    if not EVAL_SWITCH.search(text):
        return frozenset()
    imported = (match.group(1) or match.group(2) for match in IMPORT_LINE.finditer(text))
    return frozenset(word for names in imported for word in re.findall(r"\w+", names))


def _python_files(directory: str) -> tuple:
    """The `.py` files in `directory`, listed once per process for each version of it."""
    try:
        return _listing(directory, os.stat(directory).st_mtime_ns)
    except OSError:
        return ()


@lru_cache(maxsize=256)
def _listing(directory: str, mtime: int) -> tuple:
    try:
        names = sorted(os.listdir(directory))
    except OSError:
        return ()
    return tuple(os.path.join(directory, name) for name in names if name.endswith(".py"))
