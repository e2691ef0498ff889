"""Tasks that change shape between years: text ⇄ items, split, merged, moved and reworded at once.

Every pair here is written in this project's own words, in the shapes of the
corpus styles (a heading with a running text, a short heading over numbered
items or table rows, Dalian-style paragraphs that each carry their own
attribution). Both plans get fresh ids, as two separately imported notices
would, so only the content can align them. The truth is kept as links between
old and new task ids; the measure is the link F1 of the task level, as in
test_diff_evolution.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planwright.diffing import compare
from planwright.plan.model import Item, Meta, Plan, Point, Task

# Clauses of task bodies, by topic: joined with ；/。 for a text, one per item for items.
BUDGET = ["部门预算和决算在批复后二十日内向社会公开", "三公经费细化说明增减原因",
          "专项资金的分配办法和结果逐项列明", "政府债务限额和余额情况按年度公布"]
PROCURE = ["政府采购意向在采购活动开始前三十日发布", "中标结果和合同文本在指定网站同步公开",
           "采购投诉处理决定全部向社会公布", "对供应商的信用记录查询结果留档备查"]
HEALTH = ["按月发布传染病疫情和预防接种安排", "公开二级以上医院的门诊时间和预约渠道",
          "医疗服务价格调整前听取群众意见", "做好季节性疾病的健康科普宣传"]
SCHOOL = ["公布义务教育学校的招生范围和报名流程", "校外培训机构的白名单和收费标准定期更新",
          "学生资助政策和受助名单按规定公示", "新建学校的规划选址和建设进度及时发布"]
HOUSING = ["公布保障性租赁住房的房源和申请条件", "老旧小区改造的项目清单和施工安排提前告知居民",
           "住房公积金的缴存和提取政策集中解读", "物业服务收费标准和投诉渠道在小区公示"]
FARM = ["公开高标准农田建设项目的资金安排和验收结果", "惠农补贴的发放对象和标准在村务公开栏公示",
        "农村人居环境整治的任务清单按季度更新", "农产品质量抽检结果及时向社会发布"]
HOTLINE = ["整合各类咨询投诉电话统一由热线受理", "热线工单按时办结并回访群众",
           "每月公布受理量和办结率", "对群众反映集中的问题形成专报推动解决"]
ENV = ["按季度公布空气和水环境质量排名", "重点排污单位的排放数据实时公开",
       "环境影响评价的受理和审批结果依法公示", "生态环境违法案件的查处情况定期通报"]
JOBS = ["发布重点群体就业帮扶政策清单", "公开职业技能培训补贴的申领条件和办理渠道",
        "招聘会和用工信息通过网站和公众号每周推送", "欠薪案件的处理结果依法公布"]
SAFETY = ["公布安全生产重点行业的执法检查计划", "重大事故隐患的整改情况向社会通报",
          "应急避难场所的位置和容量在地图上标注", "汛期和极端天气的预警信息及时推送"]
READING = ["政策文件和解读材料同步起草同步发布", "用图解和问答讲清适用对象和办理方式",
           "主要负责人带头解读重大政策", "对社会关切的误读及时回应澄清"]
BUSINESS = ["涉企政策清单按季度更新", "惠企资金的申报条件和兑现结果一并公开",
            "行政许可事项的办理时限和材料清单统一发布", "市场主体的诉求办理情况定期通报"]
REVIEW = ["对各部门网站栏目开展季度检查", "政务新媒体的更新情况每半年通报一次",
          "依申请公开答复书的规范性抽查评议", "检查中发现的问题列出清单限期整改"]
TRAIN = ["把政务公开纳入干部教育培训计划", "每年举办两期业务培训班",
         "新任工作人员上岗前参加专题培训", "培训情况纳入年度考核"]

FINANCE = "区财政局"


def text_of(clauses: list[str]) -> str:
    return "；".join(clauses) + "。"


def text_task(title: str, clauses: list[str], lead: str = FINANCE, **kw) -> Task:
    return Task(title=title, text=text_of(clauses), lead=[lead], **kw)


def item_task(title: str, clauses: list[str], lead: str = FINANCE, **kw) -> Task:
    return Task(title=title, items=[Item(text=c + "。") for c in clauses], lead=[lead], **kw)


def dalian_text(title: str, clauses: list[str], units: list[str]) -> Task:
    """A Dalian-style task: one paragraph whose sentences each end with their own attribution."""
    body = "".join(f"{c}。（责任单位：{u}）" for c, u in zip(clauses, units))
    return Task(title=title, text=body, lead=[units[0]])


def dalian_items(title: str, clauses: list[str], units: list[str]) -> Task:
    """The same task the next year: each sentence with its attribution is an item of its own."""
    return Task(title=title, lead=[units[0]],
                items=[Item(text=f"{c}。", lead=[u]) for c, u in zip(clauses, units)])


def plan(year: int, points: list[tuple[str, list[Task]]]) -> Plan:
    p = Plan(meta=Meta(title=f"{year}年示例区政务公开工作要点", year=year),
             points=[Point(title=title, tasks=tasks) for title, tasks in points])
    p.ensure_ids()
    return p


@dataclass
class Pair:
    """Two plans and the true task links, by the names given to the tasks while building."""

    old: Plan
    new: Plan
    links: set[tuple[str, str]]  # (old name, new name)
    old_names: dict[str, Task] = field(default_factory=dict)
    new_names: dict[str, Task] = field(default_factory=dict)

    def truth(self) -> set[tuple[str, str]]:
        return {(self.old_names[o].id, self.new_names[n].id) for o, n in self.links}


def _named(tasks: dict[str, Task]) -> dict[str, Task]:
    return tasks


def build(old_points, new_points, links) -> Pair:
    """``old_points``/``new_points``: [(point title, [(name, Task), …]), …]."""
    old_names = {name: t for _, tasks in old_points for name, t in tasks}
    new_names = {name: t for _, tasks in new_points for name, t in tasks}
    old = plan(2024, [(title, [t for _, t in tasks]) for title, tasks in old_points])
    new = plan(2025, [(title, [t for _, t in tasks]) for title, tasks in new_points])
    return Pair(old, new, set(links), old_names, new_names)


# ---------------------------------------------------------------------------
# The pairs


def text_to_items() -> Pair:
    """Jinan-style text tasks whose bodies became numbered items; one item reworded, one added."""
    old = [("深化重点领域信息公开", [
        ("budget", text_task("做好财政信息公开", BUDGET)),
        ("procure", text_task("做好政府采购信息公开", PROCURE, lead="区政府采购中心")),
        ("health", text_task("做好卫生健康信息公开", HEALTH, lead="区卫生健康局")),
    ]), ("加强政策解读回应", [
        ("reading", text_task("提升政策解读质量", READING, lead="区政府办公室")),
        ("hotline", text_task("办好政务服务热线", HOTLINE, lead="区政务服务中心")),
    ])]
    new = [("深化重点领域信息公开", [
        ("budget", item_task("做好财政信息公开", BUDGET[:3] + ["政府债务的限额、余额和使用情况每半年公布一次"])),
        ("procure", item_task("做好政府采购信息公开", PROCURE + ["采购人对意向公开的内容负责"],
                              lead="区政府采购中心")),
        ("health", text_task("做好卫生健康信息公开", HEALTH, lead="区卫生健康局")),
    ]), ("加强政策解读回应", [
        ("reading", item_task("提升政策解读质量", READING, lead="区政府办公室")),
        ("hotline", text_task("办好政务服务热线", HOTLINE, lead="区政务服务中心")),
        ("jobs", text_task("做好稳就业信息公开", JOBS, lead="区人力资源社会保障局")),
    ])]
    return build(old, new, [(n, n) for n in ("budget", "procure", "health", "reading", "hotline")])


def items_to_text() -> Pair:
    """Ningguo-style short headings over rows whose rows were merged into one running text."""
    old = [("推进基层政务公开", [
        ("school", item_task("教育", SCHOOL, lead="区教育局")),
        ("housing", item_task("住房保障", HOUSING, lead="区住房城乡建设局")),
        ("farm", item_task("乡村振兴", FARM, lead="区农业农村局")),
        ("env", item_task("生态环境", ENV, lead="区生态环境分局")),
    ])]
    new = [("推进基层政务公开", [
        ("school", text_task("教育", SCHOOL, lead="区教育局")),
        ("housing", text_task("住房保障", HOUSING[:3] + ["小区物业服务的收费项目和标准公示到楼栋"],
                              lead="区住房城乡建设局")),
        ("farm", item_task("乡村振兴", FARM, lead="区农业农村局")),
        ("safety", item_task("应急管理", SAFETY, lead="区应急管理局")),
    ])]
    return build(old, new, [("school", "school"), ("housing", "housing"), ("farm", "farm")])


def split_and_merge() -> Pair:
    """One task split in two (one half as items), two tasks merged into one text."""
    old = [("优化营商环境", [
        ("business", text_task("做好优化营商环境信息公开", BUSINESS + PROCURE[:2], lead="区发展改革局")),
        ("review", item_task("加强网站和新媒体检查", REVIEW, lead="区政府办公室")),
        ("train", item_task("抓好业务培训", TRAIN, lead="区政府办公室")),
        ("jobs", text_task("做好稳就业信息公开", JOBS, lead="区人力资源社会保障局")),
    ])]
    new = [("优化营商环境", [
        ("business-a", text_task("做好涉企政策信息公开", BUSINESS, lead="区发展改革局")),
        ("business-b", item_task("做好采购领域信息公开", PROCURE[:2] + ["采购文件的获取方式在公告中写明"],
                                 lead="区政府采购中心")),
        ("review+train", text_task("加强监督检查和业务培训", REVIEW[:3] + TRAIN[:3], lead="区政府办公室")),
        ("jobs", text_task("做好稳就业信息公开", JOBS, lead="区人力资源社会保障局")),
    ])]
    return build(old, new, [("business", "business-a"), ("business", "business-b"), ("review", "review+train"),
                            ("train", "review+train"), ("jobs", "jobs")])


def moved_and_reworded() -> Pair:
    """A task moved to another point with a new heading, its text turned into items and reworded."""
    old = [("深化重点领域信息公开", [
        ("env", text_task("做好生态环境信息公开", ENV, lead="区生态环境分局")),
        ("safety", text_task("做好安全生产信息公开", SAFETY, lead="区应急管理局")),
        ("farm", text_task("做好乡村振兴信息公开", FARM, lead="区农业农村局")),
    ]), ("提升政务服务水平", [
        ("hotline", text_task("办好政务服务热线", HOTLINE, lead="区政务服务中心")),
    ])]
    new = [("深化重点领域信息公开", [
        ("env", text_task("做好生态环境信息公开", ENV, lead="区生态环境分局")),
        ("farm", text_task("做好乡村振兴信息公开", FARM, lead="区农业农村局")),
    ]), ("提升政务服务水平", [
        ("hotline", text_task("办好政务服务热线", HOTLINE, lead="区政务服务中心")),
        ("safety", item_task("做好应急管理和安全生产信息公开",
                             SAFETY[:2] + ["应急避难场所的分布和容量在政府网站地图上公开",
                                           SAFETY[3]], lead="区应急管理局")),
    ])]
    return build(old, new, [(n, n) for n in ("env", "safety", "farm", "hotline")])


def dalian_paragraphs() -> Pair:
    """Dalian-style paragraphs, each sentence with its own attribution, turned into items (and back)."""
    units = ["区财政局", "区审计局", "区税务局", "区统计局"]
    old = [("全面推进决策和执行公开", [
        ("budget", dalian_text("做好财政资金信息公开", BUDGET, units)),
        ("procure", dalian_items("做好政府采购信息公开", PROCURE, ["区政府采购中心"] * 4)),
        ("health", dalian_text("做好卫生健康信息公开", HEALTH, ["区卫生健康局", "区医保局", "区医保局", "区卫生健康局"])),
        ("env", dalian_text("做好生态环境信息公开", ENV, ["区生态环境分局"] * 4)),
    ])]
    new = [("全面推进决策和执行公开", [
        ("budget", dalian_items("做好财政资金信息公开", BUDGET, units)),
        ("procure", dalian_text("做好政府采购信息公开", PROCURE[:3], ["区政府采购中心"] * 3)),
        ("health", dalian_items("做好卫生健康信息公开", HEALTH[:2] + ["医保报销政策的调整及时解读"],
                                ["区卫生健康局", "区医保局", "区医保局"])),
        ("env", dalian_text("做好生态环境信息公开", ENV, ["区生态环境分局"] * 4)),
        ("jobs", dalian_items("做好就业创业信息公开", JOBS, ["区人力资源社会保障局"] * 4)),
    ])]
    return build(old, new, [(n, n) for n in ("budget", "procure", "health", "env")])


PAIRS = [text_to_items, items_to_text, split_and_merge, moved_and_reworded, dalian_paragraphs]


def links_found(pair: Pair) -> tuple[set[tuple[str, str]], object]:
    cmp = compare(pair.old, pair.new)
    links = {(o.id, n.id) for c in cmp.changes if c.level == "task" for o in c.old for n in c.new}
    return links, cmp


def f1_of(found: set, truth: set) -> float:
    tp = len(found & truth)
    precision = tp / len(found) if found else 1.0
    recall = tp / len(truth) if truth else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def test_shape_changes_are_aligned_with_f1_at_least_095() -> None:
    found_all, truth_all = set(), set()
    for builder in PAIRS:
        pair = builder()
        found, _ = links_found(pair)
        found_all |= {(builder.__name__, *link) for link in found}
        truth_all |= {(builder.__name__, *link) for link in pair.truth()}
    missing = sorted(truth_all - found_all)
    extra = sorted(found_all - truth_all)
    assert f1_of(found_all, truth_all) >= 0.95, (missing, extra)


def _change_of(cmp, pair: Pair, new_name: str):
    target = pair.new_names[new_name].id
    return next(c for c in cmp.changes if c.level == "task" and any(r.id == target for r in c.new))


def test_a_text_that_became_items_is_the_same_task_reworded_where_it_changed() -> None:
    pair = text_to_items()
    _, cmp = links_found(pair)
    change = _change_of(cmp, pair, "budget")
    assert change.status == "reworded"
    assert [r.title for r in change.old] == ["做好财政信息公开"]
    deleted = "".join(t for op, t in change.redline if op == -1)
    inserted = "".join(t for op, t in change.redline if op == 1)
    # The three clauses kept word for word are not in the redline; the fourth, rewritten, is.
    for kept in BUDGET[:3]:
        assert kept not in deleted and kept not in inserted
    assert "每半年公布一次" in inserted


def test_items_merged_into_one_text_are_the_same_task() -> None:
    pair = items_to_text()
    _, cmp = links_found(pair)
    assert _change_of(cmp, pair, "school").status == "reworded"
    assert _change_of(cmp, pair, "housing").old[0].id == pair.old_names["housing"].id


def test_a_split_and_a_merge_across_shapes_are_reported_as_such() -> None:
    pair = split_and_merge()
    _, cmp = links_found(pair)
    split = _change_of(cmp, pair, "business-a")
    assert split.status == "split"
    assert {r.id for r in split.new} == {pair.new_names["business-a"].id, pair.new_names["business-b"].id}
    merged = _change_of(cmp, pair, "review+train")
    assert merged.status == "merged"
    assert {r.id for r in merged.old} == {pair.old_names["review"].id, pair.old_names["train"].id}


def test_a_task_moved_reworded_and_reshaped_at_once_is_moved() -> None:
    pair = moved_and_reworded()
    _, cmp = links_found(pair)
    change = _change_of(cmp, pair, "safety")
    assert change.status == "moved"
    assert change.old[0].id == pair.old_names["safety"].id


def test_items_of_a_reshaped_task_are_not_listed_again_one_by_one() -> None:
    for builder in (text_to_items, items_to_text):
        pair = builder()
        _, cmp = links_found(pair)
        reshaped = [c for c in cmp.changes if c.level == "task" and c.status == "reworded"
                    and bool(c.old[0].node.items) != bool(c.new[0].node.items)]
        assert reshaped, builder.__name__
        under = {node.id for c in reshaped for ref in (*c.old, *c.new) for node in ref.node.items}
        listed = [c for c in cmp.changes if c.level == "item" for ref in (*c.old, *c.new) if ref.id in under]
        assert listed == [], builder.__name__  # the task's redline already shows them
