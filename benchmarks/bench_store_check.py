"""Time loading, saving and checking generated plans; prints medians.

    .venv/bin/python benchmarks/bench_store_check.py [--sizes 100 1000 5000] [--runs 5]

For each size: ``store.load``; ``store.save`` with no edit and after one edit
(a fresh load before each, so the tomlkit parse a first save needs is counted);
``planwright.check`` in process with a loaded plugin host; and ``planwright check``
as a whole process (interpreter start, imports, plugin loading, load, rules,
printing), wall-clock and CPU time, with bytecode cached as in an installed
tool. The target is ``planwright check`` of
1,000 tasks under 1 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_plan import write  # noqa: E402

from planwright.plan import store # noqa: E402
import planwright  # noqa: E402
from planwright.host import Host # noqa: E402


def median_time(fn: Callable[[], object], runs: int, setup: Callable[[], object] | None = None) -> float:
    """Median seconds of ``fn(setup())`` (setup not timed)."""
    times = []
    for _ in range(runs):
        arg = setup() if setup else None
        start = time.perf_counter()
        fn(arg) if setup else fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def process_times(cmd: list[str], runs: int, env: dict[str, str]) -> tuple[float, float]:
    """Median wall and CPU (user+sys) seconds of a command; CPU time is steadier on a busy machine."""
    walls, cpus = [], []
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)  # warm caches
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def planwright_exe() -> str:
    beside = Path(sys.executable).with_name("planwright")
    return str(beside) if beside.exists() else (shutil.which("planwright") or "planwright")


def installed_env(folder: Path) -> dict[str, str]:
    """The environment of an installed tool: bytecode cached (here in a private folder, so
    that a checkout run with PYTHONDONTWRITEBYTECODE=1 does not recompile every module)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    return env


def bench_size(n: int, runs: int, folder: Path, host: Host) -> dict[str, float]:
    path = write(n, folder / f"plan-{n}.toml", seed=n)
    copy = folder / f"copy-{n}.toml"
    original = path.read_bytes()

    def fresh() -> store.PlanDocument:
        copy.write_bytes(original)
        return store.load(copy)

    def edited() -> store.PlanDocument:
        doc = fresh()
        doc.plan.points[0].tasks[0].title += "（已修改）"
        return doc

    results = {
        "size_kb": len(original) / 1024,
        "load": median_time(lambda: store.load(path), runs),
        "save": median_time(store.save, runs, setup=fresh),
        "save_edit": median_time(store.save, runs, setup=edited),
    }
    doc = fresh()
    store.save(doc)
    assert copy.read_bytes() == original, "a save with no edit changed the file"
    loaded = store.load(path)
    results["check"] = median_time(lambda: planwright.check(loaded, host=host), runs)
    results["check_process"], results["process_cpu"] = process_times(
        [planwright_exe(), "check", str(path)], runs, installed_env(folder))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    host = Host()
    _ = host.rules, host.registries, host.deadline_phrases, host.styles  # warm the host once
    columns = ("load", "save", "save_edit", "check", "check_process", "process_cpu")
    print(f"median of {args.runs} runs, seconds")
    print(f"{'tasks':>6} {'size':>8} " + " ".join(f"{c:>13}" for c in columns))
    with tempfile.TemporaryDirectory(prefix="planwright-bench-") as tmp:
        for n in args.sizes:
            r = bench_size(n, args.runs, Path(tmp), host)
            print(f"{n:>6} {r['size_kb']:>6.0f}KB " + " ".join(f"{r[c]:>13.3f}" for c in columns), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
