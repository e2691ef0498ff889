"""What a roll-over leaves for a person stays in the findings until it is fixed (PW-ROLL-*)."""

from __future__ import annotations

import planwright
from planwright.plan import store
from planwright.plan.rollover import roll_over

LAST = '''\
schema = "planwright/1"

[plan]
title = "2026年示例区政务公开工作要点"
year = 2026
issuer = "示例区人民政府办公室"
doc_number = "示政办发〔2026〕3号"
date = 2026-03-02
printer = "示例区人民政府办公室"
print_date = 2026-03-02

[[points]]
id = "pt1aaa"
title = "做好主动公开"

[[points.tasks]]
id = "tk1aaa"
title = "公开财政预决算"
text = "各部门在2026年年底前完成清理，确保按期公开。"
lead = ["区财政局"]
deadline = "2026年10月底"
'''


def rules(findings, prefix="PW-ROLL"):
    return sorted((f.rule, f.field, f.node_id) for f in findings if f.rule.startswith(prefix))


def test_a_rolled_plan_has_findings_for_what_the_roll_over_could_not_move(host):
    plan = store.loads(LAST).plan
    assert rules(planwright.check(plan, host=host)) == []  # the issued plan is clean
    roll_over(plan, 2027)
    assert plan.meta.title.startswith("2027年")
    found = planwright.check(plan, host=host)
    assert rules(found) == [("PW-ROLL-001", "text", "tk1aaa"),  # 2025年年底前 left in the text
                            ("PW-ROLL-003", "date", None), ("PW-ROLL-003", "doc_number", None)]
    text = next(f for f in found if f.rule == "PW-ROLL-001").message
    assert "2026年年底" in text and "2027" in text


def test_the_findings_stay_until_fixed_and_then_go(host):
    plan = store.loads(LAST).plan
    roll_over(plan, 2027)
    plan.points[0].title = "做好主动公开工作"  # an unrelated edit: the findings stay
    assert len(rules(planwright.check(plan, host=host))) == 3
    plan.points[0].tasks[0].text = "各部门在2027年年底前完成清理，确保按期公开。"
    plan.meta.doc_number = "示政办发〔2027〕2号"
    plan.meta.date = "2027-03-01"
    assert rules(planwright.check(plan, host=host)) == []


def test_a_title_of_another_year_is_a_finding(host):
    plan = store.loads(LAST.replace('year = 2026', 'year = 2027')).plan
    assert rules(planwright.check(plan, host=host)) == [("PW-ROLL-001", "text", "tk1aaa"),
                                                        ("PW-ROLL-002", "title", None)]


def test_a_draft_without_a_printer_is_not_asked_for_its_doc_number(host):
    draft = LAST.replace('doc_number = "示政办发〔2026〕3号"\n', "").replace("\ndate = 2026-03-02\n", "\n")
    plan = store.loads(draft.replace('printer = "示例区人民政府办公室"\n', "")).plan
    assert rules(planwright.check(plan, host=host)) == []
    plan = store.loads(draft).plan
    assert [r[1] for r in rules(planwright.check(plan, host=host))] == ["date", "doc_number"]
