"""Time flake8-detach against parse baselines and peer tools on the benchmark corpus.

    python benchmarks/run.py [--corpus subset|full] [--runs 3] [--detach-cmd flake8-detach]
                             [--only parse,flake8,peers,jobs,memory] [--timeout SECONDS]

Every tool runs single-process on the same files; each time is the median of --runs runs.
A tool that is missing or fails is reported and skipped. The venv that holds the
flake8-detach command also gives the flake8 (with the DET plugin) and the Python (with
libcst) used for the comparisons; without it, the parse baseline uses venvs/flake8.
"""

import argparse
import json
import os
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from build_corpus import DEFAULT_CACHE, count

VENVS = DEFAULT_CACHE / "venvs"
GNU_TIME = "/usr/bin/time"
SECTIONS = ("parse", "flake8", "peers", "jobs", "memory")

# One finding per output line; the group is the code's letter prefix (E, W, F, DET, TOR).
FLAKE8_FINDING = re.compile(r":\d+:\d+: ([A-Z]+)\d+\b")
# torch-preflight's terminal format: "  84:24  note    TG004 (PERFORMANCE_WARN)".
PREFLIGHT_FINDING = re.compile(r"^\s+\d+:\d+\s+\w+\s+([A-Z]+)\d+\b")


@dataclass
class Result:
    seconds: float  # median wall time
    cpu: float  # median user+sys CPU time: less disturbed than wall time by other load
    rss_mb: float  # largest max-RSS over the runs
    output: str  # stdout of the last run
    findings: Counter


def run_once(cmd: list[str], cwd: Path, timeout: float | None) -> tuple[float, float, float, int, str, str]:
    """Run cmd; return wall seconds, CPU seconds, max RSS in MB, exit code, stdout, stderr."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r") as rss:
        # Linux keeps a process's peak RSS across exec, so a command spawned straight from this
        # script would report at least this script's own peak; GNU time forks it from a small
        # process instead. Its own session lets a time-out kill the command's workers too.
        start = time.perf_counter()
        proc = subprocess.Popen([GNU_TIME, "-f", "%M", "-o", rss.name, *cmd], cwd=cwd, stdout=out,
                                stderr=err, start_new_session=True)
        timer = threading.Timer(timeout, os.killpg, (proc.pid, signal.SIGKILL)) if timeout else None
        if timer:
            timer.start()
        # wait4 gives the CPU time of this child and of what it waited for: time, the command
        # and the command's workers.
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except KeyboardInterrupt:  # in its own session, the command did not get the signal
            os.killpg(proc.pid, signal.SIGKILL)
            raise
        seconds = time.perf_counter() - start
        if timer:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        # The last word GNU time wrote is %M, in KiB; nothing when it was killed.
        written = rss.read().split()
        rss_mb = int(written[-1]) / 1024 if written and written[-1].isdigit() else float("nan")
        return (seconds, usage.ru_utime + usage.ru_stime, rss_mb, proc.returncode,
                out.read().decode(errors="replace"), err.read().decode(errors="replace"))


class Bench:
    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.root = DEFAULT_CACHE / "corpus" / args.corpus
        self.files, self.lines = count(self.root)
        self.cache: dict[str, Result | None] = {}
        self.detach = shlex.split(args.detach_cmd)
        found = shutil.which(self.detach[0])
        if found:  # tools run in the corpus folder: a relative path must not depend on it
            self.detach[0] = found = str(Path(found).resolve())
        bindir = Path(found).parent if found else None
        self.project_flake8 = bindir / "flake8" if bindir and (bindir / "flake8").exists() else None
        self.parse_python = (bindir / "python" if bindir and (bindir / "python").exists()
                             else VENVS / "flake8" / "bin" / "python")

    def measure(self, name: str, cmd: list[str], pattern: re.Pattern | None = None) -> Result | None:
        """Median over --runs runs of cmd on the corpus; None (and a note) if it cannot run."""
        if name in self.cache:
            return self.cache[name]
        self.cache[name] = None
        if not shutil.which(cmd[0]):
            print(f"  {name}: skipped, {cmd[0]} not found")
            return None
        times, cpus, rss = [], [], 0.0
        for _ in range(self.args.runs):
            seconds, cpu, run_rss, code, out, err = run_once(cmd, self.root, self.args.timeout)
            # A crash or a time-out makes the time meaningless; errors reported on some files
            # while the run goes on (a non-0/1 exit code) leave it worth keeping, with a warning.
            if code < 0 or "Traceback (most recent call last)" in err:
                why = "killed or timed out" if code < 0 else "crashed"
                print(f"  {name}: FAILED ({why}) after {seconds:.1f}s: {shlex.join(cmd)}")
                print("    " + "\n    ".join(err.strip().splitlines()[-5:]))
                return None
            times.append(seconds)
            cpus.append(cpu)
            rss = max(rss, run_rss)
        if code not in (0, 1):
            print(f"  {name}: WARNING exit code {code}, {len(err.splitlines())} lines on stderr, e.g.:")
            print("    " + "\n    ".join(err.strip().splitlines()[:3]))
        findings = Counter()
        if pattern:
            for line in out.splitlines():
                if m := pattern.search(line):
                    findings[m.group(1)] += 1
        result = Result(statistics.median(times), statistics.median(cpus), rss, out, findings)
        self.cache[name] = result
        self.show(name, result)
        return result

    def show(self, name: str, r: Result) -> None:
        found = " ".join(f"{k}={v}" for k, v in sorted(r.findings.items())) or "-"
        print(f"  {name:<38} {r.seconds:8.2f}s wall {r.cpu:8.2f}s CPU {self.lines / r.seconds:9,.0f} lines/s "
              f"{self.lines / r.cpu:9,.0f} lines/CPU-s {r.rss_mb:5.0f} MB   findings: {found}")

    def ratio(self, label: str, a: Result | None, b: Result | None) -> None:
        if a and b:
            print(f"  ratio {label}: {a.seconds / b.seconds:.2f} wall, {a.cpu / b.cpu:.2f} CPU")

    def parse_baseline(self, kind: str) -> Result | None:
        """Parse time measured inside a worker, so interpreter start-up is not counted."""
        name = "libcst.parse_module" if kind == "libcst" else "ast.parse"
        if name in self.cache:
            return self.cache[name]
        self.cache[name] = None
        cmd = [str(self.parse_python), __file__, "--parse-worker", kind, str(self.root)]
        if not self.parse_python.exists():
            print(f"  {name}: skipped, {self.parse_python} not found (run benchmarks/peers.py)")
            return None
        times, cpus = [], []
        for _ in range(self.args.runs):
            _, _, rss, code, out, err = run_once(cmd, self.root, self.args.timeout)
            if code != 0:
                print(f"  {name}: FAILED (exit code {code})\n    {err.strip()[-500:]}")
                return None
            report = json.loads(out)
            times.append(report["seconds"])
            cpus.append(report["cpu"])
        for path, error in report["failures"]:
            print(f"  {kind} could not parse {path}: {error}")
        result = Result(statistics.median(times), statistics.median(cpus), rss, "", Counter())
        self.cache[name] = result
        self.show(name, result)
        print(f"    ({report['version']}, in {self.parse_python})")
        return result

    def detach_run(self, jobs: int) -> Result | None:
        return self.measure(f"flake8-detach --jobs {jobs}", self.detach + ["--jobs", str(jobs), "."],
                            FLAKE8_FINDING)

    def flake8(self, name: str, flake8: Path | None, select: str) -> Result | None:
        if flake8 is None:
            print(f"  {name}: skipped, no flake8 next to {self.detach[0]}")
            return None
        # --isolated: no config file in the corpus may change what runs.
        return self.measure(name, [str(flake8), "--isolated", "-j", "1", "--select", select, "."],
                            FLAKE8_FINDING)

    def section_parse(self) -> None:
        print("(a) flake8-detach vs. parsing every file")
        detach = self.detach_run(1)
        libcst = self.parse_baseline("libcst")
        self.parse_baseline("ast")
        self.ratio("flake8-detach / libcst parse", detach, libcst)

    def section_flake8(self) -> None:
        print("(b) flake8 with the DET plugin vs. plain flake8")
        for flake8 in (self.project_flake8, VENVS / "flake8" / "bin" / "flake8"):
            if flake8 and flake8.exists():
                version = subprocess.run([str(flake8), "--version"], capture_output=True, text=True)
                print(f"  {flake8}: {' '.join(version.stdout.split())}")
        with_det = self.flake8("flake8 --select E,W,F,DET", self.project_flake8, "E,W,F,DET")
        # flake8 runs every installed plugin whatever --select says, so the baseline
        # comes from a venv without the DET plugin.
        plain = self.flake8("flake8 --select E,W,F (no plugins)", VENVS / "flake8" / "bin" / "flake8", "E,W,F")
        self.ratio("E,W,F,DET / E,W,F", with_det, plain)

    def section_peers(self) -> None:
        print("(c) flake8-detach vs. peers")
        detach = self.detach_run(1)
        torchfix = self.flake8("TorchFix: flake8 --select TOR", VENVS / "torchfix" / "bin" / "flake8", "TOR")
        preflight = self.measure(
            "torch-preflight check -j 1",
            [str(VENVS / "torch-preflight" / "bin" / "torch-preflight"), "check", "-j", "1", "--no-color", "."],
            PREFLIGHT_FINDING)
        self.ratio("flake8-detach / TorchFix", detach, torchfix)
        self.ratio("flake8-detach / torch-preflight", detach, preflight)

    def section_jobs(self) -> None:
        print("(d) flake8-detach --jobs 2 vs. --jobs 1")
        one, two = self.detach_run(1), self.detach_run(2)
        self.ratio("--jobs 1 / --jobs 2 (speed-up)", one, two)
        if one and two:
            if one.output == two.output:
                print("  output: identical, same order")
            elif sorted(one.output.splitlines()) == sorted(two.output.splitlines()):
                print("  output: SAME LINES, DIFFERENT ORDER")
            else:
                print(f"  output: DIFFERENT ({len(one.output.splitlines())} vs. "
                      f"{len(two.output.splitlines())} lines)")

    def section_memory(self) -> None:
        print("(e) flake8-detach --jobs 1 peak memory as the corpus grows")
        if not shutil.which(self.detach[0]):
            print(f"  skipped, {self.detach[0]} not found")
            return
        files = sorted(str(p.relative_to(self.root)) for p in self.root.rglob("*.py"))
        for part in (4, 2, 1):
            chosen = files[: len(files) // part]
            lines = sum((self.root / f).read_bytes().count(b"\n") for f in chosen)
            seconds, cpu, rss, code, _, err = run_once(self.detach + ["--jobs", "1", *chosen], self.root,
                                                  self.args.timeout)
            status = "" if code in (0, 1) else f"   (exit code {code}, {len(err.splitlines())} lines on stderr)"
            print(f"  1/{part} of the corpus: {len(chosen):5} files {lines:10,} lines "
                  f"{seconds:8.2f}s wall {cpu:8.2f}s CPU {rss:5.0f} MB max RSS{status}")


def parse_worker(kind: str, root: Path) -> None:
    """Read and parse every file in-process; print the total time as JSON."""
    if kind == "libcst":
        import libcst
        from importlib.metadata import version

        parse, label = libcst.parse_module, f"libcst {version('libcst')}, Python {sys.version.split()[0]}"
    else:
        import ast

        parse, label = ast.parse, f"Python {sys.version.split()[0]}"
    failures = []
    start, start_cpu = time.perf_counter(), time.process_time()
    for path in sorted(root.rglob("*.py")):
        # Bytes, so that each parser detects the encoding itself as it would in a linter.
        source = path.read_bytes()
        try:
            parse(source)
        except Exception as error:  # a parse failure is a finding of the benchmark, not a crash
            failures.append((str(path.relative_to(root)), f"{type(error).__name__}: {str(error)[:200]}"))
    print(json.dumps({"seconds": time.perf_counter() - start, "cpu": time.process_time() - start_cpu,
                      "failures": failures, "version": label}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", choices=("subset", "full"), default="subset")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--detach-cmd", default="flake8-detach", help="command that runs the flake8-detach CLI")
    parser.add_argument("--only", default=",".join(SECTIONS), help="comma-separated sections to run")
    parser.add_argument("--timeout", type=float, help="seconds after which one run of a tool is killed")
    parser.add_argument("--parse-worker", nargs=2, metavar=("KIND", "ROOT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.parse_worker:
        parse_worker(args.parse_worker[0], Path(args.parse_worker[1]))
        return

    sections = args.only.split(",")
    if unknown := set(sections) - set(SECTIONS):
        sys.exit(f"unknown section(s) {', '.join(sorted(unknown))}; choose from {', '.join(SECTIONS)}")
    # Commands run in their own session, so a SIGTERM (from `timeout`, say) must reach them
    # through the same clean-up as a Ctrl-C.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    if not os.access(GNU_TIME, os.X_OK):
        sys.exit(f"{GNU_TIME} (GNU time) is needed for peak memory: apt-get install time")
    bench = Bench(args)
    if bench.files == 0:
        sys.exit(f"no corpus at {bench.root}: run benchmarks/build_corpus.py first")
    print(f"corpus {bench.root}: {bench.files} files, {bench.lines:,} lines; "
          f"median of {args.runs} runs; {os.cpu_count()} CPUs; "
          f"load average {os.getloadavg()[0]:.2f} (other load slows wall times)")
    for section in sections:
        getattr(bench, f"section_{section}")()


if __name__ == "__main__":
    main()
