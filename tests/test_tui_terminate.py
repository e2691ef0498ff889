"""A kill (SIGTERM) ends the editor cleanly: the unsaved edit is in the recovery file."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from planwright.tui.session import recovery_path



def _read_until_quiet(fd: int, seconds: float) -> bytes:
    out = b""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            out += chunk
    return out


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_sigterm_writes_recovery_and_leaves_no_child_behind(write_sample, planwright_exe: Path, tmp_path: Path) -> None:
    plan = write_sample(tmp_path)
    master, slave = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "36"}
    proc = subprocess.Popen([str(planwright_exe), "edit", str(plan)], stdin=slave, stdout=slave, stderr=slave,
                            env=env, close_fds=True)
    os.close(slave)
    try:
        _read_until_quiet(master, 6)  # the first screen
        os.write(master, b"\x1b[C")  # cursor right: opens the first point in the tree
        # an edit: F3 adds a task under the selected point
        os.write(master, b"\x1bOR")
        _read_until_quiet(master, 2)
        proc.send_signal(signal.SIGTERM)
        rest = _read_until_quiet(master, 8)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    assert b"leaked semaphore" not in rest
    assert proc.returncode == 143  # ended by its own handler, not cut off by the signal
    assert recovery_path(plan).exists(), "the added task must survive the kill in the recovery file"
