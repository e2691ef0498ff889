"""The editor's speed as a user sees it, in a real terminal, against floors measured in the same run.

    .venv/bin/python benchmarks/bench_tui.py [--runs 5] [--sizes 1000 5000] [--pairs 3] [--json]

Every program runs in its own pseudo-terminal of 120×36 (benchmarks/term.py),
and every time is read off the screen: the clock starts just before the
process is created and stops at the read of output after which the screen
shows what a user waits for.

- first screen: exec of ``planwright edit PLAN`` → the plan's first tree line
  (一、 and the first point's title) on the screen. Its floor is a hello-world
  Textual app (benchmarks/hello_app.py) in the same venv, exec → "Hello, world",
  launched right before it; ``planwright --version`` (exec → exit) is printed
  for reference.
- keys, in the same editor once its findings are shown: ↓ in the tree (the form
  follows); Enter and one character typed into the title (its echo); Ctrl+S
  (→ the "已保存 PLAN" message) with a second character sent right after it (its
  echo: a save must not block a key); F3 add a task (→ its （未填写） tree line)
  and Ctrl+Z undo (→ the line gone), three times (--pairs); F10 (→ the table's header and
  first row) and back; F11 (→ the unit list) and back. Ctrl+S is compared with
  a tomllib read of the same file, timed in this process in the same run.
- every key is counted: one whose effect never shows is a failure, and the keys
  after it in that editor are reported as not sent; neither is ever dropped. (A
  save on disk whose 已保存 never showed is a failure that leaves the state known:
  the keys after it are still sent.)

Goals (issue 15): first screen ≤ 2.3× hello world at 1,000 tasks and ≤ 4× at
5,000; Ctrl+S ≤ 1.5× a tomllib read and the key sent right after it never
blocked (echoed before the save ended, or within 50 ms); add a task / undo
≤ 50 ms; F10 / F11 open ≤ 150 ms. Medians are judged; the machine is shared,
so read min and median together, and the CPU column beside them.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from gen_plan import _POINT_HEADS, write  # noqa: E402
from term import Screen, Terminal  # noqa: E402

SIZE = (120, 36)
BIN = Path(sys.executable).parent
KEYS = {"down": b"\x1b[B", "enter": b"\r", "ctrl+s": b"\x13", "f3": b"\x1bOR", "ctrl+z": b"\x1a",
        "f10": b"\x1b[21~", "f11": b"\x1b[23~"}
TYPED, AFTER_SAVE = "鑫", "淼"  # characters no generated plan contains: their echo is unambiguous
NEW_TASK = "（未填写）"  # how the tree shows a task without a title
# a user's pause between two commands: the screen quiet this long (at most 5 s) before the next key.
# Without it a command sent the instant a typed character shows can overtake that character's
# way into the model (F3 then Ctrl+Z undoes the typing, not the new task): a race no hand is quick for
THINK = 0.3
KEY_TIMEOUT, SAVE_TIMEOUT = 60.0, 180.0  # longer than any slow key: past it, the effect is not coming
FIRST_LINE = "一、" + _POINT_HEADS[0][:6]
UNIT_LINE = re.compile(r"牵头\d+ 配合\d+")
FIRST_ROW = re.compile(r"^\s+1\s+（一）", re.M)

LABELS = {
    "hello": "hello world, first screen", "version": "planwright --version (exec → exit)",
    "first": "first screen (exec → first tree line)", "checked": "findings shown (exec → checker done)",
    "tomllib": "tomllib read of the file (in process)", "cursor": "↓ in the tree (form follows)",
    "type": "a character typed into the title (echo)", "save": "Ctrl+S after one edit (→ 已保存)",
    "save_echo": "a character sent right after Ctrl+S (echo)", "save_disk": "Ctrl+S → the file replaced on disk",
    "add": "F3 add a task (→ tree line)", "undo": "Ctrl+Z undo the add (→ line gone)", "f10": "F10 table open (→ header and first row)",
    "f11": "F11 units open (→ unit list)",
}


@dataclass
class Series:
    """The samples of one measurement at one plan size, with the keys that never showed their effect."""

    samples: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # the program's own CPU seconds over the same spans
    failed: int = 0
    not_sent: int = 0
    blocked: int = 0  # the key after Ctrl+S: echoed only once the save had ended (and later than 50 ms)

    @property
    def ok(self) -> bool:
        return bool(self.samples) and not self.failed and not self.not_sent

    def median(self) -> float | None:
        return statistics.median(self.samples) if self.samples else None

    def cpu_median(self) -> float | None:
        return statistics.median(self.cpu) if self.cpu else None

    def add(self, took: float, cpu_start: float | None = 0.0, cpu_end: float | None = None) -> None:
        self.samples.append(took)
        if cpu_start is not None and cpu_end is not None:
            self.cpu.append(cpu_end - cpu_start)


class Launch:
    """One editor in a terminal; records each key's time or failure into ``out``."""

    def __init__(self, term: Terminal, out: dict[str, Series]) -> None:
        self.term, self.out = term, out
        self.broken = False

    def key(self, row: str, key: bytes | str, seen: Callable[[Screen], bool], timeout: float) -> bool:
        series = self.out.setdefault(row, Series())
        if self.broken:
            series.not_sent += 1
            return False
        self.term.settle(THINK, timeout=5)
        cpu = self.term.cpu()
        since = self.term.send(key)
        took = self.term.wait_for(seen, timeout, since=since)
        if took is None:
            self.fail(row, series)
            return False
        series.add(took, cpu, self.term.cpu())
        return True

    def fail(self, row: str, series: Series, broken: bool = True) -> None:
        """Count the failure and show the screen it left, so that whoever reads the report can see why.

        ``broken``: the editor's state is no longer known, so the keys after this one are not sent.
        """
        series.failed += 1
        self.broken = self.broken or broken
        print(f"\n{LABELS.get(row, row)}: its effect never showed; the screen then:\n{self.term.screen.text()}\n",
              file=sys.stderr, flush=True)


def text_has(needle: str) -> Callable[[Screen], bool]:
    return lambda screen: needle in screen.text()


def measure_hello(out: dict[str, Series]) -> None:
    series = out.setdefault("hello", Series())
    with Terminal([str(BIN / "python"), str(HERE / "hello_app.py")], SIZE) as term:
        took = term.wait_for(text_has("Hello, world"), 30)
        if took is None:
            series.failed += 1
        else:
            series.add(took, 0.0, term.cpu())
        term.send(b"\x11")  # Ctrl+Q
        term.wait_exit(5)


def measure_version(out: dict[str, Series]) -> None:
    series = out.setdefault("version", Series())
    with Terminal([str(BIN / "planwright"), "--version"], SIZE) as term:
        took = term.wait_exit(30)
        if took is None or term.exit_code != 0:
            series.failed += 1
        else:
            series.samples.append(took)


def measure_tomllib(plan: Path, out: dict[str, Series]) -> None:
    start = time.perf_counter()
    with plan.open("rb") as handle:
        tomllib.load(handle)
    out.setdefault("tomllib", Series()).samples.append(time.perf_counter() - start)


def measure_editor(plan: Path, out: dict[str, Series], pairs: int = 3) -> None:
    """One editor launch on a fresh copy of ``plan``: first screen, then every key in order."""
    folder = Path(tempfile.mkdtemp(prefix="pw-bench-tui-"))
    try:
        copy = shutil.copy(plan, folder / plan.name)
        with Terminal([str(BIN / "planwright"), "edit", str(copy)], SIZE, cwd=str(folder)) as term:
            launch = Launch(term, out)
            first = out.setdefault("first", Series())
            took = term.wait_for(text_has(FIRST_LINE), 60)
            if took is None:
                launch.fail("first", first)
            else:
                first.add(took, 0.0, term.cpu())
                checked = term.wait_for(text_has("检查："), 120)
                if checked is not None:
                    out.setdefault("checked", Series()).samples.append(checked)
                term.settle(0.3)  # a user reads the screen before the first key
            run_keys(launch, Path(copy), pairs)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run_keys(launch: Launch, plan: Path, pairs: int) -> None:
    term = launch.term
    launch.key("cursor", KEYS["down"], text_has("任务 一/（一）"), KEY_TIMEOUT)
    if not launch.broken:
        term.send(KEYS["enter"])  # into the title field; nothing to see but the cursor
        term.settle(0.2, timeout=5)
    launch.key("type", TYPED, text_has(TYPED), KEY_TIMEOUT)
    save_and_type(launch, plan)
    for _ in range(pairs):
        before = term.screen.count(NEW_TASK)
        launch.key("add", KEYS["f3"], lambda s, n=before: s.count(NEW_TASK) > n, KEY_TIMEOUT)
        launch.key("undo", KEYS["ctrl+z"], lambda s, n=before: s.count(NEW_TASK) == n, KEY_TIMEOUT)
    back = text_has(FIRST_LINE)
    launch.key("f10", KEYS["f10"], lambda s: "具体要求" in s.text() and bool(FIRST_ROW.search(s.text())), KEY_TIMEOUT)
    launch.key("f10 close", KEYS["f10"], back, KEY_TIMEOUT)
    launch.key("f11", KEYS["f11"], lambda s: "按单位查看" in s.text() and bool(UNIT_LINE.search(s.text())), KEY_TIMEOUT)
    launch.key("f11 close", KEYS["f11"], back, KEY_TIMEOUT)


def save_and_type(launch: Launch, plan: Path) -> None:
    """Ctrl+S and a character right behind it: both must show, each timed from its own key.

    Saved, on the screen, is the message 已保存 PLAN or the header's PLAN — 已保存
    (a message can expire before a busy editor draws it); the file replaced on
    disk is timed too ("save_disk"), to tell a slow save from an unseen one.
    """
    rows = ("save", "save_echo", "save_disk")
    if launch.broken:
        for row in rows:
            launch.out.setdefault(row, Series()).not_sent += 1
        return
    term = launch.term
    term.wait_for(text_has("有未保存的修改"), KEY_TIMEOUT)  # the edit has reached the header
    term.settle(THINK, timeout=5)
    before = plan.stat()
    on_disk = lambda _: _replaced(plan, before)  # noqa: E731
    confirmed = lambda s: f"已保存 {plan.name}" in s.text() or f"{plan.name} — 已保存" in s.line(0)  # noqa: E731
    cpu, cpu_at = term.cpu(), {}
    saved_at = term.send(KEYS["ctrl+s"])
    typed_at = term.send(AFTER_SAVE)
    times = term.wait_each({"save": confirmed, "save_echo": text_has(AFTER_SAVE), "save_disk": on_disk},
                           SAVE_TIMEOUT, since=saved_at, poll=0.01, cpu_at=cpu_at)
    for row in rows:
        series = launch.out.setdefault(row, Series())
        if times[row] is None:
            # saved on disk and the key echoed, but never said so on the screen: a failure, yet the
            # editor's state is known, so the keys after it are still sent
            launch.fail(row, series, broken=row != "save" or None in (times["save_disk"], times["save_echo"]))
        else:
            series.add(times[row] - (typed_at - saved_at if row == "save_echo" else 0.0), cpu, cpu_at.get(row))
    echo, ended = times["save_echo"], times["save"] or times["save_disk"]
    if echo is not None and ended is not None and echo >= ended and echo - (typed_at - saved_at) > 0.050:
        launch.out["save_echo"].blocked += 1


def _replaced(path: Path, before: os.stat_result) -> bool:
    try:
        now = path.stat()
    except FileNotFoundError:  # between the unlink and the rename of a save that does both
        return False
    return (now.st_ino, now.st_mtime_ns, now.st_size) != (before.st_ino, before.st_mtime_ns, before.st_size)


# -- report -------------------------------------------------------------------------------------
def fmt(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def failures(*series: Series) -> str:
    bad = [f"{s.failed} failed" for s in series if s.failed] + [f"{s.not_sent} not sent" for s in series if s.not_sent]
    return f" ({', '.join(bad)})" if bad else ""


def first_cell(data: dict[str, Series], size: int) -> tuple[str, bool]:
    first, hello = data["first"], data["hello"]
    if first.median() is None or hello.median() is None:
        return "no screen" + failures(first, hello), False
    ratio = first.median() / hello.median()
    ok = ratio <= (2.3 if size <= 1000 else 4.0) and first.ok and hello.ok
    cpu = (f"; CPU {first.cpu_median() / hello.cpu_median():.1f}×" if first.cpu_median() and hello.cpu_median()
           else "")
    return f"{ratio:.1f}× {mark(ok)} ({fmt(first.median())}; hello {fmt(hello.median())}{cpu}){failures(first)}", ok


def save_cell(data: dict[str, Series]) -> tuple[str, bool]:
    save, echo, read = data["save"], data["save_echo"], data["tomllib"]
    if save.median() is None or echo.median() is None:
        return "not saved" + failures(save, echo), False
    ratio = save.median() / read.median()
    ok = ratio <= 1.5 and not echo.blocked and save.ok and echo.ok
    disk = data.get("save_disk", Series()).median()
    return (f"{ratio:.1f}× {mark(ok)} ({fmt(save.median())}, on disk {fmt(disk)}; tomllib {fmt(read.median())}; "
            f"next key echoed in {fmt(echo.median())}, blocked by the save {echo.blocked} of {len(echo.samples)})"
            f"{failures(save, echo)}"), ok


def pair_cell(data: dict[str, Series], rows: tuple[str, str], limit: float) -> tuple[str, bool]:
    a, b = data[rows[0]], data[rows[1]]
    ok = a.ok and b.ok and max(a.median() or 1e9, b.median() or 1e9) <= limit
    return f"{fmt(a.median())} / {fmt(b.median())} {mark(ok)}{failures(a, b)}", ok


def table(results: dict[int, dict[str, Series]]) -> str:
    sizes = sorted(results)
    head = "| what | " + " | ".join(f"{s:,} tasks" for s in sizes) + " | goal |"
    lines = [head, "|" + " --- |" * (len(sizes) + 2)]
    rows = [
        ("first screen, × hello world", lambda d, s: first_cell(d, s), "≤ 2.3× at 1,000, ≤ 4× at 5,000"),
        ("Ctrl+S after one edit, × a tomllib read", lambda d, s: save_cell(d),
         "≤ 1.5× a tomllib read of the file, never blocking a key (the next key echoed before the save ends, or ≤ 50 ms)"),
        ("add a task / undo", lambda d, s: pair_cell(d, ("add", "undo"), 0.050), "≤ 50 ms"),
        ("F10 / F11 open", lambda d, s: pair_cell(d, ("f10", "f11"), 0.150), "≤ 150 ms"),
    ]
    for label, cell, goal in rows:
        lines.append(f"| {label} | " + " | ".join(cell(results[s], s)[0] for s in sizes) + f" | {goal} |")
    return "\n".join(lines)


def details(results: dict[int, dict[str, Series]]) -> str:
    lines = ["| measurement | size | n | min | median | max | CPU median | failed | not sent |", "|" + " --- |" * 9]
    for size in sorted(results):
        for row, series in results[size].items():
            if row.endswith(" close"):
                continue
            values = series.samples
            lines.append(f"| {LABELS.get(row, row)} | {size:,} | {len(values)} | {fmt(min(values) if values else None)}"
                         f" | {fmt(series.median())} | {fmt(max(values) if values else None)}"
                         f" | {fmt(series.cpu_median())} | {series.failed}"
                         f" | {series.not_sent} |")
    return "\n".join(lines)


def as_json(results: dict[int, dict[str, Series]], plans: dict[int, Path]) -> dict:
    out: dict = {"terminal": list(SIZE), "sizes": {}}
    for size, data in results.items():
        verdicts = {"first": first_cell(data, size)[1], "save": save_cell(data)[1],
                    "add_undo": pair_cell(data, ("add", "undo"), 0.050)[1],
                    "f10_f11": pair_cell(data, ("f10", "f11"), 0.150)[1]}
        out["sizes"][str(size)] = {
            "plan_bytes": plans[size].stat().st_size, "goals_met": verdicts,
            "series": {row: {"samples": s.samples, "median": s.median(), "min": min(s.samples, default=None),
                             "cpu": s.cpu, "cpu_median": s.cpu_median(),
                             "failed": s.failed, "not_sent": s.not_sent, "blocked": s.blocked}
                       for row, s in data.items()},
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="editor launches per size (default 5)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000], help="tasks per generated plan")
    parser.add_argument("--pairs", type=int, default=3, help="F3/Ctrl+Z pairs per editor (default 3)")
    parser.add_argument("--json", action="store_true", help="print every sample and verdict as JSON")
    args = parser.parse_args(argv)
    if not (BIN / "planwright").exists():
        parser.error(f"run with the venv's python: {BIN / 'planwright'} not found")

    folder = Path(tempfile.mkdtemp(prefix="pw-bench-tui-plans-"))
    try:
        plans = {size: write(size, folder / f"plan-{size}.toml", seed=1) for size in args.sizes}
        results: dict[int, dict[str, Series]] = {size: {} for size in args.sizes}
        for run in range(args.runs):
            for size in args.sizes:  # interleaved: each floor is measured next to what it is a floor for
                data = results[size]
                measure_version(data)
                measure_tomllib(plans[size], data)
                measure_hello(data)
                measure_editor(plans[size], data, args.pairs)
            if not args.json:
                print(f"run {run + 1}/{args.runs} done", file=sys.stderr, flush=True)
        if args.json:
            print(json.dumps(as_json(results, plans), ensure_ascii=False, indent=1))
        else:
            sizes = ", ".join(f"{s:,} tasks {plans[s].stat().st_size // 1024:,} KB" for s in args.sizes)
            print(f"terminal {SIZE[0]}×{SIZE[1]}, {args.runs} runs; plans: {sizes}; medians\n")
            print(table(results))
            print()
            print(details(results))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
