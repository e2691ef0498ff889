"""Small text helpers of the importer: outline markers and heading sentences."""

from __future__ import annotations

from functools import lru_cache

from planwright.zh.brackets import top_level
from planwright.zh.lazyre import lazy_compile
from planwright.zh.numbering import Heading, Level, parse_heading

# （―） / (—) / （－）: 一 typed as a dash inside the task brackets (numbering
# already reads "—、" as 一、).
_DASH_TASK_RE = lazy_compile(r"^(\s*[（(]\s*)[—―－─‐-](\s*[）)])")
# "1.26个试点领域…": an item marker followed by a number, which the general
# heading rule refuses (it keeps 1.5亿元 out); accepted when the number is the
# one expected next and what follows is not a decimal amount.
_NUMBERED_DIGIT_RE = lazy_compile(r"^\s*(\d{1,2})\s*[.．]\s*(?=\d)")
_DECIMAL_TAIL_RE = lazy_compile(r"\d+(?:[.．]\d+)?\s*(?:%|％|‰|亿|万|千|百|倍|个百分点|元|米|公里|平方|吨|度)")
_AFTER_MARKER = "、，,.．:："
_PURE_NUMBER_RE = lazy_compile(r"^\s*[0-9０-９]{1,3}\s*[.．、]?\s*$")


@lru_cache(maxsize=4096)  # every stage asks about the same lines
def heading(text: str, expected_item: int | None = None) -> Heading | None:
    """The outline heading at the start of a paragraph, tolerant of web typos."""
    if text[:1] in "（(" or text.lstrip()[:1] in "（(":
        text = _DASH_TASK_RE.sub(r"\g<1>一\g<2>", text, count=1)
    found = parse_heading(text)
    if found is not None and found.rest[:1] in _AFTER_MARKER:  # （一）、做好… / 一、．…
        found = Heading(found.level, found.number, found.marker, found.rest.lstrip(_AFTER_MARKER + " \u3000"))
    if found is not None or expected_item is None:
        return found
    m = _NUMBERED_DIGIT_RE.match(text)
    if m and int(m.group(1)) == expected_item:
        rest = text[m.end():].strip()
        if rest and not _DECIMAL_TAIL_RE.match(rest):
            return Heading(Level.ITEM, expected_item, text[: m.end()].strip(), rest)
    return None


def is_pure_number(text: str) -> bool:
    """A cell holding only a row number (表格序号): ``12`` / ``12.``."""
    return _PURE_NUMBER_RE.match(text) is not None


# Sentence ends that close a heading sentence. A colon closes it only early in
# the paragraph (（一）工作目标：到年底…), not in a long sentence.
_SENTENCE_END = "。！？!?"
_COLON = "：:"
_COLON_WITHIN = 24


def split_heading_sentence(text: str) -> tuple[str, str]:
    """(heading sentence without its end mark, the rest) of a heading paragraph.

    Brackets, quotes and 《》 are skipped over, so an end mark inside them does
    not end the heading. A heading with no end mark is the whole paragraph.
    """
    for i, ch in top_level(text, quotes=True):
        if ch in _SENTENCE_END or (ch in _COLON and i <= _COLON_WITHIN):
            return text[:i].strip(), text[i + 1 :].strip()
        if ch in ".．" and _is_period(text, i):
            return text[:i].strip(), text[i + 1 :].strip()
    return strip_end(text), ""


def _is_period(text: str, i: int) -> bool:
    """A half-width full stop between two Chinese characters (web pages: 执法”.重点)."""
    before = text[i - 1] if i else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    return bool(before) and bool(after) and not before.isdigit() and not after.isdigit() \
        and not before.isascii() and not after.isascii()


def strip_end(text: str) -> str:
    """A title without the punctuation that closes it (。；，. and spaces)."""
    return text.strip().rstrip("。；;，,.．:：、 \u3000").strip()
