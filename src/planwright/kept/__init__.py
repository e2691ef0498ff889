"""Work kept beside the bytecode between runs: the files are read and written as
Python reads and writes its own ``.pyc``. ``methods`` keeps what dataclasses compiles for the
package's classes, ``zh.lazyre`` compiled regular expressions, ``tui.csscache`` the
editor's parsed stylesheet.

A kept file only saves work: one that is missing, damaged or written by another
interpreter reads as nothing, and one that cannot be written (a read-only folder,
``-B`` / ``PYTHONDONTWRITEBYTECODE``) is simply not written.
"""

from __future__ import annotations

import marshal
import os
import sys
from typing import Any


def beside(cached: str | None, suffix: str) -> str | None:
    """The kept file of the module whose bytecode is *cached* (its ``__cached__``): the same
    name in ``__pycache__`` with *suffix* for ``.pyc``; None for a module without bytecode."""
    return os.path.splitext(cached)[0] + suffix if cached else None


def read(path: str | None, engine: tuple) -> Any:
    """What the file at *path* holds, if this very *engine* wrote it; else None."""
    if path is None:
        return None
    try:
        with open(path, "rb") as fh:
            written_by, entries = marshal.loads(fh.read())  # load(fh) reads each number by itself: 20 × slower
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return entries if written_by == engine else None


def write(path: str | None, engine: tuple, entries: Any) -> None:
    """Replace the file at *path* whole (another process reads the old one or the new), or
    leave it be where bytecode is not written or the folder cannot be written."""
    if path is None or sys.dont_write_bytecode:
        return
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as fh:
            fh.write(marshal.dumps((engine, entries)))
        os.replace(temporary, path)
    except (OSError, ValueError):
        try:
            os.unlink(temporary)
        except OSError:
            pass
