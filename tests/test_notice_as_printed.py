"""The notice around a plan, printed again as the office printed it (issue 11, re-export recall).

Three classes of notice whose frame an export could not rebuild from the plain fields:
- a notice forwarded by another office (转发): a district or a city publishes a higher
  office's notice under its own short letter (主送, 现将《…的通知》转发给你们…, signature,
  date). The notice forwarded is the plan's; the letter is kept apart, printed again over
  the notice, kept through a save and through the roll-over;
- a notice title that is not 发文机关关于印发{title}的通知 (traditional script, two plans, a
  page heading worded otherwise): kept as printed;
- a 文号 printed under the title, as most web pages do: the plain text prints it there.
Every notice here is written for these tests, in the shape such pages have.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from planwright.exporting import notice_text
from planwright.importing import import_text
from planwright.plan import store
from planwright.plan.rollover import roll_over
from planwright.rules.engine import run

# The county's notice and its plan, as the county printed them.
COUNTY = """某某县人民政府办公室关于印发2023年某某县政务公开工作要点的通知
各乡镇人民政府，县直各部门：
《2023年某某县政务公开工作要点》已经县政府同意，现印发给你们，请抓好落实。
某某县人民政府办公室
2023年4月12日
2023年某某县政务公开工作要点
今年的政务公开围绕县里的中心工作展开。
一、做好重点领域公开
（一）公开财政预决算。按时在网站公开预决算报表。（责任单位：县财政局）
（二）公开重大项目进展。每季度更新项目进度。（责任单位：县发展改革局）
"""

# A town's letter over it: signed and dated.
SIGNED = """各村（居）委会，镇属各单位：
为把2023年的公开工作落到实处，现将《某某县人民政府办公室关于印发2023年某某县政务公开工作要点的通知》（某政办〔2023〕8号）转发给你们。
各单位要对照分工抓好落实，年底前报送进展。
某某镇人民政府
2023年4月20日
"""

# A letter copied from a PDF: lines broken at the page width, no signature under it.
WRAPPED = """各社区，街道各部门：
为做好今年的公开工作，现将《某某县人民政府办公室关于印发2023年某
某县政务公开工作要点的通知》转发给你们，请认真贯彻落实。
"""


def plan_of(text: str, host):
    return import_text(text, host=host).doc.plan


def test_the_forwarding_letter_is_kept_apart_from_the_notice(host) -> None:
    meta = plan_of(SIGNED + COUNTY, host).meta
    assert meta.forward_recipients == ["各村（居）委会", "镇属各单位"]
    assert meta.forward_letter.splitlines() == [
        "为把2023年的公开工作落到实处，现将《某某县人民政府办公室关于印发2023年某某县政务公开工作要点的通知》"
        "（某政办〔2023〕8号）转发给你们。",
        "各单位要对照分工抓好落实，年底前报送进展。"]
    assert (meta.forward_issuer, meta.forward_date) == ("某某镇人民政府", "2023-04-20")
    # the notice forwarded is still the plan's own: its issuer, date, 主送 and letter
    assert (meta.issuer, meta.date, meta.recipients) == ("某某县人民政府办公室", "2023-04-12", ["各乡镇人民政府", "县直各部门"])
    assert meta.letter.startswith("《{title}》已经县政府同意")
    assert meta.doc_number == "某政办〔2023〕8号"  # printed only in the forwarding letter


def test_a_letter_wrapped_over_lines_is_one_paragraph_and_nothing_is_left_unplaced(host) -> None:
    result = import_text(WRAPPED + COUNTY, host=host)
    meta = result.doc.plan.meta
    assert meta.forward_recipients == ["各社区", "街道各部门"]
    assert meta.forward_letter == ("为做好今年的公开工作，现将《某某县人民政府办公室关于印发2023年某某县政务公开工作要点的通知》"
                                   "转发给你们，请认真贯彻落实。")
    assert (meta.forward_issuer, meta.forward_date) == ("", "")
    assert not any("未能归类" in w for w in result.warnings)
    assert "转发：这是另一机关转发的通知；转发通知（主送、正文）另存为 forward_*，导出时印在所转发的通知之前" \
        in result.report_lines()


def test_a_forwarding_letter_under_its_own_title_and_number(host) -> None:
    """关于转发《…的通知》的通知 heads the page: it is the forwarding office's title, and the 文号
    under it that office's; the notice forwarded keeps its own title, 主送 and signature."""
    head = ("某某镇人民政府关于转发《某某县人民政府办公室关于印发2023年某某县政务公开工作要点的通知》的通知\n"
            "某镇发〔2023〕3号\n")
    result = import_text(head + SIGNED + COUNTY, host=host)
    meta = result.doc.plan.meta
    assert meta.forward_title == head.splitlines()[0] and meta.forward_doc_number == "某镇发〔2023〕3号"
    assert (meta.title, meta.issuer, meta.date) == ("2023年某某县政务公开工作要点", "某某县人民政府办公室", "2023-04-12")
    assert meta.doc_number == "某政办〔2023〕8号" and meta.forward_issuer == "某某镇人民政府"
    assert [p.title for p in result.doc.plan.points] == ["做好重点领域公开"]
    assert result.warnings == []
    assert any(line.startswith("转发：这是某某镇人民政府转发的通知；转发通知（文号、标题、主送、正文、落款、日期）")
               for line in result.report_lines())
    lines = [line.strip() for line in notice_text(result.doc.plan, host).splitlines() if line.strip()]
    assert lines[:3] == ["某镇发〔2023〕3号", head.splitlines()[0], "各村（居）委会，镇属各单位："]
    roll_over(result.doc.plan, 2024)
    assert meta.forward_doc_number == "" and "2024年某某县" in meta.forward_title


def test_a_notice_of_its_own_has_no_forwarding_letter(host) -> None:
    meta = plan_of(COUNTY, host).meta
    assert (meta.forward_recipients, meta.forward_letter, meta.forward_issuer) == ([], "", "")


def test_a_letter_above_the_title_that_forwards_nothing_is_not_taken_for_one(host) -> None:
    """Lines over a notice that only look like a 主送 and a letter (no 转发): not a forwarding."""
    for above in ("各位读者：\n本栏目发布本县的规范性文件，请关注。\n",
                  "县政府办公室各科室：\n欢迎转发本页，转发请注明出处。\n"):  # 转发 naming no document
        meta = plan_of(above + COUNTY, host).meta
        assert meta.forward_letter == "" and meta.forward_recipients == []


def test_the_export_prints_the_forwarding_letter_over_the_notice(host) -> None:
    text = notice_text(plan_of(SIGNED + COUNTY, host), host)
    lines = [line.strip("\u3000 ") for line in text.splitlines() if line.strip()]
    assert lines[:6] == ["各村（居）委会，镇属各单位：",
                         "为把2023年的公开工作落到实处，现将《某某县人民政府办公室关于印发2023年某某县政务公开工作要点的通知》"
                         "（某政办〔2023〕8号）转发给你们。",
                         "各单位要对照分工抓好落实，年底前报送进展。",
                         "某某镇人民政府", "2023年4月20日", "某政办〔2023〕8号"]
    assert lines[6] == "某某县人民政府办公室关于印发2023年某某县政务公开工作要点的通知"


def test_the_forwarding_letter_survives_a_save_and_a_roll_over(host, tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    store.save(import_text(SIGNED + COUNTY, host=host).doc, path)
    plan = store.load(path).plan
    assert plan.meta.forward_issuer == "某某镇人民政府" and plan.meta.forward_date == "2023-04-20"
    assert "forward_date = 2023-04-20\n" in path.read_text("utf-8")  # a TOML date, like date
    notes = roll_over(plan, 2024)
    assert plan.meta.forward_recipients == ["各村（居）委会", "镇属各单位"]
    assert plan.meta.forward_letter.startswith("为把2024年的公开工作落到实处")
    assert plan.meta.forward_issuer == "某某镇人民政府" and plan.meta.forward_date == ""
    assert any(n.field == "forward_letter" for n in notes)  # the moved year is pointed out


# -- the notice's own title, when an export could not build it from issuer and plan title --------


def test_a_title_in_traditional_script_is_printed_as_it_was(host) -> None:
    notice = (COUNTY.replace("某某县人民政府办公室关于印发2023年某某县政务公开工作要点的通知",
                             "某某縣人民政府辦公室關於印發2023年某某縣政務公開工作要點的通知")
              .replace("2023年某某县政务公开工作要点", "2023年某某縣政務公開工作要點"))
    plan = plan_of(notice, host)
    assert plan.meta.notice_title == "某某縣人民政府辦公室關於印發{title}的通知"
    assert "某某縣人民政府辦公室關於印發2023年某某縣政務公開工作要點的通知" in notice_text(plan, host)


def test_a_title_that_sends_two_plans_is_kept_and_follows_the_new_year(host) -> None:
    notice = COUNTY.replace("关于印发2023年某某县政务公开工作要点的通知",
                            "关于印发《2023年某某县政务服务工作要点》和《2023年某某县政务公开工作要点》的通知", 1)
    plan = plan_of(notice, host)
    assert plan.meta.notice_title == \
        "某某县人民政府办公室关于印发《2023年某某县政务服务工作要点》和《{title}》的通知"
    roll_over(plan, 2024)
    assert notice_text(plan, host).count(
        "某某县人民政府办公室关于印发《2024年某某县政务服务工作要点》和《2024年某某县政务公开工作要点》的通知") == 1


def test_a_plain_title_needs_no_wording_of_its_own(host) -> None:
    assert plan_of(COUNTY, host).meta.notice_title == ""


def test_a_page_heading_without_the_issuer_over_the_notices_own_title(host) -> None:
    """The page's heading drops the issuer; the notice's own title, over two lines, names it."""
    page = ("关于印发2023年某某县政务公开工作要点的通知\n2023-04-13 09:12\n某某县人民政府办公室\n"
            + COUNTY.replace("某某县人民政府办公室关于", "关于", 1))
    result = import_text(page, host=host)
    meta = result.doc.plan.meta
    assert meta.notice_title == "" and meta.issuer == "某某县人民政府办公室"
    assert not any("某某县人民政府办公室" in w and "未能归类" in w for w in result.warnings)


def test_a_title_naming_the_plan_otherwise_moves_to_the_new_year_and_the_checker_names_it(host) -> None:
    """The notice calls the plan 2023年政务公开工作要点, its heading 2023年某某县…: the title is kept word
    for word, so it follows a roll-over's year but not an edit of the plan title, and the checker says so."""
    notice = COUNTY.replace("关于印发2023年某某县政务公开工作要点的通知", "关于印发2023年政务公开工作要点的通知", 1)
    plan = plan_of(notice, host)
    assert plan.meta.notice_title == "某某县人民政府办公室关于印发2023年政务公开工作要点的通知"
    finding = next(f for f in run(plan, host) if f.rule == "PW-LETTER-002")
    assert finding.severity == "info" and finding.field == "notice_title"
    assert "“某某县人民政府办公室关于印发2023年政务公开工作要点的通知”" in finding.message
    assert "没有计划标题“2023年某某县政务公开工作要点”" in finding.message and "{title}" in finding.message

    roll_over(plan, 2024)
    assert "某某县人民政府办公室关于印发2024年政务公开工作要点的通知" in notice_text(plan, host)
    plan.meta.notice_title = plan.meta.notice_title.replace("2024年政务公开工作要点", "{title}")
    assert not [f for f in run(plan, host) if f.rule == "PW-LETTER-002"]  # now it names the plan by its title
    plan.meta.title = "2024年某某县政务公开和政务服务工作要点"
    assert "某某县人民政府办公室关于印发2024年某某县政务公开和政务服务工作要点的通知" in notice_text(plan, host)


def test_a_built_or_title_naming_notice_title_raises_nothing(host) -> None:
    for notice in (COUNTY, COUNTY.replace("关于印发2023年某某县政务公开工作要点的通知",
                                          "关于印发《2023年某某县政务服务工作要点》和《2023年某某县政务公开工作要点》的通知", 1)):
        assert not [f for f in run(plan_of(notice, host), host) if f.rule == "PW-LETTER-002"]


# -- where the page printed the 文号 ------------------------------------------------------------


def test_a_number_printed_under_the_title_is_printed_there_again(host) -> None:
    notice = COUNTY.replace("的通知\n", "的通知\n某政办发〔2023〕8号\n", 1)
    plan = plan_of(notice, host)
    assert (plan.meta.doc_number, plan.meta.doc_number_at) == ("某政办发〔2023〕8号", "below")
    lines = [line.strip() for line in notice_text(plan, host).splitlines() if line.strip()]
    assert lines[:2] == ["某某县人民政府办公室关于印发2023年某某县政务公开工作要点的通知", "某政办发〔2023〕8号"]


def test_a_number_printed_over_the_title_stays_over_it(host) -> None:
    plan = plan_of("某政办发〔2023〕8号\n" + COUNTY, host)
    assert (plan.meta.doc_number, plan.meta.doc_number_at) == ("某政办发〔2023〕8号", "")
    lines = [line.strip() for line in notice_text(plan, host).splitlines() if line.strip()]
    assert lines[:2] == ["某政办发〔2023〕8号", "某某县人民政府办公室关于印发2023年某某县政务公开工作要点的通知"]


def test_a_number_taken_from_a_forwarding_letter_is_not_said_to_be_under_the_title(host) -> None:
    assert plan_of(SIGNED + COUNTY, host).meta.doc_number_at == ""


def test_the_place_of_the_number_is_checked_when_a_plan_is_read(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text('schema = "planwright/1"\n[plan]\ntitle = "2023年要点"\nyear = 2023\n'
                    'doc_number_at = "left"\n', "utf-8")
    with pytest.raises(store.PlanFileError) as caught:
        store.load(path)
    assert "doc_number_at" in str(caught.value) and "below" in str(caught.value)
