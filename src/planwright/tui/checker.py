"""Running the validators away from the keyboard.

``planwright.check`` on a 1,000-task plan is a quarter of a second of pure Python.
In a thread of the editor's process it would hold the GIL against the UI, and
every key typed while a check runs would wait for it. So the editor checks in
a child process (``ProcessChecker``): the plan goes over as a pickle, the
findings come back the same way, and the UI process keeps its interpreter to
itself. The child loads its own plugin host, with the same plugins disabled.

The child (and multiprocessing's resource tracker) start as ``python -c …`` in
the editor's working folder — the clerk's folder — and ``-c`` puts that folder
first on ``sys.path``: a ``struct.py`` beside the plan was imported instead of
the standard library's and the child died. ``PYTHONSAFEPATH`` (Python 3.11+)
tells every interpreter the editor starts not to add it.

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

import planwright
from planwright.tui.snapshot import Pickled, as_plan

if TYPE_CHECKING:
    from planwright.api import Finding
    from planwright.plan.model import Plan
    from planwright.host import Host

Done = Callable[[list["Finding"] | None, str | None], None]  # findings, or an error message


class Checker(Protocol):
    def submit(self, plan: "Plan | Pickled", done: Done) -> None: ...
    def close(self) -> None: ...


class _Runner:
    """One check at a time in a daemon thread of ours; a newer plan replaces a waiting one.

    ``done`` is called from that thread, never from a thread of the process
    pool: a pool's callback thread must not block on the UI (``done`` does,
    through ``call_from_thread``) nor submit to the pool again — both deadlock.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pending: tuple["Plan | Pickled", Done] | None = None
        self._busy = False
        self._closed = False

    def submit(self, plan: "Plan | Pickled", done: Done) -> None:
        """Check ``plan`` (a copy, or pickled pieces: see ``snapshot``) as soon as the check before is done."""
        with self._lock:
            if self._closed:
                return
            self._pending = (plan, done)
            if self._busy:
                return
            self._busy = True
        threading.Thread(target=self._loop, name="planwright-check", daemon=True).start()

    def _loop(self) -> None:
        while True:
            with self._lock:
                if self._pending is None or self._closed:
                    self._busy = False
                    return
                plan, done = self._pending
                self._pending = None
            try:
                findings = self._check(plan)
            except Exception as exc:  # the engine contains rule errors; this is a bug or a dead child
                done(None, f"{type(exc).__name__}: {exc}")
            else:
                done(findings, None)

    def _check(self, plan: "Plan | Pickled") -> list["Finding"]:
        raise NotImplementedError

    def close(self) -> None:
        with self._lock:
            self._pending = None
            self._closed = True


class ThreadChecker(_Runner):
    """Checks in the thread itself (tests; or when no child process can start)."""

    def __init__(self, host: "Host") -> None:
        super().__init__()
        self.host = host

    def _check(self, plan: "Plan | Pickled") -> list["Finding"]:
        return planwright.check(as_plan(plan), host=self.host)


# -- the child process ------------------------------------------------------------

_CHILD_HOST: "Host | None" = None
CHILD_NICENESS = 10


def _child_init(disabled: tuple[str, ...]) -> None:
    """Runs once in the child: quiet output (the parent owns the terminal), load plugins."""
    global _CHILD_HOST
    # the editor's keys first: on a machine of two cores a check of a big plan (a second and
    # more of CPU) otherwise takes its share from the process drawing the keys' frames
    try:
        os.nice(CHILD_NICENESS)
    except (AttributeError, OSError):
        pass  # no nice() here (Windows), or not allowed: the check runs at the editor's priority
    # the parent's sys.path came over with the spawn; never the working folder
    sys.path[:] = [p for p in sys.path if p not in ("", ".")]
    devnull = open(os.devnull, "w")
    sys.stdout = sys.stderr = devnull
    os.dup2(devnull.fileno(), 1)
    os.dup2(devnull.fileno(), 2)
    from planwright.host import Host

    _CHILD_HOST = Host(disabled=disabled)


def _child_check(plan: "Plan | Pickled") -> list["Finding"]:
    assert _CHILD_HOST is not None
    return planwright.check(as_plan(plan), host=_CHILD_HOST)


class ProcessChecker(_Runner):
    """Checks in one child process; our thread only waits for its answer."""

    def __init__(self, host: "Host") -> None:
        super().__init__()
        disabled = tuple(p.name for p in host.plugins if p.status == "disabled")
        # set for good, not around the start: the pool and the resource tracker
        # start their interpreters later, when first needed (see the docstring)
        os.environ["PYTHONSAFEPATH"] = "1"
        context = multiprocessing.get_context("spawn")  # no fork of a threaded, running app
        self._pool = cf.ProcessPoolExecutor(max_workers=1, mp_context=context,
                                            initializer=_child_init, initargs=(disabled,))

    def _check(self, plan: "Plan | Pickled") -> list["Finding"]:
        # pieces go over as the bytes they are, and the child unpickles them: the editor's
        # process never pickles the whole plan in one go
        return self._pool.submit(_child_check, plan).result()

    def close(self) -> None:
        super().close()
        self._pool.shutdown(wait=False, cancel_futures=True)
