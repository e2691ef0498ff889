"""Time a whole save after one field edit, as a ratio to a tomllib read of the same file.

    .venv/bin/python benchmarks/bench_save.py [--sizes 1000 5000] [--runs 7]

For each size a generated plan is written, then, alternating so that both see
the same load on a shared machine:

- the floor: reading the file with tomllib (bytes read, decoded, parsed);
- a save after one edit of a task title, as the editor makes it (``Session``:
  the copy of the plan Ctrl+S hands to the saving thread, the changed-on-disk
  check, the store's patch against the plan as last saved, its check, the
  atomic write with fsync, the new digest), on a plan opened before the clock
  starts: the first save after opening, and a second one after another edit;
- the editor's share on the UI thread: the copy of the plan that Ctrl+S hands
  to the saving thread (the rest runs beside the keys);
- ``store.save`` alone, on a document without the saved plan (every table
  compared with the file's data: what a library caller's save costs);
- for comparison, the same save through tomlkit (what every save after an
  edit cost before the patch).

Prints medians in seconds and the ratios to the floor. The goal (issue 15):
a save after one edit at most 1.5 × the tomllib read.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_plan import write  # noqa: E402

from planwright.host import Host  # noqa: E402
from planwright.plan import editing, store, tomlsync  # noqa: E402
from planwright.tui.session import Session  # noqa: E402

GOAL = 1.5


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def bench_size(n: int, runs: int, folder: Path) -> dict[str, float]:
    path = write(n, folder / f"plan-{n}.toml", seed=n)
    original = path.read_bytes()
    times: dict[str, list[float]] = {"read": [], "save": [], "again": [], "ui": [], "store": [], "tomlkit": []}
    host = Host()
    for run in range(runs):
        path.write_bytes(original)
        session = Session.open(path, host)
        session.remember_saved()  # as the editor does after its first frame
        for row in ("save", "again"):
            task = session.plan.points[run % len(session.plan.points)].tasks[0 if row == "save" else -1]
            session.set_field(task.id, "title", task.title + "（已修改）")
            if row == "save":
                times["read"].append(_timed(lambda: tomllib.loads(path.read_bytes().decode("utf-8"))))
            times[row].append(_timed(session.save))
            assert store.load(path).plan == session.plan, "the save did not write the edit"
        session.release()
        times["ui"].append(_timed(lambda: editing.copy_plan(session.plan)))
        path.write_bytes(original)
        doc = store.load(path)
        doc.plan.points[run % len(doc.plan.points)].tasks[0].title += "（已修改）"
        times["store"].append(_timed(lambda: store.save(doc)))
        if run < max(1, runs // 3):  # slow: a few runs are enough to show it
            path.write_bytes(original)
            doc = store.load(path)
            doc.plan.points[0].tasks[0].title += "（已修改）"
            times["tomlkit"].append(_timed(lambda: tomlsync.tomlkit_text(doc, doc.text)))
    result = {name: statistics.median(values) for name, values in times.items()}
    result["size_kb"] = len(original) / 1024
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    print(f"median of {args.runs} runs; ratios to the tomllib read of the same file (goal: save ≤ {GOAL}×)")
    print(f"{'tasks':>6} {'size':>8} {'tomllib read':>13} {'save':>13} {'ratio':>6} {'again':>8} {'ratio':>6} "
          f"{'UI thread':>10} {'ratio':>6} {'store.save':>11} {'ratio':>6} {'tomlkit save':>13} {'ratio':>6}")
    failed = False
    with tempfile.TemporaryDirectory(prefix="planwright-bench-save-") as tmp:
        for n in args.sizes:
            r = bench_size(n, args.runs, Path(tmp))
            floor = r["read"]
            print(f"{n:>6} {r['size_kb']:>6.0f}KB {floor:>12.3f}s {r['save']:>12.3f}s {r['save'] / floor:>5.2f}× "
                  f"{r['again']:>7.3f}s {r['again'] / floor:>5.2f}× {r['ui']:>9.3f}s {r['ui'] / floor:>5.2f}× "
                  f"{r['store']:>10.3f}s {r['store'] / floor:>5.2f}× {r['tomlkit']:>12.3f}s {r['tomlkit'] / floor:>5.2f}×",
                  flush=True)
            failed |= r["save"] / floor > GOAL
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
