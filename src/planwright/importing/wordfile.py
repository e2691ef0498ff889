"""Word (.docx) notices: paragraphs and tables in reading order, through python-docx.

Word's automatic list numbering keeps 一、/（一）/1. out of the paragraph text;
those markers are rebuilt here from numbering.xml so that the outline parser
sees what the reader of the document sees.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from planwright.zh.numbering import to_chinese
from planwright.importing.common import ImportError_, Para, Source, Table
from planwright.importing.tables import is_task_table

_CHINESE_FORMATS = {
    "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional",
    "ideographDigital", "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand",
}


def read_docx(path: Path, raw: bytes) -> Source:
    """Blocks of a .docx; refuses a file that is not a Word document, saying why."""
    if not zipfile.is_zipfile(io.BytesIO(raw)):
        raise ImportError_(path, "不是有效的 .docx 文件：.docx 应为 zip 压缩包 (not a zip archive)")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            names = set(archive.namelist())
            _check_parts(path, archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, OSError, EOFError) as exc:
        raise ImportError_(path, f"不是有效的 .docx 文件：压缩包已损坏 (damaged zip archive: {exc})") from None
    if "word/document.xml" not in names:
        why = next((why for part, why in _OTHER_OFFICE.items() if part in names),
                   "不是 Word 文档：压缩包里没有正文 word/document.xml (not a Word document)")
        raise ImportError_(path, why)
    import docx  # python-docx; imported here so text imports do not pay for it
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise ImportError_(path, f"不是有效的 Word 文档，缺少正文部分 (not a Word document: {exc})") from None
    except etree.XMLSyntaxError as exc:
        raise ImportError_(path, f"Word 文档的 XML 已损坏 (malformed XML: {exc})") from None
    try:
        return _blocks_of(path, document)
    except (ValueError, IndexError, KeyError, TypeError, etree.LxmlError) as exc:
        # python-docx reads attributes when asked (w:start="abc", a numId that is not a
        # number, ilvl beyond Word's nine levels): any of them is a damaged file
        raise ImportError_(path, f"Word 文档的内容有误，无法读取 (malformed document: {exc})") from None


# A notice's document.xml is well under a megabyte; a member that says it inflates past
# this is refused before anything is decompressed (a zip bomb takes gigabytes otherwise).
MAX_PART_BYTES = 50 * 2**20
MAX_PARTS_BYTES = 200 * 2**20


def _check_parts(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse a .docx whose parts would inflate too far, or whose XML declares a DTD.

    zipfile stops reading a member at its declared size (and then fails its CRC), so the
    declared sizes bound what python-docx can be made to decompress. Word never writes a
    DOCTYPE; one is refused outright, so no entity (billion laughs) is ever expanded."""
    infos = archive.infolist()
    for info in infos:
        if info.file_size > MAX_PART_BYTES:
            raise ImportError_(path, f"压缩包中的 {info.filename} 解压后过大（{info.file_size // 2**20} MB），"
                                     f"不像一份通知 (a part inflates beyond {MAX_PART_BYTES // 2**20} MB)")
    if sum(info.file_size for info in infos) > MAX_PARTS_BYTES:
        raise ImportError_(path, f"压缩包解压后超过 {MAX_PARTS_BYTES // 2**20} MB，不像一份通知 (archive inflates too far)")
    for info in infos:
        if info.filename.endswith((".xml", ".rels")):
            with archive.open(info) as part:
                data = part.read(MAX_PART_BYTES + 1)
            if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
                raise ImportError_(path, f"{info.filename} 含有 DTD 声明（Word 不会写入），拒绝读取 "
                                         f"(a DTD in the document is refused)")


def _blocks_of(path: Path, document) -> Source:
    numbering = _Numbering(document)
    blocks: list[Para | Table] = []
    for number, block in enumerate(document.iter_inner_content(), 1):
        if hasattr(block, "rows"):
            rows = [[cell.text for cell in row.cells] for row in block.rows]
            if is_task_table(rows):
                blocks.append(Table(rows=rows, line=number))
            else:  # a layout table (a signature block, a title box): its text reads on
                blocks.extend(Para(part, number) for part in _layout_text(rows))
            continue
        text = numbering.marker(block) + block.text
        # a manual line break (Shift+Enter) separates paragraphs for the reader too
        blocks.extend(Para(part, number) for part in text.split("\n"))
    return Source(path=path, kind="Word 文档", encoding="", blocks=blocks)  # .docx: always UTF-8 XML


_OTHER_OFFICE = {  # a zip that is some other office file: say which, and what to do
    "xl/workbook.xml": "这是 Excel 表格，不是 Word 文档；请导入通知本身（.docx / .html / .txt）(a spreadsheet)",
    "ppt/presentation.xml": "这是 PowerPoint 演示文稿，不是 Word 文档 (a presentation)",
    "content.xml": "这是 OpenDocument 文档；请在 WPS 或 LibreOffice 中另存为 .docx 再导入 (OpenDocument: save as .docx)",
}


def _layout_text(rows: list[list[str]]) -> list[str]:
    """Each cell's paragraphs once (merged cells repeat), row by row."""
    out: list[str] = []
    for row in rows:
        seen: set[str] = set()
        for cell in row:
            if cell not in seen:
                seen.add(cell)
                out.extend(part for part in cell.split("\n") if part.strip())
    return out


class _Numbering:
    """Renders the automatic list marker of a paragraph (一、 （一） 1.) as Word shows it."""

    def __init__(self, document) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, list[int]] = {}
        self.style_numbering: dict[str | None, object] = {}
        try:
            self._load(document.part.numbering_part.element)
        except (NotImplementedError, KeyError, AttributeError):
            pass  # no numbering part: no automatic markers

    def _load(self, root) -> None:
        from docx.oxml.ns import qn

        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in node.findall(qn("w:lvl")):
                fmt = _val(lvl.find(qn("w:numFmt"))) or "decimal"
                text = _val(lvl.find(qn("w:lvlText"))) or ""
                start = int(_val(lvl.find(qn("w:start"))) or 1)
                levels[int(lvl.get(qn("w:ilvl")))] = (fmt, text, start)
            abstract[node.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            ref = _val(num.find(qn("w:abstractNumId")))
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
            raise ValueError(f"编号级别 ilvl={ilvl} 超出 Word 的 0–8 (list level out of range)")
        spec = self.levels.get((num_id, ilvl))
        if spec is None:
            return ""
        counts = self.counters.setdefault(num_id, [0] * 9)
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else spec[2]
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0  # a new parent restarts its children
        text = spec[1]
        for level in range(ilvl + 1):
            fmt = self.levels.get((num_id, level), ("decimal", "", 1))[0]
            text = text.replace(f"%{level + 1}", _render(counts[level] or 1, fmt))
        return text

    def _num_pr(self, paragraph):
        """The paragraph's list numbering, its own or its style's (List Number, 标题 1 …)."""
        p_pr = paragraph._p.pPr
        if p_pr is not None and p_pr.numPr is not None:
            return p_pr.numPr
        # paragraph.style walks every style of the document: ask once per style id
        style_id = p_pr.style if p_pr is not None else None
        if style_id not in self.style_numbering:
            self.style_numbering[style_id] = _style_num_pr(paragraph.style)
        return self.style_numbering[style_id]


def _style_num_pr(style):
    for _ in range(10):  # follow based-on styles, not forever
        if style is None:
            return None
        s_pr = style.element.pPr
        if s_pr is not None and s_pr.numPr is not None:
            return s_pr.numPr
        style = style.base_style
    return None


def _render(n: int, fmt: str) -> str:
    return to_chinese(n) if fmt in _CHINESE_FORMATS else str(n)


def _val(node) -> str | None:
    if node is None:
        return None
    from docx.oxml.ns import qn

    return node.get(qn("w:val"))
