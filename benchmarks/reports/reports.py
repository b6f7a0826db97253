"""The reports corpus: small programs, each the reproducer of one public report of an autograd or
training-step bug, written fresh around the reported mechanism. See README.md here for the format.

    python3 benchmarks/reports/reports.py [FILE ...]     # run them (all by default) under torch

Each program's header says what a linter should flag (`# expect:`) and what running it shows
(`# runtime:`); `run_report` runs one in this process and checks that effect. The test suite
(tests/test_reports.py) runs every program this way; benchmarks/ecosystem.py reads the headers for
the recall table.
"""

from __future__ import annotations

import contextlib
import io
import re
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
HEADER = re.compile(r"^# (report|family|expect|runtime|twin): ?(.*)$")
RUNTIME = re.compile(r"^(raises|warns|asserts|runs)\b ?(.*)$")
RAISED = re.compile(r"^([A-Za-z_][\w.]*): (.+)$")
FAMILIES = {
    "inplace-saved-tensor": "an in-place write on a tensor autograd saved for backward",
    "inplace-leaf": "an in-place write on a leaf that requires grad, or a view of one",
    "inplace-view": "an in-place write on a view made by an op (a multi-output or no-grad view)",
    "detach-alias": "writes through .detach() or .data that change the original's values",
    "backward-twice": "backward through a graph already freed: a second backward, carried state",
    "no-grad-backward": "backward of what does not require grad: detached, no_grad, a new leaf",
    "non-scalar-backward": "backward of a non-scalar without a gradient, or a gradient of the wrong shape",
    "grad-missing": "a .grad that stays None or zero: non-leaf, detached path, rebuilt tensor, integer",
    "optimizer-misuse": "optimizer given the wrong tensors, zero_grad missing or misplaced, step order",
    "graph-kept": "a graph kept alive across iterations: loss sums, stored outputs, carried state",
    "clone-not-a-cut": "clone() or copy_() taken for a graph cut: gradients flow into a target",
    "numpy-conversion": ".numpy(), .item() or float() on the wrong tensor: requires grad, 0-dim, device",
    "dtype-grad": "requires_grad on an integer tensor, or a parameter of an integer dtype",
    "removed-api": "an API removed or changed since 0.4: Variable flags, .data[0], removed functions",
    "module-misuse": "a module attribute or flag that does nothing: requires_grad, weights, eval, train",
    "no-grad-misuse": "no_grad/enable_grad/inference_mode used wrong: missing call, wrong scope",
    "gan-step": "GAN and actor-critic steps: a generator's graph reused, a discriminator step on it",
}


@dataclass(frozen=True)
class Report:
    path: Path
    report: str  # the public address of the report
    family: str
    expect: tuple  # the lines a linter should flag; () for a negative
    runtime: str  # raises / warns / asserts / runs
    detail: str  # raises: "Error: message fragment"; warns: a fragment; asserts/runs: a description
    twin: str  # the file of its fixed twin or of the bug it is the twin of, or ""

    @property
    def positive(self) -> bool:
        return bool(self.expect)

    @property
    def name(self) -> str:
        return self.path.name


class FormatError(ValueError):
    pass


def read_report(path: Path) -> Report:
    """The header of one program; FormatError names what is wrong with it."""
    fields = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = HEADER.match(line)
        if not match:
            break
        fields[match.group(1)] = match.group(2).strip()
    missing = [name for name in ("report", "family", "expect", "runtime") if name not in fields]
    if missing:
        raise FormatError(f"{path.name}: missing header lines: {', '.join(missing)}")
    if not fields["report"].startswith(("https://", "http://")):
        raise FormatError(f"{path.name}: the report must be an address, not {fields['report']!r}")
    if fields["family"] not in FAMILIES:
        raise FormatError(f"{path.name}: unknown family {fields['family']!r}")
    expect = () if fields["expect"] == "none" else _lines(path, fields["expect"])
    runtime = RUNTIME.match(fields["runtime"])
    if not runtime:
        raise FormatError(f"{path.name}: runtime must start with raises, warns, asserts or runs")
    kind, detail = runtime.groups()
    if kind == "raises" and not RAISED.match(detail):
        raise FormatError(f"{path.name}: `raises` needs `ErrorName: message fragment`")
    if kind in ("warns", "asserts") and not detail:
        raise FormatError(f"{path.name}: `{kind}` needs what it shows")
    if not expect and kind != "runs":
        raise FormatError(f"{path.name}: a negative (expect: none) must be `runs`")
    if expect and kind == "runs":
        raise FormatError(f"{path.name}: a positive must show its effect (raises, warns or asserts)")
    return Report(path, fields["report"], fields["family"], expect, kind, detail, fields.get("twin", ""))


def _lines(path: Path, text: str) -> tuple:
    try:
        lines = tuple(sorted({int(part) for part in text.replace(",", " ").split()}))
    except ValueError:
        raise FormatError(f"{path.name}: expect must be line numbers or `none`, not {text!r}") from None
    count = len(path.read_text(encoding="utf-8").splitlines())
    source = path.read_text(encoding="utf-8").splitlines()
    for line in lines:
        if not 1 <= line <= count or not source[line - 1].strip() or source[line - 1].lstrip().startswith("#"):
            raise FormatError(f"{path.name}: expect line {line} is not a line of code")
    return lines


def all_reports(folder: Path = HERE) -> list:
    return [read_report(path) for path in sorted(folder.glob("*.py")) if path.name != Path(__file__).name]


def _reset_torch(torch) -> None:
    """Undo the global switches a program may leave behind, so the next one starts clean."""
    torch.set_grad_enabled(True)
    torch.autograd.set_detect_anomaly(False)
    torch.set_default_dtype(torch.float32)
    torch.manual_seed(0)


def run_report(report: Report) -> None:
    """Run the program in a fresh namespace and check the effect its header records; raise
    AssertionError when it does not show it."""
    import torch

    code = compile(report.path.read_text(encoding="utf-8"), str(report.path), "exec")
    namespace = {"__name__": "__main__", "__file__": str(report.path)}
    _reset_torch(torch)
    try:
        with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stdout(io.StringIO()):
            warnings.simplefilter("always")
            error = None
            try:
                exec(code, namespace)
            except Exception as raised:  # the effect some programs record
                error = raised
    finally:
        _reset_torch(torch)
    if report.runtime == "raises":
        name, fragment = RAISED.match(report.detail).groups()
        assert error is not None, f"{report.name}: ran to the end; expected {report.detail}"
        assert _is_named(error, name), f"{report.name}: raised {error!r}; expected {name}"
        assert fragment in str(error), f"{report.name}: message {str(error)!r} lacks {fragment!r}"
        return
    assert error is None, f"{report.name}: raised {error!r}"
    if report.runtime == "warns":
        messages = [str(w.message) for w in caught]
        assert any(report.detail in m for m in messages), f"{report.name}: warnings {messages} lack {report.detail!r}"


def _is_named(error: BaseException, name: str) -> bool:
    return any(klass.__name__ == name.rsplit(".", 1)[-1] for klass in type(error).__mro__)


def main(argv: list) -> int:
    paths = [Path(arg) for arg in argv] or [report.path for report in all_reports()]
    failed = 0
    for path in paths:
        try:
            run_report(read_report(path))
            print(f"ok    {path.name}")
        except (FormatError, AssertionError) as problem:
            failed += 1
            print(f"FAIL  {problem}")
    print(f"{len(paths) - failed} of {len(paths)} show their recorded effect")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
