"""Saved web pages: the article's paragraphs and tables, without the site around them.

Built on the standard library's ``html.parser`` (no extra dependency): a small
tolerant tree is built, the site's furniture is cut away — scripts, <nav>,
<footer>, blocks whose class or id says menu / breadcrumb / share /
footer, and link lists (navigation is mostly links) — and the rest is read as
lines. A <table> whose header names task columns (工作任务 / 责任单位 / 时限要求 …)
becomes a Table block; layout tables are read as lines, one row per line.
Line-level debris (索引号 blocks, "扫一扫…") is removed later, with the same
rules as for text files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from planwright.importing.common import Para, Source, Table
from planwright.importing.tables import is_task_table
from planwright.zh.lazyre import lazy_compile

_VOID = {"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "param", "source",
         "track", "wbr"}
_DROP = {"script", "style", "noscript", "nav", "footer", "aside", "form", "iframe", "select",
         "button", "svg", "canvas", "object", "template", "head", "map", "audio", "video", "textarea"}
_BLOCK = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
          "dl", "dt", "dd", "blockquote", "pre", "table", "tbody", "thead", "tfoot", "tr", "center",
          "address", "figure", "figcaption", "hr", "caption"}
# Tags that close an open element of the same kind (HTML lets authors omit </p>).
_SELF_CLOSING_SIBLINGS = {"p": {"p"}, "li": {"li"}, "tr": {"tr"}, "td": {"td", "th"}, "th": {"td", "th"},
                          "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "option": {"option"}}
# class / id words of site furniture (matched as whole words or word parts)
_FURNITURE_RE = lazy_compile(
    r"nav|menu|breadcrumb|crumb|position|weizhi|share|fenxiang|bdshare|footer|foot|copyright|banquan|"
    r"sidebar|side-?bar|toolbar|tool-?bar|print|dayin|search|login|qrcode|erweima|ewm|weixin|wechat|"
    r"related|xgwz|xgxx|topbar|top-?nav|skip|guanbi|close|fontsize|zihao|pagination|pager",
    re.I,
)
_ARTICLE_TEXT = 300  # a block with this much of its own text is content, whatever its class says
_WS_RE = lazy_compile(r"[ \t\r\n\f\v]+")
_CHARSET_RE = lazy_compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)


def declared_charset(raw: bytes) -> str | None:
    """The charset a page declares in its <meta>, if any."""
    m = _CHARSET_RE.search(raw[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str]
    line: int
    children: list["_Node | str"] = field(default_factory=list)


_MAX_DEPTH = 100  # elements open at once; the tree's readers recurse once or twice a level


class _TreeBuilder(HTMLParser):
    """A forgiving DOM: unclosed tags close with their parent, stray end tags are ignored."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("root", {}, 1)
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs) -> None:
        closes = _SELF_CLOSING_SIBLINGS.get(tag)
        if closes:
            for i in range(len(self.stack) - 1, 0, -1):
                if self.stack[i].tag in closes:
                    del self.stack[i:]
                    break
                if self.stack[i].tag in ("table", "ul", "ol", "div", "body"):
                    break
        if len(self.stack) >= _MAX_DEPTH and tag not in _VOID:
            # hundreds of unclosed <span>/<font> or thousands of nested <div>: no page is laid
            # out so deep; further tags are read flat (a block one as a line break) so that
            # the walks over the tree stay within Python's recursion limit
            if tag in _BLOCK:
                self.stack[-1].children.append(_Node("br", {}, self.getpos()[0]))
            return
        node = _Node(tag, {k: v or "" for k, v in attrs}, self.getpos()[0])
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.stack[-1].children.append(_Node(tag, {k: v or "" for k, v in attrs}, self.getpos()[0]))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def read_html(path: Path, text: str, encoding: str) -> Source:
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    _prune(builder.root, _Sizes(builder.root))
    lines = _Lines()
    lines.walk(builder.root)
    return Source(path=path, kind="网页", encoding=encoding, blocks=lines.finish())


# ---------------------------------------------------------------------------
# Cutting the furniture away


class _Sizes:
    """What the furniture test reads of a node's text, counted once for the whole tree.

    For every element: the characters of its text other than spacing, and the characters
    inside links (each text piece counted without its outer spacing). Asking each element
    for its whole text again (as the pruning walks down) read a deep page once per level.
    """

    def __init__(self, root: _Node) -> None:
        self.text: dict[int, int] = {}
        self.links: dict[int, int] = {}
        self._count(root)

    def _count(self, node: _Node) -> tuple[int, int, int]:
        """(text without spacing, stripped text in links, stripped text anywhere) of *node*."""
        if node.tag in _DROP:
            sizes = (0, 0, 0)
        else:
            text = links = stripped = 0
            for child in node.children:
                if isinstance(child, str):
                    text += len(child) - sum(map(child.count, _SPACING))
                    stripped += len(child.strip())
                else:
                    child_text, child_links, child_stripped = self._count(child)
                    text, links, stripped = text + child_text, links + child_links, stripped + child_stripped
            sizes = (text, stripped if node.tag == "a" else links, stripped)
        self.text[id(node)], self.links[id(node)] = sizes[0], sizes[1]
        return sizes


_SPACING = " \t\r\n\f\v"  # what _WS_RE takes out


def _is_furniture(node: _Node, sizes: _Sizes) -> bool:
    if node.tag in _DROP or _hidden(node):
        return True
    if node.tag not in ("div", "ul", "ol", "table", "span", "p", "section", "dl", "td"):
        return False
    text = sizes.text[id(node)]
    if not text:
        return False
    # lists of links are navigation, however they are named
    if node.tag in ("ul", "ol", "div", "dl", "table") and sizes.links[id(node)] >= 0.6 * text and text < 2000:
        return True
    names = f"{node.attrs.get('class', '')} {node.attrs.get('id', '')}"
    return bool(names.strip()) and _FURNITURE_RE.search(names) is not None and text < _ARTICLE_TEXT


def _hidden(node: _Node) -> bool:
    """An element the browser does not show: where hacked pages hide their injected spam."""
    if "hidden" in node.attrs:
        return True
    style = node.attrs.get("style", "")
    if not style:
        return False
    style = "".join(style.split()).lower()
    return "display:none" in style or "visibility:hidden" in style


def _prune(node: _Node, sizes: _Sizes) -> None:
    kept: list[_Node | str] = []
    for child in node.children:
        if isinstance(child, _Node):
            if _is_furniture(child, sizes):
                continue
            _prune(child, sizes)
        kept.append(child)
    node.children = kept


# ---------------------------------------------------------------------------
# Reading what is left as lines and tables


class _Lines:
    def __init__(self) -> None:
        self.blocks: list[Para | Table] = []
        self.buffer: list[str] = []
        self.line = 1

    def flush(self) -> None:
        text = "".join(self.buffer)
        self.buffer = []
        for part in text.split("\n"):
            if part.strip():
                self.blocks.append(Para(part, self.line))

    def walk(self, node: _Node | str) -> None:
        if isinstance(node, str):
            self.buffer.append(_WS_RE.sub(" ", node.replace("\xa0", " ")))
            return
        if node.tag == "br":
            self.buffer.append("\n")
            return
        if node.tag == "table":
            rows = _table_rows(node)
            if is_task_table(rows):
                self.flush()
                self.blocks.append(Table(rows=rows, line=node.line))
                return
        if node.tag in ("td", "th"):
            self.buffer.append("  ")  # cells of a layout row stay on one line
        if node.tag in _BLOCK:
            self.flush()
            self.line = node.line
        for child in node.children:
            self.walk(child)
        if node.tag in _BLOCK:
            self.flush()

    def finish(self) -> list[Para | Table]:
        self.flush()
        return self.blocks


def _cell_text(node: _Node) -> str:
    """A cell's text with its own paragraphs on separate lines (as Word gives them)."""
    sub = _Lines()
    for child in node.children:
        sub.walk(child)
    return "\n".join(b.text.strip() for b in sub.finish() if isinstance(b, Para))


def _direct_rows(table: _Node) -> list[_Node]:
    rows: list[_Node] = []
    for child in table.children:
        if isinstance(child, _Node):
            if child.tag == "tr":
                rows.append(child)
            elif child.tag in ("tbody", "thead", "tfoot"):
                rows.extend(c for c in child.children if isinstance(c, _Node) and c.tag == "tr")
    return rows


def _span(node: _Node, name: str) -> int:
    try:
        return max(1, min(50, int(node.attrs.get(name, "1") or 1)))
    except ValueError:
        return 1


def _table_rows(table: _Node) -> list[list[str]]:
    """Rows with colspan repeated across and rowspan carried down (as python-docx does)."""
    rows: list[list[str]] = []
    carried: dict[int, tuple[str, int]] = {}  # column → (text, rows still to fill)
    for tr in _direct_rows(table):
        row: list[str] = []
        cells = [c for c in tr.children if isinstance(c, _Node) and c.tag in ("td", "th")]
        for cell in cells:
            while len(row) in carried:
                row.append(_take(carried, len(row)))
            text = _cell_text(cell)
            for _ in range(_span(cell, "colspan")):
                if _span(cell, "rowspan") > 1:
                    carried[len(row)] = (text, _span(cell, "rowspan") - 1)
                row.append(text)
        while len(row) in carried:
            row.append(_take(carried, len(row)))
        rows.append(row)
    return rows


def _take(carried: dict[int, tuple[str, int]], column: int) -> str:
    text, left = carried[column]
    if left <= 1:
        del carried[column]
    else:
        carried[column] = (text, left - 1)
    return text

