"""The project's own modules, as a file imports them: `from models import Discriminator`,
`from model import *`, `from .utils import nn`. A module is found on disk next to the importing
file (a script's directory is the first place Python looks), or up its package for a relative
import; it is read and indexed once per process, and what it binds at module level tells the
importing file which of its names are torch names, `nn.Module` subclasses or plain classes.

A module that cannot be found, read or parsed tells nothing: the importing file keeps what its
own code shows. Imports are followed MAX_DEPTH modules deep, and files over MAX_BYTES are not
read, so the cost stays that of a few `ast` parses per project.
"""

from __future__ import annotations

import ast
import os
from functools import lru_cache
from typing import Optional

MAX_DEPTH = 2  # a star import of a module that star-imports another
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


def module_index(path: str, depth: int):
    """The pieces.FileIndex of the module at `path`, or None when it cannot be read or parsed
    (or lies deeper than MAX_DEPTH)."""
    if depth > MAX_DEPTH:
        return None
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return _indexed(os.path.realpath(path), stat.st_mtime_ns, stat.st_size, depth)


@lru_cache(maxsize=256)
def _indexed(path: str, mtime: int, size: int, depth: int):
    from .pieces import index_file  # pieces imports this module

    if size > MAX_BYTES:
        return None
    try:
        with open(path, "rb") as file:
            source = file.read().decode("utf-8")
        tree = ast.parse(source)
    except (OSError, UnicodeDecodeError, SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    return index_file(tree, source, path, depth)


def exported(index, name: str) -> bool:
    """Whether `from <module> import *` binds `name` of the module `index` indexes."""
    listed = index.all_names
    return name in listed if listed is not None else not name.startswith("_")
