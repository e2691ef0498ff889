"""The editor's checker child process does not import from the user's folder.

A clerk's folder can hold anything: a ``struct.py`` (or ``random.py``,
``secrets.py``) beside the plan used to be imported by the child instead of
the standard library's, and the checks broke.
"""

from __future__ import annotations

import threading

from planwright.plan import store
from planwright.tui.checker import ProcessChecker

POISON = 'raise SystemExit("imported from the plan folder")\n'


def _check_in_a_child(host, plan) -> list:
    """The findings the checker's child process answers for ``plan`` (a Plan or pickled pieces)."""
    answers: list = []
    finished = threading.Event()

    def done(findings, error):
        answers.append((findings, error))
        finished.set()

    checker = ProcessChecker(host)
    try:
        checker.submit(plan, done)
        assert finished.wait(120), "no answer from the checker"
    finally:
        checker.close()
    findings, error = answers[0]
    assert error is None
    return findings


def test_the_checker_child_ignores_modules_in_the_working_folder(sample, tmp_path, monkeypatch, host):
    for name in ("struct", "random", "secrets", "tomllib", "dataclasses"):
        (tmp_path / f"{name}.py").write_text(POISON, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PYTHONSAFEPATH", raising=False)  # the checker sets it; gone again after the test
    plan = store.loads(sample.replace('lead = ["区数据局"]', "lead = []")).plan
    assert [f.rule for f in _check_in_a_child(host, plan)] == ["PW-LEAD-001"]


def test_the_child_checks_a_plan_sent_as_pickled_pieces(sample, host):
    """The editor sends the plan as pieces pickled between keys; the child finds what it would in the plan."""
    from planwright.tui.snapshot import pieces

    plan = store.loads(sample.replace('lead = ["区数据局"]', "lead = []")).plan
    *between, pickled = pieces(plan)
    assert between and all(step is None for step in between)  # a piece per step, keys in between
    assert [f.rule for f in _check_in_a_child(host, pickled)] == ["PW-LEAD-001"]


def test_the_checker_child_runs_below_the_editors_priority(host):
    """A check of a big plan takes a second of CPU: the editor drawing the keys goes first."""
    import os

    from planwright.tui import checker as checker_module

    checker = ProcessChecker(host)
    try:
        child_nice = checker._pool.submit(os.nice, 0).result(timeout=120)
    finally:
        checker.close()
    assert child_nice >= os.nice(0) + min(checker_module.CHILD_NICENESS, 19 - os.nice(0))
