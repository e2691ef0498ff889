"""A .docx a leader can read on paper: summary tables, then each change as a redline.

The redline is formatted runs, not Word revisions (python-docx has no API for
``w:ins``/``w:del``): deletions red and struck through, insertions blue and
underlined, so it stays legible when printed in black and white too.
"""

from __future__ import annotations

import io

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from planwright.diffing import wording
from planwright.diffing.result import Change, Comparison
from planwright.diffing.text import DELETE, INSERT, Op
from planwright.zh.clean import clean_text

BODY_FONT = "仿宋"
HEADING_FONT = "黑体"
DELETE_COLOUR = RGBColor(0xC0, 0x00, 0x00)
INSERT_COLOUR = RGBColor(0x00, 0x3C, 0xB4)
STATUS_COLOUR = {
    "reworded": RGBColor(0x99, 0x66, 0x00), "moved": RGBColor(0x77, 0x33, 0x99),
    "added": RGBColor(0x00, 0x80, 0x00), "removed": RGBColor(0xC0, 0x00, 0x00),
    "merged": RGBColor(0x00, 0x66, 0x77), "split": RGBColor(0x00, 0x66, 0x77),
    "unchanged": RGBColor(0x66, 0x66, 0x66),
}
ADJUSTED_COLOUR = RGBColor(0x33, 0x66, 0xAA)  # an unchanged text whose units or deadline changed


def _east_asian(font_holder, name: str) -> None:
    """Set the font for Chinese characters too (python-docx's font.name sets only Latin)."""
    font_holder.font.name = name
    font_holder.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _setup(doc) -> None:
    normal = doc.styles["Normal"]
    _east_asian(normal, BODY_FONT)
    normal.font.size = Pt(12)
    for name in ("Heading 1", "Heading 2", "Heading 3", "Title"):
        style = doc.styles[name]
        _east_asian(style, HEADING_FONT)
        style.font.color.rgb = RGBColor(0, 0, 0)


def _redline(paragraph, ops: list[Op]) -> None:
    for op, chunk in ops:
        run = paragraph.add_run(clean_text(chunk))
        if op == DELETE:
            run.font.strike = True
            run.font.color.rgb = DELETE_COLOUR
        elif op == INSERT:
            run.font.underline = True
            run.font.color.rgb = INSERT_COLOUR


def _table(doc, header: list[str], rows: list[list[str]]) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = clean_text(text)
        for run in cell.paragraphs[0].runs:
            run.font.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = clean_text(text)


def _change(doc, change: Change) -> None:
    head = doc.add_paragraph()
    tag = head.add_run(f"【{change.label}】")
    tag.font.bold = True
    tag.font.color.rgb = ADJUSTED_COLOUR if change.adjusted else STATUS_COLOUR[change.status]
    head.add_run(clean_text(wording.change_subject(change))).font.bold = True
    for fact in wording.change_facts(change):
        p = doc.add_paragraph(clean_text(fact))
        p.paragraph_format.left_indent = Pt(24)
        for run in p.runs:
            run.font.size = Pt(10.5)
    ops = wording.change_ops(change)
    if ops is None:
        return
    body = doc.add_paragraph()
    body.paragraph_format.left_indent = Pt(24)
    _redline(body, ops)


def to_docx(cmp: Comparison) -> bytes:
    doc = Document()
    _setup(doc)
    doc.add_heading(clean_text(wording.heading(cmp)), level=1)
    doc.add_paragraph(clean_text(wording.sources(cmp)))
    for note in wording.notes(cmp):
        doc.add_paragraph(clean_text(note))
    legend = doc.add_paragraph("图例：")
    _redline(legend, [(DELETE, "删除的文字"), (0, "　"), (INSERT, "新增的文字")])
    doc.add_heading("概要", level=2)
    _table(doc, wording.summary_header(), wording.summary_rows(cmp))
    if cmp.units:
        doc.add_heading("各单位任务增减", level=2)
        _table(doc, wording.unit_header(), wording.unit_rows(cmp))
    notable = cmp.notable()
    doc.add_heading(f"变化明细（{len(notable)} 处）", level=2)
    for change in notable:
        _change(doc, change)
    quiet = len(cmp.changes) - len(notable)
    if quiet:
        doc.add_paragraph(f"另有 {quiet} 处未变，未逐一列出。")
    per_unit = wording.per_unit_rows(cmp)
    if per_unit:
        doc.add_heading(wording.PER_UNIT_TITLE, level=2)
        _table(doc, wording.per_unit_header(), per_unit)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
