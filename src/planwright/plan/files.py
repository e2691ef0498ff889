"""Writing files safely: atomic replacement, symlinks written through, the output-path rule,
and temporary files left by a killed process of ours.

Used for plan files, recovery files, exports and the ledger alike.
"""

from __future__ import annotations

import errno
import os
import re
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from stat import S_ISREG

from planwright.zh.lazyre import lazy_compile


class OutputRefused(Exception):
    """An output path that must not be written: an input, a folder, a missing folder."""


class OutputExists(OutputRefused):
    """The output file exists: it is replaced only when the user says so."""


def check_output_path(path: Path, *inputs: Path | None, replace: bool = False) -> None:
    """The one rule for a file about to be written (CLI and editor alike): never one of
    the inputs (the open plan, last year's plan), not even asked to replace; never a
    folder or in a folder that is missing; an existing file only when ``replace``.
    Compared through symlinks, so a link to the plan is the plan."""
    try:
        for source in inputs:
            if source is not None and _same_file(path, source):
                raise OutputRefused(f"{path}: 输出文件就是输入文件，不能覆盖；请另起文件名 (output would overwrite an input)")
        parent = path.parent if str(path.parent) else Path(".")
        if not parent.is_dir():
            raise OutputRefused(f"{path}: 目录 {parent} 不存在 (no such directory)")
        if path.is_dir():
            raise OutputRefused(f"{path}: 是一个目录，请给出文件名 (is a directory)")
        real_target(path)  # a symlink loop is refused here, before any work
        if path.exists() and not replace:
            raise OutputExists(f"{path}: 文件已存在 (exists)")
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise OutputRefused(f"{path}: 符号链接成环 (symlink loop)") from None
        raise OutputRefused(f"{path}: 无法使用 (cannot use): {exc.strerror or exc}") from None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet): compare the names they resolve to
        return os.path.realpath(a) == os.path.realpath(b)


TMP_SUFFIX = ".tmp"


def atomic_write(target: str | os.PathLike, data: bytes, mode: int | None = None) -> None:
    """Write beside, flush, fsync, rename: the target is either old or new, never half.

    A symlink is written through (the real file gets the data, the link stays a
    link); so is a target that is not a regular file (``-o /dev/stdout``, a FIFO, a
    device): a rename would put a file where the device or the link was. ``mode``
    is the file's mode when given; else an existing file keeps its own and a new
    one gets what the umask allows. The temporary file is named ``.NAME.PID.xxxx.tmp``;
    SIGINT, SIGTERM and SIGHUP wait until it is renamed or removed (``signals_held``),
    and one left by a killed process of ours (kill -9, its pid no longer running) is
    removed on the next write beside it.
    """
    if not_a_regular_file(Path(target)):
        with open(target, "wb") as stream:
            stream.write(data)
        return
    target = real_target(Path(target))
    directory = target.parent if str(target.parent) else Path(".")
    remove_stale_temps(target)
    with signals_held():
        fd, tmp = _new_temp(directory, f".{target.name}.{os.getpid()}.")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            if mode is not None:
                os.chmod(tmp, mode)
            else:
                try:
                    os.chmod(tmp, target.stat().st_mode & 0o777)
                except FileNotFoundError:
                    os.chmod(tmp, 0o666 & ~current_umask())
            os.replace(tmp, target)
        except BaseException:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
            raise


# what tempfile.mkstemp opens a file with: a new file that no one else holds, not through a link
_TEMP_FLAGS = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) \
    | getattr(os, "O_BINARY", 0)


def _new_temp(directory: Path, prefix: str) -> tuple[int, str]:
    """A new file ``PREFIX<random>.tmp`` in *directory*, mode 0600, opened: tempfile.mkstemp's
    contract, without importing tempfile (with shutil, random and the compression modules it
    brings, that import was a twentieth of an import command's start)."""
    for _ in range(100):
        name = os.path.join(directory, f"{prefix}{os.urandom(5).hex()}{TMP_SUFFIX}")
        try:
            return os.open(name, _TEMP_FLAGS, 0o600), name
        except FileExistsError:
            continue  # another writer drew the same name: draw again
    raise FileExistsError(errno.EEXIST, "没有可用的临时文件名 (no usable temporary file name)", str(directory))


def not_a_regular_file(path: Path) -> bool:
    """True for an existing path (followed through links) that is not a regular file: a
    terminal, /dev/stdout, a FIFO, a device. A missing path or a loop is False."""
    try:
        return not S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


# what ends a process at a user's or the system's request: held while a temporary file exists
_HELD_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


@contextmanager
def signals_held() -> Iterator[None]:
    """Within: SIGINT, SIGTERM and SIGHUP wait (blocked for this thread) and are delivered
    at the end, so a write is finished or undone before the process stops — a kill at any
    moment leaves no temporary file behind. Where signals cannot be blocked (Windows),
    the ``except`` cleanup of the caller is what remains."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def real_target(path: Path) -> Path:
    """The file a write to ``path`` must replace: a symlink's target (followed to the end),
    so that the link stays; a loop is an OSError (ELOOP) naming the path."""
    if not path.is_symlink():
        return path
    try:
        return Path(os.path.realpath(path, strict=True))
    except FileNotFoundError:
        return Path(os.path.realpath(path))  # a dangling link: write the file it names
    except OSError as exc:
        raise OSError(errno.ELOOP, "符号链接成环 (symlink loop)", str(path)) from exc


def current_umask() -> int:
    """The process's umask, read without changing it where the system allows (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    old = os.umask(0o022)
    os.umask(old)
    return old


_TEMP_NAME = lazy_compile(r"\.(?P<name>.+)\.(?P<pid>\d+)\.[A-Za-z0-9_]+\.tmp$")


def remove_stale_temps(target: Path) -> list[Path]:
    """Remove ``.NAME.PID.xxxx.tmp`` files beside ``target`` that a process of ours left
    when it was killed (its pid is no longer running); returns what was removed."""
    directory = target.parent if str(target.parent) else Path(".")
    removed = []
    opening = f".{target.name}."
    try:  # the names, not a glob: a glob pattern is compiled (and escaped) afresh on each write
        candidates = [directory / name for name in os.listdir(directory)
                      if name.startswith(opening) and name.endswith(TMP_SUFFIX)]
    except OSError:
        return removed
    for tmp in candidates:
        match = _TEMP_NAME.match(tmp.name)
        if match is None or match["name"] != target.name or pid_alive(int(match["pid"])):
            continue
        try:
            tmp.unlink()
            removed.append(tmp)
        except OSError:
            pass
    return removed


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine (ours or another user's)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True
