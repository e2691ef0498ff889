"""Time the editor headless on a generated plan; prints medians (and the worst) in ms.

    .venv/bin/python benchmarks/bench_tui.py [--tasks 1000] [--runs 5] [--keys 40]

- first screen: from creating the app (the file is loaded then) until the tree
  and the form are drawn and the app goes quiet — the app's own start, without
  the interpreter and imports, which are timed apart ("import"). The findings
  follow from the checker's child process a moment later;
- per key: the CPU time the process spent, and the wall time from posting one
  key event (as the terminal driver does) until the last frame it causes has
  been composed and handed to the (headless) driver; for cursor moves in the
  tree, typing Chinese into a title, the text area and the deadline field, and
  structural edits (add, undo) that rebuild the tree. Frames come from
  Textual's refresh timer, so this includes the wait for the next frame, as on
  a real terminal. The validators (child process) and the recovery writer
  (thread) run as they do for a user.

Targets (issue 7): first screen of a 1,000-task plan under 1.5 s; cursor moves
and typing under 50 ms per key.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_plan import write  # noqa: E402

from textual import events  # noqa: E402

from planwright.host import Host # noqa: E402
from planwright.tui.app import PlanwrightApp # noqa: E402

SIZE = (160, 48)
TYPED = "推进政务公开标准化规范化建设，确保“应公开尽公开”"


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


QUIET = 0.12  # no frame for this long: the key's work is done


class FrameClock:
    """Timestamps of the frames the app hands to its driver."""

    def __init__(self, app: PlanwrightApp) -> None:
        self.frames: list[float] = []
        original = app._display  # Textual 8.2.8: every composed frame passes here

        def display(screen, renderable) -> None:
            original(screen, renderable)
            if renderable is not None:
                self.frames.append(time.perf_counter())

        app._display = display  # type: ignore[method-assign]

    async def settle(self, since: float) -> float | None:
        """Wait until the app is quiet; the time of the last frame after ``since``."""
        while True:
            await asyncio.sleep(0.01)
            last = self.frames[-1] if self.frames and self.frames[-1] > since else since
            if time.perf_counter() - last >= QUIET:
                return last - since if last > since else None


async def first_screen(path: Path, host: Host) -> float:
    start = time.perf_counter()
    app = PlanwrightApp(path, host)
    clock = FrameClock(app)
    async with app.run_test(size=SIZE) as pilot:
        elapsed = await clock.settle(start) or 0.0
        assert app.screen.query_one("#tree").render_line(1).text.strip()  # the tree is drawn
        await wait_workers(app)
        await pilot.pause()
    return elapsed


async def wait_workers(app: PlanwrightApp) -> None:
    """Exclusive workers replace each other; a cancelled one is no failure here."""
    from textual.worker import WorkerCancelled

    try:
        await app.workers.wait_for_complete()
    except WorkerCancelled:
        pass


async def key_timings(path: Path, host: Host, n_keys: int) -> dict[str, list[float]]:
    app = PlanwrightApp(path, host)
    out: dict[str, list[float]] = {}
    clock = FrameClock(app)
    async with app.run_test(size=SIZE) as pilot:
        await clock.settle(time.perf_counter())
        await wait_workers(app)
        editor = app.editor

        async def timed(name: str, key: str, char: str | None = None) -> None:
            start, cpu = time.perf_counter(), time.process_time()
            app.post_message(events.Key(key, char))
            took = await clock.settle(start)
            if took is not None:
                out.setdefault(name, []).append(took)
                # CPU of this process over the same span (the quiet wait costs ~nothing)
                out.setdefault(name + " cpu", []).append(time.process_time() - cpu)

        editor.tree.focus()
        for _ in range(n_keys):
            await timed("tree cursor ↓", "down")
        for _ in range(n_keys):
            await timed("tree cursor ↑", "up")
        await timed("tree page down", "pagedown")

        tasks = [t for _, t in app.session.plan.tasks()]
        task_id = tasks[len(tasks) // 3].id
        editor.jump_to(task_id, "title")
        await clock.settle(time.perf_counter())
        for ch in TYPED[:n_keys]:
            await timed("type into title", _key(ch), ch)
        editor.form.query_one("#text").focus()
        for ch in TYPED[:n_keys]:
            await timed("type into text area", _key(ch), ch)
        editor.form.query_one("#deadline").focus()
        for ch in "2027年10月底前"[:n_keys]:
            await timed("type into deadline", _key(ch), ch)

        editor.tree.focus()
        for _ in range(5):
            await timed("add task (F3, tree rebuilt)", "f3")
            editor.tree.focus()
        for _ in range(5):
            await timed("undo (Ctrl+Z, tree rebuilt)", "ctrl+z")
        await wait_workers(app)
        app.session.dirty = False  # nothing to ask on the way out
    return out


def _key(ch: str) -> str:
    from textual.keys import _character_to_key

    return _character_to_key(ch)


def import_time(runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import planwright.tui.app, planwright.cli.main"], check=True)
        times.append(time.perf_counter() - start)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keys", type=int, default=40)
    args = parser.parse_args(argv)

    folder = Path(tempfile.mkdtemp(prefix="pw-bench-tui-"))
    path = write(args.tasks, folder / "plan.toml", seed=1)
    host = Host()
    print(f"plan: {args.tasks} tasks, {path.stat().st_size // 1024} KB; terminal {SIZE[0]}×{SIZE[1]}")

    firsts = [asyncio.run(first_screen(path, host)) for _ in range(args.runs)]
    imports = import_time(args.runs)
    print(f"{'import planwright.tui (new process)':<34} median {ms(statistics.median(imports)):>7} ms")
    print(f"{'first screen (load + draw)':<34} median {ms(statistics.median(firsts)):>7} ms"
          f"   max {ms(max(firsts)):>7} ms   target < 1500 ms")

    timings = asyncio.run(key_timings(path, host, args.keys))
    print(f"{'per key (wall to last frame)':<34} {'median':>10} {'max':>10} {'CPU median':>12}")
    for name, values in timings.items():
        if name.endswith(" cpu"):
            continue
        cpu = statistics.median(timings[name + " cpu"])
        print(f"{name:<34} {ms(statistics.median(values)):>7} ms {ms(max(values)):>7} ms {ms(cpu):>9} ms"
              f"   ({len(values)} keys)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
