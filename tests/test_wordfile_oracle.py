""".docx reading without python-docx: the blocks must be python-docx's, for every document.

planwright reads a .docx with zipfile and ElementTree (importing python-docx was a third of a
whole .docx import). python-docx is kept here as the oracle: the reader planwright had before,
which read through python-docx, is below, and every document built here — at random with
hypothesis, by hand for the odd and damaged ones, and every .docx the project and ../shared hold —
must give the same blocks from both, or the same kind of refusal.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
import pytest
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from planwright.importing import wordfile
from planwright.importing.common import ImportError_, Para, Source, Table
from planwright.importing.tables import is_task_table
from planwright.zh.numbering import to_chinese

ROOT = Path(__file__).resolve().parent.parent

# -- the oracle: the reader as it was, through python-docx --------------------------------------


def oracle_read_docx(path: Path, raw: bytes) -> Source:
    if not zipfile.is_zipfile(io.BytesIO(raw)):
        raise ImportError_(path, "不是有效的 .docx 文件：.docx 应为 zip 压缩包 (not a zip archive)")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            names = set(archive.namelist())
            wordfile._check_parts(path, archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, OSError, EOFError) as exc:
        raise ImportError_(path, f"不是有效的 .docx 文件：压缩包已损坏 (damaged zip archive: {exc})") from None
    if "word/document.xml" not in names:
        why = next((why for part, why in wordfile._OTHER_OFFICE.items() if part in names),
                   "不是 Word 文档：压缩包里没有正文 word/document.xml (not a Word document)")
        raise ImportError_(path, why)
    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise ImportError_(path, f"不是有效的 Word 文档，缺少正文部分 (not a Word document: {exc})") from None
    except etree.XMLSyntaxError as exc:
        raise ImportError_(path, f"Word 文档的 XML 已损坏 (malformed XML: {exc})") from None
    try:
        return _oracle_blocks(path, document)
    except (ValueError, IndexError, KeyError, TypeError, etree.LxmlError) as exc:
        raise ImportError_(path, f"Word 文档的内容有误，无法读取 (malformed document: {exc})") from None


def _oracle_blocks(path: Path, document) -> Source:
    numbering = _OracleNumbering(document)
    blocks: list[Para | Table] = []
    for number, block in enumerate(document.iter_inner_content(), 1):
        if hasattr(block, "rows"):
            rows = [[cell.text for cell in row.cells] for row in block.rows]
            if is_task_table(rows):
                blocks.append(Table(rows=rows, line=number))
            else:
                blocks.extend(Para(part, number) for part in wordfile._layout_text(rows))
            continue
        text = numbering.marker(block) + block.text
        blocks.extend(Para(part, number) for part in text.split("\n"))
    return Source(path=path, kind="Word 文档", encoding="", blocks=blocks)


class _OracleNumbering:
    def __init__(self, document) -> None:
        self.levels: dict = {}
        self.counters: dict = {}
        self.style_numbering: dict = {}
        try:
            self._load(document.part.numbering_part.element)
        except (NotImplementedError, KeyError, AttributeError):
            pass

    def _load(self, root) -> None:
        abstract: dict = {}
        for node in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in node.findall(qn("w:lvl")):
                fmt = _oracle_val(lvl.find(qn("w:numFmt"))) or "decimal"
                text = _oracle_val(lvl.find(qn("w:lvlText"))) or ""
                start = int(_oracle_val(lvl.find(qn("w:start"))) or 1)
                levels[int(lvl.get(qn("w:ilvl")))] = (fmt, text, start)
            abstract[node.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            ref = _oracle_val(num.find(qn("w:abstractNumId")))
            for ilvl, spec in abstract.get(ref, {}).items():
                self.levels[(num.get(qn("w:numId")), ilvl)] = spec

    def marker(self, paragraph) -> str:
        if not self.levels:
            return ""
        num_pr = self._num_pr(paragraph)
        if num_pr is None or num_pr.numId is None:
            return ""
        num_id = str(num_pr.numId.val)
        ilvl = int(num_pr.ilvl.val) if num_pr.ilvl is not None else 0
        if not 0 <= ilvl < 9:
            raise ValueError(f"ilvl={ilvl}")
        spec = self.levels.get((num_id, ilvl))
        if spec is None:
            return ""
        counts = self.counters.setdefault(num_id, [0] * 9)
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else spec[2]
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        text = spec[1]
        for level in range(ilvl + 1):
            fmt = self.levels.get((num_id, level), ("decimal", "", 1))[0]
            text = text.replace(f"%{level + 1}", to_chinese(counts[level] or 1)
                                if fmt in wordfile._CHINESE_FORMATS else str(counts[level] or 1))
        return text

    def _num_pr(self, paragraph):
        p_pr = paragraph._p.pPr
        if p_pr is not None and p_pr.numPr is not None:
            return p_pr.numPr
        style_id = p_pr.style if p_pr is not None else None
        if style_id not in self.style_numbering:
            style = paragraph.style
            for _ in range(10):
                if style is None:
                    break
                s_pr = style.element.pPr
                if s_pr is not None and s_pr.numPr is not None:
                    break
                style = style.base_style
            found = None if style is None or style.element.pPr is None else style.element.pPr.numPr
            self.style_numbering[style_id] = found
        return self.style_numbering[style_id]


def _oracle_val(node):
    return None if node is None else node.get(qn("w:val"))


def _outcome(reader, raw: bytes):
    """The blocks, or the kind of refusal (the message up to the parenthesised detail)."""
    try:
        return reader(Path("notice.docx"), raw).blocks
    except ImportError_ as exc:
        return "refused: " + str(exc).split("(")[0]


def assert_same_as_python_docx(raw: bytes) -> list:
    expected = _outcome(oracle_read_docx, raw)
    assert _outcome(wordfile.read_docx, raw) == expected
    return expected


# -- building documents -------------------------------------------------------------------------

W = nsdecls("w")


def build(body: list[str], numbering: str | None = None, styles: list[str] = ()) -> bytes:
    """A .docx made by python-docx whose body, numbering and extra styles are the XML given."""
    document = docx.Document()
    section = document.element.body.find(qn("w:sectPr"))
    for element in _elements("".join(body)):
        section.addprevious(element)
    if numbering is not None:
        document.part.numbering_part._element = parse_xml(f"<w:numbering {W}>{numbering}</w:numbering>")
    for element in _elements("".join(styles)):
        document.part.styles.element.append(element)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _elements(xml: str) -> list:
    return list(parse_xml(f"<w:body {W}>{xml}</w:body>"))


TEXTS = st.text(alphabet="一二三四五政务公开落实责任单位abc 12（）、。.\u3000\t&<", max_size=6)
RUN_ITEMS = st.one_of(
    TEXTS.map(lambda t: f'<w:t xml:space="preserve">{escape(t)}</w:t>'),
    TEXTS.map(lambda t: f"<w:t>{escape(t)}</w:t>"),
    st.sampled_from([
        "<w:tab/>", "<w:br/>", '<w:br w:type="page"/>', '<w:br w:type="column"/>', '<w:br w:type="textWrapping"/>',
        '<w:br w:type="odd"/>', "<w:cr/>", "<w:noBreakHyphen/>", "<w:softHyphen/>", "<w:lastRenderedPageBreak/>",
        '<w:ptab w:relativeTo="margin" w:alignment="left" w:leader="none"/>', '<w:sym w:font="Wingdings" w:char="F0FC"/>',
        "<w:instrText> PAGE </w:instrText>", '<w:fldChar w:fldCharType="begin"/>', "<w:delText>删去</w:delText>",
        "<w:t/>", "<w:t>  </w:t>", '<w:t xml:space="preserve"> </w:t>', "<w:t>前<!-- 注 -->后</w:t>",
        "<w:t>  <!-- 注 --></w:t>", '<w:drawing/>',
    ]),
)
RUNS = st.lists(RUN_ITEMS, max_size=4).map(lambda items: "<w:r><w:rPr><w:b/></w:rPr>" + "".join(items) + "</w:r>")
INLINE = st.one_of(
    RUNS, RUNS,
    st.lists(RUNS, max_size=2).map(lambda rs: '<w:hyperlink w:anchor="a">' + "".join(rs) + "<w:bookmarkStart/></w:hyperlink>"),
    st.lists(RUNS, max_size=2).map(lambda rs: '<w:ins w:id="1" w:author="某">' + "".join(rs) + "</w:ins>"),
    st.lists(RUNS, max_size=2).map(lambda rs: '<w:del w:id="2" w:author="某">' + "".join(rs) + "</w:del>"),
    st.lists(RUNS, max_size=2).map(lambda rs: '<w:smartTag w:uri="u" w:element="e">' + "".join(rs) + "</w:smartTag>"),
    st.lists(RUNS, max_size=2).map(lambda rs: "<w:sdt><w:sdtContent>" + "".join(rs) + "</w:sdtContent></w:sdt>"),
    st.lists(RUNS, max_size=2).map(lambda rs: '<w:fldSimple w:instr="PAGE">' + "".join(rs) + "</w:fldSimple>"),
    st.sampled_from(['<w:bookmarkStart w:id="0" w:name="b"/>', '<w:proofErr w:type="spellStart"/>']),
)
STYLE_IDS = ["S1", "S2", "S3", "S4", "Normal", "ListNumber", "Heading1", "NoSuch", ""]
NUM_PR = st.one_of(
    st.none(),
    st.builds(lambda ilvl, num: f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>',
              st.integers(0, 3), st.sampled_from(["1", "2", "3", "01", "0", "9"])),
    st.sampled_from(['<w:numPr><w:numId w:val="1"/></w:numPr>', "<w:numPr/>", '<w:numPr><w:ilvl w:val="1"/></w:numPr>']),
)
P_PR = st.builds(
    lambda style, num: "" if style is None and num is None else
    "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style is not None else "") + (num or "") + "</w:pPr>",
    st.none() | st.sampled_from(STYLE_IDS), NUM_PR)
PARAGRAPHS = st.builds(lambda ppr, inline: "<w:p>" + ppr + "".join(inline) + "</w:p>", P_PR, st.lists(INLINE, max_size=4))


@st.composite
def tables(draw, depth: int = 0) -> str:
    """A table whose cells span columns and rows; a cell may hold a table of its own."""
    rows = []
    for row in range(draw(st.integers(1, 4))):
        before = draw(st.sampled_from(["", "", '<w:trPr><w:gridBefore w:val="1"/></w:trPr>']))
        cells = []
        for _ in range(draw(st.integers(1, 4))):
            props = draw(st.sampled_from(["", '<w:gridSpan w:val="2"/>', '<w:gridSpan w:val="3"/>']))
            merge = draw(st.sampled_from(["", "", '<w:vMerge w:val="restart"/>'] + (["<w:vMerge/>", '<w:vMerge w:val="continue"/>'] * 2 if row else [])))
            content = "".join(draw(st.lists(PARAGRAPHS, min_size=0, max_size=2)))
            if depth == 0 and draw(st.booleans()) and not draw(st.integers(0, 3)):
                content += draw(tables(depth=1)) + "<w:p/>"
            cells.append(f"<w:tc><w:tcPr>{props}{merge}</w:tcPr>{content or '<w:p/>'}</w:tc>")
        rows.append(f"<w:tr>{before}{''.join(cells)}</w:tr>")
    return f'<w:tbl><w:tblPr/><w:tblGrid/>{"".join(rows)}</w:tbl>'


FORMATS = ["decimal", "chineseCounting", "chineseCountingThousand", "ideographTraditional", "ideographDigital",
           "lowerLetter", "bullet", "japaneseCounting", "taiwaneseCountingThousand", None]
LEVEL_TEXTS = ["%1、", "（%1）", "%1.", "%1.%2", "%1.%2.%3", "第%1条", "", None]


@st.composite
def numberings(draw) -> str:
    out = []
    for abstract in range(draw(st.integers(1, 3))):
        levels = []
        for ilvl in range(draw(st.integers(0, 4))):
            fmt, text = draw(st.sampled_from(FORMATS)), draw(st.sampled_from(LEVEL_TEXTS))
            start = draw(st.sampled_from([None, "1", "0", "3", ""]))
            levels.append(f'<w:lvl w:ilvl="{ilvl}">' + (f'<w:start w:val="{start}"/>' if start is not None else "")
                          + (f'<w:numFmt w:val="{fmt}"/>' if fmt else "")
                          + (f'<w:lvlText w:val="{text}"/>' if text is not None else "") + "</w:lvl>")
        out.append(f'<w:abstractNum w:abstractNumId="{abstract}">{"".join(levels)}</w:abstractNum>')
    for num in ("1", "2", "3", "01"):
        if draw(st.booleans()):
            out.append(f'<w:num w:numId="{num}"><w:abstractNumId w:val="{draw(st.integers(0, 3))}"/></w:num>')
    return "".join(out)


@st.composite
def style_sets(draw) -> list[str]:
    """Paragraph styles S1–S4, numbered or not, based on one another (cycles too), of other
    types, or claiming to be the default."""
    styles = []
    for name in draw(st.lists(st.sampled_from(["S1", "S2", "S3", "S4"]), unique=True, max_size=4)):
        kind = draw(st.sampled_from(["paragraph", "paragraph", "character", None]))
        based = draw(st.none() | st.sampled_from(["S1", "S2", "S3", "S4", "Normal", "ListNumber", "Missing"]))
        number = draw(st.none() | st.builds(lambda i, n: f'<w:numPr><w:ilvl w:val="{i}"/><w:numId w:val="{n}"/></w:numPr>',
                                            st.integers(0, 2), st.sampled_from(["1", "2", "3"])))
        default = draw(st.sampled_from(["", "", ' w:default="1"', ' w:default="0"']))
        type_attr = f' w:type="{kind}"' if kind else ""
        styles.append(f'<w:style{type_attr}{default} w:styleId="{name}"><w:name w:val="{name}"/>'
                      + (f'<w:basedOn w:val="{based}"/>' if based else "")
                      + (f"<w:pPr>{number}</w:pPr>" if number else "") + "</w:style>")
    return styles


# a paragraph wrapped at body level (a content control, an inserted paragraph) is not read
WRAPPED = PARAGRAPHS.map(lambda p: f"<w:sdt><w:sdtContent>{p}</w:sdtContent></w:sdt>")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(st.one_of(PARAGRAPHS, PARAGRAPHS, tables(), WRAPPED), max_size=8), numberings(), style_sets())
def test_random_documents_read_as_python_docx_reads_them(body, numbering, styles) -> None:
    assert_same_as_python_docx(build(body, numbering, styles))


# -- documents written by hand: odd corners and damaged files ------------------------------------


def _edited(raw: bytes, edits: dict) -> bytes:
    """The package with parts replaced (bytes), edited (a function of the old bytes) or
    removed (None)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in zin.namelist():
            change = edits.get(name, lambda data: data)
            data = change(zin.read(name)) if callable(change) else change
            if data is not None:
                zout.writestr(name, data)
        for name, data in edits.items():
            if name not in zin.namelist() and isinstance(data, bytes):
                zout.writestr(name, data)
    return out.getvalue()


def _sub(old: bytes, new: bytes, count: int = 1):
    def edit(data: bytes) -> bytes:
        assert old in data, old
        return data.replace(old, new, count)
    return edit


NUMBERED = build(
    ['<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>深化政策公开</w:t></w:r></w:p>',
     '<w:p><w:pPr><w:pStyle w:val="S1"/></w:pPr><w:r><w:t>及时发布文件</w:t></w:r></w:p>',
     '<w:p><w:pPr><w:pStyle w:val="S2"/></w:pPr><w:r><w:t>做好政策解读</w:t><w:t>PLACEHOLDER</w:t></w:r></w:p>',
     '<w:p><w:r><w:t>（责任单位：县政府办公室）</w:t></w:r></w:p>'],
    '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/>'
    '</w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
    ['<w:style w:type="paragraph" w:styleId="S1"><w:name w:val="S1"/><w:pPr><w:numPr><w:ilvl w:val="1"/>'
     '<w:numId w:val="1"/></w:numPr></w:pPr></w:style>',
     '<w:style w:type="paragraph" w:styleId="S2"><w:name w:val="S2"/><w:basedOn w:val="S1"/></w:style>'])
DOC = "word/document.xml"
RELS = "word/_rels/document.xml.rels"
NUMBERING_REL = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"


def test_style_based_numbering_through_a_based_on_chain_is_read() -> None:
    texts = [block.text for block in assert_same_as_python_docx(NUMBERED)]
    assert texts[:3] == ["一、深化政策公开", "（一）及时发布文件", "（二）做好政策解读PLACEHOLDER"]


def _part(raw: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        return archive.read(name)


def _numbering_rel_to(target: bytes):
    def edit(rels: bytes) -> bytes:
        start = rels.index(NUMBERING_REL)
        at = rels.index(b'Target="', start) if rels.find(b'Target="', start) != -1 else rels.rindex(b'Target="', 0, start)
        end = rels.index(b'"', at + 8)
        return rels[:at + 8] + target + rels[end:]
    return edit


CASES = {
    "blank text before a comment": {DOC: _sub(b"<w:t>PLACEHOLDER</w:t>", b"<w:t>  <!-- note --></w:t>")},
    "text around a comment": {DOC: _sub(b"<w:t>PLACEHOLDER</w:t>", b"<w:t>A<!-- note -->B</w:t>")},
    "preserved blank text": {DOC: _sub(b"<w:t>PLACEHOLDER</w:t>", b'<w:t xml:space="preserve">  </w:t>')},
    "a processing instruction in text": {DOC: _sub(b"<w:t>PLACEHOLDER</w:t>", b"<w:t>A<?pi x?>B</w:t>")},
    "a document in GBK": {DOC: lambda d: d.decode("utf-8").replace("UTF-8", "GBK").encode("gbk")},
    "no numbering relationship": {RELS: lambda d: d.replace(NUMBERING_REL, b"urn:none")},
    "two numbering relationships": {RELS: lambda d: d.replace(b"</Relationships>", b'<Relationship Id="rId99" Type="'
                                                            + NUMBERING_REL + b'" Target="numbering.xml"/></Relationships>')},
    "numbering relationship to the settings": {RELS: _numbering_rel_to(b"settings.xml")},
    "numbering relationship to the theme": {RELS: _numbering_rel_to(b"theme/theme1.xml")},
    "numbering relationship to a missing part": {RELS: _numbering_rel_to(b"nothing.xml")},
    "no styles relationship": {RELS: lambda d: d.replace(b"relationships/styles\"", b"relationships/none\"")},
    "main document under another name": {  # word/document.xml stays, unrelated
        "_rels/.rels": lambda d: d.replace(b"word/document.xml", b"word/main.xml"),
        "[Content_Types].xml": lambda d: d.replace(b"/word/document.xml", b"/word/main.xml"),
        "word/main.xml": _part(NUMBERED, DOC).replace(b"PLACEHOLDER", b"MAIN"),
        "word/_rels/main.xml.rels": _part(NUMBERED, RELS)},
    "main document named without .xml": {
        "_rels/.rels": lambda d: d.replace(b"word/document.xml", b"word/body"),
        "[Content_Types].xml": lambda d: d.replace(b"/word/document.xml", b"/word/body"),
        "word/body": _part(NUMBERED, DOC).replace(b"PLACEHOLDER", b"BODY"),
        "word/_rels/body.rels": _part(NUMBERED, RELS)},
    "macro-enabled main document": {"[Content_Types].xml": lambda d: d.replace(
        b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml")},
    "no content types": {"[Content_Types].xml": None},
    "no package relationships": {"_rels/.rels": None},
    "damaged settings": {"word/settings.xml": lambda d: d[: len(d) // 2]},
    "damaged relationships": {RELS: lambda d: d[: len(d) // 2]},
    "damaged settings nobody relates to": {RELS: lambda d: re.sub(rb"<Relationship [^>]*settings.xml\"/>", b"", d),
                                           "word/settings.xml": lambda d: d[: len(d) // 2]},
    "damaged numbering": {"word/numbering.xml": lambda d: d[: len(d) // 2]},
    "damaged styles": {"word/styles.xml": lambda d: d[: len(d) // 2]},
    "an undeclared prefix": {DOC: _sub(b"<w:t>PLACEHOLDER</w:t>", b"<w:t>A</w:t><x:y/>")},
    "numbering start that is no number": {"word/numbering.xml": _sub(b'w:start w:val="1"', b'w:start w:val="abc"')},
    "list level 12": {DOC: _sub(b'<w:ilvl w:val="0"/>', b'<w:ilvl w:val="12"/>')},
    "numId that is no number": {DOC: _sub(b'<w:numId w:val="1"/>', b'<w:numId w:val="x1"/>')},
    "numId with a leading zero": {DOC: _sub(b'<w:numId w:val="1"/>', b'<w:numId w:val="01"/>')},
    "a style id holding a quote": {DOC: _sub(b'w:val="S2"', b'w:val="S&quot;2"')},
    "a style of an unknown type": {"word/styles.xml": _sub(b'w:type="paragraph" w:styleId="S1"',
                                                           b'w:type="box" w:styleId="S1"')},
    "a style of another type": {"word/styles.xml": _sub(b'w:type="paragraph" w:styleId="S1"',
                                                        b'w:type="character" w:styleId="S1"')},
    "two numbered default styles": {"word/styles.xml": _sub(
        b'w:type="paragraph" w:styleId="S1"', b'w:type="paragraph" w:default="1" w:styleId="S1"'),
        DOC: _sub(b'<w:pStyle w:val="S2"/>', b'<w:pStyle w:val="Missing"/>')},
}


@pytest.mark.parametrize("case", CASES)
def test_odd_and_damaged_documents_read_or_refuse_as_python_docx_does(case) -> None:
    assert_same_as_python_docx(_edited(NUMBERED, CASES[case]))


def test_a_vertical_merge_with_no_row_above_is_refused_as_python_docx_refuses_it() -> None:
    cell = '<w:tc><w:tcPr>{}</w:tcPr><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>'
    table = f'<w:tbl><w:tr>{cell.format("<w:vMerge/>", "甲")}{cell.format("", "乙")}</w:tr></w:tbl>'
    assert "Word 文档的内容有误" in assert_same_as_python_docx(build([table]))


def test_merged_cells_repeat_as_python_docx_repeats_them() -> None:
    cell = '<w:tc><w:tcPr>{}</w:tcPr><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>'
    rows = [cell.format("", "序号") + cell.format("", "工作任务") + cell.format("", "责任单位"),
            cell.format('<w:vMerge w:val="restart"/>', "1") + cell.format('<w:gridSpan w:val="1"/>', "公开预算")
            + cell.format('<w:vMerge w:val="restart"/>', "县财政局"),
            cell.format("<w:vMerge/>", "") + cell.format("", "公开决算") + cell.format("<w:vMerge/>", "")]
    blocks = assert_same_as_python_docx(build([f"<w:tbl><w:tr>{'</w:tr><w:tr>'.join(rows)}</w:tr></w:tbl>"]))
    assert blocks == [Table(rows=[["序号", "工作任务", "责任单位"], ["1", "公开预算", "县财政局"],
                                  ["1", "公开决算", "县财政局"]], line=1)]


# -- every .docx the project holds, and the exports of every notice -------------------------------


def _docx_files() -> list[Path]:
    return sorted({*ROOT.glob("tests/data/**/*.docx"), *(ROOT.parent / "shared").glob("**/*.docx")})


@pytest.mark.parametrize("path", _docx_files(), ids=lambda path: path.name)
def test_every_docx_on_hand_reads_as_python_docx_reads_it(path) -> None:
    assert isinstance(assert_same_as_python_docx(path.read_bytes()), list)


def _notices() -> list[Path]:
    shared = ROOT.parent / "shared"
    return sorted([*shared.glob("seeds/*.txt"), *shared.glob("corpus/raw/*.txt")])


@pytest.mark.parametrize("fmt", ["notice-docx", "table-docx"])
def test_the_exports_of_every_notice_read_as_python_docx_reads_them(host, fmt) -> None:
    from planwright.exporting import export_plan
    from planwright.importing import import_file

    notices = _notices()
    if not notices:
        pytest.skip("../shared holds no notices")
    for notice in notices:
        try:
            plan = import_file(notice, host=host).doc.plan
        except ImportError_:
            continue  # a page that holds no plan: nothing to export
        assert isinstance(assert_same_as_python_docx(export_plan(plan, fmt, host, allow_errors=True)), list), notice
