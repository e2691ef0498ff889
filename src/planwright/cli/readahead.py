"""Reading the plan file in a child process while the editor's modules load.

``planwright edit`` spends its first few hundred milliseconds importing Textual
and the editor, and a 1,000-task plan takes a tenth of a second more to read
(tomli's parse and the model). Both are work for the interpreter, so a thread
gains nothing; a forked child reads the plan on the other core while the
parent imports, and hands the document back as a pickle through a pipe (about
a seventh of the read's time to take in).

The child only reads: the parent keeps the terminal, the lock and everything
the user sees. Whatever goes wrong in the child (a broken file, a kill, no
fork on this platform) leaves nothing to show: the parent then reads the file
itself, so that a broken plan is refused by the same ``load`` with the same
message as ever.
"""

from __future__ import annotations

import os
import pickle
import signal
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planwright.plan.store import PlanDocument


class ReadAhead:
    """A plan file being read in a child process; ``document()`` waits for it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._pid: int | None = None
        self._chunks: list[bytes] = []
        self._reader: threading.Thread | None = None
        self._start()

    def _start(self) -> None:
        # A fork copies only the thread that makes it: with another thread alive (a
        # library's, a test runner's) a lock it held would stay held in the child.
        if not hasattr(os, "fork") or threading.active_count() != 1:
            return
        read_end, write_end = os.pipe()
        try:
            pid = os.fork()
        except OSError:  # no process to spare: read in this one
            os.close(read_end)
            os.close(write_end)
            return
        if pid == 0:  # pragma: no cover — the child; coverage does not follow it
            os.close(read_end)
            _child(self.path, write_end)
        os.close(write_end)
        self._pid = pid
        # drained as it comes: a pipe holds 64 KB, and the child must not wait for the
        # parent's imports to end before it can finish writing
        self._reader = threading.Thread(target=self._drain, args=(read_end,), name="planwright-read-ahead",
                                        daemon=True)
        self._reader.start()

    def _drain(self, fd: int) -> None:
        try:
            while chunk := os.read(fd, 1 << 20):
                self._chunks.append(chunk)
        except OSError:
            self._chunks.clear()
        finally:
            os.close(fd)

    def document(self) -> "PlanDocument":
        """The plan as the child read it; else read here (raises PlanFileError as ``load`` does)."""
        doc = self._received()
        if doc is None:
            import planwright

            doc = planwright.load(self.path)
        return doc

    def _received(self) -> "PlanDocument | None":
        if self._pid is None or self._reader is None:
            return None
        self._reader.join()
        try:
            _, status = os.waitpid(self._pid, 0)
        except ChildProcessError:
            return None
        if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0 or not self._chunks:
            return None
        data, self._chunks = b"".join(self._chunks), []
        try:
            return pickle.loads(data)  # from our own child, through our own pipe
        except Exception:  # noqa: BLE001 — cut short or garbled: read the file here instead
            return None


def _child(path: Path, fd: int) -> None:  # pragma: no cover — runs in the forked child
    """Read the plan and write its pickle to ``fd``; never returns, never prints.

    Exit 0 only when everything was written: the parent then takes the pickle.
    Any failure exits 1 without a word, and the parent reads the file itself.
    """
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C: the parent says it, once
        import planwright

        data = pickle.dumps(planwright.load(path), protocol=pickle.HIGHEST_PROTOCOL)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        code = 0
    except BaseException:  # noqa: BLE001 — the parent reads the file itself and reports it
        pass
    finally:
        os._exit(code)
