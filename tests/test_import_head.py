"""The notice's header and fields on pages of any office (issue 11, classes 1, 2, 5, 8, 9, 10).

Every notice here is written for these tests in the shape real pages have; none is
copied from the corpus. Each test names the class of page it stands for.
"""

from __future__ import annotations

import pytest

from planwright.importing import import_text

# A county notice that sends its plan, the plan printed below it: the plain shape.
LETTER = """某某县人民政府办公室关于印发2023年某某县政务公开工作要点的通知
各乡镇人民政府，县直各部门：
《2023年某某县政务公开工作要点》已经县政府同意，现印发给你们，请抓好落实。
某某县人民政府办公室
2023年4月12日
（此件公开发布）
"""
PLAN = """2023年某某县政务公开工作要点
今年的政务公开围绕县里的中心工作展开。
一、做好重点领域公开
（一）公开财政预决算。按时在网站公开预决算报表。（责任单位：县财政局）
（二）公开重大项目进展。每季度更新项目进度。（责任单位：县发展改革局）
二、强化平台建设
（一）维护政府网站。及时更新栏目内容。（责任单位：县政府办公室）
"""


def imported(text: str, host):
    return import_text(text, host=host)


def meta_of(text: str, host):
    return imported(text, host).doc.plan.meta


def test_plain_notice_reads_every_field(host) -> None:
    meta = meta_of(LETTER + PLAN, host)
    assert (meta.title, meta.issuer, meta.date, meta.year) == (
        "2023年某某县政务公开工作要点", "某某县人民政府办公室", "2023-04-12", 2023)
    assert meta.recipients == ["各乡镇人民政府", "县直各部门"]


# -- class 2: page furniture --------------------------------------------------------------


def test_index_block_with_spread_labels_stays_out_of_the_fields(host) -> None:
    """Labels printed with spaces inside them (索 引 号, 名  称), several to a line."""
    page = ("索 引 号: 11223344/2023-00012 分类: 综合政务\n"
            "发布机构: 县政府办公室 发文日期: 2023年04月12日\n"
            "名  称: 某某县人民政府办公室关于印发2023年某某县政务公开工作要点的通知\n"
            "文  号: 某政办函〔2023〕7号 主 题 词:\n")
    meta = meta_of(page + LETTER + PLAN, host)
    assert meta.issuer == "某某县人民政府办公室"
    assert meta.recipients == ["各乡镇人民政府", "县直各部门"]
    assert meta.doc_number == "某政办函〔2023〕7号"  # the block's only 文号 is used


def test_index_block_with_labels_on_their_own_lines(host) -> None:
    """Each label alone on a line and its value on the next: both go, the values are read."""
    page = "索引号\n556677/2023-0099\n发布机关\n某某县政府\n成文日期\n2023-04-12\n发文字号\n某政办发〔2023〕5号\n"
    result = imported(page + LETTER + PLAN, host)
    meta = result.doc.plan.meta
    assert meta.doc_number == "某政办发〔2023〕5号"
    assert meta.issuer == "某某县人民政府办公室"
    text = str(meta) + " ".join(p.title for p in result.doc.plan.points)
    assert "556677" not in text and "发布机关" not in text


def test_index_block_without_colons(host) -> None:
    """索引号 X 信息分类 Y / 名称 文号+标题: labels set off by spaces only."""
    page = ("索引号 000111/2023-0001 信息分类 县府办文件\n"
            "文号 成文日期 2023-04-12\n"
            "名称 某政办函〔2023〕9号某某县人民政府办公室关于印发2023年某某县政务公开工作要点的通知\n")
    meta = meta_of(page + LETTER + PLAN, host)
    assert meta.issuer == "某某县人民政府办公室"
    assert "〔" not in meta.issuer


def test_byline_with_a_date_does_not_beat_the_signature(host) -> None:
    page = "来源：某某县融媒体中心 2023年04月14日\n2023-04-14 09:30 来源: 某某县人民政府网站\n05.14 \n"
    meta = meta_of(page + LETTER + PLAN, host)
    assert meta.issuer == "某某县人民政府办公室"
    assert meta.date == "2023-04-12"


# -- class 9: spam and mirror damage in fields --------------------------------------------


def test_pinyin_ruby_is_removed_from_every_field(host) -> None:
    text = (LETTER + PLAN).replace("某某县人民", "某某县(xiàn)人民").replace("政务公开工作要点》", "政务公(gōng)开工作要点》")
    meta = meta_of(text, host)
    assert meta.issuer == "某某县人民政府办公室"
    assert meta.title == "2023年某某县政务公开工作要点"


def test_question_marks_padding_a_date_and_html_leftovers_are_removed(host) -> None:
    text = (LETTER + PLAN).replace("2023年4月12日", "2023年4月12日????").replace(
        "请抓好落实。", "请抓好落实。/p>")
    meta = meta_of(text, host)
    assert meta.date == "2023-04-12"


def test_at_signs_between_characters_are_mirror_debris(host) -> None:
    text = (LETTER + PLAN).replace("（一）公开财政预决算", "（一）公开@@财政@@预决算")
    plan = imported(text, host).doc.plan
    assert plan.points[0].tasks[0].title == "公开财政预决算"


def test_a_line_of_mojibake_is_reported_not_read_as_a_heading(host) -> None:
    text = (LETTER + PLAN).replace("二、强化平台建设\n", "二、强化平台建设\n??????锟斤??????\n")
    result = imported(text, host)
    titles = [t.title for p in result.doc.plan.points for t in p.tasks]
    assert not any("?" in t for t in titles)
    assert any("乱码" in w for w in result.warnings)


def test_latin_brand_glued_to_a_colon_is_spam(host) -> None:
    text = (LETTER + PLAN).replace("2023年某某县政务公开工作要点", "2023年xbet体育:政务公开工作要点")
    meta = meta_of(text, host)
    assert meta.title == "2023年政务公开工作要点"


def test_a_url_line_and_a_stamp_line_are_page_furniture(host) -> None:
    result = imported("EN\nhttps://www.example.gov.cn/\n2023\n04/14\n09:30\n" + LETTER + PLAN, host)
    assert result.doc.plan.meta.issuer == "某某县人民政府办公室"
    assert not any("www" in w or "09:30" in w for w in result.warnings)


# -- class 10: a signature spread over spaces ---------------------------------------------


def test_signature_spread_over_spaces_is_one_issuer(host) -> None:
    text = LETTER.replace("某某县人民政府办公室\n2023年4月12日",
                          "某某县政府信息 与 政务公开 领导小组 办公室\n2023年4月12日") + PLAN
    assert meta_of(text, host).issuer == "某某县政府信息与政务公开领导小组办公室"


@pytest.mark.parametrize("gap", [" ", "\u3000", "  "])
def test_signature_and_date_on_one_line_with_gaps(host, gap: str) -> None:
    text = LETTER.replace("某某县人民政府办公室\n2023年4月12日", f"某某县人民{gap}政府办公室{gap}2023年4月12日") + PLAN
    meta = meta_of(text, host)
    assert (meta.issuer, meta.date) == ("某某县人民政府办公室", "2023-04-12")


# -- class 1: which title ---------------------------------------------------------------


def test_a_cited_notice_is_never_the_title(host) -> None:
    """The letter cites a higher office's notice before naming the plan it sends."""
    letter = LETTER.replace(
        "《2023年某某县政务公开工作要点》已经县政府同意，现印发给你们",
        "为落实《某某市人民政府办公室关于印发2023年全市政务公开工作要点的通知》（某政办发〔2023〕2号），"
        "现将《2023年某某县政务公开工作要点》印发给你们")
    plan = PLAN.replace("2023年某某县政务公开工作要点\n", "")  # the plan's own heading is not printed
    meta = meta_of(letter + plan, host)
    assert meta.title == "2023年某某县政务公开工作要点"


def test_the_sent_name_beats_the_notice_title(host) -> None:
    """现将X印发 without brackets names the plan; the notice title speaks of it otherwise."""
    letter = LETTER.replace("《2023年某某县政务公开工作要点》已经县政府同意，现印发给你们",
                            "经县政府同意，现将2023年某某县政务公开重点任务分工印发给你们")
    plan = PLAN.replace("2023年某某县政务公开工作要点\n", "")
    assert meta_of(letter + plan, host).title == "2023年某某县政务公开重点任务分工"


def test_a_preamble_citing_a_notice_gives_no_title(host) -> None:
    """A plan printed alone, its purpose sentence citing a notice: no title rather than the cited one."""
    text = ("为落实《某某省人民政府办公厅关于印发政务公开工作要点的通知》，结合本镇实际，制定本方案。\n"
            "一、健全工作机制\n明确专人负责公开工作。\n二、做好主动公开\n及时发布政策文件。\n")
    result = imported(text, host)
    assert result.doc.plan.meta.title == ""
    assert any("title" in w for w in result.warnings)


def test_of_two_title_lines_the_one_over_the_plan_wins(host) -> None:
    """A sharing site's file name above the plan's own heading."""
    text = "某某市政务公开工作要点实施方案\n某某市2023年政务公开工作要点实施方案\n" + PLAN.split("\n", 1)[1]
    meta = meta_of(text, host)
    assert (meta.title, meta.year) == ("某某市2023年政务公开工作要点实施方案", 2023)


@pytest.mark.parametrize("head", [
    "《某某县人民政府办公室关于印发2023年某某县政务公开工作要点的通知》",
    "某政办发〔2023〕3号《某某县人民政府办公室关于印发2023年某某县政务公开工作要点的通知》\n"
    "《某某县人民政府办公室关于印发2023年某某县政务公开工作要点的通知》\n某政办发〔2023〕3号",
])
def test_a_notice_title_a_reposting_page_wraps_in_book_marks(host, head: str) -> None:
    text = LETTER.replace("某某县人民政府办公室关于印发2023年某某县政务公开工作要点的通知", head, 1) + PLAN
    result = imported(text, host)
    meta = result.doc.plan.meta
    assert (meta.issuer, meta.title) == ("某某县人民政府办公室", "2023年某某县政务公开工作要点")
    assert meta.doc_number == ("某政办发〔2023〕3号" if "号" in head else "")
    assert not any("未能归类" in w for w in result.warnings)


def test_a_contact_line_is_not_a_title(host) -> None:
    text = "（联系电话：0000-12345678）\n" + PLAN.split("\n", 1)[1]
    assert "电话" not in meta_of(text, host).title


def test_multi_year_task_division_title(host) -> None:
    text = "某某区政务公开三年行动任务分工（2023—2025年）\n" + PLAN.split("\n", 1)[1]
    meta = meta_of(text, host)
    assert (meta.title, meta.year, meta.end_year) == ("某某区政务公开三年行动任务分工（2023—2025年）", 2023, 2025)


def test_a_number_outside_1990_2100_is_never_a_year(host) -> None:
    text = PLAN.replace("2023年某某县政务公开工作要点", "第531年某某县政务公开工作要点")
    result = imported(text, host)
    assert result.doc.plan.meta.year == 0
    assert any("year" in w for w in result.warnings)


# -- class 8: 文号 on the title line ------------------------------------------------------


@pytest.mark.parametrize("line", [
    "某政办发〔2023〕3号 某某县人民政府办公室关于印发2023年某某县政务公开工作要点的通知",
    "某政办发〔2023〕3号某某县人民政府办公室关于印发2023年某某县政务公开工作要点的通知",
    "某某县人民政府办公室关于印发2023年某某县政务公开工作要点的通知（某政办发〔2023〕3号）",
])
def test_doc_number_on_the_title_line(host, line: str) -> None:
    text = LETTER.replace("某某县人民政府办公室关于印发2023年某某县政务公开工作要点的通知", line) + PLAN
    meta = meta_of(text, host)
    assert (meta.doc_number, meta.issuer) == ("某政办发〔2023〕3号", "某某县人民政府办公室")


# -- never silently wrong: values failing their own check ---------------------------------


def test_a_mangled_doc_number_is_left_empty_with_a_note(host) -> None:
    text = LETTER.replace("各乡镇人民政府", "某政办发〔20233\n各乡镇人民政府", 1) + PLAN
    result = imported(text, host)
    assert result.doc.plan.meta.doc_number == ""
    assert any("某政办发〔20233" in w and "doc_number" in w for w in result.warnings)


@pytest.mark.parametrize("printed, read", [("2023412", "2023-04-12"), ("20230412", "2023-04-12"),
                                            ("2023111", "")])  # 2023111: 1月11日 or 11月1日
def test_a_date_that_lost_its_year_month_day_is_read_only_when_unambiguous(host, printed, read) -> None:
    result = imported(LETTER.replace("2023年4月12日", printed) + PLAN, host)
    assert str(result.doc.plan.meta.date or "") == read
    assert result.doc.plan.meta.issuer == "某某县人民政府办公室"
    assert any(printed in w and "date" in w for w in result.warnings) == bool(read)


def test_recipients_holding_a_web_address_or_timestamp_are_left_out_with_a_note(host) -> None:
    text = LETTER.replace("各乡镇人民政府，县直各部门：",
                          "各乡镇人民政府，www.example.cn 2023-04-14 09:30，县直各部门：") + PLAN
    result = imported(text, host)
    assert result.doc.plan.meta.recipients == ["各乡镇人民政府", "县直各部门"]
    assert any("主送机关" in w for w in result.warnings)


# -- class 5: the notice only, its plan an attachment ------------------------------------

COVER_LETTER = """某某市人民政府办公室关于印发某某市2023年政务公开重点任务分工的通知
某政办函〔2023〕11号
各区人民政府，市政府各部门：
现将《某某市2023年政务公开重点任务分工》印发给你们，并提出如下要求：
一、提高认识。各单位要把公开工作摆上重要位置。
二、压实责任。牵头单位要抓好统筹，配合单位要主动跟进。
三、加强督查。市政府办公室将适时通报落实情况。
某某市人民政府办公室
2023年5月8日
"""


def test_a_cover_letter_is_imported_as_the_notice_not_as_points(host) -> None:
    result = imported(COVER_LETTER, host)
    plan = result.doc.plan
    assert plan.points == []  # the letter's 一、二、三 are not the plan
    assert (plan.meta.title, plan.meta.issuer, plan.meta.doc_number, plan.meta.date) == (
        "某某市2023年政务公开重点任务分工", "某某市人民政府办公室", "某政办函〔2023〕11号", "2023-05-08")
    assert any("《某某市2023年政务公开重点任务分工》不在文件中" in w for w in result.warnings)
    assert "压实责任" in plan.meta.letter  # the letter's own text is kept as the letter


def test_a_cover_letter_cut_before_its_signature(host) -> None:
    text = COVER_LETTER.split("某某市人民政府办公室\n2023年5月8日")[0]
    result = imported(text, host)
    assert result.doc.plan.points == []
    assert any("不在文件中" in w for w in result.warnings)


def test_a_letter_sending_a_plan_by_its_notice_title_only(host) -> None:
    """关于印发X的通知 and a letter with no 《X》: the plan X is still the one not printed."""
    text = COVER_LETTER.replace("现将《某某市2023年政务公开重点任务分工》印发给你们，并提出如下要求：",
                                "为做好今年的公开工作，结合实际提出以下要求：")
    result = imported(text, host)
    assert result.doc.plan.points == [] and result.doc.plan.meta.title == "某某市2023年政务公开重点任务分工"


def test_a_signed_letter_followed_by_an_untitled_plan_keeps_the_plan(host) -> None:
    """The letter is signed before the outline starts: the outline is the plan, its title lost."""
    text = LETTER + PLAN.split("\n", 1)[1]
    plan = imported(text, host).doc.plan
    assert [p.title for p in plan.points] == ["做好重点领域公开", "强化平台建设"]


def test_a_plan_cut_before_its_outline_is_imported_with_a_note(host) -> None:
    text = LETTER + "2023年某某县政务公开工作要点\n今年的政务公开围绕县里的中心工作展开。\n"
    result = imported(text, host)
    assert result.doc.plan.meta.title == "2023年某某县政务公开工作要点"
    assert any("没有提纲" in w for w in result.warnings)


def test_a_cover_letter_without_a_signature_is_kept_whole_as_the_letter(host) -> None:
    text = COVER_LETTER.split("某某市人民政府办公室\n2023年5月8日")[0]
    letter = imported(text, host).doc.plan.meta.letter
    assert "提高认识" in letter and "加强督查" in letter


def test_a_recipients_line_that_lost_its_colon(host) -> None:
    text = COVER_LETTER.replace("各区人民政府，市政府各部门：", "各区人民政府、开发区管委会,市直各委、办、局(公司),市属各高等院校")
    meta = meta_of(text, host)
    assert meta.recipients == ["各区人民政府、开发区管委会", "市直各委、办、局(公司)", "市属各高等院校"]


def test_a_forwarded_notice_takes_its_number_from_the_forwarding_letter(host) -> None:
    """A district forwards the county's notice: the county notice prints no 文号, the letter does."""
    forward = ("各社区，街道各部门：\n现将《某某县人民政府办公室关于印发2023年某某县政务公开工作要点的通知》"
               "（某政办〔2023〕 8号）转发给你们，请认真贯彻落实。\n")
    meta = meta_of(forward + LETTER + PLAN, host)
    assert (meta.doc_number, meta.issuer) == ("某政办〔2023〕8号", "某某县人民政府办公室")


def test_a_unit_holding_a_timestamp_or_web_address_is_left_out_with_a_note(host) -> None:
    text = (LETTER + PLAN).replace("（责任单位：县财政局）", "（责任单位：县财政局，www.example.cn 2023-04-14 09:30）")
    result = imported(text, host)
    task = result.doc.plan.points[0].tasks[0]
    assert task.lead == ["县财政局"] and task.support == []
    assert any("责任单位" in w and "未填入" in w for w in result.warnings)
