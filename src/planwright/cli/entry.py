"""The ``planwright`` console script: Ctrl+C while a command is still loading ends it quietly.

Loading the command line (click, the plugin host, the styles) takes a moment, and
an interrupt then printed Python's traceback of whatever module was being imported.
Until the command line is loaded, and again once it has finished, Ctrl+C ends the
process at once with the usual 130: nothing is being written then. While a command
runs, Ctrl+C is handled as before (``cli.output.friendly``; writes are atomic).
"""

from __future__ import annotations

import gc
import os
import signal


def _quietly(signum: int, frame: object) -> None:
    os.write(2, "已中断 (interrupted)\n".encode())
    os._exit(128 + signum)


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
    try:
        main()
    finally:
        signal.signal(signal.SIGINT, _quietly)  # exit handlers run next: nothing left to interrupt
        # The interpreter's last act is a full collection of every object it holds, all of them
        # about to go with the process. Frozen, they are skipped: files are closed and output
        # flushed by then (writes are atomic and explicit), and the memory goes back at exit.
        gc.freeze()
