"""Robustness sweep: run flake8-detach over every .py file of real source trees and count what
went wrong. Every problem count must be 0; the other counts (undecodable files, files that
Python's `ast` rejects, DET000 files) only describe the input.

    python tools/sweep.py --flake8             # the full sweep: corpus, stdlib, torch (all files)
    python tools/sweep.py --corpus subset --sample 40     # what CI runs (tests/test_sweep.py)
    python tools/sweep.py --corpus none --no-stdlib --no-torch --paths DIR   # any files

Sources (each a list of .py files, sorted by path):
  corpus    benchmarks/.cache/corpus/{full,subset}, built by benchmarks/build_corpus.py when missing
  stdlib    the running Python's standard library, without site-packages
  torch     the installed torch package's own .py files (never imported: only its location is
            looked up)
`--sample N` keeps every Nth file of stdlib and torch (the corpus subset is already a sample).

For each file, in worker processes (a file that kills its worker, or runs past `--timeout`, is
counted, and the sweep goes on):
  engine   check_source(src) and check_source(src, whole_file=True) raise nothing and give the
           same findings (the piece shortcut must not change what is found);
  DET000   only where Python's own `ast` rejects the file too;
  plugin   the flake8 adapter, called as flake8 calls it (lines read as flake8 reads them, its
           tree), raises nothing, on every file that `ast` accepts (flake8 reports E999 for
           the rest and runs no tree plugin);
  fixes    fix_source(src, unsafe=True) raises nothing, refuses no round of its own making,
           keeps the line count, parses where the input parsed, and is idempotent.
For each source, once:
  cli      `flake8-detach -j N FILES` and `flake8-detach -j N --diff --unsafe-fixes FILES` exit
           0, 1 or 2 and print no traceback, internal error or parser crash;
  flake8   with --flake8: `flake8 --select DET -j N FILES` likewise (exit 0 or 1).

Prints the counts per source and in total, the files with DET000 (with what `ast` says about
them) and every problem; `--json FILE` writes all of it. Exit status 1 when any problem count
is not 0.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import io
import json
import os
import selectors
import subprocess
import sys
import sysconfig
import time
import tokenize
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "benchmarks" / ".cache" / "corpus"
BUILD_CORPUS = ROOT / "benchmarks" / "build_corpus.py"
PROBLEMS = ("tracebacks", "crashes", "timeouts", "det000_ast_accepts", "piece_differences", "fix_problems", "cli_problems")
CLI_CHUNK = 400  # files per command line
CLI_BAD_LINES = ("Traceback", "internal error", "the parser crashed")


# ---- the sources ----------------------------------------------------------------------------


def corpus_files(which: str) -> list:
    root = CORPUS / which
    if not root.is_dir() or not any(root.rglob("*.py")):
        if not BUILD_CORPUS.exists():
            raise SystemExit(f"sweep: error: {root} is missing and {BUILD_CORPUS} is not in this checkout")
        print(f"building the corpus: {BUILD_CORPUS.relative_to(ROOT)}", file=sys.stderr, flush=True)
        subprocess.run([sys.executable, str(BUILD_CORPUS)], check=True, stdout=subprocess.DEVNULL)
    return sorted(str(p) for p in root.rglob("*.py"))


def stdlib_files() -> list:
    root = Path(sysconfig.get_paths()["stdlib"])
    return sorted(str(p) for p in root.rglob("*.py") if "site-packages" not in p.relative_to(root).parts
                  and "dist-packages" not in p.relative_to(root).parts)


def torch_files() -> list:
    import importlib.util

    spec = importlib.util.find_spec("torch")  # locates torch without importing it
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("sweep: error: torch is not installed in this Python")
    root = Path(list(spec.submodule_search_locations)[0])
    return sorted(str(p) for p in root.rglob("*.py"))


def paths_files(paths: list) -> list:
    found = set()
    for given in map(Path, paths):
        if given.is_dir():
            found.update(str(p.resolve()) for p in given.rglob("*.py"))
        else:
            found.add(str(given.resolve()))
    return sorted(found)


def sources(args) -> dict:
    chosen = {}
    if args.paths:
        chosen["paths"] = paths_files(args.paths)
    if args.corpus != "none":
        chosen[f"corpus-{args.corpus}"] = corpus_files(args.corpus)
    if args.stdlib:
        chosen["stdlib"] = stdlib_files()[:: args.sample]
    if args.torch:
        chosen["torch"] = torch_files()[:: args.sample]
    return chosen


# ---- one file ------------------------------------------------------------------------------


def flake8_lines(raw: bytes) -> list:
    """The lines flake8 hands a plugin (flake8's FileProcessor: tokenize.open, else latin-1;
    universal newlines; the BOM stripped)."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
        lines = io.TextIOWrapper(io.BytesIO(raw), encoding, line_buffering=True).readlines()
    except (SyntaxError, UnicodeError, LookupError):
        lines = io.TextIOWrapper(io.BytesIO(raw), "latin-1").readlines()
    if lines and lines[0][:1] == "\ufeff":
        lines[0] = lines[0][1:]
    return lines


def key(violation) -> tuple:
    fix = violation.fix
    return (violation.line, violation.col, violation.code, violation.message, fix.safety if fix else None)


def check_one(path: str) -> dict:
    """Everything the sweep asks of one file; problems as (kind, detail)."""
    from flake8_detach.pipeline.checking import check_source
    from flake8_detach.pipeline.fixing import fix_source
    from flake8_detach.frontends.flake8_plugin import Flake8Checker

    started = time.perf_counter()
    result = {"path": path, "problems": [], "det000": None, "ast_error": None, "undecodable": None}
    problems = result["problems"]

    def guarded(kind: str, call):
        try:
            return call()
        except Exception:
            problems.append(("tracebacks", f"{kind}: {traceback.format_exc(limit=-8)}"))
            return None

    raw = Path(path).read_bytes()
    result["lines"] = raw.count(b"\n")
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
        source = raw.decode(encoding)
    except (SyntaxError, UnicodeDecodeError, LookupError) as error:
        result["undecodable"] = str(error)
        source = None
    if source is not None:
        try:
            ast.parse(source)
        except (SyntaxError, ValueError, RecursionError, MemoryError) as error:
            result["ast_error"] = f"{type(error).__name__}: {getattr(error, 'msg', None) or error}"
        by_pieces = guarded("check_source", lambda: check_source(source))
        whole = guarded("check_source(whole_file=True)", lambda: check_source(source, whole_file=True))
        if by_pieces is not None and whole is not None:
            a, b = [key(v) for v in by_pieces], [key(v) for v in whole]
            if a != b:
                only_by_pieces = [k for k in a if k not in b]
                only_whole = [k for k in b if k not in a]
                problems.append(("piece_differences", f"pieces only: {only_by_pieces}; whole file only: {only_whole}"))
        for found in (by_pieces, whole):
            det000 = [v for v in found or () if v.code == "DET000"]
            if det000:
                result["det000"] = f"{det000[0].line}:{det000[0].col + 1}: {det000[0].message}"
                if result["ast_error"] is None:
                    problems.append(("det000_ast_accepts", result["det000"]))
                break
        if by_pieces and any(v.fix is not None for v in by_pieces):
            check_fixes(source, result["ast_error"] is None, problems, guarded, fix_source)
    # The flake8 adapter, as flake8 runs it: only on files whose lines `ast` accepts.
    lines = flake8_lines(raw)
    try:
        tree = ast.parse("".join(lines))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        tree = None
    if tree is not None:
        guarded("flake8 plugin", lambda: list(Flake8Checker(tree, lines, path).run()))
    result["seconds"] = round(time.perf_counter() - started, 3)
    return result


def check_fixes(source: str, parses: bool, problems: list, guarded, fix_source) -> None:
    fixed = guarded("fix_source", lambda: fix_source(source, unsafe=True))
    if fixed is None:
        return
    if fixed.rejected:
        problems.append(("fix_problems", f"a round was refused: {fixed.rejected}"))
    if fixed.source == source:
        return
    if fixed.source.count("\n") != source.count("\n"):
        problems.append(("fix_problems", "the fixes changed the number of lines"))
    if parses:
        try:
            ast.parse(fixed.source)
        except (SyntaxError, ValueError, RecursionError, MemoryError) as error:
            problems.append(("fix_problems", f"fixed code does not parse: {error}"))
    again = guarded("fix_source (second run)", lambda: fix_source(fixed.source, unsafe=True))
    if again is not None and again.source != fixed.source:
        problems.append(("fix_problems", "not idempotent: a second --fix --unsafe-fixes changes the code again"))


def worker() -> None:
    """Reads a path on stdin, checks it, writes one JSON line; until stdin closes."""
    channel = os.fdopen(os.dup(sys.stdout.fileno()), "w")
    sys.stdout = sys.stderr  # whatever else prints cannot garble the channel
    selftest = os.environ.get("SWEEP_SELFTEST", "")  # "crash:NAME" or "hang:NAME", for tests/test_sweep.py
    while True:
        line = sys.stdin.readline()
        if not line:
            return
        path = line.rstrip("\n")
        if selftest.startswith("crash:") and path.endswith(selftest[6:]):
            os.kill(os.getpid(), 9)  # SIGKILL: dies as a crashing parser would, without a core file
        if selftest.startswith("hang:") and path.endswith(selftest[5:]):
            time.sleep(3600)
        print(json.dumps(check_one(path)), file=channel, flush=True)


# ---- running the workers -------------------------------------------------------------------


@dataclass
class Worker:
    process: subprocess.Popen
    path: Optional[str] = None  # the file being checked
    started: float = 0.0
    buffer: bytes = b""


def run_workers(files: list, jobs: int, timeout: float, progress: str) -> list:
    """check_one for every file, in `jobs` worker processes that each take the next file when
    done (largest first, so that one slow file does not end the sweep alone). A worker that dies
    or runs past `timeout` on a file is replaced, and the file counted."""
    results: dict = {}
    queue = sorted(files, key=lambda path: -os.path.getsize(path))
    selector = selectors.DefaultSelector()
    workers: list = []

    def start_worker() -> None:
        process = subprocess.Popen([sys.executable, __file__, "--worker"], stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, cwd=ROOT)
        os.set_blocking(process.stdout.fileno(), False)
        w = Worker(process)
        selector.register(process.stdout, selectors.EVENT_READ, w)
        workers.append(w)
        feed(w)

    def feed(w: Worker) -> None:
        if queue:
            w.path, w.started = queue.pop(0), time.monotonic()
            w.process.stdin.write((w.path + "\n").encode())
            w.process.stdin.flush()
        else:
            w.path = None
            w.process.stdin.close()

    def retire(w: Worker, kill: bool) -> None:
        selector.unregister(w.process.stdout)
        if kill:
            w.process.kill()
        w.process.wait()
        w.process.stdout.close()
        if not w.process.stdin.closed:
            with contextlib.suppress(OSError):
                w.process.stdin.close()
        workers.remove(w)

    for _ in range(min(jobs, len(queue))):
        start_worker()
    total, last_report = len(files), time.monotonic()
    while workers:
        for selected, _ in selector.select(timeout=1.0):
            w = selected.data
            chunk = os.read(selected.fd, 1 << 16)
            if chunk:
                w.buffer += chunk
                *done, w.buffer = w.buffer.split(b"\n")
                for line in done:
                    result = json.loads(line)
                    results[result["path"]] = result
                    feed(w)
                continue
            # End of output: the worker finished its share, or died on w.path.
            path = w.path
            retire(w, kill=False)
            if path is not None:
                results[path] = dead(path, "crashes", f"the worker died (exit status {w.process.returncode}) on this file")
                if queue:
                    start_worker()
        now = time.monotonic()
        for w in list(workers):
            if w.path is not None and now - w.started > timeout:
                path = w.path
                retire(w, kill=True)
                results[path] = dead(path, "timeouts", f"not done after {timeout:.0f} s")
                if queue:
                    start_worker()
        if progress and now - last_report > 30:
            print(f"  {progress}: {len(results)}/{total} files", file=sys.stderr, flush=True)
            last_report = now
    return [results[path] for path in files]


def dead(path: str, kind: str, detail: str) -> dict:
    raw = Path(path).read_bytes()
    return {"path": path, "problems": [(kind, detail)], "det000": None, "ast_error": None,
            "undecodable": None, "lines": raw.count(b"\n"), "seconds": None}


# ---- the command line and flake8 over a whole source ---------------------------------------


def run_tool(command: list, files: list, ok_status: tuple) -> list:
    """Problems from running `command FILES` in chunks: bad exit status, tracebacks on stderr."""
    problems = []
    for start in range(0, len(files), CLI_CHUNK):
        chunk = files[start : start + CLI_CHUNK]
        print(f"  {' '.join(command[2:])}: files {start}..{start + len(chunk)} of {len(files)}",
              file=sys.stderr, flush=True)
        done = subprocess.run([*command, *chunk], capture_output=True, text=True, errors="replace", cwd=ROOT)
        bad = [line for line in done.stderr.splitlines() if any(marker in line for marker in CLI_BAD_LINES)]
        if done.returncode not in ok_status or bad:
            shown = "\n".join(bad[:20] or done.stderr.splitlines()[-20:])
            problems.append(("cli_problems", f"{' '.join(command)} (files {start}..{start + len(chunk)}): "
                             f"exit status {done.returncode}\n{shown}"))
    return problems


def cli_checks(files: list, jobs: int, with_flake8: bool) -> list:
    cli = [sys.executable, "-m", "flake8_detach", "-j", str(jobs)]
    problems = run_tool(cli, files, (0, 1, 2))
    problems += run_tool([*cli, "--diff", "--unsafe-fixes"], files, (0, 1, 2))
    if with_flake8:
        problems += run_tool([sys.executable, "-m", "flake8", "--isolated", "--select", "DET", "-j", str(jobs)],
                             files, (0, 1))
    return problems


# ---- the report ----------------------------------------------------------------------------


@dataclass
class Counts:
    files: int = 0
    lines: int = 0
    undecodable: int = 0
    ast_rejects: int = 0
    det000: int = 0
    problems: dict = field(default_factory=lambda: dict.fromkeys(PROBLEMS, 0))

    def add(self, result: dict) -> None:
        self.files += 1
        self.lines += result["lines"]
        self.undecodable += result["undecodable"] is not None
        self.ast_rejects += result["ast_error"] is not None
        self.det000 += result["det000"] is not None
        for kind, _ in result["problems"]:
            self.problems[kind] += 1

    def row(self, name: str) -> str:
        cells = [self.files, self.lines, self.undecodable, self.ast_rejects, self.det000, *self.problems.values()]
        return f"{name:<14}" + "".join(f"{cell:>{width(h)},}" for cell, h in zip(cells, HEADERS))


HEADERS = ("files", "lines", "undecodable", "ast_rejects", "DET000", *PROBLEMS)


def width(header: str) -> int:
    return max(len(header), 9) + 2


def sweep(chosen: dict, jobs: int, timeout: float, with_cli: bool, with_flake8: bool) -> dict:
    report = {"sources": {}, "det000_files": [], "ast_rejected_files": [], "undecodable_files": [], "problems": [],
              "slowest": []}
    total = Counts()
    timings = []
    for name, files in chosen.items():
        started = time.monotonic()
        counts = Counts()
        results = run_workers(files, jobs, timeout, progress=name)
        for result in results:
            counts.add(result)
            total.add(result)
            if result["det000"]:
                report["det000_files"].append((name, result["path"], result["det000"], result["ast_error"]))
            if result["ast_error"] and not result["det000"]:
                report["ast_rejected_files"].append((name, result["path"], result["ast_error"]))
            if result["undecodable"]:
                report["undecodable_files"].append((name, result["path"], result["undecodable"]))
            report["problems"] += [(name, result["path"], kind, detail) for kind, detail in result["problems"]]
            if result["seconds"] is not None:
                timings.append((result["seconds"], result["path"]))
        if with_cli:
            for kind, detail in cli_checks(files, jobs, with_flake8):
                counts.problems[kind] += 1
                total.problems[kind] += 1
                report["problems"].append((name, "(command line)", kind, detail))
        report["sources"][name] = {"counts": counts.__dict__, "seconds": round(time.monotonic() - started, 1)}
    report["total"] = total.__dict__
    report["slowest"] = sorted(timings, reverse=True)[:10]
    report["table"] = table(report)
    return report


def table(report: dict) -> str:
    header = f"{'source':<14}" + "".join(f"{h:>{width(h)}}" for h in HEADERS)
    rows = [header]
    for name, data in list(report["sources"].items()) + [("total", {"counts": report["total"]})]:
        counts = Counts(**{k: v for k, v in data["counts"].items()})
        rows.append(counts.row(name))
    return "\n".join(rows)


def print_report(report: dict) -> None:
    print(report["table"])
    for name, data in report["sources"].items():
        print(f"{name}: {data['seconds']} s")
    print(f"\nDET000 files ({len(report['det000_files'])}), with what Python's ast says:")
    for name, path, det000, ast_error in report["det000_files"]:
        print(f"  {short(path)}:{det000}\n      ast: {ast_error or 'ACCEPTS THE FILE'}")
    print(f"\nfiles Python's ast rejects that got no DET000 ({len(report['ast_rejected_files'])}): no code any rule "
          "looks for, so the prefilter skips them (flake8 reports E999)")
    for name, path, ast_error in report["ast_rejected_files"]:
        print(f"  {short(path)}: {ast_error}")
    print(f"\nundecodable files ({len(report['undecodable_files'])}): the command line reports them, exit status 2")
    for name, path, error in report["undecodable_files"]:
        print(f"  {short(path)}: {error}")
    print("\nslowest files:")
    for seconds, path in report["slowest"]:
        print(f"  {seconds:7.2f} s  {short(path)}")
    print(f"\nproblems ({len(report['problems'])}):")
    for name, path, kind, detail in report["problems"]:
        print(f"  [{kind}] {short(path)}\n      " + detail.strip().replace("\n", "\n      "))


def short(path: str) -> str:
    for base in (str(CORPUS) + os.sep, sysconfig.get_paths()["stdlib"] + os.sep):
        if path.startswith(base):
            return path[len(base) :]
    marker = os.sep + "site-packages" + os.sep
    return path.split(marker, 1)[1] if marker in path else path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", choices=("full", "subset", "none"), default="full")
    parser.add_argument("--paths", nargs="+", metavar="PATH", help="also sweep these files and directories")
    parser.add_argument("--no-stdlib", dest="stdlib", action="store_false", help="leave out the standard library")
    parser.add_argument("--no-torch", dest="torch", action="store_false", help="leave out torch's sources")
    parser.add_argument("--sample", type=int, default=1, metavar="N", help="every Nth file of stdlib and torch")
    parser.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds one file may take (default 300)")
    parser.add_argument("--no-cli", dest="cli", action="store_false", help="skip the command line runs")
    parser.add_argument("--flake8", action="store_true", help="also run flake8 --select DET over each source")
    parser.add_argument("--json", type=Path, help="write the whole report as JSON here")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker()
        return 0
    report = sweep(sources(args), max(1, args.jobs), args.timeout, args.cli, args.flake8)
    print_report(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))
    return 1 if any(report["total"]["problems"].values()) else 0


if __name__ == "__main__":
    sys.exit(main())
