"""Worker processes that check files, and stop when the run is told to.

- Ctrl-C (SIGINT): the files not started are cancelled; the files under way finish, but write no
  fixes unless their write has begun (a write under way is finished), and the run reports what
  it did (Interrupted). Workers ignore SIGINT themselves: a terminal sends it to the whole
  process group, and the main process decides. A second Ctrl-C stops at once, as SIGTERM does.
- SIGTERM: the workers are ended at once; each removes the new file it was writing.
- Workers end when the main process dies, even killed with SIGKILL: on Linux the kernel sends
  them SIGTERM (PR_SET_PDEATHSIG), elsewhere a thread watches the parent.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures import CancelledError, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable

from ..pipeline.checking import collect_rarely
from . import writing

LINUX = sys.platform.startswith("linux")
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>

_stop = None  # in a worker: the run's stop event, set on Ctrl-C


class Interrupted(BaseException):
    """The run was stopped by a signal. `reports` holds the reports of the files checked."""

    def __init__(self, signal_number: int) -> None:
        super().__init__(signal_number)
        self.signal_number = signal_number
        self.reports: list = []

    @property
    def status(self) -> int:
        return 128 + self.signal_number  # as a shell reports a process a signal ended: 130, 143

    @property
    def reason(self) -> str:
        return "interrupted" if self.signal_number == signal.SIGINT else "terminated"


class _Terminated(BaseException):
    """Raised in the main process by SIGTERM."""


def usable_cpus() -> int:
    """The CPUs this process may run on: more workers than that only cost memory."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def stopping() -> bool:
    """In a worker: whether the run was interrupted, so that no new write begins."""
    return _stop is not None and _stop.is_set()


def check_in_workers(check: Callable, files: list, options, jobs: int, reports: dict) -> list:
    """`check(path, options)` for each file in `jobs` worker processes, into `reports`; the files
    left unchecked because a worker died, in order. Interrupted on SIGINT or SIGTERM."""
    context = multiprocessing.get_context("fork") if LINUX else multiprocessing.get_context()
    stop = context.Event()
    pool = ProcessPoolExecutor(
        max_workers=max(1, min(jobs, len(files))),
        mp_context=context,
        initializer=_start_worker,
        initargs=(stop, os.getpid()),
    )
    futures: list = []
    with _terminate_raises():
        try:
            unsubmitted: list = []
            for index, path in enumerate(files):
                try:
                    futures.append((path, pool.submit(_check_unless_stopped, check, path, options)))
                except BrokenProcessPool:  # a worker died while files were still being handed out
                    unsubmitted = files[index:]
                    break
            unchecked = []
            for path, future in futures:
                try:
                    reports[path] = future.result()
                except BrokenProcessPool:
                    unchecked.append(path)
            return unchecked + unsubmitted
        except KeyboardInterrupt:
            _finish_under_way(pool, futures, reports, stop)
            raise Interrupted(signal.SIGINT) from None
        except _Terminated:
            _end_workers(pool)
            raise Interrupted(signal.SIGTERM) from None
        finally:
            try:
                pool.shutdown(wait=True, cancel_futures=True)
            except _Terminated:  # while the workers were being shut down
                _end_workers(pool)
                pool.shutdown(wait=True)
                raise Interrupted(signal.SIGTERM) from None


def _finish_under_way(pool: ProcessPoolExecutor, futures: list, reports: dict, stop) -> None:
    stop.set()
    for _, future in futures:
        future.cancel()
    print("flake8-detach: interrupted; finishing the files under way (Ctrl-C again stops at once)",
          file=sys.stderr, flush=True)
    try:
        for path, future in futures:
            try:
                report = future.result()
            except (BrokenProcessPool, CancelledError):
                continue
            if report is not None:
                reports[path] = report
    except (KeyboardInterrupt, _Terminated):
        _end_workers(pool)


def _end_workers(pool: ProcessPoolExecutor) -> None:
    """SIGTERM to each worker; the pool's shutdown then waits for them."""
    for process in list((pool._processes or {}).values()):  # no public way before Python 3.14
        process.terminate()


class _terminate_raises:
    """While the workers run, SIGTERM raises _Terminated in the main process, so that it ends
    them before it ends."""

    def __enter__(self):
        self.previous = None
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGTERM, _raise_terminated)
        return self

    def __exit__(self, *exc_info) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGTERM, self.previous)


def _raise_terminated(signal_number, frame) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # once: a second SIGTERM must not cut the clean-up short
    raise _Terminated()


# ---- in a worker -----------------------------------------------------------------------------


def _check_unless_stopped(check: Callable, path: str, options):
    return None if stopping() else check(path, options)


def _start_worker(stop, parent: int) -> None:
    global _stop
    _stop = stop
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _end_worker)
    _die_with(parent)
    collect_rarely()


def _end_worker(signal_number, frame) -> None:
    writing.remove_unfinished_files()
    os._exit(128 + signal_number)


def _die_with(parent: int) -> None:
    """Get SIGTERM when the parent process dies."""
    if LINUX:
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    else:
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # it died before we asked
        _end_worker(signal.SIGTERM, None)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os.kill(os.getpid(), signal.SIGTERM)
