"""Quality of the comparison on year-over-year pairs built at run time from the corpus.

The old (2021) plans are the corpus documents' structure (../shared/truth)
with their texts read from ../shared/seeds; the new (2022) plans are written
here as edits: kept clauses are cut from the old text at run time, every new
sentence is written in this project's own words. Each builder returns the two
plans and the expected alignment at its level as (status, old paths, new paths).
"""

from __future__ import annotations

import copy
import re

import pytest
from corpus import corpus_available, huaiyin_2021, ningguo_2021

from planwright.diffing import compare
from planwright.diffing.plans import registry_of
from planwright.plan.model import Item, Plan, Point, Task, Unit
from planwright.zh.numbering import path_label
from planwright.plan.rollover import roll_over

Expected = list[tuple[str, list[str], list[str]]]


# ---------------------------------------------------------------------------
# Editing helpers


def clauses(text: str) -> list[str]:
    return re.findall(r"[^，；。,;]+[，；。,;]?", text)


def keep(text: str, wanted) -> str:
    """The clauses at the given indices (negative ones count from the end; others ignored)."""
    parts = clauses(text)
    index = {i if i >= 0 else len(parts) + i for i in wanted if -len(parts) <= i < len(parts)}
    return "".join(c for i, c in enumerate(parts) if i in index)


def drop(text: str, unwanted: int) -> str:
    parts = clauses(text)
    del parts[unwanted]
    return "".join(parts)


def replace_clause(text: str, index: int, new: str) -> str:
    parts = clauses(text)
    parts[index % len(parts)] = new
    return "".join(parts)


def fresh(plan: Plan) -> Plan:
    """A copy whose nodes all have new ids (as if imported separately)."""
    other = copy.deepcopy(plan)
    for node in other.all_nodes():
        node.id = ""
    other.ensure_ids()
    return other


def next_year(plan: Plan) -> Plan:
    """A copy rolled into the next year, ids kept (what `planwright new --from` gives)."""
    other = copy.deepcopy(plan)
    roll_over(other, plan.meta.year + 1)
    return other


def _changed(text: str, old: str, new: str) -> str:
    assert old in text, f"the corpus text no longer holds {old!r}"
    return text.replace(old, new)


def _task(old: Task, **changes) -> Task:
    task = copy.deepcopy(old)
    for key, value in changes.items():
        setattr(task, key, value)
    return task


# ---------------------------------------------------------------------------
# Jinan-style pair, aligned at task level


def jinan_pair(keep_ids: bool) -> tuple[Plan, Plan, Expected]:
    old = huaiyin_2021()
    base = next_year(old)  # ids kept, deadlines moved; edits below
    t = {(p, k): task for p, point in enumerate(base.points, 1) for k, task in enumerate(point.tasks, 1)}
    new = copy.deepcopy(base)
    new.units = [Unit(name="区发展和改革局", aliases=["区发展改革局"])]
    # merged task: most of 二（二） and 二（三） under one new heading, keeping 二（二）'s id
    merged = _task(t[2, 2], title="加强政策发布解读和咨询服务",
                   text=keep(t[2, 2].text, range(0, 6)) + keep(t[2, 3].text, range(0, 7)))
    # split task: 三（二） in two halves with new headings; the first half keeps the id
    half = len(clauses(t[3, 2].text)) // 2
    split_a = _task(t[3, 2], title="推进政府网站集约化建设", text=keep(t[3, 2].text, range(0, half)))
    split_b = _task(t[3, 2], id="", title="规范政务新媒体和公开专区管理",
                    text=keep(t[3, 2].text, range(half, 99)) + "年内对政务新媒体开展两轮抽查。")
    new.points = [
        Point(id=base.points[0].id, title="聚焦重点领域，加大信息主动公开力度", tasks=[
            # light: one clause rewritten in our words
            _task(t[1, 1], text=replace_clause(t[1, 1].text, 2, "围绕年度重点项目和民生实事，")),
            # unchanged text; the lead unit now written with the registry's new name
            _task(t[1, 2], lead=["区发展和改革局" if u == "区发展改革局" else u for u in t[1, 2].lead]),
            # heavy: new heading, two old clauses kept, the rest our own
            _task(t[1, 3], title="持续做好营商环境领域信息公开",
                  text=keep(t[1, 3].text, [0, 1, 3]) + "编制涉企政策清单并按季度更新，"
                  "对惠企资金的申报条件、兑现流程和发放结果一并公开，"
                  "方便市场主体查询办理。"),
            # unchanged text, a deadline and a support unit added
            _task(t[1, 4], deadline="2022年9月底", support=["区审计局"]),
            # 一（五） is dropped; 一（六） reworded lightly
            _task(t[1, 6], text=replace_clause(t[1, 6].text, -1, "并通过政策问答专栏集中解答。")),
            Task(title="做好乡村振兴领域信息公开", lead=["区农业农村局"], support=["各街道办事处"],
                 text="公开高标准农田建设、农村人居环境整治和衔接资金项目的安排、实施和验收情况，"
                      "在村务公开栏和政府网站同步发布，接受群众监督。", deadline="2022年11月底"),
        ]),
        Point(id=base.points[1].id, title=base.points[1].title, tasks=[
            t[2, 1], merged,
            # light rewording, one lead unit replaced by another
            _task(t[2, 4], text=replace_clause(t[2, 4].text, 0, "认真办理人大代表建议和政协委员提案并公开办理结果。"),
                  lead=["区信访局", "各街道办事处"]),
            t[2, 6], t[2, 5],  # swapped: a reorder inside a point is no change
        ]),
        Point(id=base.points[2].id, title="夯实公开基础，推进基层政务公开标准化规范化", tasks=[
            _task(t[3, 1], text=_changed(t[3, 1].text, "2021年年底前", "2022年6月底前")),
            split_a, split_b, t[3, 3],
            # moderate: a clause dropped, a clause of ours added
            _task(t[3, 4], text=_changed(drop(t[3, 4].text, 3), "回头看", "回访核查")
                  + "年底前完成全部领域的清单修订。"),
            # moved here from 一（七）, lightly reworded
            _task(t[1, 7], text=t[1, 7].text + "主管部门每半年抽查一次落实情况。"),
        ]),
        Point(id=base.points[3].id, title=base.points[3].title, tasks=[
            t[4, 1],
            # heavy: new heading and mostly our words, two old clauses kept
            _task(t[4, 2], title="抓好业务培训和年度考核",
                  text=keep(t[4, 2].text, [0, 1]) + "把政务公开纳入干部教育培训计划，"
                  "每年至少举办两期专题培训班，考核结果在全区通报并作为评先依据。"),
            t[4, 4],  # 四（三） dropped
            Task(title="开展政务公开第三方评估", lead=["区政府办公室"],
                 text="委托专业机构对各部门门户栏目、依申请公开办理和政策解读质量进行评估，"
                      "评估报告向社会公布，问题清单限期整改。", deadline="2022年12月底"),
        ]),
    ]
    if not keep_ids:
        new = fresh(new)
    expected: Expected = [
        ("reworded", ["一/（一）"], ["一/（一）"]),
        ("unchanged", ["一/（二）"], ["一/（二）"]),
        ("reworded", ["一/（三）"], ["一/（三）"]),
        ("unchanged", ["一/（四）"], ["一/（四）"]),
        ("removed", ["一/（五）"], []),
        ("reworded", ["一/（六）"], ["一/（五）"]),
        ("added", [], ["一/（六）"]),
        ("moved", ["一/（七）"], ["三/（六）"]),
        ("unchanged", ["二/（一）"], ["二/（一）"]),
        ("merged", ["二/（二）", "二/（三）"], ["二/（二）"]),
        ("reworded", ["二/（四）"], ["二/（三）"]),
        ("unchanged", ["二/（五）"], ["二/（五）"]),
        ("unchanged", ["二/（六）"], ["二/（四）"]),
        ("reworded", ["三/（一）"], ["三/（一）"]),
        ("split", ["三/（二）"], ["三/（二）", "三/（三）"]),
        ("unchanged", ["三/（三）"], ["三/（四）"]),
        ("reworded", ["三/（四）"], ["三/（五）"]),
        ("unchanged", ["四/（一）"], ["四/（一）"]),
        ("reworded", ["四/（二）"], ["四/（二）"]),
        ("removed", ["四/（三）"], []),
        ("unchanged", ["四/（四）"], ["四/（三）"]),
        ("added", [], ["四/（四）"]),
    ]
    return old, new, expected


# ---------------------------------------------------------------------------
# Ningguo-style pair, aligned at item level (table rows)


def ningguo_pair(keep_ids: bool) -> tuple[Plan, Plan, Expected]:
    old = ningguo_2021()
    base = next_year(old)
    rows = {(p, k, i): item for p, point in enumerate(base.points, 1)
            for k, task in enumerate(point.tasks, 1) for i, item in enumerate(task.items, 1)}
    tasks = {(p, k): task for p, point in enumerate(base.points, 1) for k, task in enumerate(point.tasks, 1)}
    new = copy.deepcopy(base)

    def row(key, **changes) -> Item:
        item = copy.deepcopy(rows[key])
        for name, value in changes.items():
            setattr(item, name, value)
        return item

    def task(key, items, **changes) -> Task:
        return _task(tasks[key], items=items, **changes)

    def renamed(units: list[str]) -> list[str]:
        return ["市发展改革委" if u == "发改委" else "市政府办" if u == "政府办" else u for u in units]

    p = base.points
    new.points = [
        Point(id=p[0].id, title=p[0].title, tasks=[
            task((1, 1), [row((1, 1, 1), lead=renamed(rows[1, 1, 1].lead))]),
            task((1, 2), [row((1, 2, 1), lead=["市发展改革委"]), row((1, 2, 2)), row((1, 2, 3))]),
            task((1, 3), [
                row((1, 3, 1)), row((1, 3, 2)),
                # heavy: two old clauses kept, the rest ours; deadline moved earlier
                row((1, 3, 3), text=keep(rows[1, 3, 3].text, [0, 1]) + "按季度更新债务余额和还本付息数据，"
                    "在政府网站设置专栏集中展示。", deadline="2022年6月底"),
                # split: the row's clauses in two rows
                row((1, 3, 4), text=keep(rows[1, 3, 4].text, [0, 1])),
                row((1, 3, 4), id="", text=keep(rows[1, 3, 4].text, range(2, 99))),
            ]),
            # 一（四） 疫情防控 dropped with both rows
            task((1, 5), [row((1, 5, 1), lead=renamed(rows[1, 5, 1].lead))]),
        ]),
        Point(id=p[1].id, title=p[1].title, tasks=[
            task((2, 1), [
                row((2, 1, 1), lead=renamed(rows[2, 1, 1].lead)),
                row((2, 1, 2), lead=renamed(rows[2, 1, 2].lead)),
                row((2, 4, 1)),  # moved here from 二（四）
            ]),
            task((2, 2), [row((2, 2, 1)), row((2, 2, 2), text=_changed(rows[2, 2, 2].text, "2021", "2022"))]),
            task((2, 3), [
                row((2, 3, 1)), row((2, 3, 2)),
                # merged: rows 3 and 4 of 二（三） in one row
                row((2, 3, 3), text=keep(rows[2, 3, 3].text, range(0, 99)) + keep(rows[2, 3, 4].text, range(0, 99)),
                    lead=["市政府办", "市直各单位"]),
            ], title="创新政策解读方式"),
            # 二（四） emptied by the move above, dropped
        ]),
        Point(id=p[2].id, title=p[2].title, tasks=[
            task((3, 1), [row((3, 1, 1)), row((3, 1, 2))]),
            task((3, 2), [row((3, 2, 1)), row((3, 2, 2)), row((3, 2, 3))]),
            task((3, 3), [
                row((3, 3, 1)),
                # light: one clause replaced by ours
                row((3, 3, 2), text=replace_clause(rows[3, 3, 2].text, -1, "年内完成目录动态调整。")),
                row((3, 3, 3)), row((3, 3, 5)),  # row 4 dropped
                Item(text="在各乡镇（街道）便民服务中心设置政务公开查阅点，配备专人解答群众询问。",
                     lead=["各乡镇（街道）"], deadline="2022年9月底"),
            ]),
            task((3, 4), [row((3, 4, 1)), row((3, 4, 2)), row((3, 4, 3)), row((3, 4, 4))]),
            task((3, 5), [row((3, 5, 1)), row((4, 1, 1))]),  # 四（一）'s row moved across points
        ]),
        Point(id=p[3].id, title=p[3].title, tasks=[
            task((4, 2), [row((4, 2, 1))]),
            task((4, 3), [row((4, 3, 1)), row((4, 3, 2), deadline="2023年1月底")]),
            Task(title="推进政务公开数字化", items=[
                Item(text="建设全市政务公开事项库，统一编码和更新周期，实现部门间数据共享。",
                     lead=["数据资源局"], support=["市政府办"], deadline="2022年11月底"),
            ]),
        ]),
        Point(id=p[4].id, title=p[4].title, tasks=[
            task((5, 1), [row((5, 1, 1)), row((5, 1, 2))]),
            task((5, 2), [row((5, 2, 1))]),
            task((5, 3), [row((5, 3, 1))]),
        ]),
    ]
    new.units = [Unit(name="市政府办公室", aliases=["政府办", "市政府办"])]
    if not keep_ids:
        new = fresh(new)
    expected: Expected = [
        ("unchanged", ["一/（一）/1"], ["一/（一）/1"]),
        ("unchanged", ["一/（二）/1"], ["一/（二）/1"]),
        ("unchanged", ["一/（二）/2"], ["一/（二）/2"]),
        ("unchanged", ["一/（二）/3"], ["一/（二）/3"]),
        ("unchanged", ["一/（三）/1"], ["一/（三）/1"]),
        ("unchanged", ["一/（三）/2"], ["一/（三）/2"]),
        ("reworded", ["一/（三）/3"], ["一/（三）/3"]),
        ("split", ["一/（三）/4"], ["一/（三）/4", "一/（三）/5"]),
        ("removed", ["一/（四）/1"], []),
        ("removed", ["一/（四）/2"], []),
        ("unchanged", ["一/（五）/1"], ["一/（四）/1"]),
        ("unchanged", ["二/（一）/1"], ["二/（一）/1"]),
        ("unchanged", ["二/（一）/2"], ["二/（一）/2"]),
        ("moved", ["二/（四）/1"], ["二/（一）/3"]),
        ("unchanged", ["二/（二）/1"], ["二/（二）/1"]),
        ("unchanged", ["二/（二）/2"], ["二/（二）/2"]),
        ("unchanged", ["二/（三）/1"], ["二/（三）/1"]),
        ("unchanged", ["二/（三）/2"], ["二/（三）/2"]),
        ("merged", ["二/（三）/3", "二/（三）/4"], ["二/（三）/3"]),
        ("unchanged", ["三/（一）/1"], ["三/（一）/1"]),
        ("unchanged", ["三/（一）/2"], ["三/（一）/2"]),
        ("unchanged", ["三/（二）/1"], ["三/（二）/1"]),
        ("unchanged", ["三/（二）/2"], ["三/（二）/2"]),
        ("unchanged", ["三/（二）/3"], ["三/（二）/3"]),
        ("unchanged", ["三/（三）/1"], ["三/（三）/1"]),
        ("reworded", ["三/（三）/2"], ["三/（三）/2"]),
        ("unchanged", ["三/（三）/3"], ["三/（三）/3"]),
        ("removed", ["三/（三）/4"], []),
        ("unchanged", ["三/（三）/5"], ["三/（三）/4"]),
        ("added", [], ["三/（三）/5"]),
        ("unchanged", ["三/（四）/1"], ["三/（四）/1"]),
        ("unchanged", ["三/（四）/2"], ["三/（四）/2"]),
        ("unchanged", ["三/（四）/3"], ["三/（四）/3"]),
        ("unchanged", ["三/（四）/4"], ["三/（四）/4"]),
        ("unchanged", ["三/（五）/1"], ["三/（五）/1"]),
        ("moved", ["四/（一）/1"], ["三/（五）/2"]),
        ("unchanged", ["四/（二）/1"], ["四/（一）/1"]),
        ("unchanged", ["四/（三）/1"], ["四/（二）/1"]),
        ("unchanged", ["四/（三）/2"], ["四/（二）/2"]),
        ("added", [], ["四/（三）/1"]),
        ("unchanged", ["五/（一）/1"], ["五/（一）/1"]),
        ("unchanged", ["五/（一）/2"], ["五/（一）/2"]),
        ("unchanged", ["五/（二）/1"], ["五/（二）/1"]),
        ("unchanged", ["五/（三）/1"], ["五/（三）/1"]),
    ]
    return old, new, expected


# ---------------------------------------------------------------------------
# Jinan-style pair with paraphrases: the same intent in other words


def paraphrase_pair() -> tuple[Plan, Plan, Expected]:
    """Three tasks rewritten from scratch in our words, one of them moved; a task
    dropped and a new one written in its place (which must not pass for a rewrite)."""
    old = huaiyin_2021()
    base = fresh(next_year(old))
    t = {(p, k): task for p, point in enumerate(base.points, 1) for k, task in enumerate(point.tasks, 1)}
    new = copy.deepcopy(base)
    new.points[0].tasks[4] = _task(t[1, 5], title="做好疫情防控信息发布",
                                  text="围绕疫情防控的阶段性要求，及时发布防控措施调整、疫苗接种安排和就医指引等信息，"
                                       "主动回应群众关心的隔离管控和出行问题，加强健康知识科普，防止谣言传播。")
    # 二（五） rewritten and moved to the end of 四
    participation = _task(t[2, 5], title="拓宽公众参与渠道",
                          text="制定重大行政决策前，通过政府网站、座谈会、问卷调查等方式广泛听取群众和企业意见，"
                               "及时公布意见采纳情况并说明理由，让公众参与贯穿决策全过程。")
    del new.points[1].tasks[4]
    new.points[3].tasks.append(participation)
    new.points[3].tasks[2] = _task(t[4, 3], title="转变工作作风",
                                  text="各部门主要负责同志要亲自过问政务公开工作，理顺工作机制，加强对基层的业务指导，"
                                       "在评估考核中发现的问题要建立台账、逐项销号。")
    # 三（三） dropped, a new task written in its place
    new.points[2].tasks[2] = Task(title="做好乡村振兴领域信息公开", lead=["区农业农村局"],
                                  text="公开高标准农田建设、农村人居环境整治和衔接资金项目的安排、实施和验收情况，"
                                       "在村务公开栏和政府网站同步发布，接受群众监督。")
    same = [(p, k) for p in range(1, 5) for k in range(1, len(old.points[p - 1].tasks) + 1)
            if (p, k) not in {(1, 5), (2, 5), (2, 6), (4, 3), (3, 3), (4, 4)}]
    expected: Expected = [("unchanged", [_path(k)], [_path(k)]) for k in same]
    expected += [
        ("reworded", ["一/（五）"], ["一/（五）"]),
        ("unchanged", ["二/（六）"], ["二/（五）"]),
        ("moved", ["二/（五）"], ["四/（五）"]),
        ("removed", ["三/（三）"], []),
        ("added", [], ["三/（三）"]),
        ("reworded", ["四/（三）"], ["四/（三）"]),
        ("unchanged", ["四/（四）"], ["四/（四）"]),
    ]
    return old, new, expected


def _path(key: tuple[int, ...]) -> str:
    return path_label(key)


# ---------------------------------------------------------------------------
# The tests

pytestmark = pytest.mark.skipif(not corpus_available(), reason="needs ../shared/seeds and ../shared/truth")


def _compare(old: Plan, new: Plan, host):
    return compare(old, new, registry_of(old, new, host))


def _links(cmp, level: str) -> set[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return {(c.status, tuple(r.path for r in c.old), tuple(r.path for r in c.new))
            for c in cmp.changes if c.level == level}


def _expected(expected: Expected) -> set[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return {(s, tuple(o), tuple(n)) for s, o, n in expected}


@pytest.mark.parametrize("keep_ids", [True, False], ids=["rolled-over", "imported-separately"])
def test_jinan_pair_is_aligned_task_by_task(host, keep_ids: bool) -> None:
    old, new, expected = jinan_pair(keep_ids)
    cmp = _compare(old, new, host)
    assert _links(cmp, "task") == _expected(expected)


@pytest.mark.parametrize("keep_ids", [True, False], ids=["rolled-over", "imported-separately"])
def test_ningguo_pair_is_aligned_row_by_row_across_tasks(host, keep_ids: bool) -> None:
    old, new, expected = ningguo_pair(keep_ids)
    cmp = _compare(old, new, host)
    assert _links(cmp, "item") == _expected(expected)


def test_paraphrased_tasks_are_still_found_and_a_replacement_is_not_a_rewrite(host) -> None:
    old, new, expected = paraphrase_pair()
    cmp = _compare(old, new, host)
    assert _links(cmp, "task") == _expected(expected)


def test_heavy_rewrites_found_only_by_their_place_are_flagged_for_review(host) -> None:
    old, new, _ = jinan_pair(keep_ids=False)
    cmp = _compare(old, new, host)
    rewritten = next(c for c in cmp.changes if c.level == "task" and c.new and c.new[0].path == "四/（二）")
    assert rewritten.status == "reworded" and rewritten.text_similarity < 0.3
    assert rewritten.review
    light = next(c for c in cmp.changes if c.level == "task" and c.new and c.new[0].path == "一/（一）")
    assert not light.review and light.text_similarity > 0.85


def test_jinan_pair_units_renamed_added_and_removed(host) -> None:
    old, new, _ = jinan_pair(keep_ids=False)
    cmp = _compare(old, new, host)
    by_new = {c.new[0].path: c for c in cmp.changes if c.level == "task" and len(c.new) == 1}
    # the plan's registry says 区发展改革局 is now called 区发展和改革局
    assert by_new["一/（二）"].lead.renamed == [("区发展改革局", "区发展和改革局")]
    assert by_new["一/（二）"].lead.added == [] and by_new["一/（二）"].lead.removed == []
    assert by_new["一/（二）"].status == "unchanged"
    assert by_new["二/（三）"].lead.added == ["区信访局"]
    assert by_new["二/（三）"].lead.removed == ["区政府有关部门"]
    assert by_new["一/（四）"].support.added == ["区审计局"]
    assert by_new["一/（四）"].deadline == ("", "2022年9月底")
    tally = {t.unit: t for t in cmp.units}
    assert tally["区信访局"].gained == ["二/（三）"]
    assert "区发展和改革局" not in tally  # a rename is neither gained nor lost


def test_ningguo_pair_units_and_deadlines(host) -> None:
    old, new, _ = ningguo_pair(keep_ids=False)
    cmp = _compare(old, new, host)
    by_new = {c.new[0].path: c for c in cmp.changes if c.level == "item" and len(c.new) == 1}
    # an abbreviation replaced by the full name: a rename the registry does not know
    assert by_new["一/（二）/1"].lead.renamed == [("发改委", "市发展改革委")]
    # 政府办 and 市政府办: aliases of one unit in the new plan's registry
    assert ("政府办", "市政府办") in by_new["二/（一）/1"].lead.renamed
    assert not by_new["二/（一）/1"].lead.added and not by_new["二/（一）/1"].lead.removed
    # every deadline moved by the roll-over alone is no change …
    quiet = [c for c in cmp.changes if c.level == "item" and c.status == "unchanged"]
    assert quiet and all(c.deadline is None for c in quiet if c.new[0].path != "四/（二）/2")
    # … but one moved further is
    assert by_new["一/（三）/3"].deadline == ("2021年11月底", "2022年6月底")
    assert by_new["四/（二）/2"].deadline == ("2021年12月底", "2023年1月底")


def test_summary_counts_every_change_once(host) -> None:
    old, new, _ = jinan_pair(keep_ids=False)
    cmp = _compare(old, new, host)
    summary = cmp.as_dict()["summary"]
    assert sum(summary.values()) == len(cmp.changes)
    tasks = cmp.summary_by_level()["task"]
    assert tasks == {"unchanged": 8, "reworded": 7, "moved": 1, "added": 2, "removed": 2, "merged": 1, "split": 1}
    old_ids = [r.id for c in cmp.changes for r in c.old]
    new_ids = [r.id for c in cmp.changes for r in c.new]
    assert sorted(old_ids) == sorted(n.id for n in old.nodes())
    assert sorted(new_ids) == sorted(n.id for n in new.nodes())
