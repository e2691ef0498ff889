"""A process in a real pseudo-terminal, and a small model of the screen it draws.

    from term import Terminal               # benchmarks/ on sys.path
    with Terminal([".venv/bin/planwright", "edit", "plan.toml"], size=(120, 36)) as t:
        seen = t.wait_for(lambda s: "一、" in s.text())   # seconds since the exec, or None
        t.send(b"\\x13")                                    # Ctrl+S, as the keyboard sends it
        took = t.wait_for(lambda s: "已保存" in s.text(), since=t.sent_at)

The clock starts just before the process is created (so the interpreter's own
start and every import count) and a wait ends at the read of the output after
which the screen first shows what was asked for: what a user sees, not what
the program believes it drew. The screen model knows what a full-screen
program like Textual writes: cursor positioning, erasing, SGR and private
modes (ignored), OSC titles (ignored), and wide characters measured as rich
measures them, so CJK text reads back contiguous, as on the glass.
"""

from __future__ import annotations

import codecs
import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time
from typing import Callable, Sequence

from rich.cells import get_character_cell_size

# CSI with parameters; OSC ended by BEL or ST; two-byte escapes (charset selection takes one more)
_TOKEN = re.compile(r"\x1b\[([0-?]*)([ -/]*)([@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()*+].|\x1b[@-Z\\-_]"
                    r"|\x1b[0-9=><]|[\x00-\x1f\x7f]")
# an escape cut at the end of a read: keep it for the next one
_UNFINISHED = re.compile(r"\x1b(?:\[[0-?]*[ -/]*|\][^\x07\x1b]*(?:\x1b)?|[()*+])?\Z")


class Screen:
    """The cells of a terminal of ``cols`` × ``rows``; a wide character fills its cell and a '' after it."""

    def __init__(self, cols: int, rows: int) -> None:
        self.cols, self.rows = cols, rows
        self.cells = [[" "] * cols for _ in range(rows)]
        self.x = self.y = 0
        self._pending = ""

    def feed(self, text: str) -> None:
        """Apply decoded output; an escape sequence split across reads is completed by the next."""
        text = self._pending + text
        cut = _UNFINISHED.search(text)
        self._pending = text[cut.start():] if cut else ""
        if cut:
            text = text[: cut.start()]
        pos = 0
        for match in _TOKEN.finditer(text):
            if match.start() > pos:
                self._print(text[pos: match.start()])
            self._control(match)
            pos = match.end()
        if pos < len(text):
            self._print(text[pos:])

    def line(self, y: int) -> str:
        return "".join(self.cells[y])

    def text(self) -> str:
        """The screen as lines of text, as a user would copy it."""
        return "\n".join(self.line(y).rstrip() for y in range(self.rows))

    def count(self, needle: str) -> int:
        return sum(self.line(y).count(needle) for y in range(self.rows))

    # -- output --------------------------------------------------------------------------
    def _print(self, run: str) -> None:
        for ch in run:
            width = get_character_cell_size(ch)
            if width == 0:
                continue  # combining marks, zero-width joiners: nothing to place
            if self.x + width > self.cols:
                self.x = 0
                self._linefeed()
            self._put(self.x, ch)
            if width == 2:
                self._put(self.x + 1, "")
            self.x += width

    def _put(self, x: int, ch: str) -> None:
        row = self.cells[self.y]
        if row[x] == "" and x > 0 and ch != "":
            row[x - 1] = " "  # overwriting the right half of a wide character erases it
        if row[x] not in ("", " ") and get_character_cell_size(row[x]) == 2 and x + 1 < self.cols:
            row[x + 1] = " " if row[x + 1] == "" else row[x + 1]
        row[x] = ch

    def _linefeed(self) -> None:
        if self.y == self.rows - 1:
            self.cells.pop(0)
            self.cells.append([" "] * self.cols)
        else:
            self.y += 1

    def _control(self, match: re.Match[str]) -> None:
        token = match.group(0)
        if match.group(3) is None:
            if token == "\r":
                self.x = 0
            elif token == "\n":
                self._linefeed()
            elif token == "\b":
                self.x = max(0, self.x - 1)
            elif token == "\t":
                self.x = min(self.cols - 1, (self.x // 8 + 1) * 8)
            elif token == "\x1bc":
                self._erase(0, self.rows, 0, self.cols)
            return
        params, final = match.group(1), match.group(3)
        if params.startswith("?"):
            if final in "hl" and params[1:] in ("1049", "47", "1047"):
                self._erase(0, self.rows, 0, self.cols)  # alternate screen: a clean one
            return
        if params[:1] in "<=>" and params:
            return
        nums = [int(p) if p.isdigit() else 0 for p in params.split(";")] if params else []
        first = nums[0] if nums else 0
        n = max(1, first)
        if final in "Hf":
            row = nums[0] if nums else 1
            col = nums[1] if len(nums) > 1 else 1
            self.y = min(self.rows, max(1, row)) - 1
            self.x = min(self.cols, max(1, col)) - 1
        elif final == "A":
            self.y = max(0, self.y - n)
        elif final == "B":
            self.y = min(self.rows - 1, self.y + n)
        elif final == "C":
            self.x = min(self.cols - 1, self.x + n)
        elif final == "D":
            self.x = max(0, self.x - n)
        elif final == "G":
            self.x = min(self.cols, n) - 1
        elif final == "d":
            self.y = min(self.rows, n) - 1
        elif final == "K":
            start, end = {0: (self.x, self.cols), 1: (0, self.x + 1)}.get(first, (0, self.cols))
            self._erase(self.y, self.y + 1, start, end)
        elif final == "J":
            if first == 0:
                self._erase(self.y, self.y + 1, self.x, self.cols)
                self._erase(self.y + 1, self.rows, 0, self.cols)
            elif first == 1:
                self._erase(0, self.y, 0, self.cols)
                self._erase(self.y, self.y + 1, 0, self.x + 1)
            else:
                self._erase(0, self.rows, 0, self.cols)
        elif final == "X":
            self._erase(self.y, self.y + 1, self.x, min(self.cols, self.x + n))

    def _erase(self, top: int, bottom: int, left: int, right: int) -> None:
        for y in range(top, bottom):
            for x in range(left, right):
                self.cells[y][x] = " "


class Terminal:
    """``argv`` run in a new pseudo-terminal of ``size`` (columns, rows), as its controlling terminal."""

    def __init__(self, argv: Sequence[str], size: tuple[int, int] = (120, 36), env: dict[str, str] | None = None,
                 cwd: str | None = None) -> None:
        cols, rows = size
        self.screen = Screen(cols, rows)
        self.raw = bytearray()
        self.exit_code: int | None = None
        self.sent_at = 0.0
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        base = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES") and not k.startswith("TEXTUAL")}
        base.update({"TERM": "xterm-256color", "COLORTERM": "truecolor", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
        base.update(env or {})
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self.master = master
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            list(argv), stdin=slave, stdout=slave, stderr=slave, cwd=cwd, env=base, close_fds=True,
            start_new_session=True, preexec_fn=_take_terminal)
        os.close(slave)

    def __enter__(self) -> "Terminal":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading ---------------------------------------------------------------------------
    def pump(self, timeout: float) -> bool:
        """Read what the program wrote within ``timeout`` seconds into the screen; False at its end."""
        ready, _, _ = select.select([self.master], [], [], max(0.0, timeout))
        if not ready:
            return True
        try:
            data = os.read(self.master, 1 << 16)
        except OSError:  # EIO: every copy of the slave is closed, the program ended
            data = b""
        if not data:
            self.exit_code = self.process.wait()
            return False
        self.raw += data
        self.screen.feed(self._decoder.decode(data))
        return True

    def wait_for(self, seen: Callable[[Screen], bool], timeout: float = 10.0, since: float | None = None
                 ) -> float | None:
        """Seconds from ``since`` (default: the exec) to the first read after which ``seen(screen)``; None on timeout."""
        since = self.started if since is None else since
        deadline = time.perf_counter() + timeout
        while True:
            if seen(self.screen):
                return time.perf_counter() - since
            left = deadline - time.perf_counter()
            if left <= 0 or self.exit_code is not None:
                return None
            if not self.pump(left):
                return None if not seen(self.screen) else time.perf_counter() - since

    def wait_each(self, seen: dict[str, Callable[[Screen], bool]], timeout: float = 10.0,
                  since: float | None = None, poll: float | None = None,
                  cpu_at: dict[str, float | None] | None = None) -> dict[str, float | None]:
        """Like ``wait_for`` for several things at once: for each, the seconds until it was first seen (or None).

        ``poll``: look at least this often even without output (for a test that is not about the screen);
        ``cpu_at`` receives the program's ``cpu()`` at each first sighting.
        """
        since = self.started if since is None else since
        deadline = time.perf_counter() + timeout
        times: dict[str, float | None] = dict.fromkeys(seen)
        while True:
            for name, test in seen.items():
                if times[name] is None and test(self.screen):
                    times[name] = time.perf_counter() - since
                    if cpu_at is not None:
                        cpu_at[name] = self.cpu()
            left = deadline - time.perf_counter()
            if all(t is not None for t in times.values()) or left <= 0 or self.exit_code is not None:
                return times
            self.pump(min(left, poll) if poll else left)

    def settle(self, quiet: float = 0.5, timeout: float = 20.0) -> None:
        """Read until the program has written nothing for ``quiet`` seconds (or ``timeout`` passed)."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline and self.exit_code is None:
            before = len(self.raw)
            if not self.pump(quiet):
                return
            if len(self.raw) == before:
                return

    def wait_exit(self, timeout: float = 10.0) -> float | None:
        """Seconds from the exec to the end of the program's output and its exit; None on timeout."""
        deadline = time.perf_counter() + timeout
        while self.exit_code is None:
            left = deadline - time.perf_counter()
            if left <= 0:
                return None
            self.pump(left)
        return time.perf_counter() - self.started

    def cpu(self) -> float | None:
        """CPU seconds the program's threads have run so far (Linux /proc, ns exact); None once it has ended.

        Read together with a wall time, it tells what the program itself spent from
        what a loaded machine made it wait for; its child processes are not counted.
        """
        total = 0
        try:
            for task in os.scandir(f"/proc/{self.process.pid}/task"):
                with open(os.path.join(task.path, "schedstat")) as handle:
                    total += int(handle.read().split()[0])
        except (OSError, ValueError, IndexError):
            return None
        return total / 1e9

    # -- writing ---------------------------------------------------------------------------
    def send(self, keys: bytes | str) -> float:
        """Write key bytes as the keyboard would; the time they were sent (also ``sent_at``)."""
        data = keys.encode() if isinstance(keys, str) else keys
        self.sent_at = time.perf_counter()
        os.write(self.master, data)
        return self.sent_at

    def close(self) -> None:
        """End the program: SIGTERM to it, then its whole session (the checker's child too) if it lingers."""
        if self.exit_code is None and self.process.poll() is None:
            try:
                self.process.send_signal(signal.SIGTERM)
                deadline = time.perf_counter() + 5
                while self.process.poll() is None and time.perf_counter() < deadline:
                    self.pump(0.05)
            except OSError:
                pass
        if self.process.returncode is None:  # not reaped yet: the pid is still this group's
            try:
                os.killpg(self.process.pid, signal.SIGKILL)  # the session this Terminal created (checker too)
            except OSError:
                pass
            self.process.wait()
        try:
            os.close(self.master)
        except OSError:
            pass


def _take_terminal() -> None:
    """In the child, after setsid: make the pty (fd 0) its controlling terminal, as a terminal emulator does."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)
