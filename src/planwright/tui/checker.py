"""Running the validators away from the keyboard.

``validate.run`` on a 1,000-task plan is a quarter of a second of pure Python.
In a thread of the editor's process it would hold the GIL against the UI, and
every key typed while a check runs would wait for it. So the editor checks in
a child process (``ProcessChecker``): the plan goes over as a pickle, the
findings come back the same way, and the UI process keeps its interpreter to
itself. The child loads its own plugin host, with the same plugins disabled.

``ThreadChecker`` does the same in a thread; tests use it (it sees the test's
host), and the editor falls back to it when a child process cannot start.
No Textual here: the app passes a callback that it makes thread-safe itself.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
import sys
import threading
from typing import TYPE_CHECKING, Callable, Protocol

from .. import validate

if TYPE_CHECKING:
    from ..api import Finding
    from ..model import Plan
    from ..plugins import Host

Done = Callable[[list["Finding"] | None, str | None], None]  # findings, or an error message


class Checker(Protocol):
    def submit(self, plan: "Plan", done: Done) -> None: ...
    def close(self) -> None: ...


class ThreadChecker:
    """One check at a time in a daemon thread; a newer plan replaces a waiting one."""

    def __init__(self, host: "Host") -> None:
        self.host = host
        self._lock = threading.Lock()
        self._pending: tuple["Plan", Done] | None = None
        self._busy = False

    def submit(self, plan: "Plan", done: Done) -> None:
        with self._lock:
            self._pending = (plan, done)
            if self._busy:
                return
            self._busy = True
        threading.Thread(target=self._run, name="planwright-check", daemon=True).start()

    def _run(self) -> None:
        while True:
            with self._lock:
                if self._pending is None:
                    self._busy = False
                    return
                plan, done = self._pending
                self._pending = None
            try:
                findings = validate.run(plan, self.host)
            except Exception as exc:  # the engine already contains rule errors; this is a bug
                done(None, f"{type(exc).__name__}: {exc}")
            else:
                done(findings, None)

    def close(self) -> None:
        with self._lock:
            self._pending = None


# -- the child process ------------------------------------------------------------

_CHILD_HOST: "Host | None" = None


def _child_init(disabled: tuple[str, ...]) -> None:
    """Runs once in the child: quiet output (the parent owns the terminal), load plugins."""
    global _CHILD_HOST
    devnull = open(os.devnull, "w")
    sys.stdout = sys.stderr = devnull
    os.dup2(devnull.fileno(), 1)
    os.dup2(devnull.fileno(), 2)
    from ..plugins import Host

    _CHILD_HOST = Host(disabled=disabled)


def _child_check(plan: "Plan") -> list["Finding"]:
    assert _CHILD_HOST is not None
    return validate.run(plan, _CHILD_HOST)


class ProcessChecker:
    """Checks in one child process; only the newest plan waiting is sent."""

    def __init__(self, host: "Host") -> None:
        disabled = tuple(p.name for p in host.plugins if p.status == "disabled")
        context = multiprocessing.get_context("spawn")  # no fork of a threaded, running app
        self._pool = cf.ProcessPoolExecutor(max_workers=1, mp_context=context,
                                            initializer=_child_init, initargs=(disabled,))
        self._lock = threading.Lock()
        self._running: cf.Future | None = None
        self._pending: tuple["Plan", Done] | None = None

    def submit(self, plan: "Plan", done: Done) -> None:
        with self._lock:
            if self._running is not None and not self._running.done():
                self._pending = (plan, done)  # sent when the running check ends
                return
            self._start(plan, done)

    def _start(self, plan: "Plan", done: Done) -> None:
        try:
            future = self._pool.submit(_child_check, plan)
        except RuntimeError as exc:  # shut down, or the child died
            done(None, str(exc))
            return
        self._running = future
        future.add_done_callback(lambda f: self._finished(f, done))

    def _finished(self, future: cf.Future, done: Done) -> None:
        if future.cancelled():
            return
        error = future.exception()
        if error is not None:
            done(None, f"{type(error).__name__}: {error}")
        else:
            done(future.result(), None)
        with self._lock:
            pending, self._pending = self._pending, None
            if pending is not None:
                self._start(*pending)

    def close(self) -> None:
        with self._lock:
            self._pending = None
        self._pool.shutdown(wait=False, cancel_futures=True)
