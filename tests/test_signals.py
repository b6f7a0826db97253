"""Signals stop a run cleanly and workers never outlive it: Ctrl-C finishes the writes under way,
cancels the rest, reports what was done and exits 130; SIGTERM ends the workers, which remove the
file they were writing, and exits 143; workers die when the main process is killed; new files
are synced before the rename; --jobs is capped at the CPU count.

The command runs as a subprocess whose workers stop inside a write (in the fsync of the new
file) and say so on a pipe, so each test signals at a known moment and waits for events (a line
on a pipe, a process exit), never for time to pass."""

import os
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli import run

from flake8_detach.frontends import cli

FIXABLE = "import torch\nw = torch.ones(3, requires_grad=True)\ny = w.sum().data[0]\n"  # DET504, safe fix
ALIAS = "x = torch.ones(3)\nd = x.detach()\nd.add_(1)\nprint(x, d)\n"  # DET101: its fix is unsafe, so it remains
FIXED = FIXABLE.replace("w.sum().data[0]", "w.sum().item()")
TIMEOUT = 60  # only ever reached when a test fails

# Runs the command; in each worker, the fsync of a fix's new file first writes
# "<worker pid> <new file>" to the `ready` pipe, then waits for a byte on the `go` pipe.
DRIVER = """\
import os, stat, sys
ready, go = int(sys.argv[1]), int(sys.argv[2])
real_fsync = os.fsync

def fsync(descriptor):
    if stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.write(ready, f"{os.getpid()} {os.readlink(f'/proc/self/fd/{descriptor}')}\\n".encode())
        os.read(go, 1)
    real_fsync(descriptor)

os.fsync = fsync
from flake8_detach.frontends import cli
if sys.argv[3] == "--watch-parent":  # the way other systems than Linux notice a dead parent
    from flake8_detach.frontends import workers
    workers.LINUX = False
    del sys.argv[3]
sys.exit(cli.main(sys.argv[3:]))
"""

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc and pidfd_open")


class Command:
    """The command running on `tmp_path` under DRIVER, in its own process group."""

    def __init__(self, tmp_path: Path, *args: str) -> None:
        (tmp_path / "driver.py").write_text(DRIVER)
        self.ready_read, ready_write = os.pipe()
        go_read, self.go_write = os.pipe()
        self.process = subprocess.Popen(
            [sys.executable, str(tmp_path / "driver.py"), str(ready_write), str(go_read), *args],
            cwd=tmp_path / "project", pass_fds=(ready_write, go_read), start_new_session=True,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        os.close(ready_write)
        os.close(go_read)
        self.workers: list = []
        self.stderr = ""  # what wait_for_stderr_line read

    def wait_for_writes(self, count: int) -> list:
        """The new files of the next `count` writes, once each is stopped in its fsync."""
        written = []
        for _ in range(count):
            pid, temporary = read_line(self.ready_read).split()
            self.workers.append(int(pid))
            written.append(temporary)
        return written

    def wait_for_stderr_line(self) -> str:
        line = read_line(self.process.stderr.fileno())
        self.stderr += line
        return line

    def let_writes_go_on(self) -> None:
        os.write(self.go_write, b"x" * 100)

    def finish(self) -> tuple:
        out, err = self.process.communicate(timeout=TIMEOUT)
        return self.process.returncode, out, self.stderr + err

    def close(self) -> None:
        """Whatever happened, leave no process behind."""
        for pid in [self.process.pid, *self.workers]:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.process.wait(timeout=TIMEOUT)
        os.close(self.ready_read)
        os.close(self.go_write)


def read_line(descriptor: int) -> str:
    """The next line from a pipe, read a byte at a time so that nothing after it is taken."""
    line = b""
    while not line.endswith(b"\n"):
        assert select.select([descriptor], [], [], TIMEOUT)[0], f"no line after {line!r}"
        byte = os.read(descriptor, 1)
        assert byte, f"the pipe closed after {line!r}"
        line += byte
    return line.decode()


@pytest.fixture
def project(tmp_path) -> Path:
    """Five files, each with one safe fix; a.py also has a finding that stays."""
    (tmp_path / "project").mkdir()
    for name in "abcde":
        (tmp_path / "project" / f"{name}.py").write_text(FIXABLE + (ALIAS if name == "a" else ""))
    return tmp_path


def file_names(project: Path) -> list:
    return sorted(os.listdir(project / "project"))


def has_exited(pid: int) -> bool:
    """Waits (up to TIMEOUT) for `pid` to end; True once it has."""
    try:
        descriptor = os.pidfd_open(pid)
    except ProcessLookupError:
        return True
    try:
        return bool(select.select([descriptor], [], [], TIMEOUT)[0])
    finally:
        os.close(descriptor)


def test_ctrl_c_finishes_the_write_under_way_cancels_the_rest_and_reports_it(project):
    command = Command(project, "--fix", "-j", "1", ".")
    try:
        [temporary] = command.wait_for_writes(1)
        assert Path(temporary).name.startswith(".a.py.")
        os.killpg(command.process.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole process group
        assert "interrupted; finishing the files under way" in command.wait_for_stderr_line()
        command.let_writes_go_on()
        status, out, err = command.finish()
    finally:
        command.close()
    assert status == 130, err
    assert "Traceback" not in err
    assert (project / "project" / "a.py").read_text() == FIXED + ALIAS  # the write under way finished
    for name in "bcde":  # the rest were cancelled, or checked without writing
        assert (project / "project" / f"{name}.py").read_text() == FIXABLE
    assert file_names(project) == ["a.py", "b.py", "c.py", "d.py", "e.py"]
    assert out.startswith("a.py:6:1: DET101 ")  # what was checked is reported
    assert "fixed 1 finding in 1 file" in err
    assert err.splitlines()[-1].startswith("flake8-detach: interrupted: ") and "of 5 files not checked" in err


def test_sigterm_ends_the_workers_which_remove_the_file_they_were_writing(project):
    command = Command(project, "--fix", "-j", "2", ".")
    try:
        written = command.wait_for_writes(2)
        assert all(Path(temporary).exists() for temporary in written)
        command.process.terminate()  # the main process only, as timeout(1) and docker stop do
        status, out, err = command.finish()
        assert all(has_exited(pid) for pid in command.workers)
    finally:
        command.close()
    assert status == 143, err
    assert "Traceback" not in err
    assert not any(Path(temporary).exists() for temporary in written)
    assert file_names(project) == ["a.py", "b.py", "c.py", "d.py", "e.py"]
    assert all((project / "project" / f"{name}.py").read_text().startswith(FIXABLE) for name in "abcde")
    assert err.splitlines()[-1] == "flake8-detach: terminated: 5 of 5 files not checked"


@pytest.mark.parametrize("how", ["pdeathsig", "watch-parent"])
def test_workers_die_with_a_killed_main_process_and_remove_their_new_files(project, how):
    command = Command(project, *(["--watch-parent"] if how == "watch-parent" else []), "--fix", "-j", "2", ".")
    try:
        written = command.wait_for_writes(2)
        command.process.kill()  # SIGKILL: the main process cannot clean up
        command.process.wait(timeout=TIMEOUT)
        assert all(has_exited(pid) for pid in command.workers), "a worker outlived the main process"
    finally:
        command.close()
    assert not any(Path(temporary).exists() for temporary in written)
    assert all((project / "project" / f"{name}.py").read_text().startswith(FIXABLE) for name in "abcde")


def test_an_interrupt_before_the_files_are_checked_exits_130_without_a_traceback(tmp_path, monkeypatch):
    def discover(*arguments):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "discover", discover)
    try:
        result = run(["."], tmp_path)
    except KeyboardInterrupt:  # caught here, or it would end the test session
        pytest.fail("the KeyboardInterrupt went through the command")
    assert result == (130, "", "flake8-detach: interrupted\n")


def test_the_new_file_is_synced_before_it_is_renamed_over_the_old_one(tmp_path, monkeypatch):
    (tmp_path / "a.py").write_text(FIXABLE)
    log = tmp_path / "log"
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(descriptor):
        with open(log, "a") as stream:
            stream.write(f"fsync {Path(os.readlink(f'/proc/self/fd/{descriptor}')).name}\n")
        real_fsync(descriptor)

    def replace(source, target):
        with open(log, "a") as stream:
            stream.write(f"replace {Path(source).name} {Path(target).name}\n")
        real_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    assert run(["--fix", "a.py"], tmp_path)[0] == 0
    events = log.read_text().splitlines()
    new_file = events[0].split()[1]
    assert new_file.startswith(".a.py.")
    assert events == [f"fsync {new_file}", f"replace {new_file} a.py", f"fsync {tmp_path.name}"]  # then the directory


def test_jobs_are_capped_at_the_usable_cpus(tmp_path, monkeypatch):
    from flake8_detach.frontends import workers  # here, not above: the tests above need only the command

    for n in range(10):
        (tmp_path / f"f{n}.py").write_text(FIXABLE)
    started = []

    class Recorded(workers.ProcessPoolExecutor):
        def __init__(self, max_workers, **options):
            started.append(max_workers)
            super().__init__(max_workers, **options)

    monkeypatch.setattr(workers, "ProcessPoolExecutor", Recorded)
    monkeypatch.setattr(workers, "usable_cpus", lambda: 2)
    status, out, _ = run(["-j", "64"], tmp_path)
    assert status == 1 and len(out.splitlines()) == 10
    assert started == [2]
    assert "at most one per CPU" in run(["--help"], tmp_path)[1]


def test_usable_cpus_are_those_this_process_may_run_on():
    from flake8_detach.frontends import workers

    expected = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert workers.usable_cpus() == expected >= 1
