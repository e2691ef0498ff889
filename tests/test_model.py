"""The model: ids given once and kept, walking and locating nodes."""

from __future__ import annotations

from planwright.plan.model import ID_LENGTH, Item, Plan, Point, Task, level_of, new_id


def small_plan() -> Plan:
    return Plan(points=[
        Point(title="甲", tasks=[Task(title="任务一", items=[Item(text="事项一"), Item(text="事项二")])]),
        Point(id="keep01", title="乙", tasks=[Task(id="keep02", title="任务二")]),
    ])


def test_new_ids_are_short_and_readable() -> None:
    ids = {new_id() for _ in range(2000)}
    assert len(ids) == 2000
    assert all(len(i) == ID_LENGTH and not set(i) & set("l1o0") for i in ids)


def test_ensure_ids_gives_missing_ids_and_keeps_existing_ones() -> None:
    plan = small_plan()
    assert plan.ensure_ids() == 4
    assert plan.points[1].id == "keep01" and plan.points[1].tasks[0].id == "keep02"
    ids = [n.id for n in plan.nodes()]
    assert len(set(ids)) == len(ids) == 6
    assert plan.ensure_ids() == 0  # a second call changes nothing


def test_ids_survive_a_move() -> None:
    plan = small_plan()
    plan.ensure_ids()
    task = plan.points[0].tasks.pop(0)
    before = task.id
    plan.points[1].tasks.insert(0, task)
    assert plan.find(before) is task
    assert plan.locate(before) == (2, 1)
    assert plan.locate(task.items[1].id) == (2, 1, 2)


def test_walking_and_levels() -> None:
    plan = small_plan()
    plan.ensure_ids()
    assert [level_of(n) for n in plan.nodes()] == ["point", "task", "item", "item", "point", "task"]
    assert [t.title for _, t in plan.tasks()] == ["任务一", "任务二"]
    plan.points[0].tasks[0].lead = ["区财政局"]
    plan.points[0].tasks[0].items[0].support = ["区教育局", "区财政局"]
    assert plan.unit_names() == ["区财政局", "区教育局"]
    assert Item(text="一二三四五六七八九十一二三四五六七八九十多出来").title == "一二三四五六七八九十一二三四五六七八九十"
