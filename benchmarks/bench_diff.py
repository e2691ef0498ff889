"""Time `planwright diff` on two generated 1,000-task plans; prints medians.

    .venv/bin/python benchmarks/bench_diff.py [--tasks 1000] [--runs 5]

The new plan is the old one a year on, the way a clerk changes it: rolled over
(deadlines moved), then about 7 % of tasks dropped, 8 % added, 10 % reworded,
4 % moved to another point, 2 % merged and 2 % split, and units and deadlines
changed here and there. Two cases:

- ``rolled``: the new plan came from ``planwright new --from`` (ids shared);
- ``imported``: the two plans were imported separately (no id in common), so
  every task is aligned by content, among the generator's near-identical
  phrasing (it draws every sentence from a dozen clauses): the worst case.

The generator draws every task from a dozen clauses, so a dropped task and a
new one read alike and are often paired as a rewrite: the status counts
printed here show the speed run's work, not the comparison's quality (that is
measured on corpus text by tests/test_diff_quality.py and test_diff_evolution.py).

Each is timed as a whole process (interpreter start, imports, plugins,
loading both files, comparing, writing the report) for ``--format json`` and
``--format html``; the targets are 1 s and 2 s. Each process run is paired with a
run of ``planwright --version`` (the floor), and the ratio of the medians is
printed: on a shared, noisy machine the ratio moves far less than the seconds.
In-process times of the comparison alone are printed too.
"""

from __future__ import annotations

import argparse
import copy
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_plan import _CLAUSES, _task, generate  # noqa: E402

from planwright.plan import store # noqa: E402
from planwright.diffing import compare, to_html, to_json # noqa: E402
from planwright.plan.model import Plan # noqa: E402
from planwright.plan.rollover import roll_over # noqa: E402

EXE = Path(sys.executable).with_name("planwright")


def evolve(old: Plan, seed: int) -> Plan:
    """Next year's plan: rolled over, then edited at the rates in the module docstring."""
    rng = random.Random(seed)
    new = copy.deepcopy(old)
    roll_over(new, old.meta.year + 1)
    year = new.meta.year
    for point in new.points:
        kept = []
        for task in point.tasks:
            r = rng.random()
            if r < 0.07:
                continue  # dropped
            if r < 0.17:
                sentences = task.text.split("\n")
                sentences[0] = "，".join(rng.sample(_CLAUSES, 3)) + "。"  # a sentence rewritten
                task.text = "\n".join(sentences)
            if rng.random() < 0.05:
                task.deadline = f"{year}年{rng.randint(3, 11)}月底前"
            if rng.random() < 0.05 and task.lead:
                task.lead = task.lead[:-1] + ["区审计局"]
            kept.append(task)
        point.tasks = kept
    tasks = [(p, t) for p in new.points for t in p.tasks]
    for point, task in rng.sample(tasks, len(tasks) * 4 // 100):  # moved to another point
        point.tasks.remove(task)
        rng.choice([p for p in new.points if p is not point]).tasks.append(task)
    for _ in range(len(tasks) * 2 // 100):  # two neighbours merged
        point = rng.choice([p for p in new.points if len(p.tasks) > 2])
        i = rng.randrange(len(point.tasks) - 1)
        a, b = point.tasks[i], point.tasks.pop(i + 1)
        a.text = a.text + "\n" + b.text
    for _ in range(len(tasks) * 2 // 100):  # one split in two
        point = rng.choice(new.points)
        i = rng.randrange(len(point.tasks))
        task = point.tasks[i]
        second = copy.deepcopy(task)
        second.id = ""
        second.title = task.title + "（续）"
        task.text, second.text = task.text[: len(task.text) // 2], task.text[len(task.text) // 2:]
        point.tasks.insert(i + 1, second)
    for _ in range(len(tasks) * 8 // 100):  # new tasks
        rng.choice(new.points).tasks.append(_task(rng, year))
    new.ensure_ids()
    return new


def without_ids(plan: Plan) -> Plan:
    other = copy.deepcopy(plan)
    for node in other.all_nodes():
        node.id = ""
    other.ensure_ids()
    return other


def median(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run_process(command: list[str], runs: int) -> tuple[float, float, float]:
    """Median wall-clock and CPU seconds (user + system, the child included) of a command,
    and the median wall-clock of ``planwright --version`` run alternately with it.

    CPU time is printed beside wall time because a shared machine's load
    stretches the wall clock; the CPU figure moves much less.
    """
    walls, cpus, floors = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([str(EXE), "--version"], check=True, capture_output=True)
        floors.append(time.perf_counter() - start)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus), statistics.median(floors)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tasks", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    old = generate(args.tasks, seed=1, year=2026)
    old.ensure_ids()
    evolved = evolve(old, seed=2)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        old_path = store.save(store.new_document(old), tmp_path / "old.toml")
        cases = {"rolled": evolved, "imported": without_ids(evolved)}
        print(f"{args.tasks} tasks; median of {args.runs} runs")
        for name, new in cases.items():
            new_path = store.save(store.new_document(new), tmp_path / f"{name}.toml")
            a, b = store.load(old_path).plan, store.load(new_path).plan
            cmp = compare(a, b)
            summary = {k: v for k, v in cmp.summary_by_level().get("task", {}).items() if v}
            print(f"\n{name}: tasks {summary}")
            print(f"  compare() in process        {median(lambda: compare(a, b), args.runs):6.3f} s")
            print(f"  to_json                     {median(lambda: to_json(cmp), args.runs):6.3f} s")
            print(f"  to_html (with the redlines) {median(lambda: to_html(compare(a, b)), args.runs):6.3f} s"
                  " (compare included)")
            for fmt in ("json", "html"):
                out = tmp_path / f"out.{fmt}"
                command = [str(EXE), "diff", str(old_path), str(new_path), "--format", fmt, "-o", str(out), "--force"]
                wall, cpu, floor = run_process(command, args.runs)
                target = 1.0 if fmt == "json" else 2.0
                print(f"  planwright diff --format {fmt:<4} {wall:6.3f} s wall, {cpu:6.3f} s CPU, "
                      f"{wall / floor:5.1f} × --version ({floor:.3f} s)  (target < {target:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
