"""The ``planwright`` console script's first step: Ctrl+C is quiet from the process's first moment.

``import planwright`` (dataclasses, pathlib, the kept methods) takes a few tens of milliseconds
before ``planwright.cli.entry.run`` can set its quiet handler, and an interrupt in that time
printed Python's traceback of whatever was being imported. This module stands outside the
package, so that importing it imports nothing of planwright: it sets the handler first, then
hands over to ``planwright.cli.entry.run``, which keeps it until the command line is loaded.
"""

from __future__ import annotations

import os
import signal


def quietly(signum: int, frame: object) -> None:
    """End at once with 128 + the signal, one line on stderr: nothing is being written."""
    os.write(2, "已中断 (interrupted)\n".encode())
    os._exit(128 + signum)


def run() -> int | None:
    """The console script's entry point."""
    signal.signal(signal.SIGINT, quietly)
    from planwright.cli.entry import run as run_command_line

    return run_command_line()
