"""What every command shares about its output: the user's mistakes, and where it writes.

``check_output`` is the one check of an output path, made by every command
that writes (import, new, diff, export) before any work is done; ``write``
writes atomically and turns a failed write into one line naming the file;
``friendly`` wraps every command so that known errors, Ctrl+C and a standard
output that cannot be written are one line, never a traceback.
"""

from __future__ import annotations

import errno
import functools
import os
import sys
from pathlib import Path
from typing import Callable

import click

from planwright.formats import DIFF_FORMATS, EXPORT_FORMATS, OutputFormat
from planwright.zh.clean import terminal_safe

EXIT_FINDINGS = 1  # check found errors
EXIT_UNUSABLE = 2  # the input cannot be used

# the suffixes of every format: an output named with another format's suffix gets a hint
_SUFFIXES = {f.suffix for f in (*EXPORT_FORMATS.values(), *DIFF_FORMATS.values())}


class UserError(click.ClickException):
    """A mistake of the user's, reported in one line, exit 2."""

    exit_code = EXIT_UNUSABLE

    def show(self, file=None) -> None:  # no "Error:" prefix in English only
        say(f"planwright: {self.message}", err=True)


def friendly(func: Callable) -> Callable:
    """Turn the core's known errors into one clear line and exit 2."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        from planwright.host import PluginError
        from planwright.plan.store import PlanFileError

        try:
            return func(*args, **kwargs)
        except (PlanFileError, PluginError) as exc:
            raise UserError(str(exc)) from None
        except KeyboardInterrupt:
            warn("已中断 (interrupted)")
            sys.exit(130)
        except OSError as exc:
            if exc.errno not in _OUTPUT_ERRNOS:
                raise
            # standard output failed (> /dev/full, a closed pipe): files are written atomically
            # elsewhere, so this can only be the terminal's stream; say so in one line
            _silence_stdout()
            raise UserError(f"无法写出到标准输出 (cannot write to standard output): {exc.strerror}") from None

    return wrapper


_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EPIPE, errno.EIO, errno.EFBIG, errno.EDQUOT}


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's last flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def warn(message: str) -> None:
    """One line on stderr, in the commands' voice."""
    say(f"planwright: {message}", err=True)


def say(text: str, err: bool = False) -> None:
    """Print a line the user reads: a file name or a unit name may carry an escape sequence
    (ESC [2J clears the screen), so nothing but text reaches the terminal."""
    click.echo(terminal_safe(text), err=err)


def emit(text: str) -> None:
    """A command's output on stdout (a report, an export, JSON): as it is, but with no escape
    sequence or control character of a plan's or a file name's (CRLF line ends stay: an .ics
    redirected to a file needs them)."""
    sys.stdout.write("\r\n".join(terminal_safe(part) for part in text.split("\r\n")))
    sys.stdout.flush()


def check_output(path: Path | None, force: bool, *inputs: Path | None, fmt: OutputFormat | None = None) -> None:
    """Refuse, before any work, an output file that could not be written, would be replaced
    unasked, or is one of the command's own inputs (not even --force replaces last year's plan):
    the rule is ``store.check_output_path``, which the editor's export dialog uses too.

    With ``fmt``: a binary format needs a file, and a file named with another
    format's suffix gets a hint (it is still written)."""
    if path is None:
        if fmt is not None and not fmt.text:
            raise UserError(f"{fmt.name} 是二进制格式，请用 -o 指定输出文件 (needs -o FILE)")
        return
    from planwright.plan.store import OutputExists, OutputRefused, check_output_path

    try:
        check_output_path(path, *inputs, replace=force)
    except OutputExists:
        raise UserError(f"{path}: 文件已存在，未覆盖；加 --force 可覆盖 (exists; use --force to replace)") from None
    except OutputRefused as exc:
        raise UserError(str(exc)) from None
    suffix = path.suffix.lower()
    if fmt is not None and suffix != fmt.suffix and suffix in _SUFFIXES:
        warn(f"提示：{fmt.name} 导出的是 {fmt.suffix} 文件，输出文件名却是 {path.suffix}")


def write(path: Path, data: bytes) -> None:
    """Write atomically (the file is old or new, never half; a device, a FIFO or /dev/stdout is
    written through); a failed write is one line naming the file."""
    from planwright.plan.store import atomic_write

    try:
        atomic_write(path, data)
    except OSError as exc:
        raise UserError(f"{path}: 无法写入 (cannot write): {exc.strerror or exc}") from None
