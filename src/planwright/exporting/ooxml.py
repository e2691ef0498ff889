"""Small WordprocessingML helpers that python-docx does not offer.

python-docx writes only w:ascii/w:hAnsi for a run's font, has no field API,
no docGrid, no repeated header rows and no paragraph borders
(../shared/research/gongwen-format.md §3.1). These helpers build the few
elements the GB/T 9704 notice needs directly with lxml, which is also what
keeps a 1,000-task export fast: paragraphs are assembled from element
templates rather than through python-docx's proxy objects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from planwright.zh.clean import clean_text

# --- units ------------------------------------------------------------------

TWIPS_PER_MM = 1440 / 25.4


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
FONT_BODY_WINDOWS = "仿宋"  # what Windows ships instead of the GB2312-only faces
FONT_H2_WINDOWS = "楷体"
FALLBACKS: dict[str, tuple[str, str]] = {
    # name: (altName, w:family)
    FONT_TITLE: ("宋体", "roman"),
    FONT_BODY: ("仿宋", "modern"),
    FONT_H2: ("楷体", "modern"),
    FONT_H1: ("SimHei", "modern"),
    FONT_PAGENO: ("SimSun", "roman"),
    FONT_BODY_WINDOWS: ("FangSong", "modern"),
    FONT_H2_WINDOWS: ("KaiTi", "modern"),
}


# --- runs and paragraphs --------------------------------------------------------
#
# Paragraphs and tables are written as XML text and parsed once per document
# (`elements`): for a 1,000-task plan that is several times faster than
# building each element through lxml calls, and easier to read.

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# XML 1.0 forbids most control characters; a pasted text may carry some.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def esc(text: str) -> str:
    return _ILLEGAL.sub("", clean_text(text)).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") \
        .replace('"', "&quot;")


@dataclass(frozen=True)
class RunStyle:
    font: str = FONT_BODY
    size: int = SIZE_3HAO  # half-points
    bold: bool = False
    color: str = ""  # hex, e.g. "C00000"


@lru_cache(maxsize=64)
def rpr_xml(style: RunStyle) -> str:
    """Run properties naming the font in every slot, with the east-Asian hint:
    Word then takes “”—… from the CJK face too (research §3.1)."""
    f = esc(style.font)
    parts = [f'<w:rPr><w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:eastAsia="{f}" w:cs="{f}" w:hint="eastAsia"/>']
    if style.bold:
        parts.append("<w:b/><w:bCs/>")
    if style.color:
        parts.append(f'<w:color w:val="{style.color}"/>')
    parts.append(f'<w:sz w:val="{style.size}"/><w:szCs w:val="{style.size}"/></w:rPr>')
    return "".join(parts)


def _text_xml(text: str) -> str:
    out = []
    for i, piece in enumerate(text.split("\t")):
        if i:
            out.append("<w:tab/>")
        if piece:
            space = ' xml:space="preserve"' if piece[0] == " " or piece[-1] == " " else ""
            out.append(f"<w:t{space}>{esc(piece)}</w:t>")
    return "".join(out)


def run_xml(text: str, style: RunStyle) -> str:
    """A w:r with the east-Asian font set, holding text (tabs → w:tab, newlines → w:br)."""
    body = "<w:br/>".join(_text_xml(line) for line in text.split("\n"))
    return f"<w:r>{rpr_xml(style)}{body}</w:r>"


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
    before: int = 0  # space before and after, twips (only with an exact `line`)
    after: int = 0
    border_color: str = "000000"
    border_space: int = 1  # points between the text and a border
    hanging: int = 0  # twips: continuation lines indented this far past the first


def _edge(side: str, size: int, color: str = "000000", space: int = 1) -> str:
    return f'<w:{side} w:val="single" w:sz="{size}" w:space="{space}" w:color="{color}"/>' if size else ""


@lru_cache(maxsize=128)
def ppr_xml(style: ParaStyle, char_twips: int) -> str:
    """Paragraph properties, children in the order the schema wants."""
    parts = ["<w:pPr>"]
    if style.keep_next:
        parts.append("<w:keepNext/>")
    if style.page_break_before:
        parts.append("<w:pageBreakBefore/>")
    if style.border_top or style.border_bottom:
        edges = (_edge(side, size, style.border_color, style.border_space)
                 for side, size in (("top", style.border_top), ("bottom", style.border_bottom)))
        parts.append(f"<w:pBdr>{''.join(edges)}</w:pBdr>")
    if style.tab_right:
        parts.append(f'<w:tabs><w:tab w:val="right" w:pos="{style.tab_right}"/></w:tabs>')
    if not style.snap:
        parts.append('<w:snapToGrid w:val="0"/>')
    if style.line:
        parts.append(f'<w:spacing w:before="{style.before}" w:after="{style.after}" w:line="{style.line}" w:lineRule="exact"/>')
    if style.first_line_chars:
        first = (f'w:firstLineChars="{style.first_line_chars * 100}" '
                 f'w:firstLine="{style.first_line_chars * char_twips}"')
    elif style.hanging:
        first = f'w:hanging="{style.hanging}"'
    else:
        first = 'w:firstLine="0"'
    parts.append(f'<w:ind w:left="{style.left}" w:right="{style.right}" {first}/>')
    parts.append(f'<w:jc w:val="{style.align}"/></w:pPr>')
    return "".join(parts)


def paragraph_xml(runs: list[tuple[str, RunStyle]], style: ParaStyle = ParaStyle(),
                  char_twips: int = SIZE_3HAO * 10, extra: str = "", section: str = "") -> str:
    """A w:p with the paragraph style, the runs, and any ready-made run XML after
    them; `section` (a w:sectPr) makes it the last paragraph of a section."""
    body = "".join(run_xml(text, rstyle) for text, rstyle in runs if text)
    ppr = ppr_xml(style, char_twips)
    if section:
        ppr = ppr[:-len("</w:pPr>")] + section + "</w:pPr>"
    return f"<w:p>{ppr}{body}{extra}</w:p>"


def section_break_xml(doc: DocxDocument, start: str = "evenPage") -> str:
    """Close the section so far (a copy of the document's page setup, to sit in
    a paragraph) and start the rest on the next page of the kind `start`."""
    sect = doc.element.body.find(qn("w:sectPr"))
    copy = etree.tostring(sect, encoding="unicode")
    kind = sect.find(qn("w:type"))
    if kind is None:
        kind = etree.Element(qn("w:type"))
        refs = [c for c in sect if c.tag in (qn("w:headerReference"), qn("w:footerReference"))]
        sect.insert(len(refs), kind)  # after the header/footer references, as the schema orders it
    kind.set(qn("w:val"), start)
    return re.sub(r"^<w:sectPr[^>]*>", "<w:sectPr>", copy)


def page_number_xml(style: RunStyle) -> str:
    """“— N —”: em dashes around a PAGE field (GB/T 9704 §7.5)."""
    rpr = rpr_xml(style)
    field = "".join(f"<w:r>{rpr}{inner}</w:r>" for inner in (
        '<w:fldChar w:fldCharType="begin"/>', '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
        '<w:fldChar w:fldCharType="separate"/>', "<w:t>1</w:t>", '<w:fldChar w:fldCharType="end"/>'))
    return run_xml("— ", style) + field + run_xml(" —", style)


def elements(xml_parts: list[str]) -> list[etree._Element]:
    """Parse body-level XML (paragraphs, tables) in one go."""
    root = etree.fromstring(f'<w:body xmlns:w="{W_NS}">{"".join(xml_parts)}</w:body>'.encode("utf-8"))
    return list(root)


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
    for child in list(etree.fromstring(f'<w:r xmlns:w="{W_NS}">{rpr_xml(style)}</w:r>')[0]):
        rpr.append(child)
    lang = etree.SubElement(rpr, qn("w:lang"))
    lang.set(qn("w:val"), "zh-CN")
    lang.set(qn("w:eastAsia"), "zh-CN")
    lang.set(qn("w:bidi"), "ar-SA")
    ppr = styles.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))
    for child in list(ppr):
        ppr.remove(child)
    # No widow/orphan control: a GB/T 9704 page is filled to its 22 lines.
    etree.SubElement(ppr, qn("w:widowControl")).set(qn("w:val"), "0")
    # 避头尾 (kinsoku): no closing mark starts a line, no opening mark ends one;
    # a closing mark that falls in column 29 hangs in the margin
    # (overflowPunct) instead of pulling a character down or vanishing.
    # No automatic space between Chinese and Latin/digits: it would cost the
    # line its 28th character. w:wordWrap stays on (its default): Word wraps a
    # Latin word or a number whole instead of splitting 2027 as 202/7.
    # LibreOffice 7.4 ignores it and may split a number (docs/page-grid.md).
    for name, value in (("w:kinsoku", "1"), ("w:overflowPunct", "1"),
                        ("w:autoSpaceDE", "0"), ("w:autoSpaceDN", "0")):
        etree.SubElement(ppr, qn(name)).set(qn("w:val"), value)
    spacing = etree.SubElement(ppr, qn("w:spacing"))
    for key, value in (("w:before", "0"), ("w:after", "0"), ("w:line", str(line)), ("w:lineRule", "exact")):
        spacing.set(qn(key), value)
    normal = doc.styles["Normal"].element.get_or_add_pPr()
    if normal.find(qn("w:widowControl")) is None:
        normal.insert(0, etree.Element(qn("w:widowControl"), {qn("w:val"): "0"}))


# 避头尾 lists for Chinese (Word's own defaults for zh-CN): marks that may not
# end a line (opening ones) and marks that may not start one (closing ones).
NO_BREAK_AFTER = "$([{£¥·‘“〈《「『【〔〖〝﹙﹛﹝＄（．［｛￡￥"
NO_BREAK_BEFORE = ("!%),.:;>?]}¢¨°·ˇˉ―‖’”…‰′″›℃∶、。〃〉》」』】〕〗〞︶︺︾﹀﹄﹚﹜﹞！＂％＇），．：；？］｝～￠")


def set_chinese_settings(doc: DocxDocument) -> None:
    """Chinese line-breaking lists and theme language in settings.xml.

    python-docx's template names Japanese (themeFontLang eastAsia ja-JP),
    which makes a renderer pick Japanese glyph forms for CJK text; and
    without the lists LibreOffice lets “（” end a line and “，” start one.
    """
    settings = doc.settings.element
    for name in ("w:noLineBreaksAfter", "w:noLineBreaksBefore"):
        for old in settings.findall(qn(name)):
            settings.remove(old)
    control = settings.find(qn("w:characterSpacingControl"))
    at = list(settings).index(control) + 1 if control is not None else 0
    for offset, (name, chars) in enumerate((("w:noLineBreaksAfter", NO_BREAK_AFTER),
                                            ("w:noLineBreaksBefore", NO_BREAK_BEFORE))):
        element = etree.Element(qn(name))
        element.set(qn("w:lang"), "zh-CN")
        element.set(qn("w:val"), chars)
        settings.insert(at + offset, element)
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), "zh-CN")
        theme_lang.set(qn("w:eastAsia"), "zh-CN")


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


def table_open(widths: list[int], border: int = 4, *, rules: tuple[int, int, int] | None = None,
               margin: int = 85) -> str:
    """Start of a fixed-layout w:tbl with the given column widths (twips).

    Default: single borders all round. `rules` (top, between rows, bottom) in
    eighths of a point draws horizontal rules only, as the 版记 wants.
    """
    if rules is None:
        sizes = dict.fromkeys(("top", "left", "bottom", "right", "insideH", "insideV"), border)
    else:
        sizes = {"top": rules[0], "left": 0, "bottom": rules[2], "right": 0, "insideH": rules[1], "insideV": 0}
    edges = "".join(f'<w:{side} w:val="single" w:sz="{size}" w:space="0" w:color="000000"/>' if size
                    else f'<w:{side} w:val="nil"/>' for side, size in sizes.items())
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
            f'<w:tblBorders>{edges}</w:tblBorders><w:tblLayout w:type="fixed"/>'
            f'<w:tblCellMar><w:left w:w="{margin}" w:type="dxa"/><w:right w:w="{margin}" w:type="dxa"/>'
            f"</w:tblCellMar></w:tblPr><w:tblGrid>{grid}</w:tblGrid>")


TABLE_CLOSE = "</w:tbl>"


def row_xml(cells: list[str], *, header: bool = False, cant_split: bool = True) -> str:
    """A w:tr; a header row repeats at the top of every page (w:tblHeader)."""
    pr = ("<w:cantSplit/>" if cant_split else "") + ("<w:tblHeader/>" if header else "")
    return f"<w:tr>{'<w:trPr>' + pr + '</w:trPr>' if pr else ''}{''.join(cells)}</w:tr>"


def cell_xml(width: int, paragraphs: str, *, span: int = 1, vmerge: str = "", valign: str = "center") -> str:
    """A w:tc. vmerge "restart" starts a vertically merged cell, "continue" extends it."""
    pr = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
    if span > 1:
        pr.append(f'<w:gridSpan w:val="{span}"/>')
    if vmerge == "restart":
        pr.append('<w:vMerge w:val="restart"/>')
    elif vmerge:
        pr.append("<w:vMerge/>")
    pr.append(f'<w:vAlign w:val="{valign}"/>')
    return f"<w:tc><w:tcPr>{''.join(pr)}</w:tcPr>{paragraphs or '<w:p/>'}</w:tc>"
