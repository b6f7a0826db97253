"""The project's own modules, as a file imports them: `from models import Discriminator`,
`from model import *`, `from .utils import nn`. A module is found on disk next to the importing
file (a script's directory is the first place Python looks), or up its package for a relative
import; it is read and indexed once per process, and what it binds at module level tells the
importing file which of its names are torch names, `nn.Module` subclasses or plain classes.

A module that cannot be found, read or parsed tells nothing: the importing file keeps what its
own code shows. Imports are followed one module deep (what a module imports from a third is
not read), a module whose text shows none of the imported names as a class or a torch import
is not parsed, and files over MAX_BYTES are not read, so the cost stays that of a few `ast`
parses per project.
"""

from __future__ import annotations

import ast
import os
from functools import lru_cache
from typing import Optional

MAX_BYTES = 1_000_000


def module_file(importer: str, module: str, level: int) -> Optional[str]:
    """The file of `module` as imported by the file `importer` (`from <level dots><module>`),
    or None where it is not a file of the project beside it."""
    directory = os.path.dirname(os.path.abspath(importer))
    for _ in range(max(level - 1, 0)):  # `from ..x import y`: up from the importer's package
        directory = os.path.dirname(directory)
    parts = module.split(".") if module else []
    base = os.path.join(directory, *parts)
    for candidate in (base + ".py", os.path.join(base, "__init__.py")):
        if parts and os.path.isfile(candidate):
            return candidate
    return None


def module_index(path: str, names: tuple):
    """The pieces.FileIndex of the module at `path`, read for the names imported from it (`*`
    for all), or None when it cannot be read or parsed, or its text shows none of the names
    as a class or an import (then it has nothing to tell: reading it would be waste)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    text = _text(os.path.realpath(path), stat.st_mtime_ns, stat.st_size)
    if text is None or not any(_may_define(text, name) for name in names):
        return None
    return _indexed(os.path.realpath(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=1024)
def _text(path: str, mtime: int, size: int) -> Optional[str]:
    if size > MAX_BYTES:
        return None
    try:
        with open(path, "rb") as file:
            return file.read().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _may_define(text: str, name: str) -> bool:
    """Whether a module's text may bind `name` as a class or a torch import (`*`: any)."""
    if name == "*":
        return "import torch" in text or "from torch" in text
    return f"class {name}" in text or (name in text and ("import torch" in text or "from torch" in text))


@lru_cache(maxsize=1024)
def _indexed(path: str, mtime: int, size: int):
    from .pieces import index_file  # pieces imports this module

    text = _text(path, mtime, size)
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    return index_file(tree, text)  # its own imports from the project are not followed


def exported(index, name: str) -> bool:
    """Whether `from <module> import *` binds `name` of the module `index` indexes."""
    listed = index.all_names
    return name in listed if listed is not None else not name.startswith("_")
