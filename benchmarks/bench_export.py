"""Time every export format on generated plans; prints medians.

    .venv/bin/python benchmarks/bench_export.py [--sizes 100 1000] [--runs 5]

For each size: the check alone (``rules.engine.run``); each format through
``export_plan`` (check + render, as one ``planwright export`` does in process);
all formats together through ``export_all`` (one check, every render), which
the issue wants under 3 s for 1,000 tasks; and ``planwright export --format
notice-docx`` as a whole process (interpreter start, imports, plugins, load,
check, render, write).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_plan import generate, write  # noqa: E402

from planwright.rules.engine import run as run_rules  # noqa: E402
from planwright.exporting import export_all, export_plan  # noqa: E402
from planwright.formats import EXPORT_FORMATS  # noqa: E402
from planwright.host import Host # noqa: E402


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    host = Host()
    exe = Path(sys.executable).with_name("planwright")
    for size in args.sizes:
        plan = generate(size, seed=1)
        print(f"{size} tasks (median of {args.runs} runs):")
        seconds = median_time(lambda: run_rules(plan, host), args.runs)
        print(f"  {'check only':<28} {seconds * 1000:8.1f} ms")
        for name in EXPORT_FORMATS:
            # allow_errors: a generated plan may carry deliberate findings; the export is what is timed
            seconds = median_time(lambda: export_plan(plan, name, host, allow_errors=True), args.runs)
            size_kb = len(export_plan(plan, name, host, allow_errors=True)) / 1024
            print(f"  {name:<28} {seconds * 1000:8.1f} ms  {size_kb:8.1f} KiB")
        seconds = median_time(lambda: export_all(plan, host, allow_errors=True), args.runs)
        print(f"  {'all formats (export_all)':<28} {seconds * 1000:8.1f} ms  (target for 1,000 tasks: < 3000 ms)")
        if exe.exists():
            with tempfile.TemporaryDirectory() as tmp:
                path = write(size, Path(tmp) / "plan.toml", seed=1)
                out = Path(tmp) / "out.docx"
                cmd = [str(exe), "export", str(path), "--format", "notice-docx", "-o", str(out), "--force",
                       "--allow-errors"]
                seconds = median_time(lambda: subprocess.run(cmd, capture_output=True, check=True), args.runs)
                print(f"  {'CLI notice-docx (process)':<28} {seconds * 1000:8.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
