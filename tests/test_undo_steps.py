"""Undo and redo give back exactly the plan as it was, whatever the edits, on plans of every shape.

Random sequences of every edit the editor makes (add, delete, move up/down and to
another point, duplicate, task⇄item, typing into fields and the [plan] table, the
unit registry, the main-text outline, replace all, a recovered plan taken in, a
change made by hand after ``History.record``) are interleaved with undos and redos.
After each undo the plan must equal the plan as it was before that edit, after
each redo as it was after it, every node being the very object it was (ids last),
and undoing everything must give the file's text back byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planwright.plan import editing, store
from planwright.plan.editing import EditError
from planwright.plan.model import Item, Meta, Plan, Point, Task, Unit
from sample_plans import big_plan, dalian_plan, jinan_plan, ningguo_plan, township_plan

WORDS = ["", "公开", "财政", "推进政务公开。", "区财政局", "各街道办事处", "2027年6月底", "持续推进", "新标题"]
UNITS = ["区财政局", "区民政局", "各街道办事处", "区数据局"]
SHAPES = {
    "jinan": jinan_plan, "dalian": dalian_plan, "ningguo": ningguo_plan, "township": township_plan,
    "long": lambda: big_plan(12), "empty": lambda: Plan(Meta(title="空计划", style="jinan", year=2027)),
    "items": lambda: Plan(Meta(title="事项很多", style="jinan", year=2027), [Unit("区财政局", ["财政局"])], [
        Point(id=f"p{p}", title=f"要点{p}", tasks=[
            Task(id=f"p{p}t{t}", title=f"任务{t}", lead=["区财政局"], items=[
                Item(id=f"p{p}t{t}i{i}", text=f"事项{i}。", support=["财政局"]) for i in range(t)])
            for t in range(3)])
        for p in range(3)]),
}


@dataclass
class State:
    """A plan as it was: a deep copy to compare with, and the node objects it held by id."""

    copy: Plan
    nodes: dict[str, object] = field(repr=False)
    units: list[object] = field(repr=False)

    @classmethod
    def of(cls, plan: Plan) -> "State":
        return cls(editing.copy_plan(plan), {n.id: n for n in plan.all_nodes()}, list(plan.units))

    def check(self, plan: Plan, when: str) -> None:
        assert plan == self.copy, when
        assert {n.id: n for n in plan.all_nodes()}.keys() == self.nodes.keys(), when
        assert all(self.nodes[n.id] is n for n in plan.all_nodes()), f"{when}: a node was re-created"
        assert all(a is b for a, b in zip(plan.units, self.units)), f"{when}: a unit was re-created"


def _ids(plan: Plan) -> list[str]:
    return [n.id for n in plan.nodes()]


def _edit(plan: Plan, history: editing.History, data: st.DataObject) -> tuple[str, bool]:
    """One random edit through the history; returns what it was and whether it made a step."""
    ids = _ids(plan)
    some = st.sampled_from(ids) if ids else st.none()
    at = data.draw(st.one_of(st.none(), some))
    kind = data.draw(st.sampled_from([
        "add_point", "add_task", "add_task", "add_item", "delete", "move", "move", "move_to_point",
        "duplicate", "toggle_kind", "field", "field", "meta", "unit", "body", "replace", "recover", "by_hand"]))
    if kind == "field":
        if not ids:
            return kind, False
        node = plan.find(data.draw(some))
        name = data.draw(st.sampled_from(editing.EDITABLE[type(node)]))
        value: object = (data.draw(st.lists(st.sampled_from(UNITS), max_size=3)) if name in ("lead", "support")
                         else data.draw(st.sampled_from(WORDS)))
        if getattr(node, name) == value:
            return kind, False  # the session makes no step for a value already there
        before = len(history.undo_stack)
        history.record_field(plan, node.id, name, "编辑", node.id)
        editing.set_field(plan, node.id, name, value)
        return f"field {node.id}.{name}", len(history.undo_stack) > before
    if kind == "meta":
        name = data.draw(st.sampled_from(["title", "issuer", "preamble", "recipients", "cc"]))
        value = data.draw(st.lists(st.sampled_from(UNITS), max_size=2)) if name in ("recipients", "cc") \
            else data.draw(st.sampled_from(WORDS))
        if getattr(plan.meta, name) == value:
            return kind, False
        before = len(history.undo_stack)
        history.record_field(plan, None, name, "编辑计划信息", None)
        setattr(plan.meta, name, value)
        return f"meta {name}", len(history.undo_stack) > before
    if kind == "by_hand":  # a change made by hand after History.record
        history.record(plan, "手工", at)
        for point in plan.points:
            point.tasks.reverse()
        plan.units.append(Unit("区手工局"))
        if plan.points:
            plan.points[0].title += "改"
        return kind, True
    op, args = _structural(plan, kind, at, data)
    try:
        history.apply(plan, kind, at, op, *args)
    except EditError:
        return f"{kind} refused", False
    return kind, True


def _structural(plan: Plan, kind: str, at: str | None, data: st.DataObject) -> tuple[object, tuple]:
    if kind in ("add_point", "add_task", "add_item"):
        return getattr(editing, kind), (at, data.draw(st.sampled_from(WORDS)))
    if kind == "move":
        return editing.move, (at or "", data.draw(st.sampled_from([-1, 1])))
    if kind == "move_to_point":
        points = [p.id for p in plan.points] or ["none"]
        return editing.move_to_point, (at or "", data.draw(st.sampled_from(points)))
    if kind in ("delete", "duplicate", "toggle_kind"):
        return getattr(editing, kind), (at or "",)
    if kind == "unit":
        old = data.draw(st.sampled_from([u.name for u in plan.units] + UNITS))
        return editing.edit_unit, (old, data.draw(st.sampled_from(UNITS + ["区新局"])),
                                   data.draw(st.lists(st.sampled_from(["财政局", "新局", "区财政局"]), max_size=2)),
                                   data.draw(st.sampled_from(["", "部门", "统称"])), data.draw(st.booleans()))
    if kind == "body":
        text = data.draw(st.sampled_from(["", "一、总体要求\n前言一段。\n（一）细化任务\n按期完成。",
                                          editing.body_text(plan) + "\n二、保障措施", "只有一段正文。"]))
        return editing.set_body_text, (text,)
    if kind == "replace":
        return editing.replace_all, (data.draw(st.sampled_from(["公开", "财政", "区"])),
                                     data.draw(st.sampled_from(["透明", "", "区区"])))
    other = data.draw(st.sampled_from(sorted(SHAPES)))  # a recovered plan taken in
    return editing.take_content, (SHAPES[other](),)


@pytest.mark.parametrize("shape", sorted(SHAPES))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_random_edits_undo_and_redo_to_exactly_the_plan_as_it_was(shape, data):
    doc = store.new_document(SHAPES[shape]())
    plan = doc.plan
    text = store.dumps(doc)
    history = editing.History()
    past: list[State] = []  # the plan before each step still undoable, oldest first
    future: list[tuple[State, State]] = []  # (before, after) each step undone, last undone last
    for n in range(data.draw(st.integers(5, 30))):
        move = data.draw(st.sampled_from(["edit", "edit", "edit", "undo", "redo"]))
        if move == "undo":
            after = State.of(plan)
            if history.undo(plan, None) is None:
                assert not past
                continue
            before = past.pop()
            before.check(plan, f"step {n}: undo")
            future.append((before, after))
        elif move == "redo":
            if history.redo(plan, None) is None:
                assert not future
                continue
            before, after = future.pop()
            after.check(plan, f"step {n}: redo")
            past.append(before)
        else:
            before = State.of(plan)
            what, stepped = _edit(plan, history, data)
            if what.endswith("refused"):
                before.check(plan, f"step {n}: {what} changed the plan")
            elif stepped:
                past.append(before)
                future.clear()
        assert len(history.undo_stack) == len(past) and len(history.redo_stack) == len(future), f"step {n}"
        ids = [node.id for node in plan.all_nodes()]
        assert len(ids) == len(set(ids)), f"step {n}: an id twice"
    while history.undo(plan, None) is not None:
        past.pop().check(plan, "undoing everything")
    assert store.dumps(doc) == text  # undoing everything gives the file back byte for byte


def test_an_undo_remakes_the_deadline_and_unit_readers_only_after_a_registry_style_or_year_change():
    """The editor rebuilds its unit registry and deadline reader after an undo only when the step
    may have changed them; every step that does says so."""
    plan = jinan_plan()
    history = editing.History()
    point, task = plan.points[0], plan.points[0].tasks[0]
    history.apply(plan, "新增任务", None, editing.add_task, task.id)
    history.apply(plan, "删除", None, editing.delete, task.id)
    history.apply(plan, "移动", None, editing.move, point.id, 1)
    outline_only = list(history.undo_stack)
    history.apply(plan, "登记单位", None, editing.edit_unit, "区新单位", "区新单位", ["新单位"], "部门", False)
    history.apply(plan, "登记单位", None, editing.edit_unit, "区新单位", "区新单位", ["新单位", "新"], "部门", False)
    history.record_field(plan, None, "year", "编辑计划信息", None)
    plan.meta.year = 2030
    history.record_field(plan, None, "title", "编辑计划信息", None)
    plan.meta.title = "另一个标题"
    steps = history.undo_stack
    assert [editing.touches_registry(step, plan) for step in outline_only] == [False] * 3
    assert [editing.touches_registry(step, plan) for step in steps[3:]] == [True, True, True, False]
