"""The lock beside an open plan: ``.plan.toml.lock`` says which editor has it open.

It holds the editor's pid, host and start time as JSON. It is only advice (a
second editor still opens the plan, after a warning) and it survives a crash:
a lock whose pid no longer runs on this host is stale and taken over. A lock
from another host cannot be tested and is taken as live.
"""

from __future__ import annotations

import json
import os
import re
import socket
import time
from dataclasses import dataclass
from pathlib import Path

from planwright.plan.files import glob_escape, pid_alive, remove_stale_temps


def lock_path(path: Path) -> Path:
    """``plan.toml`` → ``.plan.toml.lock`` beside it."""
    return path.with_name(f".{path.name}.lock")


@dataclass(frozen=True)
class Holder:
    """Who holds a lock: enough for a person to find the other editor."""

    pid: int
    host: str
    started: float

    def describe(self) -> str:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.started))
        return f"进程 {self.pid}（{self.host}，{when} 打开）"

    def alive(self) -> bool:
        return self.host != socket.gethostname() or pid_alive(self.pid)


def _me() -> Holder:
    return Holder(os.getpid(), socket.gethostname(), time.time())


def read_holder(path: Path) -> Holder | None:
    """The holder written in a lock file, None when there is none or it cannot be read."""
    try:
        data = json.loads(lock_path(path).read_text(encoding="utf-8"))
        return Holder(int(data["pid"]), str(data["host"]), float(data["started"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def take(path: Path) -> Holder | None:
    """Take the lock of ``path`` for this process. Returns None when taken (or already
    ours), else the live holder (the plan is open in another editor). What a killed
    editor left beside the plan is cleared first (``remove_left_temps``)."""
    remove_left_temps(path)
    lock = lock_path(path)
    me = _me()
    for _ in range(3):  # a stale lock removed under us by another editor: try again
        try:
            fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            holder = read_holder(path)
            if holder is not None and (holder.pid == me.pid and holder.host == me.host):
                return None  # this process (another session on the same plan) has it
            if holder is not None and holder.alive():
                return holder
            _remove(lock)  # stale (its editor died) or unreadable: take it over
            continue
        except OSError:
            return None  # a folder we cannot write: no lock, nothing to warn about
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"pid": me.pid, "host": me.host, "started": me.started}, fh)
        return None
    return read_holder(path)


def remove_left_temps(path: Path) -> list[Path]:
    """Remove the temporary files an editor killed mid-write (kill -9, a power cut) left beside
    ``path``: of a save (``.plan.toml.PID.xxxx.tmp``) and of a recovery write
    (``..plan.toml.recover.PID.xxxx.tmp``), when their process is gone; returns what went.
    (Any later write beside them removes them too; an editor opening the plan need not wait.)"""
    folder = path.parent if str(path.parent) else Path(".")
    recovery_temp = re.compile(rf"\.(\.{re.escape(path.name)}\.(?:\d+\.)?recover)\.\d+\.\w+\.tmp")
    targets = {path}
    try:
        for tmp in folder.glob(f"..{glob_escape(path.name)}.*.tmp"):
            match = recovery_temp.fullmatch(tmp.name)
            if match is not None:
                targets.add(folder / match[1])
    except OSError:
        pass
    return [gone for target in sorted(targets) for gone in remove_stale_temps(target)]


def release(path: Path) -> None:
    """Remove the lock if this process holds it (never another editor's)."""
    holder = read_holder(path)
    if holder is not None and holder.pid == os.getpid() and holder.host == socket.gethostname():
        _remove(lock_path(path))


def _remove(lock: Path) -> None:
    try:
        lock.unlink()
    except FileNotFoundError:
        pass
