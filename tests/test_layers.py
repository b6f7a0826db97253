"""The package's layers: each module imports only from its own layer or the ones below."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "flake8_detach"

# Highest first. A module's layer is its subpackage, or its own name at the top level.
LAYERS = [
    {"__init__", "__main__", "frontends", "docs"},
    {"pipeline"},
    {"rules"},
    {"engine"},
    {"analysis"},
    {"syntax"},
    {"findings", "torchapi"},
]


def layer_of(parts) -> int:
    return next(rank for rank, members in enumerate(LAYERS) if parts[0] in members)


def imported_modules(path: Path):
    """The package's own modules that `path` imports, as parts below flake8_detach."""
    package = list(path.relative_to(PACKAGE).parent.parts)
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - (node.level - 1)]
            target = base + (node.module.split(".") if node.module else [])
            if target:
                yield target
            else:  # from . import x: x is a module or a package attribute
                yield from ([alias.name] for alias in node.names)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [node.module] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            for name in names:
                if name and name.split(".")[0] == "flake8_detach" and "." in name:
                    yield name.split(".")[1:]


def test_no_module_imports_from_a_layer_above_its_own():
    upward = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
        for target in imported_modules(path):
            if target[0] != "__version__" and layer_of(target) < layer_of(parts):
                upward.append(f"{'/'.join(parts)} imports {'.'.join(target)}")
    assert upward == []


def test_every_module_has_a_layer_and_the_top_level_stays_small():
    top = sorted(p.stem for p in PACKAGE.glob("*.py")) + sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists())
    for name in top:
        layer_of([name])  # raises StopIteration for a module no layer names
    assert len([p for p in PACKAGE.glob("*.py")]) <= 12
