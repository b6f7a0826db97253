"""Does the cost grow linearly with the file? Time per line of checking and of fixing, for inputs
1x, 4x and 16x their base size:

    python3 benchmarks/scaling.py [--runs N]

The inputs are built here from the project's own code, so nothing needs downloading:
    training file   tests/fixtures/quiet/imagenet_style_train.py, repeated (a realistic script)
    long loop       one training loop whose body holds many forward/backward steps
    alias writes    one function writing through many detach() aliases of a tensor still in use
    one-line table  a numeric table written on a single line, in a file with a finding
    fixable file    examples/article_patterns.py, repeated: 27 fixable findings a copy
Checking is `check_source` (every rule, both tiers), fixing `fix_source` with the unsafe fixes
too, both in this process (so start-up is not counted); each is the best of --runs. Linear means
the time per kilobyte stays flat (per line, for all but the table, whose lines do not grow): the
table prints each size's time per kilobyte against the 1x one.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from flake8_detach import RULES, check_source
from flake8_detach.pipeline.fixing import fix_source

ROOT = Path(__file__).resolve().parent.parent
SIZES = (1, 4, 16)


def training_file(scale: int) -> str:
    text = (ROOT / "tests" / "fixtures" / "quiet" / "imagenet_style_train.py").read_text()
    return text * (12 * scale)


def long_loop(scale: int) -> str:
    step = (
        "    out = model(x)\n"
        "    loss = criterion(out, y)\n"
        "    loss.backward()\n"
        "    total += loss\n"
        "    history.append(loss)\n"
        "    h = h.detach()\n"
        "    optimizer.step()\n"
        "    optimizer.zero_grad()\n"
    )
    head = (
        "import torch\nimport torch.nn as nn\n\nmodel = nn.Linear(3, 1)\ncriterion = nn.MSELoss()\n"
        "optimizer = torch.optim.SGD(model.parameters(), lr=0.1)\nx, y = torch.ones(2, 3), torch.ones(2, 1)\n"
        "h = torch.zeros(1)\ntotal = 0.0\nhistory = []\nfor epoch in range(3):\n"
    )
    return head + step * (50 * scale)


def alias_writes(scale: int) -> str:
    steps = "".join(f"    d{n} = x.detach()\n    d{n}.add_(1)\n    y = y + x * {n}\n" for n in range(100 * scale))
    return "import torch\n\n\ndef f():\n    x = torch.ones(3, requires_grad=True)\n    y = x * 2\n" + steps + "    y.sum().backward()\n"


def one_line_table(scale: int) -> str:
    numbers = ", ".join(f"{n * 0.001:.3f}" for n in range(13_000 * scale))  # about 64 KB a scale
    return f"import torch\n\nTABLE = [{numbers}]\nw = torch.ones(3, requires_grad=True)\nw.add_(1)\n"


def fixable_file(scale: int) -> str:
    return (ROOT / "examples" / "article_patterns.py").read_text() * (5 * scale)


INPUTS = {
    "training file": training_file,
    "long loop": long_loop,
    "alias writes": alias_writes,
    "one-line table": one_line_table,
    "fixable file": fixable_file,
}


def best_time(function, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="runs of each measurement; the best counts (default 3)")
    parser.add_argument("--only", default="", help="comma-separated input names (default: all)")
    args = parser.parse_args(argv)
    wanted = [name for name in INPUTS if not args.only or name in args.only.split(",")]
    print(f"{'input':<16}{'size':>5}{'lines':>9}{'bytes':>11}{'check s':>10}{'us/KB':>9}{'x 1x':>7}"
          f"{'fix s':>9}{'us/KB':>9}{'x 1x':>7}")
    worst = 0.0
    for name in wanted:
        base = {}
        for scale in SIZES:
            source = INPUTS[name](scale)
            lines, kilobytes = source.count("\n"), len(source.encode()) / 1000
            check = best_time(lambda: check_source(source, RULES), args.runs)
            fix = best_time(lambda: fix_source(source, RULES, unsafe=True), args.runs)
            per_line = (check / kilobytes * 1e6, fix / kilobytes * 1e6)
            base.setdefault("per_line", per_line)
            ratios = tuple(now / first for now, first in zip(per_line, base["per_line"]))
            worst = max(worst, *ratios)
            print(f"{name:<16}{scale:>4}x{lines:>9,}{len(source):>11,}{check:>10.2f}{per_line[0]:>9.1f}{ratios[0]:>7.2f}"
                  f"{fix:>9.2f}{per_line[1]:>9.1f}{ratios[1]:>7.2f}")
    print(f"largest growth of the time per kilobyte from 1x: {worst:.2f}x (linear: flat, within 2x)")
    return 0 if worst <= 2 else 1


if __name__ == "__main__":
    raise SystemExit(main())
