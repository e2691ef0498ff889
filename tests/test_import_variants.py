"""The neighbours of the corpus: other attribution forms, levels, tables, characters, cut pages.

Every notice here is written for the test in its own words; it imitates the
form of real notices (where units, deadlines and headings stand), not their text.
"""

from __future__ import annotations

import pytest

from planwright.plan import store
from planwright.importing import import_text

HEAD = """示例县人民政府办公室关于印发2023年示例县政务公开工作要点的通知
示政办〔2023〕7号
各乡镇人民政府，县政府各部门：
现将《2023年示例县政务公开工作要点》印发给你们，请结合实际抓好落实。
示例县人民政府办公室
2023年3月8日
（此件公开发布）
2023年示例县政务公开工作要点
今年的政务公开工作围绕全县中心任务展开。
"""


def imported(body: str, head: str = HEAD, **kw):
    return import_text(head + body, **kw)


def tasks_of(plan):
    return [t for _, t in plan.tasks()]


# ---------------------------------------------------------------------------
# The notice around the plan


def test_notice_head_and_foot_fill_the_plan_table(host) -> None:
    body = """一、做好财政公开
（一）公开预算执行。按季度发布执行进度。（责任单位：县财政局）
抄送：县委办公室，县人大常委会办公室。
示例县人民政府办公室          2023年3月9日印发
"""
    meta = imported(body, host=host).doc.plan.meta
    assert meta.title == "2023年示例县政务公开工作要点"
    assert (meta.year, meta.issuer, meta.doc_number) == (2023, "示例县人民政府办公室", "示政办〔2023〕7号")
    assert meta.date == "2023-03-08" and meta.publicity == "此件公开发布"
    assert meta.recipients == ["各乡镇人民政府", "县政府各部门"]
    assert meta.preamble == "今年的政务公开工作围绕全县中心任务展开。"
    assert meta.cc == ["县委办公室", "县人大常委会办公室"]
    assert (meta.printer, meta.print_date) == ("示例县人民政府办公室", "2023-03-09")


def test_chinese_numeral_date_and_multi_year_title(host) -> None:
    head = """示例市人民政府办公室关于印发示例市政务公开三年行动计划（2024—2026年）的通知
各区人民政府：
现将《示例市政务公开三年行动计划（2024—2026年）》印发给你们，请认真执行。
示例市人民政府办公室
二〇二三年十二月五日
"""
    body = "一、总体目标\n（一）建成标准体系。三年内形成覆盖全市的公开标准。\n"
    meta = imported(body, head=head, host=host).doc.plan.meta
    assert meta.date == "2023-12-05"
    assert (meta.year, meta.end_year) == (2024, 2026)
    assert meta.title == "示例市政务公开三年行动计划（2024—2026年）"


# ---------------------------------------------------------------------------
# Attribution forms


def test_lead_support_and_deadline_labels_in_one_bracket(host) -> None:
    body = """一、围绕经济运行做好公开
（一）公开预算执行。按季度发布执行进度。（牵头单位：县财政局；责任单位：县直各部门；完成时限：2023年10月底前）
（二）公开惠企政策。编印政策汇编。（牵头单位：县商务局；配合单位：县发改委、县工信局；完成时限：持续推进）
（三）公开入学信息。发布招生范围。（责任单位：县教育局；完成时限：2023年6月30日前）
"""
    first, second, third = tasks_of(imported(body, host=host).doc.plan)
    assert (first.lead, first.support, first.deadline) == (["县财政局"], ["县直各部门"], "2023年10月底前")
    assert (second.lead, second.support, second.deadline) == (["县商务局"], ["县发改委", "县工信局"], "持续推进")
    assert (third.lead, third.deadline) == (["县教育局"], "2023年6月30日前")
    assert first.text == "按季度发布执行进度。"  # the bracket left the text


def test_each_sentence_group_with_its_own_attribution_is_an_item(host) -> None:
    body = """一、深化决策公开
（一）推进决策预公开。涉及群众利益的决策事项在决策前公开草案。（县司法局牵头，县政府各部门负责落实）建立意见反馈机制，公开采纳情况。（县政府办公室牵头落实，各乡镇人民政府配合落实）
（二）做好政策解读。文件与解读材料同步发布。（县政府各部门负责落实）
"""
    first, second = tasks_of(imported(body, host=host).doc.plan)
    assert first.lead == [] and len(first.items) == 2
    assert first.items[0].text == "涉及群众利益的决策事项在决策前公开草案。"
    assert (first.items[0].lead, first.items[0].support) == (["县司法局"], ["县政府各部门"])
    assert (first.items[1].lead, first.items[1].support) == (["县政府办公室"], ["各乡镇人民政府"])
    assert second.lead == ["县政府各部门"] and second.items == []


def test_paragraphs_each_closed_by_an_attribution_are_items(host) -> None:
    body = """一、加强监管公开
（一）公开抽查结果。按月公布随机抽查事项和结果。（县市场监管局牵头落实）
公开行政处罚决定，并在七个工作日内上网。（县综合执法局负责落实）
"""
    (task,) = tasks_of(imported(body, host=host).doc.plan)
    assert [i.lead for i in task.items] == [["县市场监管局"], ["县综合执法局"]]
    assert task.items[1].text.startswith("公开行政处罚决定")


def test_responsible_line_under_each_area(host) -> None:
    body = """一、重点领域及责任单位
（一）义务教育。包括招生入学和学校概况等信息。
责任单位：县教育局、各乡镇(街道)。
（二）社会救助。包括低保和临时救助等信息。
责任单位：县民政局。
"""
    first, second = tasks_of(imported(body, host=host).doc.plan)
    assert first.lead == ["县教育局", "各乡镇（街道）"]  # brackets made full-width
    assert second.lead == ["县民政局"]
    assert "责任单位" not in first.text


def test_unparsed_attribution_stays_in_the_text_and_is_noted(host) -> None:
    body = """一、做好民生公开
（一）公开养老服务。发布机构名录和收费标准。（请县民政局会商后负责把关）
（二）公开救助信息。发布救助标准。（责任单位：县民政局）
"""
    result = imported(body, host=host)
    first, second = tasks_of(result.doc.plan)
    assert first.lead == [] and first.text.endswith("（请县民政局会商后负责把关）")
    assert any("无法解析的责任单位表述" in w and "一/（一）" in w for w in result.warnings)
    saved = store.dumps(result.doc)
    comment_at = saved.index("# 导入提示: 无法解析的责任单位表述")
    # the comment stands in the task's own table, before the next task's
    assert saved.index(f'id = "{first.id}"') < comment_at < saved.index(f'id = "{second.id}"')


def test_traditional_characters_are_read_and_kept_as_printed(host) -> None:
    head = """樣例市人民政府辦公廳關於印發2022年政務公開工作要點的通知
各區人民政府，市政府各部門：
現將《2022年政務公開工作要點》印發給你們，請認真貫徹落實。
樣例市人民政府辦公廳
2022年4月1日
2022年政務公開工作要點
"""
    body = """一、深化決策公開
（一）推進決策預公開。在決策前公開草案。（市司法局牽頭，市政府各部門負責落實）
（二）規範政府公報。按月編發公報。（責任單位：市政府辦公廳、各街道辦事處；完成時限：2022年12月底前）
"""
    result = imported(body, head=head, host=host)
    meta = result.doc.plan.meta
    assert (meta.issuer, meta.title, meta.date) == ("樣例市人民政府辦公廳", "2022年政務公開工作要點", "2022-04-01")
    first, second = tasks_of(result.doc.plan)
    assert (first.lead, first.support) == (["市司法局"], ["市政府各部門"])
    assert second.lead == ["市政府辦公廳", "各街道辦事處"] and second.deadline == "2022年12月底前"


# ---------------------------------------------------------------------------
# Levels


def test_numbered_tasks_directly_under_a_point(host) -> None:
    body = """一、加强平台建设
1.整合政务新媒体。关停长期不更新的账号。（县委网信办牵头，各乡镇负责落实）
2.完善政府网站。优化检索功能。（县数据资源局负责落实）
二、强化保障
1.加强培训。每年组织两次业务培训。
"""
    plan = imported(body, host=host).doc.plan
    assert [len(p.tasks) for p in plan.points] == [2, 1]
    first = plan.points[0].tasks[0]
    assert (first.title, first.lead, first.support) == ("整合政务新媒体", ["县委网信办"], ["各乡镇"])


def test_items_under_tasks_and_subitems_stay_in_their_item(host) -> None:
    body = """一、推进基层公开
（一）建设公开专区
1.配置查阅设备。在便民服务中心设置查询终端。
（1）每个乡镇至少一台；
（2）安排专人维护。
2.公开办事指南。逐项公开办理条件和流程。
"""
    (task,) = tasks_of(imported(body, host=host).doc.plan)
    assert task.title == "建设公开专区" and len(task.items) == 2
    assert "（2）安排专人维护" in task.items[0].text


def test_tasks_without_points_go_under_one_untitled_point(host) -> None:
    body = """（一）公开财政信息。按时公开预算决算。（责任单位：县财政局）
（二）公开人事信息。及时发布招录公告。（责任单位：县人社局）
"""
    result = imported(body, host=host)
    (point,) = result.doc.plan.points
    assert point.title == "" and len(point.tasks) == 2  # no title is invented (issue 11, class 6)
    assert any("没有“一、”级标题" in w for w in result.warnings)


# ---------------------------------------------------------------------------
# Deadlines


def test_deadline_in_an_item_heading_and_at_the_start_of_a_task(host) -> None:
    body = """一、进度安排
（一）准备阶段
1.成立工作专班(2024年3月15日前)。明确分管领导和联络员。
2.制定实施方案(2024年3月31日前)。细化分工并报送备案。
（二）2025年任务
2025年12月31日前,全面完成标准目录的修订和发布。
（三）推进阶段
2024年6月底前完成初稿，2024年9月底前完成修订。
"""
    first, second, third = tasks_of(imported(body, host=host).doc.plan)
    assert [i.deadline for i in first.items] == ["2024年3月15日前", "2024年3月31日前"]
    assert first.items[0].text.startswith("成立工作专班(2024年3月15日前)。")  # text kept as printed
    assert second.deadline == "2025年12月31日前"
    assert third.deadline == ""  # two deadlines for two parts: none is the task's


def test_unparsed_deadline_is_kept_and_noted(host) -> None:
    body = """一、做好公开
（一）公开统计数据。按时发布统计公报。（责任单位：县统计局；完成时限：待上级通知后另定期限）
"""
    result = imported(body, host=host)
    (task,) = tasks_of(result.doc.plan)
    assert task.deadline == "待上级通知后另定期限"
    assert any("无法解析" in w and "待上级通知后另定期限" in w for w in result.warnings)


# ---------------------------------------------------------------------------
# Closing text and cut pages


def test_a_last_paragraph_about_the_plan_itself_is_the_closing(host) -> None:
    body = """一、保障措施
（一）加强领导。各单位明确一名负责同志分管。
（二）加强考核。纳入年度绩效考核。
各乡镇、各部门要对照本要点制定落实方案，于年底前报送落实情况。
"""
    plan = imported(body, host=host).doc.plan
    assert plan.meta.closing.startswith("各乡镇、各部门要对照本要点")
    assert plan.points[0].tasks[-1].text == "纳入年度绩效考核。"


def test_a_page_cut_short_is_noted_at_its_last_task(host) -> None:
    body = """一、加强平台建设
（一）完善政府网站。优化检索功能。（责任单位：县数据资源局）
（二）规范政府公报。按月编发电子版公报，方便群众查
"""
    result = imported(body, host=host)
    last = tasks_of(result.doc.plan)[-1]
    assert last.text.endswith("方便群众查")
    assert any("页面可能不完整" in w for w in result.warnings)
    assert any("未找到责任单位" in w for w in result.warnings)
    saved = store.dumps(result.doc)
    assert saved.index(f'id = "{last.id}"') < saved.index("# 导入提示: 原文在")


# ---------------------------------------------------------------------------
# Tables flattened to one cell per line


def test_flattened_table_with_office_and_deadline_columns(host) -> None:
    text = """示例区卫生健康局2023年政务公开工作任务清单
序号
工作任务
责任科室
完成时限
一、主动公开
1
每月公开医疗机构执业登记变更情况。
医政科
每月10日前
2
公开年度部门预算和决算。
财务科、办公室
2023年8月底
二、回应关切
3
对网民留言限时答复。
办公室
持续推进
"""
    result = import_text(text, host=host)
    plan = result.doc.plan
    assert plan.meta.title == "示例区卫生健康局2023年政务公开工作任务清单" and plan.meta.year == 2023
    assert [p.title for p in plan.points] == ["主动公开", "回应关切"]
    first = plan.points[0].tasks[0]
    assert (first.title, first.lead, first.deadline) == ("每月公开医疗机构执业登记变更情况", ["医政科"], "每月10日前")
    assert plan.points[0].tasks[1].lead == ["财务科", "办公室"]
    assert result.warnings == []


def test_flattened_table_with_lead_and_support_columns_and_an_empty_cell(host) -> None:
    text = """附件
示例市2024年政务公开重点任务分工
序号
工作任务
具体要求
牵头单位
配合单位
完成时限
（一）做好规划信息公开
1
公开规划实施中期评估报告。
市发展改革委
市统计局
2024年9月底
2
公开国土空间规划批复情况。
市自然资源局
2024年6月底
"""
    plan = import_text(text, host=host).doc.plan
    (task,) = tasks_of(plan)
    assert task.title == "做好规划信息公开"
    assert [(i.lead, i.support, i.deadline) for i in task.items] == [
        (["市发展改革委"], ["市统计局"], "2024年9月底"), (["市自然资源局"], [], "2024年6月底")]


def test_a_task_heading_cell_keeps_the_stop_the_office_closed_it_with(host) -> None:
    """A 工作任务 cell printed alone keeps its 。 (the office's wording), one without 。 gets none,
    and a heading cell that goes on with text is split as a paragraph is; the table prints each as read."""
    text = """附件
示例市2024年政务公开重点任务分工
序号
工作任务
具体要求
责任单位
完成时限
一、做好规划信息公开
（一）公开规划实施情况。
1
公开规划实施中期评估报告。
市发展改革委
2024年9月底
（二）公开国土空间规划
2
公开国土空间规划批复情况。
市自然资源局
2024年6月底
（三）公开专项规划。按规定公开批复后的专项规划。
3
公开专项规划目录。
市发展改革委
2024年10月底
"""
    plan = import_text(text, host=host).doc.plan
    assert [(t.title, t.text) for t in tasks_of(plan)] == [
        ("公开规划实施情况。", ""), ("公开国土空间规划", ""), ("公开专项规划", "按规定公开批复后的专项规划。")]
    from planwright.exporting.table import table_rows

    assert [row.task for row in table_rows(plan) if row.kind == "row"] == [
        "（一）公开规划实施情况。", "（二）公开国土空间规划", "（三）公开专项规划"]


def test_flattened_table_cut_short_notes_the_missing_cells(host) -> None:
    text = """序号
工作任务
具体要求
责任单位
时限要求
一、做好财政公开
（一）公开预算
1
公开部门预算。
县财政局
2023年4月底
2
公开部门决算说明
"""
    result = import_text(text, host=host)
    items = tasks_of(result.doc.plan)[0].items
    assert len(items) == 2 and items[1].lead == []
    assert any("没有责任单位和时限" in w for w in result.warnings)


# ---------------------------------------------------------------------------
# Styles


@pytest.mark.parametrize("body, style", [
    ("一、做好公开\n（一）公开预算。发布预算。（责任单位：县财政局）\n（二）公开决算。发布决算。（责任单位：县财政局）\n"
     "（三）公开审计。发布审计结果。（责任单位：县审计局）\n", "jinan"),
    ("一、做好公开\n（一）公开预算。发布预算。（县财政局牵头落实，各部门配合落实）\n"
     "（二）公开审计。发布审计结果。（县审计局负责落实）\n（三）公开统计。发布公报。（县统计局负责落实）\n", "dalian"),
])
def test_style_is_detected_from_the_attribution_form(host, body: str, style: str) -> None:
    result = imported(body, host=host)
    assert result.style == style and result.doc.plan.meta.style == style
    assert any(line.startswith(f"样式：{style}（依据：") for line in result.report_lines())


def test_township_plan_is_detected_from_its_signature(host) -> None:
    text = """一、指导思想
以群众需求为导向，推进乡务公开。
二、主要任务
（一）公开惠农政策
1.公开补贴标准。在村务公开栏张贴。
示例乡人民政府
2023年5月6日
"""
    result = import_text(text, host=host)
    assert result.style == "township"
    meta = result.doc.plan.meta
    assert (meta.issuer, meta.date, meta.year) == ("示例乡人民政府", "2023-05-06", 2023)


def test_no_style_features_leaves_the_style_empty_and_says_so(host) -> None:
    text = "一、做好公开\n（一）公开预算。按时发布预算。\n（二）公开决算。按时发布决算。\n"
    result = import_text(text, host=host)
    assert result.style == ""
    assert any("未能识别" in line for line in result.report_lines())


def test_attribution_in_the_heading_and_on_a_line_of_its_own(host) -> None:
    text = """2024年示例县政务公开工作要点
各乡镇人民政府，各街道办事处，
县政府各部门：
一、深化重点领域公开
（一）、做好财政信息公开（牵头单位：县财政局；配合单位：县直各部门）。按规定时限公开预算和决算。
（二）做好项目信息公开。按月更新项目进展。
（责任单位：县发改委）
"""
    result = import_text(text, host=host)
    meta = result.doc.plan.meta
    assert (meta.title, meta.year) == ("2024年示例县政务公开工作要点", 2024)
    assert meta.recipients == ["各乡镇人民政府", "各街道办事处", "县政府各部门"]  # wrapped over two lines
    first, second = tasks_of(result.doc.plan)
    assert (first.title, first.lead, first.support) == ("做好财政信息公开", ["县财政局"], ["县直各部门"])
    assert first.text == "按规定时限公开预算和决算。"
    assert (second.text, second.lead) == ("按月更新项目进展。", ["县发改委"])
    assert result.warnings == []


def test_a_unit_marked_as_lead_in_a_responsible_line(host) -> None:
    body = """一、重点领域及责任单位
（一）财政预决算。包括预算、决算和“三公”经费。
责任单位：县财政局（牵头）、县直各部门、各乡镇。
"""
    (task,) = tasks_of(imported(body, host=host).doc.plan)
    assert (task.lead, task.support) == (["县财政局"], ["县直各部门", "各乡镇"])


def test_flattened_table_whose_task_cells_have_no_marker(host) -> None:
    text = """序号
工作任务
具体要求
责任单位
时限要求
一、做好重点领域公开
做好财政信息公开
1
公开部门预算。
县财政局
2023年4月底
2
公开部门决算。
县财政局
2023年8月底
做好项目信息公开
3
公开项目审批结果。
县发改委
持续推进
"""
    plan = import_text(text, host=host).doc.plan
    assert [(t.title, len(t.items)) for t in tasks_of(plan)] == [("做好财政信息公开", 2), ("做好项目信息公开", 1)]
    assert tasks_of(plan)[1].items[0].deadline == "持续推进"


def test_table_copied_as_tab_separated_rows(host) -> None:
    text = ("示例区2024年政务公开重点任务分工\n序号\t工作任务\t责任科室\t完成时限\n一、主动公开\n"
            "1\t公开部门预算。\t财务科\t2024年3月底\n2\t公开执法结果。\t执法科、法规科\t持续推进\n"
            "二、回应关切\n3\t办理网民留言。\t办公室\t收到留言后5个工作日内\n抄送：区委办公室。\n")
    plan = import_text(text, host=host).doc.plan
    assert [p.title for p in plan.points] == ["主动公开", "回应关切"]
    assert [(t.title, t.lead, t.deadline) for t in tasks_of(plan)] == [
        ("公开部门预算", ["财务科"], "2024年3月底"), ("公开执法结果", ["执法科", "法规科"], "持续推进"),
        ("办理网民留言", ["办公室"], "收到留言后5个工作日内")]
    assert plan.meta.cc == ["区委办公室"]


def test_jinan_label_followed_by_lead_and_support_verbs(host) -> None:
    body = """一、做好公开
（一）公开预算。发布部门预算。（责任单位：县财政局牵头，县直各部门配合）
（二）公开决算。发布部门决算。（责任单位：县财政局，县直各部门）
"""
    first, second = tasks_of(imported(body, host=host, style="jinan").doc.plan)
    assert (first.lead, first.support) == (["县财政局"], ["县直各部门"])
    assert (second.lead, second.support) == (["县财政局", "县直各部门"], [])
