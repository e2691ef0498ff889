"""The .xlsx and .docx exports read back with openpyxl and python-docx, as a program would."""

from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm
from openpyxl import load_workbook
from sample_plans import YEAR, jinan_plan, ningguo_plan

from planwright.exporting import export_plan, table_rows
from planwright.exporting.wording import display_width
from planwright.plan.model import Unit


def workbook(data: bytes):
    return load_workbook(io.BytesIO(data))


def document(data: bytes):
    return docx.Document(io.BytesIO(data))


# --- table-xlsx ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def table_book(host):
    return workbook(export_plan(ningguo_plan(), "table-xlsx", host))


def test_xlsx_header_rows_and_merges(table_book):
    ws = table_book.worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("序号", "工作任务", "具体要求", "责任单位", "时限要求")
    assert rows[1][0] == "一、进一步加强重点领域公开"  # a group row merged across the columns
    assert rows[2] == (1, "（一）做好规划信息公开", "公开国土空间规划和各类专项规划。", "发改委、自然资源局",
                       f"{YEAR}年10月底")
    assert rows[3][0] == 2 and rows[3][1] is None  # under the merged task cell
    assert rows[4] == (3, "（二）做好预算信息公开", "政府预算和决算按时公开。", "财政局", "在人代会召开后20日内")
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert merged == {"A2:E2", "B3:B4"}


def test_xlsx_widths_fit_chinese_and_cells_wrap(table_book):
    ws = table_book.worksheets[0]
    width = {c: ws.column_dimensions[c].width for c in "ABCDE"}
    # 责任单位: the widest cell is 9 wide characters = 18 columns; autofit would give ~10
    assert width["D"] >= display_width("发改委、自然资源局")
    assert width["E"] >= display_width("在人代会召开后20日内")
    assert width["C"] <= 62  # long requirements are capped and wrapped, not one endless line
    written = [cell for row in ws.iter_rows(min_row=1, max_row=5) for cell in row if cell.value is not None]
    assert all(cell.alignment.wrap_text for cell in written)
    # rows are tall enough for their wrapped lines
    assert ws.row_dimensions[3].height >= 15


def test_xlsx_frozen_header_and_print_setup(table_book):
    ws = table_book.worksheets[0]
    assert ws.freeze_panes == "A2"
    assert ws.print_title_rows.replace("$", "") == "1:1"
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    # one page wide (1 is the default, which the file may leave unwritten), as many pages tall as needed
    assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0
    assert f"{YEAR}年样例区政务公开重点工作任务分工" in ws.oddHeader.center.text


def test_xlsx_long_requirement_gets_a_tall_row(host):
    plan = ningguo_plan()
    plan.points[0].tasks[0].items[0].text = "公开规划文本并说明调整理由。" * 20
    ws = workbook(export_plan(plan, "table-xlsx", host)).worksheets[0]
    width = ws.column_dimensions["C"].width
    lines = display_width(plan.points[0].tasks[0].items[0].text) / width
    assert ws.row_dimensions[3].height >= 15 * lines * 0.9


# --- units ------------------------------------------------------------------------------


def test_units_summary_and_sheets(host):
    plan = jinan_plan()
    plan.units.append(Unit("区统计局/普查办"))
    plan.points[1].tasks[0].support = ["区统计局/普查办"]
    book = workbook(export_plan(plan, "units", host))
    assert book.sheetnames[0] == "汇总"
    summary = list(book["汇总"].iter_rows(values_only=True))
    assert summary[0][:6] == ("责任单位", "工作表", "牵头任务数", "配合任务数", "最早时限", "最早时限日期")
    by_unit = {row[0]: row for row in summary[1:]}
    finance = by_unit["区财政局"]
    assert finance[2:6] == (1, 0, f"{YEAR}年6月底", f"{YEAR}-06-30")
    odd = by_unit["区统计局/普查办"]
    assert odd[1] == "区统计局／普查办" and "替换" in odd[6]  # renamed, and the summary says why
    assert odd[1] in book.sheetnames
    sheet = book["区民政局"]
    assert sheet["A1"].value.startswith("责任单位：区民政局")
    assert [c.value for c in sheet[2]] == ["序号", "工作任务", "具体要求", "角色", "时限要求"]
    roles = [row[3] for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert roles == ["牵头", "牵头"]  # item 1 its own, item 2 under its task's lead
    assert sheet.freeze_panes == "A3" and sheet.print_title_rows.replace("$", "") == "2:2"
    streets = book["各街道办事处"]
    assert [row[3] for row in streets.iter_rows(min_row=3, values_only=True)] == ["配合"]


# --- notice-docx -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def notice_doc(host):
    data = export_plan(ningguo_plan(), "notice-docx", host)
    return document(data), data


def test_docx_page_setup(notice_doc):
    doc, data = notice_doc
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = [round(m.mm) for m in (section.top_margin, section.left_margin, section.right_margin,
                                     section.bottom_margin)]
    assert margins == [37, 28, 26, 35]  # 天头, 订口; 版心 156 × 225
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == "579"
    assert doc.settings.odd_and_even_pages_header_footer


def test_docx_every_run_names_its_east_asian_font(notice_doc):
    doc, _ = notice_doc
    runs = [r for p in doc.paragraphs for r in p.runs if r.text.strip()]
    runs += [r for t in doc.tables for row in t.rows for cell in row.cells for p in cell.paragraphs
             for r in p.runs if r.text.strip()]
    assert runs
    for r in runs:
        fonts = r._r.rPr.rFonts
        assert fonts.get(qn("w:eastAsia")), r.text


def font_of(run) -> str:
    return run._r.rPr.rFonts.get(qn("w:eastAsia"))


def test_docx_faces_and_sizes(notice_doc):
    doc, _ = notice_doc
    paras = {p.text: p for p in doc.paragraphs if p.text}
    title = next(p for t, p in paras.items() if t.replace("\n", "").endswith("的通知"))
    assert {font_of(r) for r in title.runs} == {"方正小标宋简体"}
    assert title.runs[0].font.size.pt == 22
    heading = paras["一、以规划为引领，加强重点领域公开"]
    assert font_of(heading.runs[0]) == "黑体"
    task = next(p for t, p in paras.items() if t.startswith("（一）做好规划信息公开"))
    assert font_of(task.runs[0]) == "楷体_GB2312" and task.runs[0].text == "（一）做好规划信息公开。"
    assert font_of(task.runs[1]) == "仿宋_GB2312" and task.runs[1].font.size.pt == 16
    assert task.paragraph_format.first_line_indent == Mm(0) or task._p.pPr.ind.get(qn("w:firstLineChars")) == "200"


def test_docx_fallback_fonts_named_in_the_font_table(notice_doc):
    _, data = notice_doc
    fonts = zipfile.ZipFile(io.BytesIO(data)).read("word/fontTable.xml").decode("utf-8")
    assert re.search(r'w:name="方正小标宋简体">\s*<w:altName w:val="宋体"/>', fonts)
    assert re.search(r'w:name="仿宋_GB2312">\s*<w:altName w:val="仿宋"/>', fonts)


def test_docx_page_numbers_outer_edge(notice_doc):
    doc, _ = notice_doc
    section = doc.sections[0]
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    for p, side in ((odd, "right"), (even, "left")):
        xml = p._p.xml
        assert "PAGE" in xml and p.text.startswith("— ") and p.text.endswith(" —")
        assert p._p.pPr.find(qn("w:jc")).get(qn("w:val")) == side
        assert {font_of(r) for r in p.runs} == {"宋体"} and p.runs[0].font.size.pt == 14


def test_docx_attachment_table_after_its_label(notice_doc):
    doc, _ = notice_doc
    body = doc.element.body
    label = next(p for p in doc.paragraphs if p.text == "附件")
    assert label._p.pPr.find(qn("w:pageBreakBefore")) is not None  # on its own pages
    table = doc.tables[0]
    assert body.index(table._tbl) > body.index(label._p)
    header = table.rows[0]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in header.cells] == ["序号", "工作任务", "具体要求", "责任单位", "时限要求"]
    assert table.rows[1].cells[0].text == "一、进一步加强重点领域公开"
    # the task cell is merged over its two rows
    assert table.rows[2].cells[1].text == table.rows[3].cells[1].text == "（一）做好规划信息公开"


def test_table_docx_holds_the_same_table(host):
    plan = ningguo_plan()
    doc = document(export_plan(plan, "table-docx", host))
    section = doc.sections[0]
    assert section.page_width > section.page_height  # landscape
    table = doc.tables[0]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    numbered = [r.cells[0].text for r in table.rows[1:] if r.cells[0].text.isdigit()]
    assert numbered == [str(r.seq) for r in table_rows(plan) if r.kind == "row"]
    texts = {c.text for r in table.rows for c in r.cells}
    assert "在人代会召开后20日内" in texts and "发改委、自然资源局" in texts


def test_docx_imprint_is_ruled_and_closes_the_document(host):
    doc = document(export_plan(jinan_plan(), "notice-docx", host))
    imprint = doc.tables[-1]
    assert doc.element.body.index(imprint._tbl) == len(doc.element.body) - 2  # last before sectPr
    texts = [row.cells[0].text for row in imprint.rows]
    assert texts[0] == "抄送：区委办公室，区人大常委会办公室。"
    assert texts[1] == f"样例区人民政府办公室\t{YEAR}年3月10日印发"
    borders = imprint._tbl.tblPr.find(qn("w:tblBorders"))
    sizes = {side: borders.find(qn(f"w:{side}")).get(qn("w:sz")) for side in ("top", "insideH", "bottom")}
    assert sizes == {"top": "8", "insideH": "6", "bottom": "8"}  # 0.35 mm, 0.25 mm, 0.35 mm (§7.4.1)
    assert borders.find(qn("w:left")).get(qn("w:val")) == "nil"


def test_docx_windows_fonts_by_the_plan_setting(host):
    plan = ningguo_plan()
    plan.meta.fonts = "windows"
    data = export_plan(plan, "notice-docx", host)
    doc = document(data)
    task = next(p for p in doc.paragraphs if p.text.startswith("（一）做好规划信息公开"))
    assert font_of(task.runs[0]) == "楷体" and font_of(task.runs[1]) == "仿宋"
    fonts = zipfile.ZipFile(io.BytesIO(data)).read("word/fontTable.xml").decode("utf-8")
    assert re.search(r'w:name="仿宋">\s*<w:altName w:val="FangSong"/>', fonts)
    assert "仿宋_GB2312" not in fonts and "楷体_GB2312" not in fonts


def test_docx_properties_come_from_the_plan(host):
    plan = jinan_plan()
    data = export_plan(plan, "notice-docx", host)
    props = document(data).core_properties
    assert props.author == plan.meta.issuer and props.language == "zh-CN"
    assert props.title == f"{plan.meta.issuer}关于印发{plan.meta.title}的通知"
    assert props.created.date().isoformat() == plan.meta.date
    settings = zipfile.ZipFile(io.BytesIO(data)).read("word/settings.xml").decode("utf-8")
    assert "ja-JP" not in settings and 'w:noLineBreaksBefore w:lang="zh-CN"' in settings
    core = zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml").decode("utf-8")
    assert "python-docx" not in core and "2013" not in core
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert "docProps/thumbnail.jpeg" not in names and "docProps/app.xml" not in names  # the template's


def test_docx_wraps_numbers_and_latin_words_whole(host):
    # w:wordWrap="0" would let Word break 2027 as 202 / 7 at a line's end
    styles = zipfile.ZipFile(io.BytesIO(export_plan(jinan_plan(), "notice-docx", host))).read("word/styles.xml")
    assert b"w:kinsoku" in styles and b"w:wordWrap" not in styles
