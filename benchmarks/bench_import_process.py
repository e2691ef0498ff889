"""`planwright import` of a 20,000-character notice as a whole process, as a ratio to
`planwright --version` measured in the same run; and `planwright new --style`, likewise.

    env -u PYTHONDONTWRITEBYTECODE .venv/bin/python benchmarks/bench_import_process.py [--chars 20000] [--runs 9]

Issue 11 asks for an import of at most 2.5 × the start of planwright itself (a new
file is written directly as text, not through tomlkit). The same notice is also
imported as a saved web page (.html) and a Word file (.docx). Every figure is the
median of --runs process runs, interleaved so that a busy machine slows all alike;
the first run of each (not counted) fills the file cache and writes bytecode and the
kept compiled patterns, as any first run of an installed planwright does.

Beside the wall-clock ratio, the CPU time of each process (user + system, as the
kernel counts it for a child) is given as a ratio too: on a machine that other work
shares, the wall clock of a short process mostly measures the wait for a core, while
its CPU time stays close to what it would be on a quiet machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_import import _write_forms, generate  # noqa: E402

GOAL = 2.5


def timed(command: list[str]) -> tuple[float, float]:
    """Wall-clock seconds and CPU seconds (user + system) of one run of *command*."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    exe = str(Path(sys.executable).parent / "planwright")
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("note: PYTHONDONTWRITEBYTECODE is set, so every run compiles planwright's modules and patterns "
              "afresh; run with `env -u PYTHONDONTWRITEBYTECODE` to measure an installed planwright")
    with tempfile.TemporaryDirectory() as tmp:
        notice = Path(tmp) / "notice.txt"
        notice.write_text(generate(args.chars), encoding="utf-8")
        out = Path(tmp) / "plan.toml"
        forms = {path.suffix: path for _, path in _write_forms(Path(tmp) / "forms", generate(args.chars))}
        commands = {
            "planwright --version": [exe, "--version"],
            "planwright import": [exe, "import", str(notice), "-o", str(out), "--force"],
            "planwright import (.html)": [exe, "import", str(forms[".html"]), "-o", str(out), "--force"],
            "planwright import (.docx)": [exe, "import", str(forms[".docx"]), "-o", str(out), "--force"],
            "planwright new --style jinan": [exe, "new", "--style", "jinan", "--year", "2027", "-o",
                                             str(Path(tmp) / "new.toml"), "--force"],
        }
        for command in commands.values():  # warm the file cache and bytecode once
            timed(command)
        times: dict[str, list[float]] = {name: [] for name in commands}
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                wall, used = timed(command)
                times[name].append(wall)
                cpu[name].append(used)
    floor = statistics.median(times["planwright --version"])
    cpu_floor = statistics.median(cpu["planwright --version"])
    print(f"notice: {args.chars} characters; medians of {args.runs} runs (wall clock; CPU user + system)")
    for name, values in times.items():
        median, used = statistics.median(values), statistics.median(cpu[name])
        print(f"{name:<30} {median:.3f} s   {median / floor:.2f} × --version"
              f"   | CPU {used:.3f} s   {used / cpu_floor:.2f} ×")
    ratio = statistics.median(times["planwright import"]) / floor
    cpu_ratio = statistics.median(cpu["planwright import"]) / cpu_floor
    print(f"import / --version = {ratio:.2f} (goal ≤ {GOAL}); in CPU time {cpu_ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
