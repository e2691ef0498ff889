"""The pure edit operations and the undo history behind the editor (no Textual)."""

from __future__ import annotations

import pytest

from planwright.plan import editing
from planwright.plan import store
from planwright.plan.editing import EditError
from planwright.plan.model import Item, Task



@pytest.fixture
def doc(sample):
    return store.loads(sample)


def titles(plan):
    return [[t.title for t in p.tasks] for p in plan.points]


def test_add_point_task_item_in_place(doc):
    plan = doc.plan
    pid = editing.add_point(plan, "pt1aaa", "新要点")
    assert [p.title for p in plan.points] == ["围绕重点领域，抓好主动公开", "新要点", "夯实平台基础"]
    tid = editing.add_task(plan, "tk1aaa", "插在第一项之后")
    assert titles(plan)[0] == ["抓好财政预决算公开", "插在第一项之后", "做好[b]政策解读[/b]"]
    last = editing.add_task(plan, pid)
    assert plan.points[1].tasks[0].id == last
    iid = editing.add_item(plan, tid, "第一条")
    assert plan.find(iid).text == "第一条" and plan.points[0].tasks[1].items[0].id == iid
    with pytest.raises(EditError):
        editing.add_item(plan, pid)
    ids = [n.id for n in plan.nodes()]
    assert len(ids) == len(set(ids)) and all(ids)


def test_add_task_into_empty_plan_makes_a_point():
    plan = store.loads('schema = "planwright/1"\n[plan]\ntitle = "空"\n').plan
    tid = editing.add_task(plan, None, "第一项")
    assert len(plan.points) == 1 and plan.points[0].tasks[0].id == tid


def test_delete_selects_a_neighbour(doc):
    plan = doc.plan
    assert editing.delete(plan, "tk1aaa") == "tk2aaa"
    assert editing.delete(plan, "it1aaa") == "tk2aaa"  # last item: its task
    assert editing.delete(plan, "pt2aaa") == "pt1aaa"
    assert plan.find("tk3aaa") is None


def test_move_walks_across_parents(doc):
    plan = doc.plan
    editing.move(plan, "tk1aaa", 1)
    assert titles(plan)[0][1] == "抓好财政预决算公开"
    editing.move(plan, "tk1aaa", 1)  # past the end of point one: first of point two
    assert plan.points[1].tasks[0].id == "tk1aaa"
    with pytest.raises(EditError):
        editing.move(plan, "pt1aaa", -1)
    editing.move(plan, "it1aaa", 1)  # the only item of its task: on to the next task
    assert plan.find("tk1aaa").items[0].id == "it1aaa"


def test_move_to_point(doc):
    plan = doc.plan
    editing.move_to_point(plan, "tk2aaa", "pt2aaa")
    assert [t.id for t in plan.points[1].tasks] == ["tk3aaa", "tk2aaa"]
    assert plan.find("tk2aaa").items[0].id == "it1aaa"  # items travel with their task
    with pytest.raises(EditError):
        editing.move_to_point(plan, "pt1aaa", "pt2aaa")


def test_task_to_item_and_back_keeps_everything(doc):
    plan = doc.plan
    before = plan.find("tk1aaa")
    editing.add_task(plan, "tk2aaa")
    with pytest.raises(EditError):
        editing.task_to_item(plan, "tk1aaa")  # first task: nothing above to join
    with pytest.raises(EditError):
        editing.task_to_item(plan, "tk2aaa")  # has items of its own
    editing.move(plan, "tk1aaa", 1)
    editing.move(plan, "tk1aaa", 1)  # now third, below the new empty task
    snap = Task(before.id, before.title, before.text, list(before.lead), list(before.support), before.deadline)
    editing.toggle_kind(plan, "tk1aaa")
    item = plan.find("tk1aaa")
    assert isinstance(item, Item) and item.text.startswith("抓好财政预决算公开。预算")
    assert item.lead == ["区财政局"] and item.deadline == "2027年10月底"
    editing.toggle_kind(plan, "tk1aaa")
    again = plan.find("tk1aaa")
    assert isinstance(again, Task) and again == snap


def test_duplicate_gives_fresh_ids(doc):
    plan = doc.plan
    copy_id = editing.duplicate(plan, "tk2aaa")
    copy = plan.find(copy_id)
    original = plan.find("tk2aaa")
    assert copy_id != "tk2aaa" and copy.title == original.title
    assert copy.items[0].id != original.items[0].id and copy.items[0].text == original.items[0].text
    copy.lead.append("区数据局")
    assert original.lead == ["区政务公开办"]  # no shared lists


def test_search_finds_titles_text_units_deadlines(doc):
    plan = doc.plan
    assert [h.node_id for h in editing.search(plan, "[50%]")] == ["tk1aaa"]
    assert {h.node_id for h in editing.search(plan, "区数据局")} == {"tk3aaa"}
    assert [h.field for h in editing.search(plan, "下半年")] == ["deadline"]
    assert [h.field for h in editing.search(plan, "报送")] == ["text"]  # items have no title
    assert editing.search(plan, "  ") == []


def test_history_undo_redo_and_coalescing(doc):
    plan = doc.plan
    history = editing.History()
    for text in ("抓", "抓好", "抓好新"):
        history.record(plan, "编辑标题", "tk1aaa", coalesce=("tk1aaa", "title"))
        plan.find("tk1aaa").title = text
    history.record(plan, "删除", "tk1aaa")
    editing.delete(plan, "tk1aaa")
    assert len(history.undo_stack) == 2
    snap = history.undo(plan, "tk2aaa")
    assert snap.label == "删除" and plan.find("tk1aaa").title == "抓好新"
    history.undo(plan, "tk1aaa")
    assert plan.find("tk1aaa").title == "抓好财政预决算公开"  # the whole burst at once
    history.redo(plan, "tk1aaa")
    assert plan.find("tk1aaa").title == "抓好新"
    history.redo(plan, "tk1aaa")
    assert plan.find("tk1aaa") is None
    assert history.redo(plan, None) is None


def test_a_plan_copy_stays_as_it_was_and_round_trips_through_the_store(sample, doc):
    copy = editing.copy_plan(doc.plan)
    editing.delete(doc.plan, "pt1aaa")
    doc.plan = copy
    assert store.dumps(doc) == sample  # the copy gives the file back byte for byte


def test_cjk_wrap_folds_by_cells_and_keeps_closing_marks_off_line_starts():
    from rich.cells import cell_len

    from planwright.tui.cjkwrap import wrap

    text = "　　一、推进政务公开，提升透明度。" * 3
    lines = wrap(text, 20).split("\n")
    assert "".join(lines) == text  # nothing added or lost
    assert lines[0].startswith("　　一、")  # the indent stays with its paragraph
    assert all(cell_len(line) <= 22 for line in lines)  # at most one hanging mark over
    assert not any(line[0] in "，。、" for line in lines)


def test_field_edits_undo_without_copying_the_plan(doc):
    plan = doc.plan
    history = editing.History()
    history.record_field(plan, "tk1aaa", "lead", "编辑牵头单位", "tk1aaa")
    plan.find("tk1aaa").lead.append("区数据局")  # typed in place
    history.record_field(plan, "tk1aaa", "lead", "编辑牵头单位", "tk1aaa")  # same burst: no new step
    plan.find("tk1aaa").lead.append("区审计局")
    history.record_field(plan, None, "title", "编辑计划信息", None)
    plan.meta.title = "新标题"
    assert [type(s).__name__ for s in history.undo_stack] == ["FieldEdit", "FieldEdit"]
    history.undo(plan, None)
    assert plan.meta.title == "2027年示例区政务公开工作要点"
    history.undo(plan, None)
    assert plan.find("tk1aaa").lead == ["区财政局"]  # a copy was kept, not the list being edited
    history.redo(plan, None)
    assert plan.find("tk1aaa").lead == ["区财政局", "区数据局", "区审计局"]


def test_search_reports_every_occurrence_in_every_field_and_the_preamble(doc):
    plan = doc.plan
    hits = editing.search(plan, "公开")
    preamble = [h for h in hits if h.field == "preamble"]
    assert [h.node_id for h in preamble] == ["", ""]  # 政务公开 … 以公开促落实: both, in the 前言
    assert [h.start for h in preamble] == [4, 17]
    assert ("tk1aaa", "title") in {(h.node_id, h.field) for h in hits}
    assert ("tk1aaa", "text") in {(h.node_id, h.field) for h in hits}  # a node's second field too
    assert len([h for h in hits if h.node_id == "tk1aaa"]) == 2


def test_replace_all_changes_every_field_and_unit_lists(doc):
    plan = doc.plan
    assert editing.replace_all(plan, "区政务公开办", "区政务服务中心") == 3
    assert plan.find("tk2aaa").lead == ["区政务服务中心"] and plan.find("it1aaa").lead == ["区政务服务中心"]
    assert plan.find("tk3aaa").support == ["区政务服务中心"]
    assert editing.replace_all(plan, "以公开促落实", "以公开促规范") == 1
    assert plan.meta.preamble.endswith("以公开促规范。")
    assert editing.search(plan, "区政务公开办") == []
