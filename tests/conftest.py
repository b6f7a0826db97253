import faulthandler
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

# The command's worker processes are forked from the test process and inherit pytest's
# faulthandler, so a worker that crashes (on purpose, or in libcst's parser on deep nesting,
# which the command reports as one error line) would print a thread dump: noise, not a failure.
os.register_at_fork(after_in_child=faulthandler.disable)


def pytest_terminal_summary(terminalreporter):
    """Count the runtime proofs, so a run that skipped them cannot pass for one that ran them."""
    counts = {}
    for outcome in ("passed", "failed", "skipped", "error"):
        for report in terminalreporter.stats.get(outcome, []):
            if "test_runtime_proofs.py" in getattr(report, "nodeid", "") and report.when in ("call", "setup"):
                if outcome == "passed" and report.when != "call":
                    continue
                counts[outcome] = counts.get(outcome, 0) + 1
    ran = counts.get("passed", 0) + counts.get("failed", 0)
    terminalreporter.write_line(
        f"runtime proofs: {ran} ran, {counts.get('passed', 0)} passed, "
        f"{counts.get('failed', 0)} failed, {counts.get('skipped', 0)} skipped"
    )
