"""The notice and the task table as .docx in GB/T 9704-2012 layout.

Page (§5): A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm, so 26 mm right and 35 mm
bottom. 22 lines of 3号 仿宋 per page: an exact line of 579 twips (28.95 pt;
22 × 579 ≤ 225 mm, research §1.1) on a line grid of the same pitch. 28
characters per line: 28 × 16 pt is 448 pt against a 442 pt line, so body text
is condensed by 0.25 pt per character (28 × 15.75 = 441 pt).

Title 2号 方正小标宋简体, 一、 headings 黑体, （一） 楷体_GB2312, page numbers
“— N —” in 4号 宋体 at the outer edge (right on odd pages, left on even ones),
the 分工 table on its own pages after the label 附件 with its header row
repeated on every page. Each Chinese typeface is declared in the font table
with the common face to use where it is missing.
"""

from __future__ import annotations

import io
from typing import Sequence

import docx
from docx.oxml import OxmlElement
from docx.oxml.parser import parse_xml
from lxml import etree
from docx.oxml.ns import qn

from planwright.exporting import ooxml as ox
from planwright.exporting.notice import Block
from planwright.exporting.table import HEADER, TableRow
from planwright.exporting.wording import display_width

LINE = 579  # twips: 22 lines in the 225 mm 版心
CHAR = 320  # twips: one 3号 character (16 pt)
TEXT_WIDTH = 8844  # twips: 156 mm
CONDENSE = -5  # w:spacing in twentieths of a point: −0.25 pt per character

BODY = ox.RunStyle(ox.FONT_BODY, ox.SIZE_3HAO)
H1 = ox.RunStyle(ox.FONT_H1, ox.SIZE_3HAO)
H2 = ox.RunStyle(ox.FONT_H2, ox.SIZE_3HAO)
TITLE = ox.RunStyle(ox.FONT_TITLE, ox.SIZE_2HAO)
WARN = ox.RunStyle(ox.FONT_BODY, ox.SIZE_3HAO, bold=True, color="C00000")
PAGENO = ox.RunStyle(ox.FONT_PAGENO, ox.SIZE_4HAO)
IMPRINT = ox.RunStyle(ox.FONT_BODY, ox.SIZE_4HAO)
CELL = ox.RunStyle(ox.FONT_BODY, ox.SIZE_XIAO4)
CELL_HEAD = ox.RunStyle(ox.FONT_H1, ox.SIZE_XIAO4)

FACES = {"body": BODY, "h1": H1, "h2": H2}

P_BODY = ox.ParaStyle(first_line_chars=2)
P_FLUSH = ox.ParaStyle(align="left")
P_CENTER = ox.ParaStyle(align="center")
P_BLANK = ox.ParaStyle()
P_CELL = ox.ParaStyle(align="left", line=340, snap=False)
P_CELL_CENTER = ox.ParaStyle(align="center", line=340, snap=False)

# Columns of the 分工 table: portrait (attached to the notice) and landscape (table-docx).
PORTRAIT_COLUMNS = [700, 1700, 3500, 1644, 1300]  # = 8844 twips, 156 mm
LANDSCAPE_COLUMNS = [700, 2400, 5356, 2600, 1700]  # = 12756 twips, 225 mm


def _new_document(*, landscape: bool, warning: str = "") -> docx.document.Document:
    doc = docx.Document()
    ox.set_doc_defaults(doc, BODY, LINE)
    ox.set_chinese_settings(doc)
    _condense_normal(doc)
    section = doc.sections[0]
    if landscape:
        # 横排表格 (§8): the 订口 stays at the top edge of the turned page.
        ox.set_page(section, width_mm=297, height_mm=210, top=28, bottom=26, left=37, right=35,
                    footer=14, line_pitch=LINE)
    else:
        ox.set_page(section, width_mm=210, height_mm=297, top=37, bottom=35, left=28, right=26,
                    footer=22, line_pitch=LINE)
    _page_numbers(doc, section)
    if warning:
        _warning_header(section, warning)
    ox.declare_fonts(doc, [ox.FONT_TITLE, ox.FONT_BODY, ox.FONT_H1, ox.FONT_H2, ox.FONT_PAGENO])
    return doc


def _condense_normal(doc) -> None:
    """−0.25 pt character spacing in Normal so that 28 characters fill a line."""
    normal = doc.styles["Normal"].element
    rpr = normal.get_or_add_rPr()
    spacing = rpr.find(qn("w:spacing"))
    if spacing is None:
        spacing = OxmlElement("w:spacing")
        rpr.append(spacing)
    spacing.set(qn("w:val"), str(CONDENSE))


def _page_numbers(doc, section) -> None:
    """“— N —”, 1 字 in from the outer edge: right on odd pages, left on even ones."""
    doc.settings.odd_and_even_pages_header_footer = True
    one_char = ox.SIZE_4HAO * 10  # a 4号 character in twips
    for footer, style in ((section.footer, ox.ParaStyle(align="right", right=one_char, line=340, snap=False)),
                          (section.even_page_footer,
                           ox.ParaStyle(align="left", left=one_char, line=340, snap=False))):
        footer.is_linked_to_previous = False
        _replace_content(footer._element, ox.paragraph_xml([], style, extra=ox.page_number_xml(PAGENO)))


def _warning_header(section, text: str) -> None:
    style = ox.ParaStyle(align="center", line=300, snap=False)
    short = ox.RunStyle(ox.FONT_BODY, 21, bold=True, color="C00000")
    for header in (section.header, section.even_page_header):
        header.is_linked_to_previous = False
        _replace_content(header._element, ox.paragraph_xml([("未通过检查的导出稿，仅供核对，不宜印发", short)], style))


def _replace_content(part_root, xml: str) -> None:
    for child in list(part_root):
        part_root.remove(child)
    part_root.extend(ox.elements([xml]))


def _save(doc) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


class _Body:
    """Collects paragraph and table XML; `close` puts it before the final sectPr."""

    def __init__(self, doc) -> None:
        self.doc = doc
        self.parts: list[str] = []
        self.break_next = False

    def add(self, xml: str) -> None:
        self.parts.append(xml)

    def para(self, runs: list[tuple[str, ox.RunStyle]], style: ox.ParaStyle) -> None:
        if self.break_next:
            style = _with(style, page_break_before=True)
            self.break_next = False
        self.add(ox.paragraph_xml(runs, style, CHAR))

    def close(self) -> bytes:
        """Splice the collected XML into document.xml's text and parse it once.

        Moving a large parsed subtree into python-docx's tree is quadratic in
        lxml (14 s for a 1,500-row table); one parse of the whole text is not.
        """
        part = self.doc.part
        text = etree.tostring(part._element, encoding="unicode")
        cut = text.rindex("<w:sectPr")
        part._element = parse_xml((text[:cut] + "".join(self.parts) + text[cut:]).encode("utf-8"))
        return _save(self.doc)

    def blank(self, count: int = 1) -> None:
        for _ in range(count):
            self.para([], P_BLANK)


def _with(style: ox.ParaStyle, **changes) -> ox.ParaStyle:
    from dataclasses import replace

    return replace(style, **changes)


# --- the notice -------------------------------------------------------------------


def notice_docx(blocks: Sequence[Block], warning: str = "") -> bytes:
    doc = _new_document(landscape=False, warning=warning)
    body = _Body(doc)
    previous = previous_text = ""
    for i, block in enumerate(blocks):
        kind = block.kind
        if kind == "warning":
            body.para([(block.text, WARN)], P_FLUSH)
        elif kind == "doc_number":
            body.para([(block.text, BODY)], P_CENTER)
            body.blank(2)
        elif kind in ("title", "plan_title", "attachment_title"):
            body.para([("\n".join(title_lines(block.text)), TITLE)], P_CENTER)
            body.blank()
        elif kind == "recipients":
            body.para([(block.text, BODY)], P_FLUSH)
        elif kind in ("para", "heading", "note"):
            body.para([(run.text, FACES[run.face]) for run in block.runs], P_BODY)
        elif kind == "attachment_note":
            body.blank()
            body.para([(block.text, BODY)], P_BODY)
        elif kind == "signature":
            body.blank()
            date = blocks[i + 1].text if i + 1 < len(blocks) and blocks[i + 1].kind == "date" else ""
            body.para([(block.text, BODY)], _sign_style(block.text, date))
        elif kind == "date":
            signature = previous_text if previous == "signature" else ""
            body.para([(block.text, BODY)], _sign_style(block.text, signature))
        elif kind == "page_break":
            body.break_next = True
        elif kind == "attachment_label":
            body.para([(block.text, H1)], P_FLUSH)
            body.blank()
        elif kind == "table":
            body.add(_table(list(block.rows), PORTRAIT_COLUMNS))
        elif kind in ("cc", "imprint") and previous not in ("cc", "imprint"):
            body.blank()
            body.add(_imprint([b for b in blocks[i:] if b.kind in ("cc", "imprint")]))
        previous, previous_text = kind, block.text
    return body.close()


TITLE_CHARS = 20  # 2号 characters on a 156 mm line


def title_lines(title: str, per_line: int = TITLE_CHARS) -> list[str]:
    """A long title broken where the words allow (GB/T 9704 §7.3.1): after the
    issuing office, and before 的通知 — the shape offices print it in."""
    def fits(text: str) -> bool:
        return display_width(text) / 2 <= per_line

    if fits(title):
        return [title]
    lines: list[str] = []
    rest = title
    cut = rest.find("关于")
    if cut > 0:
        lines.append(rest[:cut])
        rest = rest[cut:]
    if not fits(rest) and rest.endswith("的通知") and len(rest) > 3:
        lines.extend([rest[:-3], rest[-3:]])
    else:
        lines.append(rest)
    return lines


def _sign_style(line: str, other: str) -> ox.ParaStyle:
    """署名 and 成文日期 without a seal: 2 字 in from the right, the shorter of
    the two centred under (or over) the longer one (GB/T 9704 §7.3.5.2)."""
    mine, theirs = display_width(line) / 2, display_width(other) / 2  # in 字
    indent = 2 + max(0.0, (theirs - mine) / 2)
    return ox.ParaStyle(align="right", right=round(indent * CHAR))


def _imprint(blocks: Sequence[Block]) -> str:
    """版记 (§7.4) as a one-column table: rules as wide as the 版心, thick first and
    last, thin between; 4号 仿宋 set 1 字 in from both sides; the 印发 date flush
    right (a right tab)."""
    one = ox.SIZE_4HAO * 10
    tab = ox.ParaStyle(align="left", tab_right=TEXT_WIDTH - 2 * one - 20)
    rows = []
    for block in blocks:
        text = block.text.replace("\u3000\u3000", "\t") if block.kind == "imprint" else block.text
        rows.append(ox.row_xml([ox.cell_xml(TEXT_WIDTH, ox.paragraph_xml([(text, IMPRINT)], tab))]))
    return ox.table_open([TEXT_WIDTH], rules=(8, 4, 8), margin=one) + "".join(rows) + ox.TABLE_CLOSE


# --- the 分工 table ---------------------------------------------------------------------


def _cell(width: int, text: str, style: ox.RunStyle = CELL, para: ox.ParaStyle = P_CELL, **kw) -> str:
    paras = "".join(ox.paragraph_xml([(line, style)], para) for line in (text.split("\n") if text else [""]))
    return ox.cell_xml(width, paras, **kw)


def _table(rows: list[TableRow], widths: list[int]) -> str:
    """The table with a repeated header row, point rows across all columns and
    each task's cell merged down its rows; no row is split across pages."""
    parts = [ox.table_open(widths)]
    parts.append(ox.row_xml([_cell(w, name, CELL_HEAD, P_CELL_CENTER) for name, w in zip(HEADER, widths)],
                            header=True))
    for row in rows:
        if row.kind == "point":
            parts.append(ox.row_xml([_cell(sum(widths), row.point, CELL_HEAD, span=len(widths))]))
            continue
        seq, task, requirement, units, deadline = row.cells()
        merge = "" if row.task_span == 1 and row.task_start else ("restart" if row.task_start else "continue")
        parts.append(ox.row_xml([
            _cell(widths[0], seq, CELL, P_CELL_CENTER),
            _cell(widths[1], task if row.task_start else "", vmerge=merge),
            _cell(widths[2], requirement),
            _cell(widths[3], units),
            _cell(widths[4], deadline, CELL, P_CELL_CENTER),
        ]))
    parts.append(ox.TABLE_CLOSE)
    return "".join(parts)


def table_docx(rows: list[TableRow], title: str, warning: str = "") -> bytes:
    """The 分工 table alone: A4 landscape, title, the table, page numbers."""
    doc = _new_document(landscape=True, warning=warning)
    body = _Body(doc)
    if warning:
        body.para([(warning, WARN)], P_FLUSH)
    body.para([(title, TITLE)], P_CENTER)
    body.blank()
    body.add(_table(rows, LANDSCAPE_COLUMNS))
    body.para([], P_BLANK)  # Word needs a paragraph after a table that ends the body
    return body.close()
