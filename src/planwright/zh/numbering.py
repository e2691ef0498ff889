"""Chinese numerals and the outline markers of a work plan (一、 （一） 1. （1）).

Pure functions, no I/O. Display numbering is derived from order and never
stored; this module renders it (:func:`marker`, :func:`path_label`) and
recognises it in imported text (:func:`parse_heading`), which is web-page
text with its typos: ``—、`` for ``一、``, mixed full/half-width brackets,
full-width digits, stray spaces.

Choices worth knowing:

* ``第一，`` / ``第一条`` and ``一是`` are *not* headings (inline enumeration or
  legal articles, not the outline of these plans): parse_heading returns None.
* A Chinese-numeral marker alone on a line (``一、``) is a heading with an
  empty ``rest``; an arabic marker needs text after it (``1.`` alone is page
  debris more often than an item).
* Circled numbers ①…㊿ are read as SUBITEM, like （1）.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum
from typing import Sequence

from planwright.zh.lazyre import lazy_compile

__all__ = [
    "Heading",
    "Level",
    "from_chinese",
    "marker",
    "parse_heading",
    "path_label",
    "strip_heading",
    "to_chinese",
]

_DIGITS = "零一二三四五六七八九"

# Every character from_chinese reads as a digit / unit.
_DIGIT_VALUE = {ch: i for i, ch in enumerate(_DIGITS)} | {
    "〇": 0, "○": 0, "两": 2, "兩": 2,
    "壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3, "肆": 4, "伍": 5, "陆": 6, "陸": 6,
    "柒": 7, "捌": 8, "玖": 9,
}
_UNIT_VALUE = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNIT_VALUE = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_TENS_VALUE = {"廿": 20, "卅": 30, "卌": 40}  # old single-character tens
_NUMERAL_CHARS = "".join([*_DIGIT_VALUE, *_UNIT_VALUE, *_BIG_UNIT_VALUE, *_TENS_VALUE])


def _under_10000(n: int, *, inner: bool) -> str:
    """0 < n < 10000. *inner*: not the leading group of the number (keeps 一十)."""
    out: list[str] = []
    zero_pending = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit == 0:
            zero_pending = bool(out)  # one 零 stands for any run of zeros inside
            continue
        if zero_pending:
            out.append("零")
            zero_pending = False
        # 十一, not 一十一, when 十 leads the whole number.
        if not (unit == "十" and digit == 1 and not out and not inner):
            out.append(_DIGITS[digit])
        out.append(unit)
    return "".join(out)


def to_chinese(n: int) -> str:
    """1→一, 10→十, 11→十一, 101→一百零一, 110→一百一十, 10010→一万零一十 (n < 10**12)."""
    if not isinstance(n, int) or isinstance(n, bool) or n < 0:
        raise ValueError(f"to_chinese needs a non-negative int, got {n!r}")
    if n >= 10**12:
        raise ValueError(f"to_chinese supports numbers below 10**12, got {n}")
    if n == 0:
        return "零"
    out: list[str] = []
    for value, unit in ((10**8, "亿"), (10**4, "万"), (1, "")):
        part = n // value % 10**4 if value < 10**8 else n // value
        if part == 0:
            continue
        if out and part < 1000:
            out.append("零")  # 一万零一十, 一亿零五万
        out.append(_under_10000(part, inner=bool(out)) + unit)
    return "".join(out)


def _digit_string(s: str) -> int:
    """二〇二一 style: every character a digit."""
    return int("".join(str(_DIGIT_VALUE[ch]) for ch in s))


def from_chinese(s: str) -> int:
    """Inverse of :func:`to_chinese`, tolerant of 〇/零, 两, 廿, 大写 (壹贰…),
    digit strings (二〇二一), and colloquial tails (一百一 = 110, 三万五 = 35000).

    Raises ValueError for anything that is not a Chinese numeral.
    """
    text = s.strip()
    if not text or any(ch not in _NUMERAL_CHARS for ch in text):
        raise ValueError(f"not a Chinese numeral: {s!r}")
    if len(text) > 1 and all(ch in _DIGIT_VALUE for ch in text):
        return _digit_string(text)
    total = section = 0
    digit: int | None = None
    last_unit = 10**13  # units inside a section must decrease (no 十百)
    last_big = 10**13
    after_zero = False
    prev_unit = 0  # unit directly before the pending digit (for 一百一)
    for ch in text:
        if ch in _DIGIT_VALUE:
            if digit is not None:
                raise ValueError(f"not a Chinese numeral (two digits in a row): {s!r}")
            digit = _DIGIT_VALUE[ch]
            if digit == 0:
                digit, after_zero, prev_unit = None, True, 0
        elif ch in _TENS_VALUE:
            if digit is not None or last_unit <= 10:
                raise ValueError(f"not a Chinese numeral: {s!r}")
            section += _TENS_VALUE[ch]
            last_unit, prev_unit = 10, 10
        elif ch in _UNIT_VALUE:
            unit = _UNIT_VALUE[ch]
            if unit >= last_unit:
                raise ValueError(f"not a Chinese numeral (units out of order): {s!r}")
            section += (1 if digit is None else digit) * unit
            digit, last_unit, prev_unit, after_zero = None, unit, unit, False
        else:  # 万 / 亿
            big = _BIG_UNIT_VALUE[ch]
            if big >= last_big:
                raise ValueError(f"not a Chinese numeral (units out of order): {s!r}")
            section += digit or 0
            if section == 0:
                raise ValueError(f"not a Chinese numeral ({ch} without a number): {s!r}")
            total += section * big
            section, digit, last_unit, last_big = 0, None, 10**13, big
            prev_unit, after_zero = big, False
    if digit is not None:
        # 一百一 = 110, 三万五 = 35000: a bare tail digit counts in the next unit down.
        if prev_unit >= 100 and not after_zero:
            digit *= prev_unit // 10
        section += digit
    return total + section


class Level(IntEnum):
    """Outline levels of a plan and the marker each one prints."""

    POINT = 1  # 一、
    TASK = 2  # （一）
    ITEM = 3  # 1.
    SUBITEM = 4  # （1）


def marker(level: Level, index: int) -> str:
    """Display marker for the 1-based *index* at *level*: 一、 / （一） / 1. / （1）."""
    if index < 1:
        raise ValueError(f"marker index is 1-based, got {index}")
    level = Level(level)
    if level is Level.POINT:
        return f"{to_chinese(index)}、"
    if level is Level.TASK:
        return f"（{to_chinese(index)}）"
    if level is Level.ITEM:
        return f"{index}."
    return f"（{index}）"


def path_label(indices: Sequence[int]) -> str:
    """Where a node sits, for findings and diff JSON: [2, 3, 4] → "二/（三）/4".

    Depths beyond SUBITEM are printed as plain numbers.
    """
    parts: list[str] = []
    for depth, index in enumerate(indices, start=1):
        if depth == Level.POINT:
            parts.append(to_chinese(index))
        elif depth == Level.TASK:
            parts.append(f"（{to_chinese(index)}）")
        elif depth == Level.SUBITEM:
            parts.append(f"（{index}）")
        else:
            parts.append(str(index))
    return "/".join(parts)


@dataclass(frozen=True)
class Heading:
    """A recognised outline heading: level, number, the marker as printed, the text after it."""

    level: Level
    number: int
    marker: str
    rest: str


_LEAD_WS = "\ufeff\u3000\xa0 \t\r\n"
_CN = r"[零〇一二三四五六七八九十百两]+"
_AR = r"[0-9０-９]{1,3}"
_OPEN = r"[（(]"
_CLOSE = r"[）)]"
_CIRCLED = {chr(0x2460 + i): i + 1 for i in range(20)}  # ①..⑳
_CIRCLED |= {chr(0x3251 + i): 21 + i for i in range(15)}  # ㉑..㉟
_CIRCLED |= {chr(0x32B1 + i): 36 + i for i in range(15)}  # ㊱..㊿

# Order matters: bracketed forms before bare ones. The negative lookaheads keep
# decimals (1.5亿元, 3.2%) and dates (6.30前) out.
_HEADING_RES: tuple[tuple[Level, re.Pattern[str]], ...] = (
    (Level.TASK, lazy_compile(rf"(?P<m>{_OPEN}\s*(?P<n>{_CN})\s*{_CLOSE})(?P<rest>.*)", re.S)),
    (Level.SUBITEM, lazy_compile(rf"(?P<m>{_OPEN}\s*(?P<n>{_AR})\s*{_CLOSE})(?P<rest>.*)", re.S)),
    (Level.POINT, lazy_compile(rf"(?P<m>(?P<n>{_CN}|[—―－])\s*、|(?P<n2>{_CN})\s*[.．](?![0-9０-９]))(?P<rest>.*)", re.S)),
    (Level.ITEM, lazy_compile(rf"(?P<m>(?P<n>{_AR})\s*(?:[、]|[.．](?![0-9０-９])))(?P<rest>.*)", re.S)),
)
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _number(level: Level, raw: str) -> int | None:
    if raw in "—―－":
        return 1  # "—、": 一 typed as a dash, common in web text
    if level in (Level.ITEM, Level.SUBITEM):
        return int(raw.translate(_FULLWIDTH_DIGITS))
    try:
        return from_chinese(raw)
    except ValueError:
        return None  # 十四五 and the like are not one number


def parse_heading(line: str) -> Heading | None:
    """Recognise an outline marker at the start of *line*; None for ordinary text."""
    text = line.lstrip(_LEAD_WS).rstrip()
    if not text:
        return None
    if text[0] in _CIRCLED:
        rest = text[1:].strip()
        return Heading(Level.SUBITEM, _CIRCLED[text[0]], text[0], rest) if rest else None
    for level, regex in _HEADING_RES:
        m = regex.match(text)
        if m is None:
            continue
        raw = m.group("n") or (m.group("n2") if "n2" in regex.groupindex else None) or ""
        number = _number(level, raw)
        rest = m.group("rest").strip()
        if number is None or number < 1:
            return None
        if not rest and level in (Level.ITEM, Level.SUBITEM):
            return None  # a bare "1." is page debris, not an item
        return Heading(level, number, m.group("m"), rest)
    return None


def strip_heading(line: str) -> str:
    """The line without its outline marker (and surrounding whitespace)."""
    heading = parse_heading(line)
    return heading.rest if heading is not None else line.strip(_LEAD_WS)
