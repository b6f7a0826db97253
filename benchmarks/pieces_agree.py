"""The piece shortcut against whole-file analysis, on every file of the benchmark corpora.

    python3 benchmarks/pieces_agree.py [--jobs N] [FOLDER ...]

flake8-detach parses and analyses only the pieces of a file where some rule can fire, and skips
a file where no rule's words occur (pipeline.planning.plan); `check_source(..., whole_file=True)`
analyses the whole file in one piece, with no gate. The gates are a cost optimisation and must
never change a result: this runs both, with every rule, on each .py file and each notebook
segment under the folders (default: the library corpus of build_corpus.py and the user corpus of
ecosystem.py, both in benchmarks/.cache/, the reports corpus and the mimics), then each rule
that finds something there selected alone (a rule's own gates must not hide what the others'
let through), and lists the files where the findings differ. Exit status 1 when any do.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
from pathlib import Path

from flake8_detach import RULES, check_source
from flake8_detach.pipeline.notebook import Notebook, NotebookError

CACHE = Path(__file__).resolve().parent / ".cache"
HERE = Path(__file__).resolve().parent
FOLDERS = (CACHE / "corpus" / "full", CACHE / "ecosystem", HERE / "reports", HERE / "ecosystem" / "mimics")


def sources_of(path: Path) -> list:
    """The Python sources flake8-detach analyses for a file: the file, or a notebook's segments."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix != ".ipynb":
        return [text]
    try:
        return [segment.source for segment in Notebook(text).segments()]
    except NotebookError:
        return []


def compare(path: Path) -> tuple:
    """(path, whether the analyses agree, the first difference): the pieces against the whole
    file with every rule, then each rule found selected alone (its gates only) against what
    it finds in the whole file."""
    for source in sources_of(path):
        pieces = [(v.line, v.col, v.code, v.message) for v in check_source(source, path=str(path))]
        whole = [(v.line, v.col, v.code, v.message) for v in check_source(source, whole_file=True, path=str(path))]
        if pieces != whole:
            return path, False, sorted(set(pieces) ^ set(whole))[:1]
        for rule in (rule for rule in RULES if any(found[2] == rule.code for found in whole)):
            alone = [(v.line, v.col, v.code, v.message) for v in check_source(source, [rule], path=str(path))]
            own = [found for found in whole if found[2] == rule.code]
            if alone != own:
                return path, False, [f"{rule.code} selected alone"] + sorted(set(alone) ^ set(own))[:1]
    return path, True, []


def main(argv: list | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=list(FOLDERS))
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    missing = [str(folder) for folder in args.folders if not folder.is_dir()]
    if missing:
        sys.exit(f"error: no such folder: {', '.join(missing)} (build_corpus.py and ecosystem.py make them)")
    files = sorted(p for folder in args.folders for p in folder.rglob("*") if p.suffix in (".py", ".ipynb"))
    differing = []
    with multiprocessing.Pool(args.jobs) as pool:
        for path, agree, difference in pool.imap_unordered(compare, files, chunksize=8):
            if not agree:
                differing.append((path, difference))
    for path, difference in sorted(differing):
        print(f"differ: {path}: {difference}")
    print(f"{len(files):,} files: the piece shortcut and whole-file analysis differ on {len(differing)}")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
