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

import datetime as dt
import io
import re
from dataclasses import dataclass, replace
from typing import Sequence

import docx
from docx.oxml import OxmlElement
from docx.oxml.parser import parse_xml
from lxml import etree
from docx.oxml.ns import qn

from planwright.exporting import ooxml as ox
from planwright.exporting.notice import Block
from planwright.exporting.table import HEADER, TableRow
from planwright.exporting.title_break import break_title, title_marks
from planwright.exporting.wording import display_width
from planwright.plan.model import Meta

LINE = 579  # twips: 22 lines in the 225 mm 版心
CHAR = 320  # twips: one 3号 character (16 pt)
TEXT_WIDTH = 8844  # twips: 156 mm
CONDENSE = -5  # w:spacing in twentieths of a point: −0.25 pt per character
CHAR_PITCH = CHAR + CONDENSE  # twips: one 字 as set, 28 to the line
RED = "FF0000"  # 发文机关标志 and the rule under the 发文字号 (§7.2)


@dataclass(frozen=True)
class Faces:
    """The typefaces of one font profile."""

    title: str
    body: str
    h1: str
    h2: str
    pageno: str = ox.FONT_PAGENO


# [plan] fonts: the standard's faces, or the ones Windows ships (仿宋, 楷体); the
# title keeps 方正小标宋简体, which falls back to 宋体 where it is missing.
PROFILES = {
    "gbt9704": Faces(ox.FONT_TITLE, ox.FONT_BODY, ox.FONT_H1, ox.FONT_H2),
    "windows": Faces(ox.FONT_TITLE, ox.FONT_BODY_WINDOWS, ox.FONT_H1, ox.FONT_H2_WINDOWS),
}


class Styles:
    """The run styles of a document in one font profile."""

    def __init__(self, faces: Faces) -> None:
        self.faces = faces
        self.body = ox.RunStyle(faces.body, ox.SIZE_3HAO)
        self.h1 = ox.RunStyle(faces.h1, ox.SIZE_3HAO)
        self.h2 = ox.RunStyle(faces.h2, ox.SIZE_3HAO)
        self.title = ox.RunStyle(faces.title, ox.SIZE_2HAO)
        self.warn = ox.RunStyle(faces.body, ox.SIZE_3HAO, bold=True, color="C00000")
        self.pageno = ox.RunStyle(faces.pageno, ox.SIZE_4HAO)
        self.imprint = ox.RunStyle(faces.body, ox.SIZE_4HAO)
        self.cell = ox.RunStyle(faces.body, ox.SIZE_XIAO4)
        self.cell_head = ox.RunStyle(faces.h1, ox.SIZE_XIAO4)
        self.by_face = {"body": self.body, "h1": self.h1, "h2": self.h2}

    def fonts(self) -> list[str]:
        f = self.faces
        return list(dict.fromkeys([f.title, f.body, f.h1, f.h2, f.pageno]))


@dataclass(frozen=True)
class Setup:
    """What the page takes from the plan besides its text: the 版头, the fonts,
    the document properties."""

    masthead: str = "red"  # red / preprinted / none
    issuer: str = ""
    fonts: str = "gbt9704"
    title: str = ""
    date: str = ""  # 成文日期, ISO


def setup_for(meta: Meta, title: str = "") -> Setup:
    return Setup(masthead=meta.masthead or "red", issuer=meta.issuer, fonts=meta.fonts or "gbt9704",
                 title=title, date=meta.date)


P_BODY = ox.ParaStyle(first_line_chars=2)
P_HEADING = ox.ParaStyle(first_line_chars=2, keep_next=True)
P_FLUSH = ox.ParaStyle(align="left")
P_CENTER = ox.ParaStyle(align="center")
# A 2号 title line is one line of the grid (LibreOffice would give it two).
P_TITLE = ox.ParaStyle(align="center", line=LINE, snap=False)
P_BLANK = ox.ParaStyle()
P_CELL = ox.ParaStyle(align="left", line=340, snap=False)
P_CELL_CENTER = ox.ParaStyle(align="center", line=340, snap=False)
P_CELL_KEEP = ox.ParaStyle(align="left", line=340, snap=False, keep_next=True)

# Columns of the 分工 table: portrait (attached to the notice) and landscape (table-docx).
# 责任单位 holds a 9-字 name and 时限要求 a date such as 2027年10月底 on one line.
PORTRAIT_COLUMNS = [700, 1400, 2544, 2300, 1900]  # = 8844 twips, 156 mm
LANDSCAPE_COLUMNS = [700, 2400, 5356, 2600, 1700]  # = 12756 twips, 225 mm


def _new_document(setup: Setup, *, landscape: bool, warning: str = "") -> tuple[docx.document.Document, Styles]:
    doc = docx.Document()
    st = Styles(PROFILES[setup.fonts])
    ox.set_doc_defaults(doc, st.body, LINE)
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
    _page_numbers(doc, section, st)
    if warning:
        _warning_header(section, st)
    ox.declare_fonts(doc, st.fonts())
    _properties(doc, setup)
    return doc, st


def _properties(doc, setup: Setup) -> None:
    """Author, title and date from the plan, not python-docx's template
    (creator “python-docx”, created 2013)."""
    props = doc.core_properties
    props.author = props.last_modified_by = setup.issuer
    props.title = setup.title
    props.language = "zh-CN"
    props.comments = props.keywords = props.subject = props.category = ""
    props.revision = 1
    try:
        when = dt.datetime.fromisoformat(setup.date) if setup.date else None
    except ValueError:
        when = None
    when = when or dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    props.created = props.modified = when
    # python-docx's template also carries a picture of a blank Word page as the file's
    # thumbnail and an app.xml claiming Microsoft Macintosh Word and one page: drop both.
    package = doc.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith(("/metadata/thumbnail", "/extended-properties")):
            package.rels.pop(rel_id)


def _condense_normal(doc) -> None:
    """−0.25 pt character spacing in Normal so that 28 characters fill a line."""
    normal = doc.styles["Normal"].element
    rpr = normal.get_or_add_rPr()
    spacing = rpr.find(qn("w:spacing"))
    if spacing is None:
        spacing = OxmlElement("w:spacing")
        rpr.append(spacing)
    spacing.set(qn("w:val"), str(CONDENSE))


def _page_numbers(doc, section, st: Styles) -> None:
    """“— N —”, 1 字 in from the outer edge: right on odd pages, left on even ones."""
    doc.settings.odd_and_even_pages_header_footer = True
    one_char = ox.SIZE_4HAO * 10  # a 4号 character in twips
    for footer, style in ((section.footer, ox.ParaStyle(align="right", right=one_char, line=340, snap=False)),
                          (section.even_page_footer,
                           ox.ParaStyle(align="left", left=one_char, line=340, snap=False))):
        footer.is_linked_to_previous = False
        _replace_content(footer._element, ox.paragraph_xml([], style, extra=ox.page_number_xml(st.pageno)))


def _warning_header(section, st: Styles) -> None:
    style = ox.ParaStyle(align="center", line=300, snap=False)
    short = ox.RunStyle(st.faces.body, 21, bold=True, color="C00000")
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
    """Collects paragraph and table XML; `close` puts it before the final sectPr.

    It also counts the grid lines it has set and the pages they fill, the
    way the page is built (22 lines of 28 字), so that the 版记 can be put on
    the last page when that page is even and has room. After a table the
    count is unknown (`pages` is None).
    """

    def __init__(self, doc) -> None:
        self.doc = doc
        self.parts: list[str] = []
        self.break_next = False
        self.page: int | None = 1
        self.used = 0  # grid lines used on the current page

    def add(self, xml: str) -> None:
        self.parts.append(xml)

    def table(self, xml: str) -> None:
        self.add(xml)
        self.page = None

    def para(self, runs: list[tuple[str, ox.RunStyle]], style: ox.ParaStyle) -> None:
        if self.break_next:
            style = _with(style, page_break_before=True)
            self.break_next = False
        self._count(runs, style)
        self.add(ox.paragraph_xml(runs, style, CHAR))

    def _count(self, runs: list[tuple[str, ox.RunStyle]], style: ox.ParaStyle) -> None:
        if self.page is None:
            return
        if style.page_break_before and self.used:
            self.page, self.used = self.page + 1, 0
        self.used += line_count(runs, style)
        while self.used > LINES_PER_PAGE:
            self.page, self.used = self.page + 1, self.used - LINES_PER_PAGE

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


LINES_PER_PAGE = 22
CHARS_PER_LINE = 28


def line_count(runs: list[tuple[str, ox.RunStyle]], style: ox.ParaStyle) -> int:
    """Grid lines a paragraph takes: its height over the line pitch, or its text
    over 28 字 a line less its indents (digits count half)."""
    if style.line and style.line != LINE:
        return -(-(style.before + style.line + style.after) // LINE)
    text = "".join(t for t, _ in runs)
    if not text:
        return 1
    if any(rs.size != ox.SIZE_3HAO for _, rs in runs):
        return text.count("\n") + 1  # a title: broken into lines that fit
    room = CHARS_PER_LINE - (style.left + style.right) / CHAR_PITCH
    lines = 0
    for piece in text.split("\n"):
        wide = display_width(piece) / 2 + style.first_line_chars
        lines += max(1, -int(-(wide - 0.5) // room))  # a closing mark may hang past the 28th
    return lines


def _with(style: ox.ParaStyle, **changes) -> ox.ParaStyle:
    return replace(style, **changes)


# --- the notice -------------------------------------------------------------------


def notice_docx(blocks: Sequence[Block], warning: str = "", setup: Setup = Setup()) -> bytes:
    doc, st = _new_document(setup, landscape=False, warning=warning)
    body = _Body(doc)
    previous = previous_text = ""
    headed = False
    for i, block in enumerate(blocks):
        kind = block.kind
        if kind == "warning":
            body.para([(block.text, st.warn)], P_FLUSH)
        elif kind == "doc_number" or (kind == "title" and not headed):
            _masthead(body, st, setup, block.text if kind == "doc_number" else "")
            headed = True
        if kind in ("title", "plan_title", "attachment_title"):
            body.para([("\n".join(title_lines(block.text)), st.title)], P_TITLE)
            body.blank()
        elif kind == "recipients":
            body.para([(block.text, st.body)], P_FLUSH)
        elif kind == "heading":
            body.para([(run.text, st.by_face[run.face]) for run in block.runs], P_HEADING)
        elif kind in ("para", "note"):
            body.para([(run.text, st.by_face[run.face]) for run in block.runs], P_BODY)
        elif kind == "attachment_note":
            body.blank()
            body.para([(block.text, st.body)], P_BODY)
        elif kind == "signature":
            body.blank()
            date = blocks[i + 1].text if i + 1 < len(blocks) and blocks[i + 1].kind == "date" else ""
            body.para([(block.text, st.body)], _start_at(sign_starts(block.text, date)[0]))
        elif kind == "date":
            signature = previous_text if previous == "signature" else ""
            body.para([(block.text, st.body)], _start_at(sign_starts(signature, block.text)[1]))
        elif kind == "page_break":
            body.break_next = True
        elif kind == "attachment_label":
            body.para([(block.text, st.h1)], P_FLUSH)
            body.blank()
        elif kind == "table":
            body.table(_table(list(block.rows), PORTRAIT_COLUMNS, st))
        elif kind in ("cc", "imprint") and previous not in ("cc", "imprint"):
            _place_imprint(body, [b for b in blocks[i:] if b.kind in ("cc", "imprint")], st)
        previous, previous_text = kind, block.text
    return body.close()


# --- 版头 (§7.2) ------------------------------------------------------------------------

MASTHEAD_TOP = ox.mm(35)  # the 发文机关标志's top edge below the 版心's
MASTHEAD_MAX = 72  # half-points: 小初 (36 pt) at most
RULE_GAP = 9  # points between the 发文字号's line and the red rule: 4 mm under its characters
RULE_SIZE = 12  # eighths of a point: a 0.5 mm rule


def masthead_text(issuer: str) -> str:
    """发文机关标志: the issuer's name and 文件."""
    return f"{issuer}文件" if issuer else ""


def _masthead_size(text: str) -> int:
    """Half-points: 小初 where the name fits the 版心, smaller where it would not."""
    chars = max(1.0, display_width(text) / 2)
    return min(MASTHEAD_MAX, int(TEXT_WIDTH / 10 * 0.97 / chars))


def _masthead(body: "_Body", st: Styles, setup: Setup, doc_number: str) -> None:
    """The red 发文机关标志, two blank lines, the 发文字号 centred, the red rule
    4 mm under it (§7.2.4, 7.2.5, 7.2.7). For paper with a pre-printed red
    head the same space is kept and only the 发文字号 is printed; with none
    the 发文字号 heads the page as on a web page."""
    if setup.masthead == "none":
        if doc_number:
            body.para([(doc_number, st.body)], P_CENTER)
            body.blank(2)
        return
    name = masthead_text(setup.issuer)
    size = _masthead_size(name)
    printed = setup.masthead == "red"
    mark = ox.RunStyle(st.faces.title, size, color=RED)
    # The exact line is the character's own height, so its top edge is where the space before ends.
    body.para([(name, mark)] if printed else [], ox.ParaStyle(align="center", line=size * 10 + 40,
                                                              before=MASTHEAD_TOP, snap=False))
    body.blank(2)
    # The line is shortened by what the rule takes, so that the next line is back on the grid.
    ruled = RULE_GAP * 20 + RULE_SIZE * 20 // 8  # twips the rule takes under the line
    rule = ox.ParaStyle(align="center", line=LINE - ruled, snap=False, **(
        dict(border_bottom=RULE_SIZE, border_color=RED, border_space=RULE_GAP) if printed else dict(after=ruled)))
    body.para([(doc_number, st.body)] if doc_number else [], rule)
    body.blank(2)


TITLE_CHARS = 20  # 2号 characters on a 156 mm line


def title_lines(title: str, per_line: int = TITLE_CHARS) -> list[str]:
    """A title's lines: full-width marks in its period, broken between words
    into balanced lines (GB/T 9704 §7.3.1; see title_break)."""
    return break_title(title_marks(title), per_line)


def sign_starts(signature: str, date: str) -> tuple[float, float]:
    """Where the 署名 and the 成文日期 start without a seal, in 字 from the
    right edge of the 版心 (GB/T 9704 §7.3.5.2): the 署名 ends 2 字 in from
    the right, the date on the next line starts 2 字 right of the 署名's first
    character; a date too long for that ends 2 字 in from the right and the
    署名 moves left to keep the 2 字 step."""
    sign, day = display_width(signature) / 2, display_width(date) / 2
    if sign - day >= 2 or not date:
        return 2 + sign, sign
    return 4 + day, 2 + day


def _start_at(chars_from_right: float) -> ox.ParaStyle:
    """A line that starts so far from the right edge (left-aligned: the start
    is exact whatever the width of its digits in the face at hand)."""
    return ox.ParaStyle(align="left", left=max(0, TEXT_WIDTH - round(chars_from_right * CHAR_PITCH)))


IMPRINT_CHAR = ox.SIZE_4HAO * 10 + CONDENSE  # twips: one 4号 字 as set
IMPRINT_RULES = (8, 6, 8)  # eighths of a point: first and last 0.35 mm, between 0.25 mm (§7.4.1)
IMPRINT_WIDTH = TEXT_WIDTH


def _imprint_lines(blocks: Sequence[Block]) -> int:
    """Grid lines the 版记 takes: each 抄送 line wraps after its colon."""
    room = (TEXT_WIDTH - 2 * ox.SIZE_4HAO * 10) / IMPRINT_CHAR
    lines = 0
    for block in blocks:
        if block.kind == "cc":
            label = len(block.text.split("：", 1)[0]) + 1
            lines += 1 + max(0, -int(-(display_width(block.text) / 2 - room) // (room - label)))
        else:
            lines += 1
    return lines


def _place_imprint(body: _Body, blocks: Sequence[Block], st: Styles) -> None:
    """版记 at the foot of the last page, that page even (§7.4, printed both
    sides): on the text's last page when it is even and has room, else alone
    on the next even page (an evenPage section break adds the blank page).
    A blank of the right height above it puts its last rule on the 版心's
    bottom edge — exactly on a page of its own; on a shared page the line
    count is an estimate, so one line is kept in hand there, lest the 版记
    slip onto the next (odd) page."""
    lines = _imprint_lines(blocks)
    shared = body.page is not None and body.page % 2 == 0 and LINES_PER_PAGE - body.used >= lines + 2
    if shared:
        room = (LINES_PER_PAGE - body.used - lines - 1) * LINE
    else:
        _own_page(body)
        # a quarter line less: LibreOffice sets a new section's first line that much lower (measured)
        room = (LINES_PER_PAGE - lines) * LINE - LINE // 4
    rules = (IMPRINT_RULES[0] + IMPRINT_RULES[2] + (len(blocks) - 1) * IMPRINT_RULES[1]) * 20 // 8
    body.add(ox.paragraph_xml([], ox.ParaStyle(line=room - rules - 40, snap=False), CHAR))
    body.add(_imprint(blocks, st))


def _own_page(body: _Body) -> None:
    """Start the 版记's even page. After text ending on an odd page that is the next page.
    After text ending on an even page the page between is left blank, and the blank page
    and the 版记's page carry no page number (§7.5): the blank page is a page of its own
    (an empty section), not one the renderer adds for an even-page break, which
    LibreOffice leaves out of a PDF, so that the printed 版记 would land on a front."""
    blank_between = body.page is not None and body.page % 2 == 0
    body.add(ox.paragraph_xml([], P_BLANK, CHAR, section=ox.section_break_xml(
        body.doc, "nextPage" if blank_between else "evenPage")))
    if blank_between:
        _unnumbered(body.doc.sections[-1])
        body.add(ox.paragraph_xml([], P_BLANK, CHAR, section=ox.section_break_xml(body.doc, "evenPage")))


def _unnumbered(section) -> None:
    """Give the section (and those after it) empty footers of its own: no page number.
    The numbered footers' references are removed, not their parts, which the
    sections before still use."""
    sect = section._sectPr
    for ref in sect.findall(qn("w:footerReference")):
        sect.remove(ref)
    for footer in (section.footer, section.even_page_footer):
        footer.is_linked_to_previous = False  # a new, empty footer


def _imprint(blocks: Sequence[Block], st: Styles) -> str:
    """版记 (§7.4) as a one-column table: rules as wide as the 版心, thick first and
    last, thin between; 4号 仿宋 set 1 字 in from both sides; a wrapped 抄送 line
    continues under the first name (after the colon); the 印发 date flush right
    (a right tab)."""
    one = ox.SIZE_4HAO * 10
    tab = ox.ParaStyle(align="left", left=one, right=one, tab_right=IMPRINT_WIDTH - one - 20, line=LINE, snap=False)
    rows = []
    for block in blocks:
        if block.kind == "cc":
            label = len(block.text.split("：", 1)[0]) + 1  # 抄送：
            style = ox.ParaStyle(align="both", left=one + label * IMPRINT_CHAR, right=one,
                                 hanging=label * IMPRINT_CHAR, line=LINE, snap=False)
            text = block.text
        else:
            style, text = tab, block.text.replace("\u3000\u3000", "\t")
        rows.append(ox.row_xml([ox.cell_xml(IMPRINT_WIDTH, ox.paragraph_xml([(text, st.imprint)], style))]))
    return ox.table_open([IMPRINT_WIDTH], rules=IMPRINT_RULES, margin=0) + "".join(rows) + ox.TABLE_CLOSE


# --- the 分工 table ---------------------------------------------------------------------


def _cell(width: int, text: str, style: ox.RunStyle, para: ox.ParaStyle = P_CELL, **kw) -> str:
    paras = "".join(ox.paragraph_xml([(line, style)], para) for line in (text.split("\n") if text else [""]))
    return ox.cell_xml(width, paras, **kw)


def _table(rows: list[TableRow], widths: list[int], st: Styles) -> str:
    """The table with a repeated header row, point rows across all columns and
    each task's cell merged down its rows; no row is split across pages."""
    parts = [ox.table_open(widths)]
    parts.append(ox.row_xml([_cell(w, name, st.cell_head, P_CELL_CENTER) for name, w in zip(HEADER, widths)],
                            header=True))
    for row in rows:
        if row.kind == "point":
            # kept with the row under it: a point row never ends a page alone
            parts.append(ox.row_xml([_cell(sum(widths), row.point, st.cell_head, P_CELL_KEEP, span=len(widths))]))
            continue
        seq, task, requirement, units, deadline = row.cells()
        merge = "" if row.task_span == 1 and row.task_start else ("restart" if row.task_start else "continue")
        parts.append(ox.row_xml([
            _cell(widths[0], seq, st.cell, P_CELL_CENTER),
            _cell(widths[1], task if row.task_start else "", st.cell, vmerge=merge),
            _cell(widths[2], requirement, st.cell),
            _cell(widths[3], name_lines(units, widths[3]), st.cell),
            _cell(widths[4], deadline, st.cell, P_CELL_CENTER),
        ]))
    parts.append(ox.TABLE_CLOSE)
    return "".join(parts)


CELL_CHAR = ox.SIZE_XIAO4 * 10 + CONDENSE  # twips: one 小四 字 as set
CELL_MARGINS = 2 * 85


def name_lines(units: str, width: int) -> str:
    """The units of a cell, a line broken only between names (after 、 or ，,
    or before 牵头/配合), so that no name is cut where the column is narrow."""
    room = (width - CELL_MARGINS) / CELL_CHAR
    names = [piece for piece in re.split(r"(?<=[、，])|(?=牵头|配合)", units) if piece]
    lines: list[str] = []
    for name in names:
        if lines and display_width(lines[-1] + name.rstrip("、，")) / 2 <= room:
            lines[-1] += name
        else:
            lines.append(name)
    return "\n".join(lines)


def table_docx(rows: list[TableRow], title: str, warning: str = "", setup: Setup = Setup()) -> bytes:
    """The 分工 table alone: A4 landscape, title, the table, page numbers."""
    doc, st = _new_document(replace(setup, title=title), landscape=True, warning=warning)
    body = _Body(doc)
    if warning:
        body.para([(warning, st.warn)], P_FLUSH)
    body.para([(title, st.title)], P_CENTER)
    body.blank()
    body.add(_table(rows, LANDSCAPE_COLUMNS, st))
    body.para([], P_BLANK)  # Word needs a paragraph after a table that ends the body
    return body.close()
