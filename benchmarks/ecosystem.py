"""The ecosystem check: flake8-detach's findings on real code, each with a verdict kept across runs.

    python3 benchmarks/ecosystem.py [--detach-cmd CMD] [--corpus user,library] [--check]

Three corpora:
    user     public tutorials, courses, training scripts and notebooks pinned in
             benchmarks/ecosystem/repos.tsv, extracted from the `fetch` mirrors (--mirrors,
             default /work/.mirror) into benchmarks/.cache/ecosystem/<owner+name>/; a pin's
             `added` says the session that read it for bugs before the tool ran (fresh code),
             empty for the corpus the rules were tuned on
    library  the full corpus of benchmarks/build_corpus.py (seven pinned wheels)
    reports  benchmarks/reports/: reproducers of public bug reports, each saying which lines a
             linter should flag (or none, for a negative); only the default tier runs on it

The command runs over each corpus twice: with its default selection and with `--select DET`
(every rule). The default-tier findings go to benchmarks/ecosystem/<corpus>.tsv, one a row, with
a verdict (bug / harmless / false) and a one-line reason written by whoever read the code. A new
run keeps the verdicts of the findings still present, adds new findings with an empty verdict,
drops the findings that are gone, and prints what changed. benchmarks/ecosystem/bugs.tsv lists the
real bugs found by reading the code independently of the tool; the run reports how many of them
a default-tier finding flags (recall), apart for the tuned corpus and for each session's fresh
code. The run ends with one table: those recalls, the reports corpus's, and precision.

--check writes nothing and exits 1 when some default-tier finding has no verdict yet.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import re
import shlex
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "ecosystem"  # committed: the pins, the findings with verdicts, the bugs
CACHE = HERE / ".cache"  # gitignored: the extracted code
PINS = RESULTS / "repos.tsv"
BUGS = RESULTS / "bugs.tsv"
CORPORA = ("user", "library", "reports")
REPORTS = HERE / "reports"  # the reports corpus: reproducers of public bug reports (reports/README.md)

FINDING_FIELDS = ("corpus", "path", "cell", "line", "col", "code", "message", "line_hash", "verdict", "reason")
BUG_FIELDS = ("corpus", "path", "cell", "line", "family", "effect", "established")
VERDICTS = ("bug", "harmless", "false", "unparsable")  # unparsable: a DET000 whose code Python rejects
PARSE_ERROR = "DET000"  # a diagnostic (this code was not checked), counted apart from the findings
PIN_STAMP = ".ecosystem-pin"  # in each extracted repo: the pin it was extracted at, written last
EXTRACTION = "2"  # bumped when extraction changes what it keeps, so that corpora are extracted anew
SHOWN = 20  # new and gone findings printed of each corpus
IMPORTS_TORCH = re.compile(rb"\bimport torch\b|\bfrom torch\b")


# ---- the pinned repositories and their extraction ------------------------------------------


@dataclass(frozen=True)
class Pin:
    repo: str  # owner/name
    commit: str
    filter: str  # empty, or space-separated path prefixes and `imports-torch`
    added: str  # empty: the corpus the rules were tuned on; a date: read for bugs first that day

    @property
    def folder(self) -> str:
        return self.repo.replace("/", "+")  # how fetch names its mirrors, and our corpus folders


def read_pins(path: Path) -> list:
    rows = read_tsv(path, ("repo", "commit", "filter", "added"))
    return [Pin(row["repo"], row["commit"], row["filter"], row["added"]) for row in rows]


def kept(pin: Pin, path: str, data: bytes) -> bool:
    terms = pin.filter.split()
    prefixes = [term for term in terms if term != "imports-torch"]
    if prefixes and not path.startswith(tuple(prefixes)):
        return False
    return "imports-torch" not in terms or bool(IMPORTS_TORCH.search(data))


def git(git_dir: Path, *args: str, stdin: bytes | None = None) -> bytes:
    result = subprocess.run(["git", "--git-dir", str(git_dir), *args], input=stdin, capture_output=True)
    if result.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)} in {git_dir}: {result.stderr.decode(errors='replace')}")
    return result.stdout


def mirror_of(pin: Pin, mirrors: Path) -> Path:
    """The mirror's git dir; stop with the fetch to run when it is missing or lacks the commit."""
    git_dir = mirrors / pin.folder / "repo"
    if (git_dir / ".git").is_dir():  # some snapshots come with a work tree
        git_dir = git_dir / ".git"
    fetch = f"use the search tool's fetch on github:{pin.repo}, then run this again"
    if not git_dir.is_dir():
        sys.exit(f"error: no mirror of {pin.repo} at {git_dir}: {fetch}")
    check = subprocess.run(["git", "--git-dir", str(git_dir), "cat-file", "-e", f"{pin.commit}^{{commit}}"],
                           capture_output=True)
    if check.returncode != 0:
        sys.exit(f"error: the mirror {git_dir} lacks the pinned commit {pin.commit} of {pin.repo}: {fetch} "
                 f"(or pin the commit it has: git --git-dir {git_dir} rev-parse HEAD)")
    return git_dir


def read_blobs(git_dir: Path, object_ids: list) -> dict:
    """The bytes of each blob, or None for one that the snapshot lists but does not hold
    (fetch leaves out some of a repository's largest files)."""
    output = git(git_dir, "cat-file", "--batch", stdin="".join(f"{oid}\n" for oid in object_ids).encode())
    blobs, position = {}, 0
    for oid in object_ids:
        end = output.index(b"\n", position)
        header = output[position:end].split()
        if header[-1] == b"missing":
            blobs[oid], position = None, end + 1
            continue
        size = int(header[2])
        blobs[oid] = output[end + 1:end + 1 + size]
        position = end + 1 + size + 1  # the content is followed by a newline
    return blobs


def extract(pin: Pin, mirrors: Path, dest: Path) -> tuple:
    """Write the pin's kept .py and .ipynb files under dest, unless this pin is already there;
    return how many copies of a file already written were left out, and the paths that the
    snapshot lacks."""
    stamp = dest / PIN_STAMP
    wanted = f"{pin.commit}\t{pin.filter}\t{EXTRACTION}"
    if stamp.exists():
        done, copies, *missing = stamp.read_text().split("\n")
        if done == wanted:
            return int(copies), missing
    git_dir = mirror_of(pin, mirrors)
    if dest.exists():
        shutil.rmtree(dest)
    entries = []  # (path, object id) of every .py / .ipynb blob at the commit
    for record in git(git_dir, "ls-tree", "-r", "-z", pin.commit).split(b"\0"):
        if not record:
            continue
        meta, path = record.decode("utf-8", "surrogateescape").split("\t", 1)
        mode, kind, oid = meta.split()
        # A symbolic link (mode 120000) is a blob holding a path, not code.
        if kind == "blob" and mode != "120000" and path.endswith((".py", ".ipynb")):
            entries.append((path, oid))
    blobs = read_blobs(git_dir, sorted({oid for _, oid in entries}))
    missing, copies, written = [], 0, set()
    # Of byte-identical copies the first is kept: one under a folder the command skips (an
    # `.ipynb_checkpoints` copy) comes last, so that the file the command checks is the one kept.
    for path, oid in sorted(entries, key=lambda entry: (any(part.startswith(".") for part in entry[0].split("/")), entry[0])):
        data = blobs[oid]
        if data is None:
            missing.append(path)
        elif oid in written:
            # Byte-identical copies (huggingface/notebooks keeps a doc under en/, en/pytorch/ and
            # en/tensorflow/) would count each finding twice or thrice: the first path is kept.
            copies += 1
        elif kept(pin, path, data):
            written.add(oid)
            target = dest / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    dest.mkdir(parents=True, exist_ok=True)
    stamp.write_text("\n".join([wanted, str(copies), *missing]))
    return copies, missing


def build_user_corpus(pins: list, mirrors: Path, root: Path) -> None:
    root.mkdir(parents=True, exist_ok=True)
    folders = {pin.folder for pin in pins}
    for stale in root.iterdir():  # a repository dropped from the pins must not stay in the corpus
        if stale.name in folders:
            continue
        if stale.is_dir():
            shutil.rmtree(stale)
        else:
            stale.unlink()
    for pin in pins:
        copies, missing = extract(pin, mirrors, root / pin.folder)
        if copies:
            print(f"note: {pin.repo}: {copies} byte-identical copies of kept files left out")
        if missing:
            print(f"note: {pin.repo}: {len(missing)} file(s) listed but not held by the snapshot, "
                  f"left out: {', '.join(missing[:3])}{' ...' if len(missing) > 3 else ''}")


def build_library_corpus(cache: Path) -> Path:
    """build_corpus.py's full corpus (it skips what is already there)."""
    result = subprocess.run([sys.executable, str(HERE / "build_corpus.py"), "--cache", str(cache)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"error: build_corpus.py failed:\n{result.stdout}{result.stderr}")
    return cache / "corpus" / "full"


# ---- reading the corpus --------------------------------------------------------------------


@lru_cache(maxsize=None)
def code_of(file: Path) -> tuple:
    """The code as the tool numbers it: for a .py file, (its text,); for a notebook, the text of
    each code cell in order (findings name the cell by its 1-based number among code cells)."""
    text = file.read_bytes().decode("utf-8", errors="replace")
    if file.suffix != ".ipynb":
        return (text,)
    try:
        cells = json.loads(text).get("cells", [])
    except (ValueError, AttributeError):
        return ()
    texts = []
    for cell in cells:
        if isinstance(cell, dict) and cell.get("cell_type") == "code":
            source = cell.get("source", "")
            texts.append("".join(source) if isinstance(source, list) else str(source))
    return tuple(texts)


def text_of(root: Path, path: str, cell: str) -> str:
    """The code holding a finding's line: the file, or the notebook's cell."""
    texts = code_of(root / path)
    index = int(cell) - 1 if cell else 0
    return texts[index] if 0 <= index < len(texts) else ""


def line_hash(root: Path, path: str, cell: str, line: int) -> str:
    """A short hash of the line's text (spacing normalised), so that a verdict can follow its line
    when lines above it shift; a hash, not the text, since the corpus's code is not committed."""
    lines = text_of(root, path, cell).split("\n")
    text = " ".join(lines[line - 1].split()) if 0 < line <= len(lines) else ""
    return hashlib.sha1(text.encode()).hexdigest()[:12] if text else ""


def corpus_counts(root: Path) -> dict:
    """Per top-level folder (a repository or a package): files, lines, notebooks. A .py file's
    lines are its newlines, as in build_corpus.py; a notebook's are those of its code cells,
    since its outputs and markdown are not code."""
    counts = defaultdict(Counter)
    for file in sorted(root.rglob("*")):
        if file.suffix not in (".py", ".ipynb") or not file.is_file():
            continue
        group = counts[file.relative_to(root).parts[0]]
        group["files"] += 1
        if file.suffix == ".ipynb":
            group["notebooks"] += 1
            group["lines"] += sum(len(text.splitlines()) for text in code_of(file))
        else:
            group["lines"] += file.read_bytes().count(b"\n")
    return counts


# ---- running the tool ----------------------------------------------------------------------


def run_detach(command: list, root: Path, select: str | None, jobs: int) -> list:
    """The findings of the command on the corpus, as rows; paths relative to the corpus root."""
    cmd = [*command, "--format", "json", "--jobs", str(jobs), *(["--select", select] if select else []), "."]
    start = time.perf_counter()
    try:
        result = subprocess.run(cmd, cwd=root, capture_output=True, text=True)
    except FileNotFoundError:
        sys.exit(f"error: cannot run {command[0]!r}; give the flake8-detach command with --detach-cmd")
    seconds = time.perf_counter() - start
    # Exit code 1 means findings; 2 means some files had errors or did not parse, with the rest checked.
    if result.returncode not in (0, 1, 2) or not result.stdout.strip():
        sys.exit(f"error: {shlex.join(cmd)} failed with exit code {result.returncode}:\n{result.stderr[-3000:]}")
    errors = result.stderr.strip().splitlines()
    print(f"  {shlex.join(cmd)}: {seconds:.1f}s" + (f", {len(errors)} line(s) on stderr" if errors else ""))
    for line in errors[:5]:
        print(f"    {line}")
    return [finding_row(root, finding) for finding in json.loads(result.stdout)]


def finding_row(root: Path, finding: dict) -> dict:
    cell = str(finding["cell"]) if finding.get("cell") is not None else ""
    return {
        "path": finding["path"].replace("\\", "/"), "cell": cell, "line": str(finding["line"]),
        "col": str(finding["col"]), "code": finding["code"], "message": " ".join(finding["message"].split()),
        "line_hash": line_hash(root, finding["path"], cell, finding["line"]), "verdict": "", "reason": "",
    }


# ---- the TSV files -------------------------------------------------------------------------


def read_tsv(path: Path, fields: tuple) -> list:
    """Rows as dicts; '#' lines are comments; the header names the columns. No quoting: fields
    hold no tabs, so a row stays readable and editable by hand."""
    if not path.exists():
        return []
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    if not lines:
        return []
    header = lines[0].split("\t")
    if tuple(header) != fields:
        sys.exit(f"error: {path}: the header must be {' '.join(fields)}, not {' '.join(header)}")
    rows = []
    for number, line in enumerate(lines[1:], 2):
        values = line.split("\t")
        if len(values) > len(fields):
            sys.exit(f"error: {path}: row {number} has {len(values)} fields, at most {len(fields)} expected")
        rows.append(dict(zip(fields, values + [""] * (len(fields) - len(values)))))
    return rows


def write_tsv(path: Path, fields: tuple, rows: list) -> None:
    lines = ["\t".join(fields)] + ["\t".join(one_field(row.get(field, "")) for field in fields) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def one_field(value) -> str:
    return " ".join(str(value).replace("\t", " ").splitlines())


def sort_key(row: dict) -> tuple:
    return row["path"], int(row["cell"] or 0), int(row["line"]), int(row["col"]), row["code"]


def merge(old: list, new: list) -> tuple:
    """Carry each old verdict over to the new finding it matches; return (rows, added, gone).

    A finding matches on path, cell, code and line; a finding left over then matches on path,
    cell, code and the hash of its line's text, so an edit above it that shifts lines keeps the
    verdict. Several findings with the same key pair up in order.
    """
    rows = [dict(row) for row in sorted(new, key=sort_key)]
    added, gone = rows, sorted(old, key=sort_key)
    for key in (("path", "cell", "code", "line"), ("path", "cell", "code", "line_hash")):
        waiting = defaultdict(list)
        for previous in gone:
            waiting[tuple(previous[field] for field in key)].append(previous)
        unmatched = []
        for row in added:
            candidates = waiting.get(tuple(row[field] for field in key)) if row[key[-1]] else None
            if candidates:
                previous = candidates.pop(0)
                row["verdict"], row["reason"] = previous["verdict"], previous["reason"]
            else:
                unmatched.append(row)
        added = unmatched
        gone = sorted((previous for group in waiting.values() for previous in group), key=sort_key)
    return rows, added, gone


def check_verdicts(path: Path, rows: list) -> None:
    for row in rows:
        if row["verdict"] not in ("", *VERDICTS):
            sys.exit(f"error: {path}: verdict {row['verdict']!r} at {row['path']}:{row['line']}; "
                     f"use one of {', '.join(VERDICTS)} (or leave it empty until triaged)")


# ---- recall: the bugs found by reading -----------------------------------------------------


def statement_lines(text: str, line: int) -> range:
    """The lines of the innermost statement holding `line`; of a compound statement (if, for,
    def, with, ...) only its header, so that a finding in its body does not count for it."""
    # IPython lines (%magic, !shell) become blank lines, so that a notebook cell parses.
    try:
        tree = ast.parse(re.sub(r"(?m)^[ \t]*[%!].*$", "", text))
    except (SyntaxError, ValueError):
        return range(line, line + 1)
    found = None
    for node in ast.walk(tree):
        if not isinstance(node, ast.stmt):
            continue
        first, last = node.lineno, node.end_lineno or node.lineno
        body = getattr(node, "body", None)
        if isinstance(body, list) and body:
            last = max(first, body[0].lineno - 1)
        if first <= line <= last and (found is None or last - first < len(found) - 1):
            found = range(first, last + 1)
    return found or range(line, line + 1)


def flagged(bug: dict, findings: list, root: Path) -> bool:
    """A default-tier finding on the bug's line or elsewhere in its statement."""
    same_place = [int(row["line"]) for row in findings if (row["path"], row["cell"]) == (bug["path"], bug["cell"])]
    if not same_place:
        return False
    lines = statement_lines(text_of(root, bug["path"], bug["cell"]), int(bug["line"]))
    return any(line in lines for line in same_place)


def report_recall(bugs: list, findings: dict, roots: dict, groups: dict) -> dict:
    """Print, per family, the bugs flagged; return {group: (flagged, bugs)}, where a bug's group
    is when its repository was added (`groups`: repository folder -> `added` of its pin)."""
    print("\nrecall: the bugs of bugs.tsv flagged by a default-tier finding on their statement")
    by_family, by_group = defaultdict(Counter), defaultdict(Counter)
    for bug in bugs:
        if bug["corpus"] not in findings:
            continue  # that corpus was not run this time
        if not (roots[bug["corpus"]] / bug["path"]).exists():
            print(f"  warning: {bug['corpus']}: {bug['path']} is not in the corpus; not counted")
            continue
        hit = flagged(bug, findings[bug["corpus"]], roots[bug["corpus"]])
        outcome = "flagged" if hit else "missed"
        by_family[bug["family"]][outcome] += 1
        by_group[groups.get(bug["path"].split("/", 1)[0], "")][outcome] += 1
        if not hit:
            print(f"  missed: {bug['path']}{':' + bug['cell'] if bug['cell'] else ''}:{bug['line']} "
                  f"{bug['family']}: {bug['effect']}")
    for family, count in sorted(by_family.items()):
        print(f"  {family:<32} {count['flagged']:>3} of {count['flagged'] + count['missed']}")
    return {group: (count["flagged"], count["flagged"] + count["missed"]) for group, count in by_group.items()}


# ---- the reports corpus ----------------------------------------------------------------------


def report_headers(folder: Path) -> dict:
    """file name -> (the lines a linter should flag, empty for a negative), from the headers that
    reports/reports.py reads (its format: reports/README.md)."""
    headers = {}
    for path in sorted(folder.glob("*.py")):
        match = re.search(r"(?m)^# expect: (.*)$", path.read_text(encoding="utf-8"))
        if match and path.name != "reports.py":
            text = match.group(1).strip()
            headers[path.name] = () if text == "none" else tuple(int(n) for n in text.replace(",", " ").split())
    return headers


def report_reports(findings: list, folder: Path) -> tuple:
    """Print which positives a default-tier finding catches on an expect line (or its
    statement) and which negatives draw one; return (caught, positives, flagged, negatives)."""
    headers = report_headers(folder)
    lines = defaultdict(set)
    for row in findings:
        if row["code"] != PARSE_ERROR:
            lines[row["path"]].add(int(row["line"]))
    caught = flagged_negatives = 0
    families = defaultdict(Counter)
    for name, expect in headers.items():
        family = re.search(r"(?m)^# family: (.*)$", (folder / name).read_text(encoding="utf-8")).group(1).strip()
        if expect:
            text = (folder / name).read_text(encoding="utf-8")
            wanted = set().union(*(statement_lines(text, line) for line in expect))
            hit = bool(lines[name] & wanted)
            caught += hit
            families[family]["caught" if hit else "missed"] += 1
        elif lines[name]:
            flagged_negatives += 1
            families[family]["negatives flagged"] += 1
            print(f"  negative flagged: {name}: lines {sorted(lines[name])}")
    print(f"  {'family':<24} {'caught':>7} {'of':>4} {'negatives flagged':>18}")
    for family, count in sorted(families.items()):
        print(f"  {family:<24} {count['caught']:>7} {count['caught'] + count['missed']:>4} {count['negatives flagged']:>18}")
    positives = sum(1 for expect in headers.values() if expect)
    return caught, positives, flagged_negatives, len(headers) - positives


def precision_of(rows: list) -> tuple:
    """(bug, triaged) of the default-tier findings but DET000."""
    count = Counter(row["verdict"] for row in rows if row["code"] != PARSE_ERROR)
    return count["bug"], count["bug"] + count["harmless"] + count["false"]


def report_table(recall: dict, pins: list, reports: tuple | None, rows: dict, library_lines: int) -> None:
    """The one table benchmarks/README.md keeps: recall where the rules were tuned, on fresh code
    read before the tool ran (per session), on the reports corpus; precision from the verdicts."""
    print("\nthe table (default tier):")
    repos = Counter(pin.added for pin in pins)

    def ratio(hit: int, total: int) -> str:
        return f"{hit} of {total} = {hit / total:.0%}" if total else "-"

    if recall:
        print(f"  recall, tuned corpus ({repos['']} repositories): {ratio(*recall.get('', (0, 0)))}")
        for added in sorted(group for group in recall if group):
            print(f"  recall, fresh code read first on {added} ({repos[added]} repositories): {ratio(*recall[added])}")
    if reports is not None:
        caught, positives, flagged_negatives, negatives = reports
        print(f"  recall, reports corpus: {ratio(caught, positives)} positives caught; "
              f"{flagged_negatives} of {negatives} negatives flagged")
    if "user" in rows:
        print(f"  precision, user code: {ratio(*precision_of(rows['user']))} default findings are bugs")
    if "library" in rows:
        bugs, triaged = precision_of(rows["library"])
        scale = 1e6 / library_lines if library_lines else 0.0
        print(f"  library code: {triaged * scale:.1f} default findings per million lines, "
              f"{(triaged - bugs) * scale:.1f} judged not a bug")


# ---- the summary ---------------------------------------------------------------------------


def place(row: dict) -> str:
    cell = f" cell {row['cell']}" if row["cell"] else ""
    return f"{row['path']}{cell}:{row['line']}:{int(row['col']) + 1}: {row['code']}"


def report_changes(name: str, added: list, gone: list, had_file: bool) -> None:
    if not had_file:
        print(f"  no {name}.tsv before: every finding is new")
        return
    print(f"  {len(added)} new, {len(gone)} gone since {name}.tsv")
    for label, rows in (("new", added), ("gone", gone)):
        for row in rows[:SHOWN]:
            said = row["message"] if label == "new" else f"[{row['verdict'] or 'no verdict'}] {row['reason']}"
            print(f"    {label:<5} {place(row)} {said}")
        if len(rows) > SHOWN:
            print(f"    ... and {len(rows) - SHOWN} more {label} (the diff of {name}.tsv shows them all)")


def report_precision(rows: list, all_rules: list, lines: int, library: bool) -> None:
    """Per code: default-tier findings by verdict and precision; the all-rules count beside them."""
    verdicts = defaultdict(Counter)
    for row in rows:
        verdicts[row["code"]][row["verdict"] or "untriaged"] += 1
    every = Counter(row["code"] for row in all_rules)
    print(f"  {'code':<8} {'all-rules':>9} {'default':>8} {'bug':>5} {'harmless':>8} {'false':>5} "
          f"{'untriaged':>9} {'precision':>9}")
    total = Counter()
    for code in sorted(set(verdicts) | set(every)):
        count = verdicts[code]
        print(summary_line(code, every[code], count))
        if code != PARSE_ERROR:
            total.update(count)
            total["all"] += every[code]
    print(summary_line("total", total.pop("all"), total) + f"   (without {PARSE_ERROR}, which checks nothing)")
    if library:
        scale = 1e6 / lines if lines else 0.0
        not_bugs = total["harmless"] + total["false"]
        print(f"  per million lines ({lines:,}): {sum(total.values()) * scale:.1f} default findings, "
              f"{not_bugs * scale:.1f} judged not a bug, {total['untriaged'] * scale:.1f} untriaged")


def summary_line(code: str, all_rules: int, count: Counter) -> str:
    triaged = count["bug"] + count["harmless"] + count["false"]
    precision = f"{count['bug'] / triaged:.0%}" if triaged else "-"
    return (f"  {code:<8} {all_rules:>9} {sum(count.values()):>8} {count['bug']:>5} {count['harmless']:>8} "
            f"{count['false']:>5} {count['untriaged']:>9} {precision:>9}")


def report_corpus(name: str, counts: dict) -> int:
    print(f"\n{name} corpus:")
    print(f"  {'':<62} {'files':>6} {'notebooks':>9} {'lines':>10}")
    for group, count in sorted(counts.items(), key=lambda item: item[0].lower()):
        print(f"  {group:<62} {count['files']:>6} {count['notebooks']:>9} {count['lines']:>10,}")
    total = sum(counts.values(), Counter())
    print(f"  {'total':<62} {total['files']:>6} {total['notebooks']:>9} {total['lines']:>10,}")
    return total["lines"]


# ---- main ----------------------------------------------------------------------------------


def main(argv: list | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--detach-cmd", default="flake8-detach", help="the flake8-detach command (default: on PATH)")
    parser.add_argument("--corpus", default=",".join(CORPORA), help="user, library or both (default)")
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"), help="where fetch puts its mirrors")
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--jobs", type=int, default=1, help="--jobs of the command (default 1)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a finding has no verdict")
    args = parser.parse_args(argv)
    corpora = [name for name in args.corpus.split(",") if name]
    if not corpora or set(corpora) - set(CORPORA):
        parser.error(f"--corpus takes a comma-separated list of {', '.join(CORPORA)}")
    command = shlex.split(args.detach_cmd)
    if "/" in command[0]:
        command[0] = str(Path(command[0]).resolve())  # the command runs from each corpus root

    roots, findings, untriaged, library_lines, reports = {}, {}, 0, 0, None
    pins = read_pins(PINS)
    if "user" in corpora:
        roots["user"] = args.cache / "ecosystem"
        build_user_corpus(pins, args.mirrors, roots["user"])
    if "library" in corpora:
        roots["library"] = build_library_corpus(args.cache)
    if "reports" in corpora:
        print("\nreports corpus:")
        reports = report_reports(run_detach(command, REPORTS, None, args.jobs), REPORTS)
    for name in (name for name in corpora if name != "reports"):
        lines = report_corpus(name, corpus_counts(roots[name]))
        default = [dict(row, corpus=name) for row in run_detach(command, roots[name], None, args.jobs)]
        all_rules = run_detach(command, roots[name], "DET", args.jobs)
        results = RESULTS / f"{name}.tsv"
        old = read_tsv(results, FINDING_FIELDS)
        check_verdicts(results, old)
        rows, added, gone = merge(old, default)
        report_changes(name, added, gone, results.exists())
        report_precision(rows, all_rules, lines, library=name == "library")
        library_lines = lines if name == "library" else library_lines
        findings[name] = rows
        untriaged += sum(1 for row in rows if not row["verdict"])
        if not args.check:
            write_tsv(results, FINDING_FIELDS, rows)
    recall = report_recall(read_tsv(BUGS, BUG_FIELDS), findings, roots, {pin.folder: pin.added for pin in pins}) if findings else {}
    report_table(recall, pins, reports, findings, library_lines)
    if args.check and untriaged:
        print(f"\ncheck failed: {untriaged} default-tier finding(s) without a verdict; run without --check "
              f"and fill in verdict and reason in benchmarks/ecosystem/*.tsv")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
