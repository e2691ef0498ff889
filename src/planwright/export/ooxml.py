"""Small WordprocessingML helpers that python-docx does not offer.

python-docx writes only w:ascii/w:hAnsi for a run's font, has no field API,
no docGrid, no repeated header rows and no paragraph borders
(../shared/research/gongwen-format.md §3.1). These helpers build the few
elements the GB/T 9704 notice needs directly with lxml, which is also what
keeps a 1,000-task export fast: paragraphs are assembled from element
templates rather than through python-docx's proxy objects.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from functools import lru_cache

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

# --- units ------------------------------------------------------------------

TWIPS_PER_MM = 1440 / 25.4
TWIPS_PER_PT = 20


def mm(value: float) -> int:
    """Millimetres → twips (1/20 pt), rounded: the unit of WordprocessingML lengths."""
    return round(value * TWIPS_PER_MM)


# 字号 → half-points (w:sz): 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt.
SIZE_2HAO = 44
SIZE_3HAO = 32
SIZE_4HAO = 28
SIZE_XIAO4 = 24

# Typefaces named by GB/T 9704 practice, and what Word/LibreOffice should use
# where they are not installed (declared in the font table as w:altName).
FONT_TITLE = "方正小标宋简体"
FONT_BODY = "仿宋_GB2312"
FONT_H1 = "黑体"
FONT_H2 = "楷体_GB2312"
FONT_PAGENO = "宋体"
FALLBACKS: dict[str, tuple[str, str]] = {
    # name: (altName, w:family)
    FONT_TITLE: ("宋体", "roman"),
    FONT_BODY: ("仿宋", "modern"),
    FONT_H2: ("楷体", "modern"),
    FONT_H1: ("SimHei", "modern"),
    FONT_PAGENO: ("SimSun", "roman"),
}


# --- runs and paragraphs --------------------------------------------------------


@dataclass(frozen=True)
class RunStyle:
    font: str = FONT_BODY
    size: int = SIZE_3HAO  # half-points
    bold: bool = False
    color: str = ""  # hex, e.g. "C00000"


@lru_cache(maxsize=64)
def _rpr_template(style: RunStyle) -> etree._Element:
    rpr = etree.Element(qn("w:rPr"))
    fonts = etree.SubElement(rpr, qn("w:rFonts"))
    # Every slot named, and the hint: Word then takes “”—… from the CJK face too.
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), style.font)
    fonts.set(qn("w:hint"), "eastAsia")
    if style.bold:
        etree.SubElement(rpr, qn("w:b"))
        etree.SubElement(rpr, qn("w:bCs"))
    if style.color:
        etree.SubElement(rpr, qn("w:color")).set(qn("w:val"), style.color)
    etree.SubElement(rpr, qn("w:sz")).set(qn("w:val"), str(style.size))
    etree.SubElement(rpr, qn("w:szCs")).set(qn("w:val"), str(style.size))
    return rpr


def run(text: str, style: RunStyle) -> etree._Element:
    """A w:r with the east-Asian font set, holding text (tabs → w:tab, newlines → w:br)."""
    r = etree.Element(qn("w:r"))
    r.append(copy.deepcopy(_rpr_template(style)))
    for part in re.split("(\n)", text):
        if part == "\n":
            etree.SubElement(r, qn("w:br"))
            continue
        _tabbed(r, part)
    return r


def _tabbed(r: etree._Element, text: str) -> None:
    for i, part in enumerate(text.split("\t")):
        if i:
            etree.SubElement(r, qn("w:tab"))
        if part:
            t = etree.SubElement(r, qn("w:t"))
            t.text = part
            if part[0] == " " or part[-1] == " ":
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


@dataclass(frozen=True)
class ParaStyle:
    align: str = "both"  # left / center / right / both
    first_line_chars: int = 0  # first-line indent in characters of the run size
    left: int = 0  # twips
    right: int = 0  # twips
    line: int = 0  # exact line height in twips; 0: inherit the grid line of Normal
    page_break_before: bool = False
    keep_next: bool = False
    border_top: int = 0  # w:sz in eighths of a point; 0: none
    border_bottom: int = 0
    tab_right: int = 0  # a right-aligned tab stop at this position (twips)
    snap: bool = True  # snap to the document grid


@lru_cache(maxsize=128)
def _ppr_template(style: ParaStyle, char_twips: int) -> etree._Element:
    ppr = etree.Element(qn("w:pPr"))
    if style.keep_next:
        etree.SubElement(ppr, qn("w:keepNext"))
    if style.page_break_before:
        etree.SubElement(ppr, qn("w:pageBreakBefore"))
    if style.border_top or style.border_bottom:
        bdr = etree.SubElement(ppr, qn("w:pBdr"))
        for side, size in (("w:top", style.border_top), ("w:bottom", style.border_bottom)):
            if size:
                edge = etree.SubElement(bdr, qn(side))
                for key, value in (("w:val", "single"), ("w:sz", str(size)), ("w:space", "1"),
                                   ("w:color", "000000")):
                    edge.set(qn(key), value)
    if style.tab_right:
        tabs = etree.SubElement(ppr, qn("w:tabs"))
        tab = etree.SubElement(tabs, qn("w:tab"))
        tab.set(qn("w:val"), "right")
        tab.set(qn("w:pos"), str(style.tab_right))
    if not style.snap:
        etree.SubElement(ppr, qn("w:snapToGrid")).set(qn("w:val"), "0")
    if style.line:
        spacing = etree.SubElement(ppr, qn("w:spacing"))
        spacing.set(qn("w:before"), "0")
        spacing.set(qn("w:after"), "0")
        spacing.set(qn("w:line"), str(style.line))
        spacing.set(qn("w:lineRule"), "exact")
    ind = etree.SubElement(ppr, qn("w:ind"))
    ind.set(qn("w:left"), str(style.left))
    ind.set(qn("w:right"), str(style.right))
    if style.first_line_chars:
        ind.set(qn("w:firstLineChars"), str(style.first_line_chars * 100))
        ind.set(qn("w:firstLine"), str(style.first_line_chars * char_twips))
    else:
        ind.set(qn("w:firstLine"), "0")
    etree.SubElement(ppr, qn("w:jc")).set(qn("w:val"), style.align)
    return ppr


def paragraph(runs: list[tuple[str, RunStyle]], style: ParaStyle = ParaStyle(),
              char_twips: int = SIZE_3HAO * 10) -> etree._Element:
    """A w:p with the paragraph style and the runs."""
    p = etree.Element(qn("w:p"))
    p.append(copy.deepcopy(_ppr_template(style, char_twips)))
    for text, rstyle in runs:
        if text:
            p.append(run(text, rstyle))
    return p


def page_number_runs(style: RunStyle) -> list[etree._Element]:
    """“— N —”: em dashes around a PAGE field (GB/T 9704 §7.5)."""
    begin, instr, separate, shown, end = (run("", style) for _ in range(5))
    etree.SubElement(begin, qn("w:fldChar")).set(qn("w:fldCharType"), "begin")
    text = etree.SubElement(instr, qn("w:instrText"))
    text.text = " PAGE "
    text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    etree.SubElement(separate, qn("w:fldChar")).set(qn("w:fldCharType"), "separate")
    etree.SubElement(shown, qn("w:t")).text = "1"
    etree.SubElement(end, qn("w:fldChar")).set(qn("w:fldCharType"), "end")
    return [run("— ", style), begin, instr, separate, shown, end, run(" —", style)]


# --- document-level settings ---------------------------------------------------------


def set_doc_defaults(doc: DocxDocument, style: RunStyle, line: int) -> None:
    """Body font, size, Chinese language and grid line in docDefaults and Normal.

    The template's theme fonts (minorEastAsia…) would override explicit names,
    so rFonts is replaced, not amended. w:lang eastAsia=zh-CN makes renderers
    pick a Chinese face when a named font is missing.
    """
    styles = doc.styles.element
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for child in list(rpr):
        rpr.remove(child)
    for child in _rpr_template(style):
        rpr.append(copy.deepcopy(child))
    lang = etree.SubElement(rpr, qn("w:lang"))
    lang.set(qn("w:val"), "zh-CN")
    lang.set(qn("w:eastAsia"), "zh-CN")
    lang.set(qn("w:bidi"), "ar-SA")
    ppr = styles.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))
    for child in list(ppr):
        ppr.remove(child)
    # No widow/orphan control: a GB/T 9704 page is filled to its 22 lines.
    etree.SubElement(ppr, qn("w:widowControl")).set(qn("w:val"), "0")
    spacing = etree.SubElement(ppr, qn("w:spacing"))
    for key, value in (("w:before", "0"), ("w:after", "0"), ("w:line", str(line)), ("w:lineRule", "exact")):
        spacing.set(qn(key), value)
    normal = doc.styles["Normal"].element.get_or_add_pPr()
    if normal.find(qn("w:widowControl")) is None:
        normal.insert(0, etree.Element(qn("w:widowControl"), {qn("w:val"): "0"}))


def set_page(section, *, width_mm: float, height_mm: float, top: float, bottom: float,
             left: float, right: float, footer: float, line_pitch: int) -> None:
    """Page size and margins in mm, and a line grid of line_pitch twips."""
    sect = section._sectPr
    pgsz = sect.find(qn("w:pgSz"))
    pgsz.set(qn("w:w"), str(mm(width_mm)))
    pgsz.set(qn("w:h"), str(mm(height_mm)))
    if width_mm > height_mm:
        pgsz.set(qn("w:orient"), "landscape")
    mar = sect.find(qn("w:pgMar"))
    for key, value in (("w:top", top), ("w:bottom", bottom), ("w:left", left), ("w:right", right),
                       ("w:header", 15.0), ("w:footer", footer), ("w:gutter", 0.0)):
        mar.set(qn(key), str(mm(value)))
    grid = sect.find(qn("w:docGrid"))
    if grid is None:
        grid = etree.SubElement(sect, qn("w:docGrid"))
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(line_pitch))


def declare_fonts(doc: DocxDocument, names: list[str]) -> None:
    """Name each Chinese typeface in the font table with its fallback (w:altName)."""
    part = next(rel.target_part for rel in doc.part.rels.values() if rel.reltype == RT.FONT_TABLE)
    root = etree.fromstring(part.blob)
    have = {f.get(qn("w:name")) for f in root.findall(qn("w:font"))}
    for name in names:
        if name in have or name not in FALLBACKS:
            continue
        alt, family = FALLBACKS[name]
        font = etree.SubElement(root, qn("w:font"))
        font.set(qn("w:name"), name)
        etree.SubElement(font, qn("w:altName")).set(qn("w:val"), alt)
        etree.SubElement(font, qn("w:charset")).set(qn("w:val"), "86")  # GB2312
        etree.SubElement(font, qn("w:family")).set(qn("w:val"), family)
        etree.SubElement(font, qn("w:pitch")).set(qn("w:val"), "variable")
    # A generic Part keeps its bytes in _blob; there is no public setter.
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# --- tables ---------------------------------------------------------------------------


def table(widths: list[int], border: int = 4) -> etree._Element:
    """An empty fixed-layout w:tbl with single borders and the given column widths (twips)."""
    tbl = etree.Element(qn("w:tbl"))
    pr = etree.SubElement(tbl, qn("w:tblPr"))
    tw = etree.SubElement(pr, qn("w:tblW"))
    tw.set(qn("w:w"), str(sum(widths)))
    tw.set(qn("w:type"), "dxa")
    etree.SubElement(pr, qn("w:jc")).set(qn("w:val"), "center")
    borders = etree.SubElement(pr, qn("w:tblBorders"))
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = etree.SubElement(borders, qn(f"w:{side}"))
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), str(border))
        edge.set(qn("w:space"), "0")
        edge.set(qn("w:color"), "000000")
    etree.SubElement(pr, qn("w:tblLayout")).set(qn("w:type"), "fixed")
    margins = etree.SubElement(pr, qn("w:tblCellMar"))
    for side in ("left", "right"):
        m = etree.SubElement(margins, qn(f"w:{side}"))
        m.set(qn("w:w"), "85")
        m.set(qn("w:type"), "dxa")
    grid = etree.SubElement(tbl, qn("w:tblGrid"))
    for width in widths:
        etree.SubElement(grid, qn("w:gridCol")).set(qn("w:w"), str(width))
    return tbl


def table_row(tbl: etree._Element, *, header: bool = False, cant_split: bool = False) -> etree._Element:
    """Append a w:tr; a header row repeats at the top of every page (w:tblHeader)."""
    tr = etree.SubElement(tbl, qn("w:tr"))
    if header or cant_split:
        pr = etree.SubElement(tr, qn("w:trPr"))
        if cant_split:
            etree.SubElement(pr, qn("w:cantSplit"))
        if header:
            etree.SubElement(pr, qn("w:tblHeader"))
    return tr


def table_cell(tr: etree._Element, width: int, paragraphs: list[etree._Element], *,
               span: int = 1, vmerge: str = "", valign: str = "center") -> etree._Element:
    """Append a w:tc. vmerge "restart" starts a vertically merged cell, "continue" extends it."""
    tc = etree.SubElement(tr, qn("w:tc"))
    pr = etree.SubElement(tc, qn("w:tcPr"))
    w = etree.SubElement(pr, qn("w:tcW"))
    w.set(qn("w:w"), str(width))
    w.set(qn("w:type"), "dxa")
    if span > 1:
        etree.SubElement(pr, qn("w:gridSpan")).set(qn("w:val"), str(span))
    if vmerge:
        vm = etree.SubElement(pr, qn("w:vMerge"))
        if vmerge == "restart":
            vm.set(qn("w:val"), "restart")
    etree.SubElement(pr, qn("w:vAlign")).set(qn("w:val"), valign)
    for p in paragraphs or [etree.Element(qn("w:p"))]:
        tc.append(p)
    return tc
