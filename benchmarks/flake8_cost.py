"""What installing the plugin costs flake8 users, as the ratio of flake8's CPU time with the
plugin installed to flake8's without it (the same flake8 version, the same default options):

    python3 benchmarks/flake8_cost.py --plain <venv without the plugin>/bin/flake8 \\
        --plugin <venv with flake8-detach>/bin/flake8 [--runs 5]

Two workloads, each run best of `--runs`, the two flake8s interleaved run by run:
    stdlib          the top-level modules of the Python standard library (code without torch),
                    in one process (-j 1)
    training file   tests/fixtures/quiet/imagenet_style_train.py repeated to about 3,000 lines,
                    one file, as an editor runs flake8 on save
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRAINING = ROOT / "tests" / "fixtures" / "quiet" / "imagenet_style_train.py"


def cpu_seconds(command: list, cwd: Path) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def best_of(runs: int, commands: dict, cwd: Path) -> dict:
    best = {name: float("inf") for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            best[name] = min(best[name], cpu_seconds(command, cwd))
    return best


def stdlib_of(flake8: str) -> Path:
    python = Path(flake8).with_name("python")
    out = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"],
                         capture_output=True, text=True, check=True)
    return Path(out.stdout.strip())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plain", required=True, help="flake8 of a venv without the plugin")
    parser.add_argument("--plugin", required=True, help="flake8 of a venv with flake8-detach installed")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    stdlib = stdlib_of(args.plugin)
    modules = sorted(str(path) for path in stdlib.glob("*.py"))
    lines = sum(len(Path(m).read_text(encoding="utf-8", errors="replace").splitlines()) for m in modules)
    with tempfile.TemporaryDirectory() as tmp:
        training = Path(tmp) / "train.py"
        text = TRAINING.read_text(encoding="utf-8")
        training.write_text(text * max(1, round(3000 / len(text.splitlines()))), encoding="utf-8")
        workloads = {
            f"stdlib ({len(modules)} files, {lines:,} lines, -j 1)": (["-j", "1", *modules], stdlib),
            f"training file ({len(training.read_text().splitlines()):,} lines)": ([str(training)], Path(tmp)),
        }
        for title, (arguments, cwd) in workloads.items():
            best = best_of(args.runs, {"plain": [args.plain, *arguments], "plugin": [args.plugin, *arguments]}, cwd)
            print(f"{title}: flake8 {best['plain']:.2f}s CPU, with the plugin {best['plugin']:.2f}s CPU: "
                  f"{best['plugin'] / best['plain']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
