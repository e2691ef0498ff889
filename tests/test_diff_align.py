"""Alignment rules on small plans written here: ids, renumbering, moves, units, deadlines."""

from __future__ import annotations

import copy
import itertools
import random

import pytest

from planwright.diffing import compare
from planwright.diffing.assign import _min_cost, assign, greedy
from planwright.diffing.text import redline
from planwright.diffing.unitdiff import similar_names, unit_delta
from planwright.plan.model import Item, Meta, Plan, Point, Task
from planwright.zh.units import Registry, Unit

FINANCE = ("做好财政预决算信息公开", "部门预算、决算和三公经费在批复后二十日内向社会公开，细化到项级科目，并说明增减原因。")
PLANNING = ("做好规划信息公开", "公开年度国民经济和社会发展计划执行情况，按季度更新重点项目建设进度和投资完成情况。")
EPIDEMIC = ("做好卫生健康信息发布", "及时发布传染病防控和疫苗接种安排，公开医疗机构服务时间和就医指引，做好健康科普。")
READING = ("规范政策解读", "解读材料与政策文件同步起草、同步审签、同步发布，用图解和问答讲清适用对象和办理方式。")
HOTLINE = ("办好政务服务热线", "整合各类咨询投诉电话，热线工单按时办结，每月公布受理量、办结率和群众满意度。")


def task(pair: tuple[str, str], **kw) -> Task:
    return Task(title=pair[0], text=pair[1], **kw)


def plan(year: int, *points: Point) -> Plan:
    p = Plan(meta=Meta(title=f"{year}年示例区政务公开工作要点", year=year), points=list(points))
    p.ensure_ids()
    return p


def statuses(cmp, level: str = "task") -> dict[str, str]:
    """New (or, for removals, old) title → status."""
    return {(c.new or c.old)[0].title: c.status for c in cmp.changes if c.level == level}


def test_renumbering_alone_is_not_a_change() -> None:
    old = plan(2021, Point(title="公开重点领域信息", tasks=[task(FINANCE), task(PLANNING), task(EPIDEMIC)]))
    new = copy.deepcopy(old)
    del new.points[0].tasks[0]  # every task after it is renumbered
    new.meta.year = 2022
    cmp = compare(old, new)
    assert statuses(cmp) == {"做好财政预决算信息公开": "removed", "做好规划信息公开": "unchanged",
                             "做好卫生健康信息发布": "unchanged"}
    kept = next(c for c in cmp.changes if c.old and c.old[0].title == "做好规划信息公开")
    assert (kept.old[0].path, kept.new[0].path) == ("一/（二）", "一/（一）")


def test_reorder_inside_a_point_is_not_a_change_but_another_point_is_a_move() -> None:
    old = plan(2021, Point(title="公开重点领域信息", tasks=[task(FINANCE), task(PLANNING), task(EPIDEMIC)]),
               Point(title="做好解读回应", tasks=[task(READING)]))
    new = copy.deepcopy(old)
    a, b, c = new.points[0].tasks
    new.points[0].tasks = [b, a]
    new.points[1].tasks.append(c)
    assert statuses(compare(old, new)) == {"做好财政预决算信息公开": "unchanged", "做好规划信息公开": "unchanged",
                                           "规范政策解读": "unchanged", "做好卫生健康信息发布": "moved"}


def test_a_moved_and_reworded_task_is_moved_with_its_similarity() -> None:
    old = plan(2021, Point(title="公开重点领域信息", tasks=[task(FINANCE), task(EPIDEMIC)]),
               Point(title="做好解读回应", tasks=[task(READING)]))
    new = copy.deepcopy(old)
    moved = new.points[0].tasks.pop()
    moved.text = moved.text.replace("做好健康科普", "每周更新一次")
    new.points[1].tasks.append(moved)
    change = next(c for c in compare(old, new).changes if c.old and c.old[0].title == EPIDEMIC[0])
    assert change.status == "moved"
    assert 0.8 < change.text_similarity < 1


def test_points_are_never_moved_only_renumbered() -> None:
    old = plan(2021, Point(title="公开重点领域信息", tasks=[task(FINANCE)]), Point(title="做好解读回应", tasks=[task(READING)]))
    new = copy.deepcopy(old)
    new.points.reverse()
    assert set(statuses(compare(old, new), "point").values()) == {"unchanged"}


def test_a_point_with_a_new_heading_is_found_by_its_tasks() -> None:
    old = plan(2021, Point(title="公开重点领域信息", tasks=[task(FINANCE), task(PLANNING)]),
               Point(title="做好解读回应", tasks=[task(READING)]))
    new = copy.deepcopy(old)
    for node in new.all_nodes():
        node.id = ""
    new.ensure_ids()
    new.points[0].title = "围绕中心工作深化主动公开"
    cmp = compare(old, new)
    assert statuses(cmp, "point")["围绕中心工作深化主动公开"] == "reworded"
    assert set(statuses(cmp).values()) == {"unchanged"}


def test_text_changed_only_by_the_year_shift_is_unchanged() -> None:
    old = plan(2021, Point(title="公开重点领域信息", tasks=[
        task(("做好年度计划公开", "2021年6月底前公开2021年度计划执行情况，引用2020年评估结论。"), deadline="2021年10月底")]))
    new = copy.deepcopy(old)
    new.meta.year = 2022
    new.points[0].tasks[0].text = "2022年6月底前公开2022年度计划执行情况，引用2020年评估结论。"
    new.points[0].tasks[0].deadline = "2022年10月底"
    change = next(c for c in compare(old, new).changes if c.level == "task")
    assert change.status == "unchanged" and change.deadline is None


def test_a_deadline_moved_beyond_the_year_shift_is_reported() -> None:
    old = plan(2021, Point(title="公开重点领域信息", tasks=[task(FINANCE, deadline="2021年10月底"),
                                                         task(PLANNING, deadline="持续推进"),
                                                         task(READING, deadline="2021年12月31日")]))
    new = copy.deepcopy(old)
    new.meta.year = 2022
    a, b, c = new.points[0].tasks
    a.deadline, b.deadline, c.deadline = "2022年8月底", "长期坚持", "2022年12月底"
    by_title = {c.old[0].title: c.deadline for c in compare(old, new).changes if c.level == "task"}
    assert by_title[FINANCE[0]] == ("2021年10月底", "2022年8月底")
    assert by_title[PLANNING[0]] is None  # continuous either way
    assert by_title[READING[0]] is None  # the same day in other words


def test_unrelated_files_sharing_an_id_scheme_are_compared_by_content() -> None:
    old = plan(2021, Point(id="p1", title="公开重点领域信息", tasks=[
        task(FINANCE, id="t1"), task(PLANNING, id="t2"), task(EPIDEMIC, id="t3")]))
    new = plan(2022, Point(id="p1", title="公开重点领域信息", tasks=[
        task(EPIDEMIC, id="t1"), task(FINANCE, id="t2"), task(PLANNING, id="t3")]))
    cmp = compare(old, new)
    assert not cmp.ids_trusted
    assert all(c.old[0].title == c.new[0].title for c in cmp.changes)


def test_ids_are_trusted_for_a_heavy_rewrite() -> None:
    old = plan(2021, Point(title="公开重点领域信息", tasks=[task(FINANCE), task(PLANNING), task(EPIDEMIC)]))
    new = copy.deepcopy(old)
    new.points[0].tasks[2].title, new.points[0].tasks[2].text = HOTLINE
    cmp = compare(old, new)
    assert cmp.ids_trusted
    assert statuses(cmp)[HOTLINE[0]] == "reworded"


def test_items_align_across_tasks() -> None:
    rows = [Item(text=t, lead=["区政府办公室"]) for t in (
        "每季度更新一次政务公开目录，标注信息来源和更新时间。",
        "梳理依申请公开答复模板，统一告知书格式和救济途径说明。",
        "开设政策问答专栏，收集群众常见问题并按月集中答复。",
        "在政务服务大厅设置公开查阅点，配备触摸屏和纸质资料。")]
    old = plan(2021, Point(title="夯实基础", tasks=[Task(title="规范目录", items=rows[:2]),
                                                    Task(title="优化解读", items=rows[2:])]))
    new = copy.deepcopy(old)
    for node in new.all_nodes():
        node.id = ""
    new.ensure_ids()
    moved = new.points[0].tasks[0].items.pop(1)
    new.points[0].tasks[1].items.insert(0, moved)
    cmp = compare(old, new)
    items = {c.new[0].path: c.status for c in cmp.changes if c.level == "item"}
    assert items == {"一/（一）/1": "unchanged", "一/（二）/1": "moved", "一/（二）/2": "unchanged",
                     "一/（二）/3": "unchanged"}


# -- units ------------------------------------------------------------------------


@pytest.mark.parametrize("old_name, new_name", [
    ("发改委", "市发展改革委"), ("人社局", "区人力资源社会保障局"), ("卫健委", "市卫生健康委员会"),
    ("政府办", "市政府办公室"), ("市场监管局", "市场监督管理局"), ("教体局", "区教育和体育局"),
])
def test_abbreviated_and_full_unit_names_look_alike(old_name: str, new_name: str) -> None:
    assert similar_names(old_name, new_name) >= 0.6


@pytest.mark.parametrize("old_name, new_name", [("区财政局", "区税务局"), ("民政局", "公安局"), ("司法局", "审计局")])
def test_different_units_do_not_look_alike(old_name: str, new_name: str) -> None:
    assert similar_names(old_name, new_name) < 0.5


def test_unit_delta_renames_through_the_registry_and_by_name() -> None:
    registry = Registry([Unit(name="区数据局", aliases=("区大数据中心",))])
    delta = unit_delta(["区大数据中心", "发改委", "区财政局", "各街道办事处"],
                       ["区数据局", "区发展改革委", "区税务局", "各街道办事处"], registry)
    assert delta.renamed == [("区大数据中心", "区数据局"), ("发改委", "区发展改革委")]
    assert delta.added == ["区税务局"] and delta.removed == ["区财政局"]


def test_registry_overrules_a_similar_name() -> None:
    # the registry knows 区教育局 and 区体育局 as two units: not a rename though alike
    registry = Registry([Unit(name="区教育局"), Unit(name="区体育局")])
    delta = unit_delta(["区教育局"], ["区体育局"], registry)
    assert delta.renamed == [] and delta.added == ["区体育局"] and delta.removed == ["区教育局"]


# -- assignment -------------------------------------------------------------------


def test_hungarian_finds_the_optimum() -> None:
    rng = random.Random(7)
    for _ in range(30):
        n, m = rng.randint(1, 6), rng.randint(1, 6)
        rows, cols = (n, m) if n <= m else (m, n)
        cost = [[rng.random() for _ in range(cols)] for _ in range(rows)]
        chosen = _min_cost(cost)
        best = min(sum(cost[r][c] for r, c in enumerate(perm))
                   for perm in itertools.permutations(range(cols), rows))
        assert sum(cost[r][c] for r, c in enumerate(chosen)) == pytest.approx(best)


def test_two_weak_pairs_do_not_outweigh_a_strong_one() -> None:
    scores = {(0, 0): 0.9, (0, 1): 0.5, (1, 0): 0.5}
    assert assign(scores, 0.3) == {0: 0}
    assert greedy(scores) == {0: 0}


# -- redline ------------------------------------------------------------------------


def _marked(ops) -> str:
    return "".join(t if o == 0 else f"[-{t}-]" if o < 0 else f"{{+{t}+}}" for o, t in ops)


def test_redline_keeps_numbers_whole() -> None:
    ops = redline("新增高新技术企业500家，覆盖率达到95%，PM2.5浓度下降", "新增高新技术企业600家，覆盖率达到98%，PM2.5浓度下降")
    assert _marked(ops) == "新增高新技术企业[-500-]{+600+}家，覆盖率达到[-95%-]{+98%+}，PM2.5浓度下降"


def test_redline_reads_in_phrases() -> None:
    ops = redline("做好财政预决算信息公开，按时公开部门预算", "做好财政资金信息公开，及时公开部门预算和决算")
    marked = _marked(ops)
    assert "[-预决算-]{+资金+}" in marked and "{+和决算+}" in marked
    # no edit of a lone character wedged between two equal runs of one character
    assert all(len(t) > 1 or o == 0 for o, t in ops if o != 0 and t not in "按及")


def test_redline_rebuilds_both_texts() -> None:
    a = "围绕年度重点工作，及时发布权威信息，对社会关注的热点问题第一时间回应。"
    b = "围绕全年重点任务，准确发布权威信息；对群众关注的热点问题在24小时内回应，并公开办理结果。"
    ops = redline(a, b)
    assert "".join(t for o, t in ops if o <= 0) == a
    assert "".join(t for o, t in ops if o >= 0) == b


def test_paths_are_the_displayed_numbering() -> None:
    from planwright.diffing.compare import _label
    from planwright.zh.numbering import path_label

    for index in [(1,), (2, 3), (12, 14, 9), (3, 1, 27)]:
        assert _label(index) == path_label(index)


def test_a_task_retyped_in_its_place_is_paired_for_review() -> None:
    """Little text in common (0.27), but the same place between the same neighbours:
    paired as reworded and flagged for a person, whether or not the ids say so."""
    old = plan(2021, Point(title="公开重点领域信息", tasks=[task(FINANCE), task(EPIDEMIC), task(PLANNING)]))
    new = copy.deepcopy(old)
    new.meta.year = 2022
    retyped = new.points[0].tasks[1]
    retyped.id = ""
    retyped.title, retyped.text = "推进卫生健康领域公开", "每月公布门诊量和床位使用率，公开家庭医生签约服务内容。"
    new.ensure_ids()
    for ids in ("rolled over", "imported"):
        if ids == "imported":
            for node in new.all_nodes():
                node.id = ""
            new.ensure_ids()
        change = next(c for c in compare(old, new).changes if c.new and c.new[0].title == "推进卫生健康领域公开")
        assert (change.status, change.review, change.old[0].title) == ("reworded", True, EPIDEMIC[0]), ids
