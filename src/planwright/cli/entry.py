"""The command line's entry: Ctrl+C while a command is still loading ends it quietly.

The console script starts one step earlier, at ``planwright_start`` (outside the package),
which sets the same quiet handler before ``import planwright`` and then calls ``run``.

Loading the command line (click, the plugin host, the styles) takes a moment, and
an interrupt then printed Python's traceback of whatever module was being imported.
Until the command line is loaded, and again once it has finished, Ctrl+C ends the
process at once with the usual 130: nothing is being written then. While a command
runs, Ctrl+C is handled as before (``cli.output.friendly``; writes are atomic), and
where Python itself wraps or swallows the interrupt (a module loading mid-command makes
a class, an import lock's callback) no traceback is printed either.
"""

from __future__ import annotations

import gc
import os
import signal
import sys

from planwright_start import quietly as _quietly  # the console script's own handler


def _unraisable(unraisable: "sys.UnraisableHookArgs") -> None:
    # Ctrl+C landing in a callback Python ignores (an import lock's weakref callback as a
    # module loads): Python goes on, and so does the command, without printing a traceback
    if not isinstance(unraisable.exc_value, KeyboardInterrupt):
        sys.__unraisablehook__(unraisable)


def _interrupted(exc: BaseException) -> bool:
    """An error that an interrupt caused (a KeyboardInterrupt in its chain of causes)."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, KeyboardInterrupt):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    return False


def run() -> None:
    """The console script's entry point."""
    signal.signal(signal.SIGINT, _quietly)
    # Most commands load, build, write and end: the objects they make are freed by reference
    # counting as they go, and the few cycles would go at exit anyway, while the collector's
    # passes walked every loaded module again and again (a twentieth of an import's work).
    # The long-running ones turn it back on: the editor at its first screen, serve at once.
    gc.disable()
    from planwright.cli.main import main

    signal.signal(signal.SIGINT, signal.default_int_handler)
    sys.unraisablehook = _unraisable
    try:
        main()
    except RuntimeError as exc:
        # Ctrl+C (or SIGINT) while a class is being made, as a module loads mid-command: Python
        # 3.11 reports the KeyboardInterrupt inside "Error calling __set_name__"
        if not _interrupted(exc):
            raise
        os.write(2, "planwright: 已中断 (interrupted)\n".encode())
        raise SystemExit(130) from None
    finally:
        signal.signal(signal.SIGINT, _quietly)  # exit handlers run next: nothing left to interrupt
        # The interpreter's last act is a full collection of every object it holds, all of them
        # about to go with the process. Frozen, they are skipped: files are closed and output
        # flushed by then (writes are atomic and explicit), and the memory goes back at exit.
        gc.freeze()
