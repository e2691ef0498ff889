"""Word (.docx) notices: paragraphs and tables in reading order, read from the package's XML.

A notice needs three parts of the package: word/document.xml, and numbering.xml with
styles.xml for the list markers Word numbers automatically (一、/（一）/1. are kept out of
the paragraph text; they are rebuilt here so that the outline parser sees what the reader
of the document sees). They are read with zipfile and ElementTree: python-docx, which the
exports use to write .docx, registers some hundred element classes on lxml as it is
imported, and that import alone was a third of a whole `planwright import notice.docx`.

What is read follows python-docx exactly (its reader is the oracle of the tests): the
package is opened through its relationships as python-docx opens it, a paragraph's text is
its runs' and hyperlinks' text as `Paragraph.text` gives it, a table row repeats merged
cells as `_Row.cells` does, and a damaged file is refused with the same message.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from planwright.zh.numbering import to_chinese
from planwright.importing.common import ImportError_, Para, Source, Table
from planwright.importing.tables import is_task_table

_CHINESE_FORMATS = {
    "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional",
    "ideographDigital", "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand",
}

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_CT = "application/vnd.openxmlformats-officedocument."
_DOCUMENT_CT = _CT + "wordprocessingml.document.main+xml"
_NUMBERING_CT = _CT + "wordprocessingml.numbering+xml"
_STYLES_CT = _CT + "wordprocessingml.styles+xml"
# the parts python-docx parses as it opens a package: a damaged one refuses the file there
_PARSED_CT = {_DOCUMENT_CT, _NUMBERING_CT, _STYLES_CT, _CT + "wordprocessingml.settings+xml",
              _CT + "wordprocessingml.header+xml", _CT + "wordprocessingml.footer+xml",
              _CT + "wordprocessingml.comments+xml", "application/vnd.openxmlformats-package.core-properties+xml"}

_NOT_WORD = "不是有效的 Word 文档，缺少正文部分 (not a Word document: {})"
_BAD_XML = "Word 文档的 XML 已损坏 (malformed XML: {})"
_BAD_CONTENT = "Word 文档的内容有误，无法读取 (malformed document: {})"


class _NotWord(Exception):
    """The package holds no Word document python-docx would open."""


class _BadXml(Exception):
    """A part python-docx parses is not well-formed XML."""


def read_docx(path: Path, raw: bytes) -> Source:
    """Blocks of a .docx; refuses a file that is not a Word document, saying why."""
    if not zipfile.is_zipfile(io.BytesIO(raw)):
        raise ImportError_(path, "不是有效的 .docx 文件：.docx 应为 zip 压缩包 (not a zip archive)")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            names = set(archive.namelist())
            xml_parts = _check_parts(path, archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, OSError, EOFError) as exc:
        raise ImportError_(path, f"不是有效的 .docx 文件：压缩包已损坏 (damaged zip archive: {exc})") from None
    if "word/document.xml" not in names:
        why = next((why for part, why in _OTHER_OFFICE.items() if part in names),
                   "不是 Word 文档：压缩包里没有正文 word/document.xml (not a Word document)")
        raise ImportError_(path, why)
    try:
        package = _Package(raw, names, xml_parts)
    except _NotWord as exc:
        raise ImportError_(path, _NOT_WORD.format(_one_line(exc))) from None
    except _BadXml as exc:
        raise ImportError_(path, _BAD_XML.format(_one_line(exc))) from None
    try:
        return _blocks_of(path, package)
    except (ValueError, IndexError, KeyError, TypeError) as exc:
        # attributes are read when asked (w:start="abc", a numId that is not a number,
        # ilvl beyond Word's nine levels, a merged cell with nothing above it): a damaged file
        raise ImportError_(path, _BAD_CONTENT.format(_one_line(exc))) from None


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())


# A notice's document.xml is well under a megabyte; a member that says it inflates past
# this is refused before anything is decompressed (a zip bomb takes gigabytes otherwise).
MAX_PART_BYTES = 50 * 2**20
MAX_PARTS_BYTES = 200 * 2**20


def _check_parts(path: Path, archive: zipfile.ZipFile) -> dict[str, bytes]:
    """The XML parts of the package by name, once none inflates too far or declares a DTD.

    zipfile stops reading a member at its declared size (and then fails its CRC), so the
    declared sizes bound what can be made to decompress. Word never writes a DOCTYPE;
    one is refused outright, so no entity (billion laughs) is ever expanded."""
    infos = archive.infolist()
    for info in infos:
        if info.file_size > MAX_PART_BYTES:
            raise ImportError_(path, f"压缩包中的 {info.filename} 解压后过大（{info.file_size // 2**20} MB），"
                                     f"不像一份通知 (a part inflates beyond {MAX_PART_BYTES // 2**20} MB)")
    if sum(info.file_size for info in infos) > MAX_PARTS_BYTES:
        raise ImportError_(path, f"压缩包解压后超过 {MAX_PARTS_BYTES // 2**20} MB，不像一份通知 (archive inflates too far)")
    parts: dict[str, bytes] = {}
    for info in infos:
        if info.filename.lower().endswith((".xml", ".rels")):
            with archive.open(info) as part:
                data = part.read(MAX_PART_BYTES + 1)
            if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
                raise ImportError_(path, f"{info.filename} 含有 DTD 声明（Word 不会写入），拒绝读取 "
                                         f"(a DTD in the document is refused)")
            parts[info.filename] = data  # of a repeated name, zipfile reads the last
    return parts


_OTHER_OFFICE = {  # a zip that is some other office file: say which, and what to do
    "xl/workbook.xml": "这是 Excel 表格，不是 Word 文档；请导入通知本身（.docx / .html / .txt）(a spreadsheet)",
    "ppt/presentation.xml": "这是 PowerPoint 演示文稿，不是 Word 文档 (a presentation)",
    "content.xml": "这是 OpenDocument 文档；请在 WPS 或 LibreOffice 中另存为 .docx 再导入 (OpenDocument: save as .docx)",
}


# -- the package ------------------------------------------------------------------------------


class _Package:
    """The parts of a .docx reached through its relationships, as python-docx opens them.

    The main document is the package's officeDocument relationship (not a fixed name);
    numbering and styles are the document's own relationships of those types. Every part
    python-docx would parse is parsed, so a damaged header or settings part refuses the
    file as it did."""

    def __init__(self, raw: bytes, names: set[str], xml_parts: dict[str, bytes]) -> None:
        self.raw, self.names, self.xml_parts = raw, names, xml_parts
        self.types = self._content_types()
        self.rels: dict[str, list[tuple[str, str]]] = {}  # part → its (type, target) relationships
        self._trees: dict[str, ElementTree.Element] = {}
        self._walk("/")
        for part in self.rels:
            if part != "/" and self._content_type(part) in _PARSED_CT:
                self._parse(part)  # the well-formedness python-docx checks on open
        document = self._related("/", "officeDocument", _NotWord)
        if document is None:
            raise _NotWord("no officeDocument relationship")
        if self._content_type(document) != _DOCUMENT_CT:
            raise _NotWord(f"content type is '{self._content_type(document)}'")
        self.document = self._parse(document)
        self._document = document

    def part_of(self, kind: str) -> tuple[ElementTree.Element | None, str | None]:
        """The root and content type of the document's numbering or styles part; no root
        when it has none of that kind or that part is not XML python-docx reads.

        Two relationships of one kind are a damaged file (ValueError)."""
        target = self._related(self._document, kind, ValueError)
        if target is None:
            return None, None
        content_type = self._content_type(target)
        return (self._parse(target) if content_type in _PARSED_CT else None), content_type

    def _content_types(self) -> tuple[dict[str, str], dict[str, str]]:
        if "[Content_Types].xml" not in self.names:
            raise _NotWord("There is no item named '[Content_Types].xml' in the archive")
        root = _parse_xml(self._blob("/[Content_Types].xml"))
        overrides = {(o.get("PartName") or "").lower(): o.get("ContentType") for o in root.findall(_TYPES + "Override")}
        defaults = {(d.get("Extension") or "").lower(): d.get("ContentType") for d in root.findall(_TYPES + "Default")}
        return overrides, defaults

    def _content_type(self, part: str) -> str | None:
        overrides, defaults = self.types
        if part.lower() in overrides:
            return overrides[part.lower()]
        extension = posixpath.splitext(part)[1]
        extension = extension[1:] if extension.startswith(".") else extension
        if extension.lower() in defaults:
            return defaults[extension.lower()]
        raise _NotWord(f"no content type for partname '{part}' in [Content_Types].xml")

    def _walk(self, start: str) -> None:
        """Every part reachable from the package's relationships, depth first."""
        stack = [start]
        while stack:
            part = stack.pop()
            rels = self._rels_of(part)
            self.rels[part] = rels
            if part != "/":
                if part[1:] not in self.names:
                    raise _NotWord(f"There is no item named '{part[1:]}' in the archive")
                self._content_type(part)
            for _, target in reversed(rels):
                if target and target not in self.rels and target not in stack:
                    stack.append(target)

    def _rels_of(self, part: str) -> list[tuple[str, str]]:
        base, name = posixpath.split(part)
        rels_name = posixpath.join(base, "_rels", f"{name}.rels")
        if rels_name[1:] not in self.names:
            return []
        rels = []
        for rel in _parse_xml(self._blob(rels_name)).findall(_RELS):
            if rel.get("TargetMode") == "External":
                rels.append((rel.get("Type") or "", ""))
                continue
            target = rel.get("Target")
            if target is None:
                raise _NotWord(f"a relationship of {part} has no target")
            rels.append((rel.get("Type") or "", posixpath.normpath(posixpath.join(base, target))))
        return rels

    def _related(self, part: str, kind: str, damaged: type[Exception]) -> str | None:
        targets = [target for rel_type, target in self.rels.get(part, []) if rel_type == _REL_TYPE + kind]
        if len(targets) > 1:
            raise damaged(f"multiple relationships of type '{kind}'")
        if targets and not targets[0]:
            raise damaged(f"the {kind} relationship points outside the package")
        return targets[0] if targets else None

    def _blob(self, part: str) -> bytes:
        return self.xml_parts[part[1:]]

    def _parse(self, part: str) -> ElementTree.Element:
        if part not in self._trees:
            name = part[1:]
            self._trees[part] = _parse_xml(self.xml_parts[name] if name in self.xml_parts else self._other_part(name))
        return self._trees[part]

    def _other_part(self, name: str) -> bytes:
        """An XML part whose name does not end in .xml (_check_parts has not read it)."""
        try:
            with zipfile.ZipFile(io.BytesIO(self.raw)) as archive, archive.open(name) as part:
                data = part.read(MAX_PART_BYTES + 1)
        except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as exc:
            raise _NotWord(str(exc)) from None
        if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
            raise _BadXml(f"{name}: a DTD in the document is refused")
        return data


_DECLARED_ENCODING_RE = re.compile(rb'^\s*<\?xml[^>]*encoding\s*=\s*["\']([A-Za-z0-9._-]+)["\']')


def _parse_xml(data: bytes) -> ElementTree.Element:
    """One XML part; comments and processing instructions are kept in the tree, as lxml
    keeps them, so that an element's text stops where lxml's does."""
    try:
        return _tree_of(data)
    except ValueError:  # expat reads no multi-byte legacy encoding (GBK); lxml does
        declared = _DECLARED_ENCODING_RE.match(data)
        try:
            text = data.decode(declared.group(1).decode("ascii")) if declared else None
        except (LookupError, UnicodeDecodeError):
            text = None
        if text is None:
            raise _BadXml("unsupported encoding") from None
        return _tree_of(text)


def _tree_of(data: bytes | str) -> ElementTree.Element:
    parser = ElementTree.XMLParser(target=ElementTree.TreeBuilder(insert_comments=True, insert_pis=True))
    try:
        parser.feed(data)
        return parser.close()
    except ElementTree.ParseError as exc:
        raise _BadXml(str(exc)) from None


# -- blocks -----------------------------------------------------------------------------------


def _blocks_of(path: Path, package: _Package) -> Source:
    numbering = _Numbering(package)
    body = package.document.find(_W + "body")
    if body is None:
        raise ValueError("the document has no w:body")
    blocks: list[Para | Table] = []
    number = 0
    for block in body:
        if block.tag == _W + "tbl":
            number += 1
            rows = _table_rows(block)
            if is_task_table(rows):
                blocks.append(Table(rows=rows, line=number))
            else:  # a layout table (a signature block, a title box): its text reads on
                blocks.extend(Para(part, number) for part in _layout_text(rows))
        elif block.tag == _W + "p":
            number += 1
            text = numbering.marker(block) + _paragraph_text(block)
            # a manual line break (Shift+Enter) separates paragraphs for the reader too
            blocks.extend(Para(part, number) for part in text.split("\n"))
    return Source(path=path, kind="Word 文档", encoding="", blocks=blocks)  # .docx: always UTF-8 XML


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


# What a run's children read as (python-docx's Run.text); w:br is a line break only when
# it breaks a line, a page or column break reads as nothing.
_RUN_TEXT = {_W + "cr": "\n", _W + "noBreakHyphen": "-", _W + "ptab": "\t", _W + "tab": "\t"}


def _paragraph_text(paragraph: ElementTree.Element) -> str:
    """The text of a w:p: its runs and its hyperlinks' runs, nothing else (not w:ins,
    w:smartTag, w:sdt or fields' wrappers), as python-docx's Paragraph.text reads it."""
    parts: list[str] = []
    for child in paragraph:
        if child.tag == _W + "r":
            _run_text(child, parts)
        elif child.tag == _W + "hyperlink":
            for run in child.iterfind(_W + "r"):
                _run_text(run, parts)
    return "".join(parts)


def _run_text(run: ElementTree.Element, parts: list[str]) -> None:
    for item in run:
        tag = item.tag
        if tag == _W + "t":
            text = item.text or ""
            if len(item) and not text.strip() and item.get(_XML_SPACE) != "preserve":
                text = ""  # lxml (remove_blank_text) drops blank text before a child element
            parts.append(text)
        elif tag == _W + "br":
            parts.append("\n" if item.get(_W + "type", "textWrapping") == "textWrapping" else "")
        elif tag in _RUN_TEXT:
            parts.append(_RUN_TEXT[tag])


# -- tables -----------------------------------------------------------------------------------


def _table_rows(table: ElementTree.Element) -> list[list[str]]:
    """Cell texts row by row, as python-docx's row.cells gives them: a cell spanning
    columns repeats, a vertically merged cell is the cell where its merge starts."""
    rows = table.findall(_W + "tr")
    cells = [row.findall(_W + "tc") for row in rows]
    texts: dict[int, str] = {}
    out = []
    for index, row in enumerate(rows):
        line: list[str] = []
        for cell in cells[index]:
            root, span = _merge_root(rows, cells, index, cell)
            key = id(root)
            if key not in texts:
                texts[key] = "\n".join(_paragraph_text(p) for p in root.iterfind(_W + "p"))
            line.extend([texts[key]] * span)
        out.append(line)
    return out


def _merge_root(rows, cells, index: int, cell: ElementTree.Element) -> tuple[ElementTree.Element, int]:
    """The cell holding the content of *cell* (itself unless it continues a vertical merge
    from the row above) and the number of grid columns that cell spans."""
    while _v_merge(cell) == "continue":
        if index == 0:
            raise ValueError("no tr above topmost tr in w:tbl")
        offset = _grid_before(rows[index]) + sum(_grid_span(c) for c in cells[index][:_index_of(cells[index], cell)])
        index -= 1
        cell = _cell_at(rows[index], cells[index], offset)
    return cell, _grid_span(cell)


def _index_of(cells: list[ElementTree.Element], cell: ElementTree.Element) -> int:
    return next(i for i, c in enumerate(cells) if c is cell)


def _cell_at(row: ElementTree.Element, cells: list[ElementTree.Element], offset: int) -> ElementTree.Element:
    remaining = offset - _grid_before(row)
    for cell in cells:
        if remaining < 0:
            break
        if remaining == 0:
            return cell
        remaining -= _grid_span(cell)
    raise ValueError(f"no `tc` element at grid_offset={offset}")


def _v_merge(cell: ElementTree.Element) -> str | None:
    merge = _grandchild(cell, "tcPr", "vMerge")
    return None if merge is None else merge.get(_W + "val", "continue")


def _grid_span(cell: ElementTree.Element) -> int:
    span = _grandchild(cell, "tcPr", "gridSpan")
    return 1 if span is None else _int_val(span)


def _grid_before(row: ElementTree.Element) -> int:
    before = _grandchild(row, "trPr", "gridBefore")
    return 0 if before is None else _int_val(before)


def _grandchild(node: ElementTree.Element, child: str, grandchild: str) -> ElementTree.Element | None:
    found = node.find(_W + child)
    return None if found is None else found.find(_W + grandchild)


def _int_val(node: ElementTree.Element) -> int:
    return int(_required_val(node))


def _required_val(node: ElementTree.Element) -> str:
    value = node.get(_W + "val")
    if value is None:
        raise ValueError(f"required 'w:val' attribute not present on element {node.tag}")
    return value


# -- automatic numbering ----------------------------------------------------------------------


class _Numbering:
    """Renders the automatic list marker of a paragraph (一、 （一） 1.) as Word shows it."""

    def __init__(self, package: _Package) -> None:
        self.levels: dict[tuple[str | None, int], tuple[str, str, int]] = {}
        self.counters: dict[str, list[int]] = {}
        self.style_numbering: dict[str | None, ElementTree.Element | None] = {}
        self.package = package
        self._styles: _Styles | None = None
        root, _ = package.part_of("numbering")  # any XML part serves python-docx as numbering
        if root is not None:
            self._load(root)

    def _load(self, root: ElementTree.Element) -> None:
        abstract: dict[str | None, dict[int, tuple[str, str, int]]] = {}
        for node in root.iterfind(_W + "abstractNum"):
            levels = {}
            for lvl in node.iterfind(_W + "lvl"):
                fmt = _val(lvl.find(_W + "numFmt")) or "decimal"
                text = _val(lvl.find(_W + "lvlText")) or ""
                start = int(_val(lvl.find(_W + "start")) or 1)
                levels[int(lvl.get(_W + "ilvl"))] = (fmt, text, start)  # type: ignore[arg-type]  # None: TypeError, damaged
            abstract[node.get(_W + "abstractNumId")] = levels
        for num in root.iterfind(_W + "num"):
            ref = _val(num.find(_W + "abstractNumId"))
            for ilvl, spec in abstract.get(ref, {}).items():
                self.levels[(num.get(_W + "numId"), ilvl)] = spec

    def marker(self, paragraph: ElementTree.Element) -> str:
        if not self.levels:
            return ""
        num_pr = self._num_pr(paragraph)
        num_id_node = None if num_pr is None else num_pr.find(_W + "numId")
        if num_id_node is None:
            return ""
        num_id = str(_int_val(num_id_node))  # python-docx reads it as a number: "07" is 7
        ilvl_node = num_pr.find(_W + "ilvl")
        ilvl = _int_val(ilvl_node) if ilvl_node is not None else 0
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

    def _num_pr(self, paragraph: ElementTree.Element) -> ElementTree.Element | None:
        """The paragraph's list numbering, its own or its style's (List Number, 标题 1 …)."""
        p_pr = paragraph.find(_W + "pPr")
        own = None if p_pr is None else p_pr.find(_W + "numPr")
        if own is not None:
            return own
        style = None if p_pr is None else p_pr.find(_W + "pStyle")
        style_id = None if style is None else _required_val(style)
        if style_id not in self.style_numbering:  # ask once per style
            if self._styles is None:
                self._styles = _Styles(*self.package.part_of("styles"))
            self.style_numbering[style_id] = self._styles.num_pr(style_id)
        return self.style_numbering[style_id]


_STYLE_TYPES = ("character", "numbering", "paragraph", "table")


class _Styles:
    """Paragraph styles as python-docx resolves them: an unknown id, or a style of another
    type, is the document's default paragraph style; based-on chains are followed ten deep."""

    def __init__(self, root: ElementTree.Element | None, content_type: str | None) -> None:
        # no styles part: python-docx supplies its own defaults, none of which is numbered
        if content_type is not None and content_type != _STYLES_CT:
            raise ValueError(f"the styles part has content type {content_type}")
        self.root = root

    def num_pr(self, style_id: str | None) -> ElementTree.Element | None:
        if self.root is None:
            return None
        style = self._paragraph_style(style_id)
        for _ in range(10):  # follow based-on styles, not forever
            if style is None:
                return None
            p_pr = style.find(_W + "pPr")
            num_pr = None if p_pr is None else p_pr.find(_W + "numPr")
            if num_pr is not None:
                return num_pr
            based_on = style.find(_W + "basedOn")
            style = None if based_on is None else self._by_id(_required_val(based_on))
        return None

    def _paragraph_style(self, style_id: str | None) -> ElementTree.Element | None:
        style = self._by_id(style_id) if style_id else None
        if style is not None and _style_type(style) == "paragraph":
            return style
        defaults = [s for s in self.root.iterfind(_W + "style") if _style_type(s) == "paragraph" and _on(s)]
        return defaults[-1] if defaults else None  # the last default, as the standard says

    def _by_id(self, style_id: str) -> ElementTree.Element | None:
        if '"' in style_id:  # python-docx looks it up with an XPath that this quote breaks
            raise ValueError(f"Invalid style id {style_id!r}")
        return next((s for s in self.root.iterfind(_W + "style") if s.get(_W + "styleId") == style_id), None)


def _style_type(style: ElementTree.Element) -> str | None:
    value = style.get(_W + "type")
    if value is not None and value not in _STYLE_TYPES:
        raise ValueError(f"WD_STYLE_TYPE has no XML mapping for '{value}'")
    return value


def _on(style: ElementTree.Element) -> bool:
    value = style.get(_W + "default")
    if value is None:
        return False
    if value not in ("1", "0", "true", "false", "on", "off"):
        raise ValueError(f"value must be one of '1', '0', 'true', 'false', 'on', or 'off', got '{value}'")
    return value in ("1", "true", "on")


def _render(n: int, fmt: str) -> str:
    return to_chinese(n) if fmt in _CHINESE_FORMATS else str(n)


def _val(node: ElementTree.Element | None) -> str | None:
    return None if node is None else node.get(_W + "val")
