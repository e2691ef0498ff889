"""The office's wording is data: the 印发 letter and each attribution as printed.

The notices here are written for these tests in the shape of each style
(their sentences are the project's own); the seeds are read at run time.
"""

from __future__ import annotations

import textwrap

import pytest

from planwright.plan import store
from planwright.plan.model import Wording

PLAN = textwrap.dedent('''\
    schema = "planwright/1"

    [plan]
    title = "2027年示例区政务公开工作要点"
    style = "jinan"
    year = 2027
    letter = "经研究同意，现将《{title}》予以印发，请遵照执行。"

    [[points]]
    id = "p1"
    title = "做好重点领域公开"

    [[points.tasks]]
    id = "t1"
    title = "做好预算公开"
    text = "部门预算批复后按时公开。"
    lead = ["区财政局"]
    # the phrase as the notice printed it
    wording = { text = "（责任单位：区财政局等有关部门）", lead = ["区财政局"] }
    ''')


def test_wording_and_letter_load_and_save_unchanged():
    doc = store.loads(PLAN)
    task = doc.plan.points[0].tasks[0]
    assert task.wording == Wording("（责任单位：区财政局等有关部门）", ["区财政局"])
    assert doc.plan.meta.letter.startswith("经研究同意")
    assert store.dumps(doc) == PLAN


def test_an_edit_elsewhere_leaves_the_wording_line_alone_and_a_dropped_wording_goes():
    doc = store.loads(PLAN)
    task = doc.plan.points[0].tasks[0]
    task.title = "做好预算和决算公开"
    text = store.dumps(doc)
    assert 'wording = { text = "（责任单位：区财政局等有关部门）", lead = ["区财政局"] }' in text
    task.wording = None
    text = store.dumps(doc)
    assert "wording" not in text and "# the phrase as the notice printed it" in text
    assert store.loads(text).plan.points[0].tasks[0].wording is None


def test_a_file_without_wording_still_loads():
    lines = [line for line in PLAN.splitlines() if not line.startswith(("wording", "letter"))]
    doc = store.loads("\n".join(lines) + "\n")
    assert doc.plan.points[0].tasks[0].wording is None and doc.plan.meta.letter == ""


@pytest.mark.parametrize("bad, says", [
    ('wording = "（责任单位：区财政局）"', "wording"),
    ('wording = { text = "（区财政局）", lead = "区财政局" }', "lead"),
    ('wording = { text = "（区财政局）", place = 3 }', "place"),
])
def test_a_bad_wording_is_refused_with_its_line(bad, says):
    text = PLAN.replace('wording = { text = "（责任单位：区财政局等有关部门）", lead = ["区财政局"] }', bad)
    with pytest.raises(store.PlanFileError) as caught:
        store.loads(text, "plan.toml")
    assert says in caught.value.message and caught.value.line == text.splitlines().index(bad) + 1


# --- round trips: notices written for these tests in each style's shape ------------------

JINAN = """\
示例区人民政府办公室关于印发2027年示例区政务公开工作要点的通知

示政办字〔2027〕2号

各街道办事处，区政府各部门：
　　《2027年示例区政务公开工作要点》已经区政府研究同意，现印发给你们，请抓好落实。

示例区人民政府办公室
2027年3月2日
（此件公开发布）

2027年示例区政务公开工作要点

　　今年全区政务公开工作以服务群众办事为重点，以公开促落实。
　　一、围绕发展大局做好公开
　　（一）公开财政预算信息。各部门预算批复后二十日内在门户网站公开，说明增减原因。（责任单位：区财政局等有关部门，各街道办事处）
　　（二）公开重点项目进展。按季度更新项目清单和建设进度。（责任单位：区发展改革局和区住房城乡建设局）
　　二、完善公开平台
　　（一）办好门户网站。栏目内容按月检查更新，错链断链随查随改。（责任单位：区政府办公室）
　　（二）用好政务新媒体。重要政策同步推送图解和问答。（责任单位：区委宣传部、区政府办公室等有关部门）
"""

DALIAN = """\
示例市人民政府办公厅关于印发2027年政务公开工作要点的通知

示政办发〔2027〕9号

各区县人民政府，市政府各委办局：
　　经市政府同意，现将《2027年政务公开工作要点》印发给你们，请结合实际，认真贯彻落实。

示例市人民政府办公厅
2027年4月6日

2027年政务公开工作要点

　　一、推进决策和执行公开
　　（一）推进重大决策公开。重要改革方案出台前公开征求意见，及时反馈采纳情况。（市司法局和市政府办公厅负责落实）
　　（二）推进督查结果公开。督查发现的问题和整改情况按季度公开。（市政府督查室牵头落实，各区县政府配合落实）审计查出问题的整改结果在网站专栏公布。（市审计局负责落实）
　　二、推进重点领域公开
　　（一）推进财政资金公开。惠民补贴资金的发放对象和标准在村务栏公示。（市财政局、市民政局分别负责落实）
"""

JIANGSHAN = """\
示例市人民政府办公室关于印发示例市政务公开提升三年行动计划（2027—2029）的通知

各乡镇人民政府、街道办事处，市级有关单位：
　　《示例市政务公开提升三年行动计划（2027—2029）》已经市政府同意，现印发给你们，请遵照执行。

示例市人民政府办公室
2027年5月8日
（此件公开发布）

示例市政务公开提升三年行动计划（2027—2029）

　　一、重点领域工作范围及责任单位
　　（一）义务教育。主要包括招生管理、学校概况和收费标准。
　　责任单位：市教育局、各乡镇（街道）。
　　（二）社会救助。主要包括低保、特困供养和临时救助。
　　责任单位：市民政局、各乡镇（街道）。
　　附件：市级有关单位名单

附件

市级有关单位名单

　　市教育局、市民政局、市财政局、市卫健局。
"""

NINGGUO = """\
示例市人民政府办公室关于印发示例市2027年政务公开工作要点的通知

各乡镇人民政府、街道办事处，市政府各部门：
　　经研究同意，现将《示例市2027年政务公开工作要点》予以印发，请遵照执行。

示例市人民政府办公室
2027年6月1日

示例市2027年政务公开工作要点

　　一、加强重点领域公开
　　（一）做好规划公开。主动公开各类规划。
　　附件：示例市2027年政务公开重点工作任务分工

附件

示例市2027年政务公开重点工作任务分工

序号\t工作任务\t具体要求\t责任单位\t时限要求
一、加强重点领域公开
\t（一）做好规划公开
1\t\t公开五年规划纲要和专项规划。\t发改委、自然资源局等\t2027年10月底
2\t\t公开规划中期评估报告。\t发改委\t2027年11月底
"""

NOTICES = {"jinan": JINAN, "dalian": DALIAN, "jiangshan": JIANGSHAN, "ningguo": NINGGUO}


def _lines(text: str) -> list[str]:
    """The text's lines without the indent and blank lines (web copies differ in both)."""
    return sorted(line.strip().replace("\u3000", "") for line in text.splitlines() if line.strip())


def _round_trip(notice: str, style: str, host):
    from planwright.exporting import notice_text
    from planwright.importing import import_text

    plan = import_text(notice, style=style, host=host).doc.plan
    return plan, notice_text(plan, host)


@pytest.mark.parametrize("style", sorted(NOTICES))
def test_an_imported_notice_exports_with_the_offices_own_words(style, host):
    plan, exported = _round_trip(NOTICES[style], style, host)
    # every line as printed, no line more: the letter, each attribution, the 主送, the table's cells
    assert _lines(exported) == _lines(NOTICES[style])


def test_an_attribution_printed_mid_paragraph_stays_in_its_paragraph(host):
    _, exported = _round_trip(DALIAN, "dalian", host)
    assert "（市政府督查室牵头落实，各区县政府配合落实）审计查出问题的整改结果在网站专栏公布。（市审计局负责落实）" \
        in exported.splitlines()[15]


def test_a_phrase_whose_units_were_edited_is_written_anew_and_only_that_one(host):
    from planwright.exporting import notice_text

    plan, before = _round_trip(JINAN, "jinan", host)
    task = plan.points[0].tasks[1]
    task.lead = ["区发展改革局"]  # the clerk drops 区住房城乡建设局
    after = notice_text(plan, host)
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert len(changed) == 1
    old, new = changed[0]
    assert old.endswith("（责任单位：区发展改革局和区住房城乡建设局）")
    assert new.endswith("按季度更新项目清单和建设进度。（责任单位：区发展改革局）")
    # the other phrases keep their 等有关部门
    assert "（责任单位：区财政局等有关部门，各街道办事处）" in after


def test_a_changed_deadline_takes_the_old_ones_place_in_the_phrase(host):
    from planwright.exporting import notice_text

    notice = JINAN.replace("（责任单位：区政府办公室）", "（责任单位：区政府办公室；完成时限：2027年6月底前）")
    plan, _ = _round_trip(notice, "jinan", host)
    task = plan.points[1].tasks[0]
    assert task.deadline == "2027年6月底前" and task.wording.deadline == "2027年6月底前"
    task.deadline = "2027年9月底前"
    assert "（责任单位：区政府办公室；完成时限：2027年9月底前）" in notice_text(plan, host)


def test_a_table_cell_keeps_its_words_in_the_task_table(host):
    from planwright.exporting import table_rows

    plan, _ = _round_trip(NINGGUO, "ningguo", host)
    cells = [row.units for row in table_rows(plan) if row.kind == "row"]
    assert cells == ["发改委、自然资源局等", "发改委"]
    plan.points[0].tasks[0].items[0].lead.append("财政局")
    assert [row.units for row in table_rows(plan) if row.kind == "row"][0] == "发改委、自然资源局、财政局"


# --- the seeds and the labelled corpus, read at run time ---------------------------------

def _sources():
    from corpus import SEEDS, SHARED

    found = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    for truth in sorted((SHARED / "corpus" / "truth").glob("*.json")):
        raw = SHARED / "corpus" / "raw" / f"{truth.stem}.txt"
        text = "".join(line for line in raw.read_text(encoding="utf-8").splitlines(keepends=True)
                       if not line.startswith(("# url:", "# issuer:", "# parts:")))
        found.append((truth.stem, text))
    return found


def test_no_exported_notice_claims_an_approval_its_original_did_not_state(host):
    import re

    from planwright.exporting.notice import build_notice, render_text
    from planwright.exporting.wording import layout_for
    from planwright.importing import ImportError_, import_text
    from planwright.zh.hanzi import simplify

    sources = _sources()
    if not sources:
        pytest.skip("../shared corpus not present")
    checked = 0
    for name, text in sources:
        try:
            plan = import_text(text, host=host, name=name).doc.plan
        except ImportError_:
            continue
        exported = render_text(build_notice(plan, layout_for(plan, host)))
        original = re.sub(r"\s", "", simplify(text))
        for claim in re.findall(r"经([^，,。；]{1,14}?)同意", exported):
            assert f"经{claim}" in original, (name, claim)
        checked += 1
    assert checked >= 15


# --- a new plan's letter: the style's sentence at the issuer's own level --------------------

@pytest.mark.parametrize("style, issuer, says, never", [
    ("jinan", "示例区人民政府办公室", "经区政府同意，现将《", "经市政府"),
    ("ningguo", "示例区人民政府办公室", "经区政府同意，现将《", "经市政府"),  # a city style used by a district
    ("ningguo", "示例县人民政府办公室", "经县政府同意，现将《", "经市政府"),
    ("jinan", "示例区政务公开领导小组办公室", "现将《", "同意"),  # a leading group claims no approval
    ("township", "示例镇人民政府", "现将《", "同意"),
])
def test_a_new_plans_letter_speaks_at_the_issuers_level(style, issuer, says, never, host):
    from planwright.exporting import notice_text
    from planwright.plan.newplan import from_template

    plan = from_template(style, 2027, host).doc.plan
    plan.meta.issuer = issuer
    assert plan.meta.letter == ""
    lines = notice_text(plan, host).splitlines()
    letter = lines[next(i for i, line in enumerate(lines) if line.endswith("：")) + 1]  # under the 主送
    assert says in letter and never not in letter, letter


def test_roll_over_keeps_the_letter_and_the_phrases(host):
    from planwright.exporting import notice_text
    from planwright.plan.rollover import roll_over

    notice = JINAN.replace("（责任单位：区政府办公室）", "（责任单位：区政府办公室；完成时限：2027年6月底前）")
    plan, _ = _round_trip(notice, "jinan", host)
    notes = roll_over(plan, 2028)
    exported = notice_text(plan, host)
    assert "《2028年示例区政务公开工作要点》已经区政府研究同意，现印发给你们，请抓好落实。" in exported
    assert "（责任单位：区财政局等有关部门，各街道办事处）" in exported
    assert "（责任单位：区政府办公室；完成时限：2028年6月底前）" in exported
    assert not [n for n in notes if n.field == "letter"]  # nothing in the letter to look at


# --- the small ones ---------------------------------------------------------------------------

FANGAN = """\
示例镇2027年政务公开工作实施方案

　　为做好今年全镇政务公开工作，制定本方案。
　　一、工作目标
　　（一）公开更及时。镇政府信息形成后按规定时限公开。
　　二、工作任务
　　（一）办好公开栏。各村公开栏每月更新一次。
　　（二）答好群众问。群众咨询当场答复，不能当场答复的限期答复。

示例镇人民政府
2027年2月10日
"""


def test_a_plan_that_was_never_a_notice_exports_without_a_letter_or_recipients(host):
    plan, exported = _round_trip(FANGAN, "township", host)
    assert plan.meta.letter == "" and plan.meta.recipients == []
    assert "印发" not in exported and "：" not in exported.splitlines()[0]
    assert exported.splitlines()[0] == "示例镇2027年政务公开工作实施方案"
    assert _lines(exported) == _lines(FANGAN)


def test_a_plan_whose_page_printed_no_title_exports_as_printed(planwright_process, tmp_path):
    # a township 方案 published under the web page's heading: no title of its own, no letter
    plan = tmp_path / "untitled.toml"
    plan.write_text('schema = "planwright/1"\n[plan]\nstyle = "township"\nyear = 2027\n'
                    'issuer = "示例镇人民政府"\ndate = 2027-02-10\n'
                    '[[points]]\ntitle = "工作目标"\ntext = "镇政府信息形成后按规定时限公开。"\n', encoding="utf-8")
    checked = planwright_process("check", plan)
    assert checked.returncode == 0 and "PW-TEXT-001" in checked.stdout and "警告" in checked.stdout
    out = tmp_path / "untitled.txt"
    run = planwright_process("export", plan, "--format", "notice-txt", "-o", out)
    assert run.returncode == 0, run.stderr
    lines = [line.strip() for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert lines == ["一、工作目标", "镇政府信息形成后按规定时限公开。", "示例镇人民政府", "2027年2月10日"]


def test_a_plan_with_nothing_to_print_is_refused_by_name(planwright_process, tmp_path):
    plan = tmp_path / "empty.toml"
    plan.write_text('schema = "planwright/1"\n[plan]\nstyle = "jinan"\nyear = 2027\n'
                    'issuer = "示例区人民政府办公室"\nrecipients = ["各街道办事处"]\n', encoding="utf-8")
    out = tmp_path / "empty.txt"
    run = planwright_process("export", plan, "--format", "notice-txt", "--allow-errors", "-o", out)
    assert run.returncode != 0 and not out.exists()
    assert str(plan) in run.stderr and "没有标题" in run.stderr and "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_an_empty_calendar_still_holds_a_component():
    from planwright.exporting.calendar import ics
    from planwright.plan.model import Plan, Point, Task

    plan = Plan(points=[Point(id="p1", title="要点", tasks=[Task(id="t1", title="任务", deadline="持续推进")])])
    lines = ics(plan).decode("utf-8").split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and "BEGIN:VEVENT" not in lines
    begins = [line for line in lines if line.startswith("BEGIN:") and line != "BEGIN:VCALENDAR"]
    assert begins and begins[0] in ("BEGIN:VTIMEZONE", "BEGIN:VTODO", "BEGIN:VJOURNAL")
    # every component is closed, in order
    stack = []
    for line in lines:
        if line.startswith("BEGIN:"):
            stack.append(line[6:])
        elif line.startswith("END:"):
            assert stack.pop() == line[4:]
    assert stack == []


def test_a_section_with_no_units_and_no_deadlines_is_no_row_of_the_table():
    from planwright.exporting import table_rows
    from planwright.plan.model import Plan, Point, Task

    general = Point(id="p1", title="总体要求", tasks=[Task(id="t1", title="指导思想", text="以服务群众为中心。"),
                                                    Task(id="t2", title="工作目标", text="年底前公开更规范。")])
    work = Point(id="p2", title="重点任务", tasks=[Task(id="t3", title="公开预算", lead=["区财政局"],
                                                       deadline="2027年6月底")])
    rows = table_rows(Plan(points=[general, work]))
    assert [row.kind for row in rows] == ["point", "row"]
    assert rows[0].point == "二、重点任务" and rows[1].seq == 1
    # a plan where nothing names units still lists its tasks
    assert len(table_rows(Plan(points=[general]))) == 3


def test_an_attachment_besides_the_table_is_kept_as_printed(host):
    plan, exported = _round_trip(JIANGSHAN, "jiangshan", host)
    assert [(a.title, a.text) for a in plan.attachments] == [("市级有关单位名单", "市教育局、市民政局、市财政局、市卫健局。")]
    from planwright.importing import import_text

    for doc in (store.new_document(plan), import_text(JIANGSHAN, style="jiangshan", host=host).doc):
        text = store.dumps(doc)  # a plan file written afresh (import) or through the editor's path
        assert '[[attachments]]\ntitle = "市级有关单位名单"' in text
        assert store.loads(text).plan.attachments == plan.attachments
    lines = exported.splitlines()
    assert lines.index("附件") < lines.index("市级有关单位名单") and lines[-1].endswith("市卫健局。")


def test_the_docx_and_markdown_notices_print_the_same_words(host):
    import io

    from docx import Document

    from planwright.exporting import export_plan

    plan, _ = _round_trip(DALIAN, "dalian", host)
    document = Document(io.BytesIO(export_plan(plan, "notice-docx", host)))
    paragraphs = [p.text for p in document.paragraphs]
    markdown = export_plan(plan, "md", host).decode("utf-8")
    for words in ("经市政府同意，现将《2027年政务公开工作要点》印发给你们，请结合实际，认真贯彻落实。",
                  "（市司法局和市政府办公厅负责落实）", "（市财政局、市民政局分别负责落实）"):
        assert any(words in p for p in paragraphs), words
        assert words in markdown, words


def test_the_letter_is_kept_when_the_date_under_it_is_garbled(host):
    notice = JINAN.replace("2027年3月2日", "202732").replace("《2027年示例区政务公开工作要点》已经", "2027年示例区政务公开工作要点》已经")
    plan, exported = _round_trip(notice, "jinan", host)
    assert plan.meta.letter == "《{title}》已经区政府研究同意，现印发给你们，请抓好落实。"
    assert "《2027年示例区政务公开工作要点》已经区政府研究同意，现印发给你们，请抓好落实。" in exported


def test_turning_a_task_into_an_item_keeps_its_phrase(host):
    from planwright.exporting import notice_text
    from planwright.plan import editing

    plan, _ = _round_trip(JINAN, "jinan", host)
    task = plan.points[0].tasks[1]
    editing.task_to_item(plan, task.id)
    item = plan.points[0].tasks[0].items[-1]
    assert item.wording is not None and item.wording.text == "（责任单位：区发展改革局和区住房城乡建设局）"
    assert "（责任单位：区发展改革局和区住房城乡建设局）" in notice_text(plan, host)


def test_a_phrase_printed_before_the_full_stop_stays_there(host):
    from planwright.exporting import notice_text

    notice = JINAN.replace("说明增减原因。（责任单位：区财政局等有关部门，各街道办事处）",
                           "说明增减原因（责任单位：区财政局等有关部门，各街道办事处）。")
    plan, exported = _round_trip(notice, "jinan", host)
    task = plan.points[0].tasks[0]
    assert task.text.endswith("说明增减原因。") and task.wording.at == len(task.text) - 1
    assert "说明增减原因（责任单位：区财政局等有关部门，各街道办事处）。" in exported
    task.lead = ["区财政局"]  # edited: written anew in the style's form, in the same place
    assert "说明增减原因（责任单位：区财政局）。" in notice_text(plan, host)


def test_check_points_out_a_letter_that_speaks_for_another_body_or_names_another_plan(host):
    from planwright.rules.engine import run

    plan, _ = _round_trip(DALIAN, "dalian", host)
    assert not [f for f in run(plan, host) if f.rule == "PW-LETTER-001"]
    plan.meta.issuer = "示例区人民政府办公室"  # the city's letter reused by a district office
    plan.meta.letter = "经市政府同意，现将《2027年示例区政务公开工作要点》印发给你们。"
    messages = [f.message for f in run(plan, host) if f.rule == "PW-LETTER-001"]
    assert any("经区政府同意" in m for m in messages)
    assert any("与计划标题" in m for m in messages)


def test_a_table_cell_printed_in_the_text_keeps_its_words_in_the_styles_brackets(host):
    from planwright.exporting import notice_text
    from planwright.plan.model import Point, Task

    plan, _ = _round_trip(NINGGUO, "ningguo", host)
    plan.meta.style = "jinan"  # the same plan printed with units in the text
    assert "公开五年规划纲要和专项规划。（责任单位：发改委、自然资源局等；完成时限：2027年10月底）" \
        in notice_text(plan, host)
    # a cell that says who does what keeps its words, in brackets
    plan.points.append(Point(id="p9", title="加强平台建设", tasks=[Task(
        id="t9", title="办好网站", text="网站栏目按月更新。", lead=["市政府办"],
        wording=Wording("市政府办牵头落实", ["市政府办"]))]))
    assert "网站栏目按月更新。（市政府办牵头落实）" in notice_text(plan, host)
