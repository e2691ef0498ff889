"""如意县式 runs planwright's conformance suite, plus a test of each of its own rules.

Run after installing the package beside planwright: ``pytest tests/``.
"""

from __future__ import annotations

import pytest

import planwright
from planwright.host import Host
from planwright.conformance import STYLE_CHECKS, check_rules, check_style, template_plan


@pytest.fixture(scope="module")
def host() -> Host:
    return Host()


@pytest.mark.parametrize("check", STYLE_CHECKS, ids=lambda c: c.__name__)
def test_conformance(check, host) -> None:
    check("ruyi", host)


def test_whole_style_at_once(host) -> None:
    check_style("ruyi", host, years=(2027, 2031), strict=True)
    check_rules("ruyi", host, minimum=2)


def test_every_task_needs_a_deadline(host) -> None:
    plan = template_plan("ruyi", 2027, host).plan
    plan.points[0].tasks[1].deadline = ""
    found = [f for f in planwright.check(plan, host=host) if f.rule == "RY-001"]
    assert [(f.where, f.severity) for f in found] == [("一/（二）", "error")]


def test_units_are_county_offices(host) -> None:
    plan = template_plan("ruyi", 2027, host).plan
    plan.points[0].tasks[0].support = ["市财政局"]
    found = [f for f in planwright.check(plan, host=host) if f.rule == "RY-002"]
    assert len(found) == 1 and "“市财政局”不是县级单位" in found[0].message
