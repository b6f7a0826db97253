"""--fix on real notebooks that hold cells which do not parse: every cell the fixes did not touch
must stay byte-identical, and every cell they touched must still compile.

    python tools/notebook_fix_sweep.py DIR [DIR ...]

Each notebook under the directories where `--fix --unsafe-fixes` changes some cells is written
out in variants, each with one stub cell that does not parse (an exercise left blank, `loss = `,
or Python 2's `print 1`) inserted before its first code cell, in its middle, and before its last
one; then the command fixes each variant. The script compares each cell's bytes in the notebook's
text before and after: only cells that the fixes change in the notebook without the stub may
change (fewer is right: facts are forgotten at a broken cell), and each of them must compile.
It prints one line per problem, then the counts; exit status 1 when there is any.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from flake8_detach.pipeline.notebook import Notebook, NotebookError, _source_locations, parse_problem, python_code

STUBS = ("loss = \n", "print 1\n")


def variants(data: dict) -> list:
    """(where, index, the notebook's JSON with a stub cell inserted at index) for each place and stub."""
    code = [index for index, cell in enumerate(data["cells"]) if cell.get("cell_type") == "code"]
    places = {"first": code[0], "middle": code[len(code) // 2], "last": code[-1]}
    out = []
    for where, index in places.items():
        for stub in STUBS:
            copy = json.loads(json.dumps(data))
            cell = {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": [stub]}
            copy["cells"].insert(index, cell)
            out.append((f"{where}:{stub.strip()}", index, json.dumps(copy, indent=1, ensure_ascii=False) + "\n"))
    return out


def cell_texts(text: str) -> list:
    """Each cell's "source" value exactly as written in the notebook's text."""
    return [text[location.strings[0][0] : location.strings[-1][1]] if location.strings else ""
            for _, location in sorted(_source_locations(text).items())]


def compare(before: str, after: str, fixable: set) -> tuple:
    """(changed cells, problems) of one --fix; `fixable`: the cells that a fix changes in the
    notebook without the stub (by their index here), the only ones that may change."""
    old, new = cell_texts(before), cell_texts(after)
    if len(old) != len(new):
        return 0, ["the number of cells changed"]
    changed = [index for index, (a, b) in enumerate(zip(old, new)) if a != b]
    problems = [f"cell {index + 1} changed, which no fix changes without the stub" for index in changed
                if index not in fixable]
    cells = json.loads(after)["cells"]
    for index in changed:
        source = "".join(cells[index]["source"]) if isinstance(cells[index]["source"], list) else cells[index]["source"]
        code, _ = python_code(source)
        if parse_problem(code) is not None:
            problems.append(f"fixed cell {index + 1} does not compile")
    outside = json.loads(before), json.loads(after)
    for index, (a, b) in enumerate(zip(outside[0]["cells"], outside[1]["cells"])):
        if index not in changed and a != b:
            problems.append(f"cell {index + 1} changed though its source did not")
    return len(changed), problems


def fixed(text: str, scratch: Path) -> str:
    """The notebook `text` after `--fix --unsafe-fixes` with every rule."""
    target = scratch / "book.ipynb"
    target.write_text(text, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "flake8_detach", "--select", "DET", "--fix", "--unsafe-fixes", str(target)],
                   capture_output=True, text=True)
    return target.read_text(encoding="utf-8")


def main(argv: list) -> int:
    notebooks = sorted(path for folder in argv for path in Path(folder).rglob("*.ipynb"))
    counts = {"notebooks": 0, "variants": 0, "fixed": 0, "cells fixed": 0, "problems": 0}
    with tempfile.TemporaryDirectory() as scratch:
        for path in notebooks:
            try:
                text = path.read_text(encoding="utf-8")
                Notebook(text)
                data = json.loads(text)
            except (UnicodeDecodeError, NotebookError, json.JSONDecodeError):
                continue
            if not any(cell.get("cell_type") == "code" for cell in data["cells"]):
                continue
            plain = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
            baseline = {index for index, (a, b) in enumerate(zip(cell_texts(plain), cell_texts(fixed(plain, Path(scratch)))))
                        if a != b}
            if not baseline:
                continue  # nothing to fix
            counts["notebooks"] += 1
            for where, stub_at, variant in variants(data):
                after = fixed(variant, Path(scratch))
                shifted = {index + (index >= stub_at) for index in baseline}
                changed, problems = compare(variant, after, shifted)
                counts["variants"] += 1
                counts["fixed"] += bool(changed)
                counts["cells fixed"] += changed
                counts["problems"] += len(problems)
                for problem in problems:
                    print(f"{path} [{where}]: {problem}")
    print(", ".join(f"{name}: {count}" for name, count in counts.items()))
    return 1 if counts["problems"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
