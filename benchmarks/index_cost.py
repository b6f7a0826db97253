"""What knowing the project's imported names costs: libcst FullRepoManager +
FullyQualifiedNameProvider, jedi inference, and flake8-detach's own index, against a bare
libcst parse of the same files.

Driver (any python):  python index_cost.py [--runs 3] [PROJECT_DIR ...]
with INDEX_COST_LIBS_PYTHON=<venv with libcst and jedi>/bin/python and
INDEX_COST_DETACH_PYTHON=<venv with flake8-detach>/bin/python; the projects are read from the
ecosystem corpus (benchmarks/.cache/ecosystem, built by ecosystem.py).
Each measurement runs in a fresh subprocess (cold caches, as a linter run starts), best of N.
Workers: python index_cost.py --worker {parse,fqn,jedi,detach,typeinf} ROOT
  parse/fqn/jedi/typeinf need the libcst + jedi venv (no torch);
  detach needs the venv with flake8-detach installed.
Correctness probes: python index_cost.py --probe {libcst,jedi,detach} ROOT FILE LINE COL ...
"""

from __future__ import annotations

import argparse
import ast
import builtins
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The two interpreters, from the environment: a venv with libcst and jedi (no torch), and one
# with flake8-detach installed (the same libcst version).
IDX_PY = os.environ.get("INDEX_COST_LIBS_PYTHON", "python3")
DETACH_PY = os.environ.get("INDEX_COST_DETACH_PYTHON", sys.executable)
DETACH_BIN = str(Path(DETACH_PY).parent)
ECO = Path(__file__).resolve().parent / ".cache" / "ecosystem"  # built by ecosystem.py
PROJECTS = [
    "kevinzakka+recurrent-visual-attention",
    "amdegroot+ssd.pytorch",
    "Cysu+open-reid",
    "p-christ+Deep-Reinforcement-Learning-Algorithms-with-PyTorch",
]


def py_files(root: Path) -> list:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*.py") if p.is_file())


# ---- which calls call a name the project defines (for jedi's query list) --------------------


def project_module_names(root: Path, rels: list) -> set:
    """Last components of every module/package of the project (`models`, `box_utils`, `reid`)."""
    names = set()
    for rel in rels:
        parts = Path(rel).with_suffix("").parts
        names.update(p for p in parts if p != "__init__")
    return names


def candidate_calls(tree: ast.Module, modules: set) -> list:
    """(line, col of the callee's last name, spelled callee) for every call of a name imported from a
    module of the project: `from models import D; D()`, `import utils; utils.f()`, and, in a
    file with `from <project module> import *`, any call of a name the file does not bind."""
    by_name, module_aliases, star = set(), set(), False
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            mod = node.module or ""
            is_project = node.level > 0 or (mod and mod.split(".")[-1] in modules) or (mod and mod.split(".")[0] in modules)
            if not is_project:
                continue
            for a in node.names:
                if a.name == "*":
                    star = True
                elif a.name in modules:  # `from pkg import submodule`
                    module_aliases.add(a.asname or a.name)
                else:
                    by_name.add(a.asname or a.name)
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.split(".")[0] in modules or a.name.split(".")[-1] in modules:
                    module_aliases.add(a.asname or a.name.split(".")[0])
    bound = set()
    if star:
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                bound.add(node.name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                bound.add(node.id)
            elif isinstance(node, ast.arg):
                bound.add(node.arg)
            elif isinstance(node, ast.alias):
                bound.add((node.asname or node.name).split(".")[0])
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        if isinstance(f, ast.Name) and (
            f.id in by_name or star and f.id not in bound and not hasattr(builtins, f.id)
        ):
            found.append((f.lineno, f.col_offset, f.id))
        elif isinstance(f, ast.Attribute):
            head = f.value
            while isinstance(head, ast.Attribute):
                head = head.value
            if isinstance(head, ast.Name) and head.id in module_aliases:
                # the attribute's own name starts after the dot
                found.append((f.end_lineno, f.end_col_offset - len(f.attr), ast.unparse(f)))
    return found


# ---- workers --------------------------------------------------------------------------------


def w_parse(root: Path) -> dict:
    import libcst

    rels = py_files(root)
    data = [(root / r).read_bytes() for r in rels]
    fails = 0
    t0 = time.perf_counter()
    for src in data:
        try:
            libcst.parse_module(src)
        except Exception:
            fails += 1
    return {"seconds": time.perf_counter() - t0, "files": len(rels), "fails": fails,
            "lines": sum(d.count(b"\n") for d in data)}


def w_fqn(root: Path) -> dict:
    from libcst.metadata import FullRepoManager, FullyQualifiedNameProvider

    rels = [str(root / r) for r in py_files(root)]  # gen_cache needs them absolute
    t0 = time.perf_counter()
    mgr = FullRepoManager(str(root), rels, {FullyQualifiedNameProvider})
    mgr.resolve_cache()
    t_cache = time.perf_counter() - t0
    results, fails = [], 0
    for rel in rels:
        try:
            w = mgr.get_metadata_wrapper_for_path(rel)
            results.append((rel, w.module, w.resolve(FullyQualifiedNameProvider)))
        except Exception:
            fails += 1
    seconds = time.perf_counter() - t0
    # Count (outside the timing): calls whose callee's FQN lies in a module of the project.
    mods = {v.name for v in mgr.cache[FullyQualifiedNameProvider].values()}
    calls = project_calls = 0
    for rel, module, fqn in results:
        for node in _walk_calls(module):
            calls += 1
            names = fqn.get(node.func, set())
            # imported from a module of the project (LOCAL names also carry the file's own
            # module as prefix: `trainer.Trainer.step.<locals>.self.D`)
            if any(n.source.name == "IMPORT" and _in_project(n.name, mods) for n in names):
                project_calls += 1
    return {"seconds": seconds, "cache_seconds": t_cache, "files": len(rels), "fails": fails,
            "calls": calls, "project_calls": project_calls}


def _walk_calls(module):
    import libcst as cst

    class V(cst.CSTVisitor):
        def __init__(self):
            self.found = []

        def visit_Call(self, node):
            self.found.append(node)

    v = V()
    module.visit(v)
    return v.found


def _in_project(name: str, mods: set) -> bool:
    parts = name.split(".")
    return any(".".join(parts[:i]) in mods for i in range(1, len(parts)))


def w_typeinf(root: Path) -> dict:
    from libcst.metadata import FullRepoManager, TypeInferenceProvider

    rels = py_files(root)[:3]
    try:
        mgr = FullRepoManager(str(root), rels, {TypeInferenceProvider})
        mgr.resolve_cache()
        return {"usable": True}
    except Exception as e:
        return {"usable": False, "error": f"{type(e).__name__}: {str(e)[:300]}"}


def w_jedi(root: Path) -> dict:
    import jedi

    cache = tempfile.mkdtemp(prefix="jedi-cache-")  # cold parso disk cache each run
    jedi.settings.cache_directory = cache
    rels = py_files(root)
    modules = project_module_names(root, rels)
    queries = {}
    for rel in rels:
        try:
            queries[rel] = candidate_calls(ast.parse((root / rel).read_bytes()), modules)
        except (SyntaxError, ValueError):
            queries[rel] = []
    project = jedi.Project(str(root))
    asked = callee_found = callee_in_project = result_found = 0
    result_kinds = {}
    t0 = time.perf_counter()
    for rel in rels:
        script = jedi.Script(path=str(root / rel), project=project)
        for line, col, spelled in queries[rel]:
            asked += 1
            try:
                defs = script.infer(line, col)
            except Exception:
                defs = []
            if defs:
                callee_found += 1
            if any(d.module_path and str(d.module_path).startswith(str(root)) for d in defs):
                callee_in_project += 1
            out = []
            for d in defs:
                try:
                    out += d.execute()
                except Exception:
                    pass
            if out:
                result_found += 1
                for o in out:
                    k = f"{o.type}"
                    result_kinds[k] = result_kinds.get(k, 0) + 1
    seconds = time.perf_counter() - t0
    # The same, all files, but no query: what Script creation + parsing alone costs is not
    # separable (jedi parses lazily), so report per-query cost too.
    return {"seconds": seconds, "files": len(rels), "asked": asked, "callee_found": callee_found,
            "callee_in_project": callee_in_project, "result_found": result_found,
            "result_kinds": result_kinds}


def w_detach(root: Path) -> dict:
    """flake8-detach's CLI check in-process (after imports), with the time spent in
    project_index (ast parse + index of imported project modules) and in project._facts
    (header scans of imported modules), outermost calls only."""
    import contextlib
    import io

    from flake8_detach.analysis import file_index, project
    from flake8_detach.frontends import cli

    spent = {"project_index": 0.0, "module_facts": 0.0, "index_calls": 0, "facts_calls": 0}
    depth = [0]

    def timed(fn, key, count):
        def wrapper(*a, **k):
            if depth[0]:
                return fn(*a, **k)
            depth[0] += 1
            t = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                spent[key] += time.perf_counter() - t
                spent[count] += 1
                depth[0] -= 1
        return wrapper

    original_index, original_facts = file_index._project_index, project._facts
    file_index._project_index = timed(original_index, "project_index", "index_calls")
    project._facts = timed(original_facts, "module_facts", "facts_calls")
    # --jobs 1 still checks in one worker process (crash isolation): check in this one instead,
    # so the timers see the work and no process start is counted.
    cli.run = lambda files, options, jobs: [cli.check_file(path, options) for path in files]
    rels = py_files(root)
    paths = [str(root / r) for r in rels]
    out = io.StringIO()
    t0 = time.perf_counter()
    with contextlib.redirect_stdout(out):
        code = cli.main(["--jobs", "1", *paths])
    seconds = time.perf_counter() - t0
    # cache sizes: how many distinct modules were indexed / scanned
    return {"seconds": seconds, "exit": code, "findings": out.getvalue().count("\n"),
            "distinct_indexed": original_index.cache_info().currsize,
            "distinct_scanned": original_facts.cache_info().currsize, **spent}


# ---- probes for correctness -------------------------------------------------------------------


def probe_jedi(root: Path, rel: str, spots: list) -> list:
    import jedi

    jedi.settings.cache_directory = tempfile.mkdtemp(prefix="jedi-cache-")
    script = jedi.Script(path=str(root / rel), project=jedi.Project(str(root)))
    lines = (root / rel).read_text().splitlines()
    out = []
    for line, col in spots:
        defs = script.infer(line, col)
        executed = []
        for d in defs:
            try:
                executed += [f"{e.type} {e.full_name or e.name}" for e in d.execute()]
            except Exception as e:
                executed.append(f"execute failed: {e}")
        out.append({"at": f"{rel}:{line}:{col}", "text": lines[line - 1].strip()[:80],
                    "infer": [f"{d.type} {d.full_name} ({d.module_path and Path(d.module_path).name})" for d in defs],
                    "execute": executed})
    return out


def probe_libcst(root: Path, rel: str, spots: list) -> list:
    import libcst as cst
    from libcst.metadata import FullRepoManager, FullyQualifiedNameProvider, PositionProvider

    mgr = FullRepoManager(str(root), [str(root / r) for r in py_files(root)], {FullyQualifiedNameProvider})
    w = mgr.get_metadata_wrapper_for_path(str(root / rel))
    fqn = w.resolve(FullyQualifiedNameProvider)
    pos = w.resolve(PositionProvider)
    lines = (root / rel).read_text().splitlines()
    out = []
    for line, col in spots:
        # the smallest Name/Attribute node with an FQN entry covering (line, col)
        hits = []
        for node, names in fqn.items():
            r = pos.get(node)
            if r and (r.start.line, r.start.column) <= (line, col) < (r.end.line, r.end.column) and isinstance(
                node, (cst.Name, cst.Attribute, cst.Call)
            ):
                hits.append(((r.end.line - r.start.line, r.end.column - r.start.column), type(node).__name__,
                             cst.Module([]).code_for_node(node)[:40], sorted(n.name for n in names)))
        hits.sort()
        out.append({"at": f"{rel}:{line}:{col}", "text": lines[line - 1].strip()[:80],
                    "fqn": [h[1:] for h in hits[:3]]})
    return out


def probe_detach(root: Path, rel: str, spots: list) -> list:
    """What flake8-detach's own index says for the fixture: the kind of an imported class, the
    call an attribute is built from, and what imported functions return."""
    from flake8_detach.analysis.file_index import index_file, project_index
    from flake8_detach.engine.returns import returned_value
    from flake8_detach.syntax.ast_syntax import parse_python

    path = str(root / rel)
    source = Path(path).read_text()
    index = index_file(parse_python(source), source, path)
    out = {"project_names": {k: [Path(v[0]).name, v[1]] for k, v in index.project_names.items()},
           "project_modules": {k: Path(v).name for k, v in index.project_modules.items()},
           "imported_kind": {n: index.imported_kind(n) for n in index.project_names},
           "built_attributes": {c: {a: ast.unparse(v) for a, v in attrs.items()} for c, attrs in index.built_attributes.items()},
           "module_classes": sorted(index.module_classes)}
    for name, (file, there) in index.project_names.items():
        other = project_index(file)
        if other is not None and there in other.summarisable_functions:
            out[f"returned_value {name}"] = repr(returned_value(other, there, 0))
    out["returned_value probe (calls merge)"] = repr(returned_value(index, "probe", 0))
    return [out]


# ---- driver -----------------------------------------------------------------------------------


def run_worker(python: str, kind: str, root: Path) -> dict:
    proc = subprocess.run([python, __file__, "--worker", kind, str(root)], capture_output=True, text=True, timeout=3600)
    if proc.returncode != 0:
        raise RuntimeError(f"{kind} on {root.name} failed: {proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run_cmd(cmd: list, cwd: Path) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=3600)
    return time.perf_counter() - t


def best(results: list) -> dict:
    return min(results, key=lambda r: r["seconds"])


def drive(roots: list, runs: int) -> None:
    all_rows = []
    for root in roots:
        rels = py_files(root)
        row = {"project": root.name, "files": len(rels)}
        for kind, python in (("parse", IDX_PY), ("fqn", IDX_PY), ("jedi", IDX_PY), ("detach", DETACH_PY)):
            rs = [run_worker(python, kind, root) for _ in range(runs)]
            row[kind] = best(rs)
            print(f"{root.name} {kind}: {[round(r['seconds'], 3) for r in rs]}", file=sys.stderr, flush=True)
        # whole-process wall times (interpreter start-up and imports included)
        for label, cmd in (
            ("cli_wall", [f"{DETACH_BIN}/flake8-detach", "--jobs", "1", *rels]),
            ("flake8_EWF", [f"{DETACH_BIN}/flake8", "--isolated", "-j", "1", "--select", "E,W,F", *rels]),
            ("flake8_EWF_DET", [f"{DETACH_BIN}/flake8", "--isolated", "-j", "1", "--select", "E,W,F,DET", *rels]),
        ):
            row[label] = min(run_cmd(cmd, root) for _ in range(runs))
            print(f"{root.name} {label}: {row[label]:.3f}", file=sys.stderr, flush=True)
        all_rows.append(row)
        print(json.dumps(row), flush=True)
    row = run_worker(IDX_PY, "typeinf", roots[0])
    print(json.dumps({"TypeInferenceProvider": row}), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--worker")
    ap.add_argument("--probe")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("rest", nargs="*")
    a = ap.parse_args()
    if a.worker:
        fn = {"parse": w_parse, "fqn": w_fqn, "jedi": w_jedi, "detach": w_detach, "typeinf": w_typeinf}[a.worker]
        print(json.dumps(fn(Path(a.rest[0]).resolve())))
        return
    if a.probe:
        root, rel, *nums = a.rest
        spots = [(int(nums[i]), int(nums[i + 1])) for i in range(0, len(nums), 2)]
        fn = {"jedi": probe_jedi, "libcst": probe_libcst, "detach": probe_detach}[a.probe]
        print(json.dumps(fn(Path(root).resolve(), rel, spots), indent=1))
        return
    roots = [Path(r).resolve() for r in a.rest] or [ECO / p for p in PROJECTS]
    drive(roots, a.runs)


if __name__ == "__main__":
    main()
