"""The body of notices from offices beyond the corpus: how segments, tables, run-in text and
lists of principles become points → tasks → items.

Every notice here is written for the test in its own words; each imitates the *form* of a
family of real notices (where units, deadlines and headings stand), never their sentences.
"""

from __future__ import annotations

from planwright.importing import import_text
from planwright.plan import store

HEAD = """示范区人民政府办公室关于印发2024年示范区政务公开工作要点的通知
各街道办事处，区政府各部门：
现将《2024年示范区政务公开工作要点》印发给你们，请认真贯彻执行。
示范区人民政府办公室
2024年2月20日
2024年示范区政务公开工作要点
"""


def imported(body: str, head: str = HEAD, **kw):
    return import_text(head + body, **kw)


def tasks_of(plan):
    return [t for _, t in plan.tasks()]


# ---------------------------------------------------------------------------
# Numbered entries straight under a point; lists of principles


def test_prose_entries_under_a_point_are_items_of_one_untitled_task(host) -> None:
    body = """一、围绕依法行政做好权责公开
1.根据机构改革后的职责变化,及时调整部门权责清单,并在门户网站集中展示。(责任单位:区政府各部门)
2.区政府网站要开设专栏,统一发布各部门的机构职能和办事指南信息。(责任单位:区政府办公室)
3.2024年6月底前,各街道完成本级标准目录的梳理,年底前完成动态更新工作。(责任单位:各街道办事处)
"""
    result = imported(body, host=host)
    (point,) = result.doc.plan.points
    (task,) = point.tasks
    assert task.title == "" and task.lead == []
    assert any(w.startswith("一/（一），") and "无标题任务" in w for w in result.warnings)  # the reading is said
    assert [i.lead for i in task.items] == [["区政府各部门"], ["区政府办公室"], ["各街道办事处"]]
    assert task.items[1].text.startswith("区政府网站要开设专栏")
    assert task.items[2].deadline == ""  # the date qualifies one part of the entry, not the entry


def test_prose_entries_are_printed_again_without_a_made_up_task_marker(cli, tmp_path, host) -> None:
    body = """一、围绕依法行政做好权责公开
1.根据机构改革后的职责变化,及时调整部门权责清单。(责任单位:区政府各部门)
2.区政府网站要开设专栏,统一发布各部门的机构职能信息。(责任单位:区政府办公室)
"""
    plan = tmp_path / "plan.toml"
    plan.write_text(store.dumps(imported(body, host=host).doc), encoding="utf-8")
    out = tmp_path / "notice.txt"
    assert cli("export", plan, "--format", "notice-txt", "--allow-errors", "-o", out).exit_code == 0
    lines = [line.strip() for line in out.read_text(encoding="utf-8").splitlines()]
    at = lines.index("一、围绕依法行政做好权责公开")
    assert lines[at + 1].startswith("1.根据机构改革后的职责变化")  # no “（一）” line of its own
    assert "（一）" not in lines


def test_tasks_under_no_point_are_printed_again_without_a_made_up_point_marker(cli, tmp_path, host) -> None:
    body = """（一）公开财政信息。按时公开预算决算。（责任单位：区财政局）
（二）公开人事信息。及时发布招录公告。（责任单位：区人社局）
"""
    plan = tmp_path / "plan.toml"
    plan.write_text(store.dumps(imported(body, host=host).doc), encoding="utf-8")
    out = tmp_path / "notice.txt"
    assert cli("export", plan, "--format", "notice-txt", "--allow-errors", "-o", out).exit_code == 0
    lines = [line.strip() for line in out.read_text(encoding="utf-8").splitlines()]
    assert "一、" not in lines and any(line.startswith("（一）公开财政信息。") for line in lines)


def test_headed_entries_under_a_point_stay_tasks(host) -> None:
    body = """一、加强平台建设
1.整合政务新媒体。清理长期不更新的账号。（区委网信办牵头，各街道负责落实）
2.完善政府网站。改进站内搜索。（区数据资源局负责落实）
"""
    first, second = tasks_of(imported(body, host=host).doc.plan)
    assert (first.title, first.lead, first.support) == ("整合政务新媒体", ["区委网信办"], ["各街道"])
    assert second.title == "完善政府网站"


def test_a_point_of_principles_holds_no_tasks(host) -> None:
    body = """一、基本原则
（一）坚持需求导向。从群众关心的事项做起。
（二）坚持依法公开。严格按照法定程序办理。
二、主要任务
（一）公开财政预决算。按时公开部门预算。（责任单位：区财政局）
"""
    plan = imported(body, host=host).doc.plan
    principles, work = plan.points
    assert principles.title == "基本原则" and principles.tasks == []
    assert "坚持需求导向" in principles.text and "坚持依法公开" in principles.text
    assert [t.title for t in work.tasks] == ["公开财政预决算"]


def test_principles_listed_in_a_points_text_are_not_tasks(host) -> None:
    body = """一、总体要求
全区政务公开工作要坚持以下基本原则：
1.坚持问题导向。针对群众反映集中的问题改进公开。
2.坚持统筹推进。上下联动形成合力。
二、重点任务
（一）公开重大项目。发布审批和实施信息。（责任单位：区发改委）
"""
    first, second = imported(body, host=host).doc.plan.points
    assert first.tasks == [] and "坚持统筹推进" in first.text
    assert second.tasks[0].lead == ["区发改委"]


def test_a_date_opening_one_sentence_of_several_is_not_the_tasks_deadline(host) -> None:
    body = """一、做好规划公开
（一）公开各类规划。2024年9月底前,在门户网站集中发布本级各类规划。做好历史规划的归集。（牵头单位：区发改委）
（二）公开年度计划。2024年3月底前,发布本年度国民经济和社会发展计划。（牵头单位：区发改委）
"""
    first, second = tasks_of(imported(body, host=host).doc.plan)
    assert first.deadline == ""
    assert second.deadline == "2024年3月底前"


# ---------------------------------------------------------------------------
# Attributions: clauses run together, a shared verb, a page cut inside the bracket


def test_lead_and_responsible_clauses_without_a_comma(host) -> None:
    body = """一、做好决策公开
（一）公开决策草案。重大决策事项在决策前向社会征求意见。（区司法局牵头各街道办事处负责）
"""
    (task,) = tasks_of(imported(body, host=host).doc.plan)
    assert (task.lead, task.support) == (["区司法局"], ["各街道办事处"])
    assert "牵头" not in task.text


def test_names_without_a_verb_share_the_next_clauses_verb(host) -> None:
    body = """一、做好规划公开
（一）公开各类规划。集中发布本级规划文本。（区发改委、区自然资源局牵头；区直有关部门，各州、市人民政府按照职责分工负责）
"""
    (task,) = tasks_of(imported(body, host=host).doc.plan)
    assert task.lead == ["区发改委", "区自然资源局"]
    assert task.support == ["区直有关部门", "各州", "市人民政府"]


def test_an_attribution_cut_by_the_end_of_the_page_is_read_as_far_as_it_goes(host) -> None:
    body = """一、做好报告公开
（一）公开工作报告落实情况。按季度公开重点工作进展。（责任单位：各街道办事处、区发改委、区直属机〔
"""
    result = imported(body, host=host)
    (task,) = tasks_of(result.doc.plan)
    assert task.lead == ["各街道办事处", "区发改委"]  # the name being printed when cut is left out
    assert task.text == "按季度公开重点工作进展。"
    assert any("被截断" in w and "一/（一）" in w for w in result.warnings)


def test_a_cut_lead_clause_gives_the_names_after_it_as_support(host) -> None:
    body = """一、主要任务
（一）夯实公开基础。逐步扩大主动公开范围。（区府办〔区数据局〕牵头，区政府各部门、各街道〔镇〕、各功能区管
"""
    (task,) = tasks_of(imported(body, host=host).doc.plan)
    assert task.lead == ["区府办〔区数据局〕"]
    assert task.support == ["区政府各部门", "各街道〔镇〕"]


def test_an_unclosed_bracket_before_the_signature_is_not_read_as_cut(host) -> None:
    body = """一、主要任务
（一）夯实公开基础。逐步扩大主动公开范围。（责任单位：区政府各部门、各街道办事处
示范区人民政府办公室
2024年2月20日
"""
    (task,) = tasks_of(imported(body, host=host).doc.plan)
    assert task.lead == []  # a typo, not a cut page: nothing is guessed


# ---------------------------------------------------------------------------
# One attribution per segment (paragraphs whose sentence groups each name their units)


def test_each_attribution_closes_its_own_segment_and_the_rest_is_an_item(host) -> None:
    body = """一、推进决策公开
（一）做好决策公开。各部门公布年度重大决策事项目录（区司法局负责落实）。健全公众参与机制，邀请利益相关方列席会议（区政府办公室牵头，各街道办事处配合）。做好意见采纳情况的反馈。
"""
    (task,) = tasks_of(imported(body, host=host).doc.plan)
    assert (task.lead, task.support) == ([], [])
    assert [i.text for i in task.items] == ["各部门公布年度重大决策事项目录。", "健全公众参与机制，邀请利益相关方列席会议。",
                                            "做好意见采纳情况的反馈。"]
    assert [(i.lead, i.support) for i in task.items] == [(["区司法局"], []), (["区政府办公室"], ["各街道办事处"]),
                                                         ([], [])]


def test_an_attribution_in_mid_paragraph_is_not_moved_to_the_end(host) -> None:
    body = """一、做好财政公开
（一）公开预算执行。按季度公开预算执行情况（区财政局负责落实）及时回应社会关切，解答群众疑问。
（二）公开政府债务。每半年公开一次债务限额和余额。（责任单位：区财政局）
"""
    first, second = tasks_of(imported(body, host=host).doc.plan)
    assert first.lead == [] and len(first.items) == 2
    assert (first.items[0].text, first.items[0].lead) == ("按季度公开预算执行情况", ["区财政局"])
    assert (first.items[1].text, first.items[1].lead) == ("及时回应社会关切，解答群众疑问。", [])
    assert second.lead == ["区财政局"] and second.items == []  # one attribution closing the task stays on it


def test_paragraphs_straight_under_a_point_each_with_units_are_items(host) -> None:
    body = """一、做好重点领域公开
集中公开教育收费项目和标准。（区教育局负责落实）按月公开医保基金收支情况（区医保局牵头，各街道办事处配合）。
二、加强组织保障
各单位要明确专人负责政务公开工作。
"""
    first, second = imported(body, host=host).doc.plan.points
    (task,) = first.tasks
    assert task.title == "" and first.text == ""
    assert [(i.text, i.lead, i.support) for i in task.items] == [
        ("集中公开教育收费项目和标准。", ["区教育局"], []),
        ("按月公开医保基金收支情况。", ["区医保局"], ["各街道办事处"])]
    assert second.tasks == [] and second.text.startswith("各单位要明确专人")


# ---------------------------------------------------------------------------
# Task tables copied as text

TABLE_HEAD = """示范区人民政府办公室关于印发2024年示范区政务公开重点任务分工的通知
各街道办事处，区政府各部门：
现将《2024年示范区政务公开重点任务分工》印发给你们，请抓好落实。
示范区人民政府办公室
2024年2月20日
2024年示范区政务公开重点任务分工
"""


def table_items(plan):
    return [(p.title, t.title, i) for p in plan.points for t in p.tasks for i in t.items]


def test_rows_with_bars_between_cells_and_a_column_the_importer_does_not_need(host) -> None:
    body = """| 序号 | 工作任务 | 具体要求 | 责任单位 | 完成时限 | 公开载体 |
| 一、深化政策公开 |
| 1 | （一）公开规范性文件 | 集中发布现行有效的规范性文件。 | 区司法局 | 2024年6月底前 | 政府网站 |
| 2 | （一）公开规范性文件 | 同步发布解读材料。 | 区政府各部门 | 持续推进 | 政务新媒体 |
| 3 | （二）公开部门预算 | 在批复后二十日内公开部门预算。 | 区财政局牵头，其他单位按职能分工落实 | 2024年4月底前 | 政府网站 |
"""
    result = imported(body, head=TABLE_HEAD, host=host)
    rows = table_items(result.doc.plan)
    assert [(p, t) for p, t, _ in rows] == [("深化政策公开", "公开规范性文件")] * 2 + [("深化政策公开", "公开部门预算")]
    first, second, third = (i for _, _, i in rows)
    assert (first.text, first.lead, first.deadline) == ("集中发布现行有效的规范性文件。", ["区司法局"], "2024年6月底前")
    assert second.deadline == "持续推进"
    assert (third.lead, third.support) == (["区财政局"], ["其他单位"])
    assert "政府网站" not in " ".join(i.text for _, _, i in rows)


def test_cells_one_a_line_each_closed_by_a_bar_under_a_point_without_tasks(host) -> None:
    body = """|
工作任务 |
具体工作要求 |
责任单位 |
完成时限 |
|
一、加强权力运行公开 |
1 |
动态调整部门权责清单，在门户网站集中发布。 |
区委编办、区直各部门、各街道(镇) |
持续推进 |
|
2 |
公开行政执法结果，按规定时限上网。 |
区司法局、区市场监管局等相关区直部门 |
2024年12月底前 |
|
"""
    result = imported(body, head=TABLE_HEAD, host=host)
    (point,) = result.doc.plan.points
    (task,) = point.tasks
    assert point.title == "加强权力运行公开" and task.title == ""  # no （一） level: one untitled task
    assert any("无标题任务" in w for w in result.warnings)
    assert [i.lead for i in task.items] == [["区委编办", "区直各部门", "各街道（镇）"], ["区司法局", "区市场监管局"]]
    assert [i.deadline for i in task.items] == ["持续推进", "2024年12月底前"]


def test_rows_one_a_line_with_single_spaces_between_cells(host) -> None:
    body = """序号 工作任务 具体要求 责任单位 完成时限
1 公开决策草案 重大决策事项 在决策前公开征求意见。 区司法局 2024年9月底前
2 公开年度报告 按时发布政府信息公开 工作年度报告。 区政府办公室 2025年1月31日前
"""
    result = imported(body, head=TABLE_HEAD, host=host)
    (point,) = result.doc.plan.points
    assert point.title == ""  # a table without a 一、 level: no invented point title
    assert any("没有“一、”级标题" in w for w in result.warnings)
    first, second = point.tasks
    assert [first.title, second.title] == ["公开决策草案", "公开年度报告"]
    (item,) = first.items
    assert (item.text, item.lead, item.deadline) == ("重大决策事项在决策前公开征求意见。", ["区司法局"], "2024年9月底前")
    assert (second.items[0].lead, second.items[0].deadline) == (["区政府办公室"], "2025年1月31日前")


def test_a_unit_cell_cut_by_the_end_of_the_page_keeps_its_complete_names(host) -> None:
    body = """目标
任务
主要内容
责任单位
一、以公开促进发展
（一）做好政策解读
围绕年度重点工作，通过新闻发布会等形式解读政策。
区发改委牵头落实
围绕就业创业政策，做好政策信息公开和解读。
区人社局、区财政局、区投资促
"""
    result = imported(body, head=TABLE_HEAD, host=host)
    (task,) = result.doc.plan.points[0].tasks
    assert [i.lead for i in task.items] == [["区发改委"], ["区人社局", "区财政局"]]
    assert not any("不像责任单位" in w for w in result.warnings)  # a clause is a unit cell too


def test_cells_one_a_line_with_two_columns_the_importer_does_not_need(host) -> None:
    body = """序号
重点任务
责任单位
完成时限
公开方式
备注
一、做好民生领域公开
1
公开低保和特困供养对象的认定条件与办理流程。
区民政局
2024年5月底前
主动公开
2
公开保障性住房的分配政策和结果。
区住建局、各街道办事处
持续推进
主动公开
按季度更新
3
公开义务教育学校的招生范围。
区教育局
2024年7月底前
依申请公开
"""
    result = imported(body, head=TABLE_HEAD, host=host)
    (point,) = result.doc.plan.points
    assert [t.title for t in point.tasks] == ["公开低保和特困供养对象的认定条件与办理流程", "公开保障性住房的分配政策和结果",
                                          "公开义务教育学校的招生范围"]
    assert [t.deadline for t in point.tasks] == ["2024年5月底前", "持续推进", "2024年7月底前"]
    assert point.tasks[1].lead == ["区住建局", "各街道办事处"]
    assert result.warnings == []


# ---------------------------------------------------------------------------
# Standing instructions


def test_a_standing_instruction_names_no_unit(host) -> None:
    body = """一、做好基础公开
（一）更新公开目录。每季度核对一次主动公开目录。（以下各项均由区直各部门负责落实，不再一一列出）
（二）规范依申请公开。按法定时限答复申请人。（责任单位：区政府办公室，以下同类事项不再重复列出）
（三）维护公开专栏。及时更新栏目内容。（区数据资源局牵头，各街道办事处配合）
"""
    result = imported(body, host=host)
    first, second, third = tasks_of(result.doc.plan)
    assert (first.lead, first.support) == ([], [])
    assert not any("无法解析" in w for w in result.warnings)
    assert second.lead == ["区政府办公室"]
    assert (third.lead, third.support) == (["区数据资源局"], ["各街道办事处"])


# ---------------------------------------------------------------------------
# Run-in text: a whole body on one line


def test_a_body_printed_on_one_line_is_cut_at_its_markers(host) -> None:
    body = ("为做好本年度公开工作，结合本区实际，制定本要点。一、总体要求 以提升公开质量为主线，推动各项工作落实。"
            "二、重点任务 （一）加强政策公开。集中发布规范性文件。（责任单位：区司法局） （二）做好解读回应。"
            "1、重要政策同步解读。（区政府办公室负责落实）2、及时回应社会关切。（区委网信办负责落实）"
            "三、保障措施 （一）加强组织领导。各单位明确分管负责同志。\n")
    plan = imported(body, host=host).doc.plan
    assert plan.meta.preamble.endswith("制定本要点。")
    assert [p.title for p in plan.points] == ["总体要求", "重点任务", "保障措施"]
    assert plan.points[0].text == "以提升公开质量为主线，推动各项工作落实。"
    policy, answers = plan.points[1].tasks
    assert (policy.title, policy.lead) == ("加强政策公开", ["区司法局"])
    assert [(i.text, i.lead) for i in answers.items] == [("重要政策同步解读。", ["区政府办公室"]),
                                                         ("及时回应社会关切。", ["区委网信办"])]
    assert [t.title for t in plan.points[2].tasks] == ["加强组织领导"]


def test_numbers_out_of_sequence_inside_a_line_are_words_not_headings(host) -> None:
    body = """一、做好统计公开
（一）公开统计数据。按时发布一季度数据。二、三季度数据在季后一个月内发布。（责任单位：区统计局）
"""
    (task,) = tasks_of(imported(body, host=host).doc.plan)
    assert task.text == "按时发布一季度数据。二、三季度数据在季后一个月内发布。"
    assert task.lead == ["区统计局"]


def test_bar_rows_with_a_rule_under_the_header_and_units_a_space_apart(host) -> None:
    body = """| 序号 | 工作任务 | 责任单位 | 完成时限 |
|---|---|---|---|
| 1 | 公开年度预算和决算，细化到项级科目。 | 区财政局 | 2024年8月底前 |
| 2 | 公开重点项目进展情况。 | 区发改委 | 持续推进 |
"""
    (point,) = imported(body, head=TABLE_HEAD, host=host).doc.plan.points
    assert [(t.title, t.lead, t.deadline) for t in point.tasks] == [
        ("公开年度预算和决算，细化到项级科目", ["区财政局"], "2024年8月底前"), ("公开重点项目进展情况", ["区发改委"], "持续推进")]


def test_spaced_rows_whose_unit_cell_lists_units_a_space_apart(host) -> None:
    body = """序号 工作任务 具体要求 责任单位 完成时限
1 公开审计结果 按规定公开 审计工作报告。 区审计局 区财政局 2024年10月底前
"""
    (point,) = imported(body, head=TABLE_HEAD, host=host).doc.plan.points
    (item,) = point.tasks[0].items
    assert (item.text, item.lead, item.deadline) == ("按规定公开审计工作报告。", ["区审计局", "区财政局"], "2024年10月底前")


def test_bar_rows_whose_group_cell_stands_in_the_first_row_of_its_group_only(host) -> None:
    body = """| 工作任务 | 具体工作要求 | 责任单位 | 完成时限 |
| 一、做好政策公开 | 1 | 及时发布涉企政策及其执行效果。 | 区直各部门 | 持续推进 |
| 2 | 集中发布政务服务事项目录和办事指南。 | 区数据资源局 | 2024年9月底前 |
| 二、做好执法公开 | 3 | 公开行政执法结果和裁量基准。 | 区司法局 | 持续推进 |
"""
    first, second = imported(body, head=TABLE_HEAD, host=host).doc.plan.points
    assert [p.title for p in (first, second)] == ["做好政策公开", "做好执法公开"]
    assert [len(p.tasks) for p in (first, second)] == [1, 1]  # the row numbers are no tasks
    assert [i.lead for i in first.tasks[0].items] == [["区直各部门"], ["区数据资源局"]]
    assert second.tasks[0].items[0].deadline == "持续推进"


def test_cells_one_a_line_under_a_header_with_captions_the_importer_does_not_know(host) -> None:
    body = """序号
工作任务
责任单位
考核分值
工作亮点
完成时限
1
公开本级政府年度预算和决算报告。
区财政局
5分
形成典型经验
2024年6月底前
2
公开年度重大行政决策事项目录。
区司法局
3分
纳入年度考核
2024年3月底前
"""
    result = imported(body, head=TABLE_HEAD, host=host)
    (point,) = result.doc.plan.points
    assert [(t.title, t.lead, t.deadline) for t in point.tasks] == [
        ("公开本级政府年度预算和决算报告", ["区财政局"], "2024年6月底前"),
        ("公开年度重大行政决策事项目录", ["区司法局"], "2024年3月底前")]


def test_cells_one_a_line_with_bars_on_lines_of_their_own(host) -> None:
    lines = ["工作任务", "具体要求", "责任科室", "时限要求",
             "加强规范性文件公开", "1", "对本局规范性文件进行全面清理，公布现行有效文件目录。", "办公室", "年底前",
             "做好政策解读", "2", "同步做好政策解读，丰富解读形式。", "各科室", "持续推进",
             "3", "重要政策出台后及时回应社会关切。", "政策法规科", "持续推进"]
    body = "".join(f"{line}\n|\n" for line in lines)
    (point,) = imported(body, head=TABLE_HEAD, host=host).doc.plan.points
    assert point.title == ""
    assert [t.title for t in point.tasks] == ["加强规范性文件公开", "做好政策解读"]
    assert [(i.lead, i.deadline) for i in point.tasks[1].items] == [(["各科室"], "持续推进"), (["政策法规科"], "持续推进")]


def test_a_label_line_cut_by_the_end_of_the_page_keeps_its_complete_names(host) -> None:
    body = """一、推进决策公开
1.重大决策事项在决策前向社会公开草案。
牵头单位：区司法局
责任单位：区政府各部门、各街道办事处、区属国有企
"""
    result = imported(body, host=host)
    (task,) = tasks_of(result.doc.plan)
    assert (task.lead, task.support) == (["区司法局"], ["区政府各部门", "各街道办事处"])
    assert any("被截断" in w for w in result.warnings)
