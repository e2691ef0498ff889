"""A kill (SIGTERM) ends the editor cleanly: the unsaved edit is in the recovery file; a closed
terminal (SIGHUP) ends it and every process it started, whenever during the start it comes."""

from __future__ import annotations

import os
import pty
import random
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


# -- a terminal closed at any moment of the start ---------------------------------------------


def _descendants(pid: int) -> set[int]:
    """Every process under ``pid`` (the checker's child, multiprocessing's resource tracker)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_child(pid: int, seconds: float) -> int | None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.05)
    return None


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs a pseudo-terminal and /proc")
def test_a_terminal_closed_at_any_moment_of_the_start_ends_the_editor_and_its_children(write_sample, planwright_exe,
                                                                                       tmp_path):
    """Closed by its terminal 0–2 s after start (the terminal's hang-up, or a SIGHUP sent as
    a shell sends it), the editor and every process it started end within seconds, each time:
    none is left running as an orphan. No edit was made, so no recovery file is written; the
    lock is gone or stale (its pid dead), so the next editor opens without a warning."""
    from planwright.tui import lock

    plan = write_sample(tmp_path)
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
    rng = random.Random(8)
    for attempt in range(10):
        pid, master = pty.fork()  # the editor's controlling terminal, as in a terminal window
        if pid == 0:  # the child: becomes the editor
            os.execve(str(planwright_exe), [str(planwright_exe), "edit", str(plan)], env)
        children: set[int] = set()
        try:
            end = time.monotonic() + rng.uniform(0, 2)
            while time.monotonic() < end:
                children |= _descendants(pid)
                _read_until_quiet(master, 0.1)
            children |= _descendants(pid)
            if attempt % 2:
                os.kill(pid, signal.SIGHUP)  # what a shell sends its jobs when its window closes
        finally:
            os.close(master)  # the terminal goes: the kernel hangs up the editor's session
        status = _wait_child(pid, 10)
        if status is None:
            os.kill(pid, signal.SIGKILL)
            _wait_child(pid, 5)
        assert status is not None, f"attempt {attempt}: the editor outlived its terminal"
        end = time.monotonic() + 10
        while any(_running(child) for child in children) and time.monotonic() < end:
            time.sleep(0.1)
        assert not [c for c in children if _running(c)], f"attempt {attempt}: a child outlived the editor"
        beside = sorted(p.name for p in tmp_path.iterdir() if p.name != plan.name)
        assert beside in ([], [lock.lock_path(plan).name]), beside  # no recovery file, no temp file
        holder = lock.read_holder(plan)
        assert holder is None or not holder.alive(), "a lock of a dead editor must read as stale"
    assert lock.take(plan) is None  # the next editor is not warned of a phantom
    lock.release(plan)
