"""benchmarks/bench_tui.py reads the editor's screen right: its screen model, and one short run where every key shows.

No timing is asserted: the point is that each key the benchmark sends produces the
effect it waits for on today's editor, so that a failure there is the editor's.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCH))
from term import Screen  # noqa: E402


def test_screen_places_wide_characters_and_cursor_moves() -> None:
    screen = Screen(20, 3)
    screen.feed("\x1b[?1049h\x1b[2;3H\x1b[1m一、计划\x1b[0m")
    screen.feed("\x1b[1;1Habc\x1b[2")  # an escape cut by the end of a read
    screen.feed(";11H标题")
    assert screen.line(1).rstrip() == "  一、计划标题"
    assert screen.text().splitlines()[0] == "abc"
    screen.feed("\x1b[2;5H\x1b[K")  # erase to the end of the line, from 、 on
    assert screen.line(1).rstrip() == "  一"
    screen.feed("\x1b]0;标题\x07\x1b[3;1Hok")  # a window title is not on the screen
    assert screen.text().splitlines()[2] == "ok"


def test_screen_overwrites_half_of_a_wide_character() -> None:
    screen = Screen(10, 1)
    screen.feed("甲乙丙")
    screen.feed("\x1b[1;2Hx")  # the right half of 甲: 甲 goes, x stays
    assert screen.line(0).rstrip() == " x乙丙"


@pytest.mark.slow
def test_one_run_sees_every_key() -> None:
    done = subprocess.run([sys.executable, str(BENCH / "bench_tui.py"), "--runs", "1", "--sizes", "16", "--pairs", "1",
                           "--json"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    series = json.loads(done.stdout)["sizes"]["16"]["series"]
    for row in ("hello", "version", "first", "cursor", "type", "save", "save_echo", "save_disk", "add", "undo",
                "f10", "f11"):
        assert series[row]["failed"] == 0 and series[row]["not_sent"] == 0, (row, series[row])
        assert series[row]["samples"], row
    assert len(series["add"]["samples"]) == len(series["undo"]["samples"]) == 1
