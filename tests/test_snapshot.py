"""The plan pickled in pieces between keys reads back as the same plan."""

from __future__ import annotations

from planwright.tui.snapshot import CHUNK, as_plan, pieces
from sample_plans import big_plan, jinan_plan, ningguo_plan


def test_pieces_read_back_as_an_equal_plan_of_new_objects():
    for plan in (jinan_plan(), ningguo_plan(), big_plan(CHUNK * 2 + 7)):
        *steps, pickled = pieces(plan)
        copy = as_plan(pickled)
        assert copy == plan
        assert copy.points[0] is not plan.points[0] and copy.meta is not plan.meta


def test_a_big_point_is_pickled_a_chunk_of_tasks_at_a_time():
    plan = big_plan(CHUNK * 3)
    steps = list(pieces(plan))
    chunks = sum(len(chunks) for _, chunks in steps[-1].points)
    assert chunks >= 3 and len(steps) - 1 == len(plan.points) + chunks - len(
        [p for p in plan.points if p.tasks])  # one step per point, and per further chunk
