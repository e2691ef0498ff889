"""The office's wording is data: the 印发 letter and each attribution as printed.

The notices here are written for these tests in the shape of each style
(their sentences are the project's own); the seeds are read at run time.
"""

from __future__ import annotations

import textwrap

import pytest

from planwright.plan import store
from planwright.plan.model import Wording

PLAN = textwrap.dedent('''\
    schema = "planwright/1"

    [plan]
    title = "2027年示例区政务公开工作要点"
    style = "jinan"
    year = 2027
    letter = "经研究同意，现将《{title}》予以印发，请遵照执行。"

    [[points]]
    id = "p1"
    title = "做好重点领域公开"

    [[points.tasks]]
    id = "t1"
    title = "做好预算公开"
    text = "部门预算批复后按时公开。"
    lead = ["区财政局"]
    # the phrase as the notice printed it
    wording = { text = "（责任单位：区财政局等有关部门）", lead = ["区财政局"] }
    ''')


def test_wording_and_letter_load_and_save_unchanged():
    doc = store.loads(PLAN)
    task = doc.plan.points[0].tasks[0]
    assert task.wording == Wording("（责任单位：区财政局等有关部门）", ["区财政局"])
    assert doc.plan.meta.letter.startswith("经研究同意")
    assert store.dumps(doc) == PLAN


def test_an_edit_elsewhere_leaves_the_wording_line_alone_and_a_dropped_wording_goes():
    doc = store.loads(PLAN)
    task = doc.plan.points[0].tasks[0]
    task.title = "做好预算和决算公开"
    text = store.dumps(doc)
    assert 'wording = { text = "（责任单位：区财政局等有关部门）", lead = ["区财政局"] }' in text
    task.wording = None
    text = store.dumps(doc)
    assert "wording" not in text and "# the phrase as the notice printed it" in text
    assert store.loads(text).plan.points[0].tasks[0].wording is None


def test_a_file_without_wording_still_loads():
    lines = [line for line in PLAN.splitlines() if not line.startswith(("wording", "letter"))]
    doc = store.loads("\n".join(lines) + "\n")
    assert doc.plan.points[0].tasks[0].wording is None and doc.plan.meta.letter == ""


@pytest.mark.parametrize("bad, says", [
    ('wording = "（责任单位：区财政局）"', "wording"),
    ('wording = { text = "（区财政局）", lead = "区财政局" }', "lead"),
    ('wording = { text = "（区财政局）", place = 3 }', "place"),
])
def test_a_bad_wording_is_refused_with_its_line(bad, says):
    text = PLAN.replace('wording = { text = "（责任单位：区财政局等有关部门）", lead = ["区财政局"] }', bad)
    with pytest.raises(store.PlanFileError) as caught:
        store.loads(text, "plan.toml")
    assert says in caught.value.message and caught.value.line == text.splitlines().index(bad) + 1
