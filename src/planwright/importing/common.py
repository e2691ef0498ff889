"""Types shared by the importer's stages: the error, read blocks, doubts."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from planwright.zh.lazyre import lazy_compile


class ImportError_(Exception):
    """A notice that cannot be imported: the message names the file and the reason.

    (Trailing underscore: ``ImportError`` is a Python built-in.)
    """

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


@dataclass
class Para:
    """One paragraph (a line of a text file, a <p>, a Word paragraph)."""

    text: str
    line: int = 0  # 1-based line in a text file, paragraph number otherwise


@dataclass
class Table:
    """A real table (Word or HTML): rows of cell texts, merged cells repeated."""

    rows: list[list[str]]
    line: int = 0


Block = Para | Table


@dataclass
class Source:
    """What a file held, as blocks in reading order."""

    path: Path
    kind: str  # 文本 / 网页 / Word 文档
    encoding: str  # as reported to the user
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Doubt:
    """Something the importer was unsure of, kept next to the node it concerns."""

    message: str
    node: object | None = None  # a model Point/Task/Item, or None for the plan
    line: int = 0


# Whitespace between two CJK characters (or CJK punctuation) is web-page
# debris: a line wrapped in the middle of a word (假期人 员流动). Between
# latin letters or digits it is real (IPv6 协议 stays).
_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff0f\uff1a-\uff20\u201c\u201d\u2018\u2019\u2014\u2026"
_GAP_SPACE = r"[ \t\u00a0\u3000\u2002\u2003\u2009]"
# the gap's first space is found first (in C) and the character before it looked back at
_CJK_GAP_RE = lazy_compile(rf"{_GAP_SPACE}(?<=[{_CJK}]{_GAP_SPACE}){_GAP_SPACE}*(?=[{_CJK}])")
_SPACE_RUN_RE = lazy_compile(r"[ \t\u00a0\u2002\u2003\u2009\u200b]+")
_GAP_HINT_RE = lazy_compile(r"[ \t\u00a0\u2002\u2003\u2009\u3000]")
_EDGE_WS = " \t\r\n\u00a0\u3000\ufeff\u200b"


def tidy(text: str) -> str:
    """A paragraph as stored: no indentation, no gaps inside Chinese text."""
    text = text.strip().strip(_EDGE_WS).strip()  # str.strip() knows \u2003, \u3000 …
    if _GAP_HINT_RE.search(text):
        text = _CJK_GAP_RE.sub("", text)
        text = _SPACE_RUN_RE.sub(" ", text)
    return text


def squeeze(text: str) -> str:
    """Text without any whitespace: the form used to compare titles and labels."""
    return "".join(text.split())  # str.split() knows every Unicode space, \u3000 too


@dataclass
class Line:
    """A kept paragraph: printed text (tidied), its simplified form, where it was."""

    text: str
    sim: str
    line: int = 0
