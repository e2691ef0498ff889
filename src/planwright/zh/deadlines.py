"""Deadline phrases (时限要求): parse them, shift them to another year, find them in text.

A clerk writes the deadline of a task as free text: ``2021年10月底``, ``持续推进``,
``在人代会召开后20日内``.  The plan stores exactly that text; this module gives it a meaning
(``parse``), moves it for the yearly roll-over (``shift``) and finds such phrases inside a
sentence of an imported notice (``extract``).

Pure functions, no I/O.  ``parse`` is called for every task on every redraw and check, so the
regexes are compiled once here and results are cached per (phrase, plan year, plugin phrases).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple

from planwright.zh.brackets import CLOSERS, OPENERS
from planwright.zh.lazyre import compile_pattern, lazy_compile

__all__ = [
    "Deadline",
    "DeadlinePhrase",
    "Kind",
    "extract",
    "parse",
    "shift",
    "shiftable",
]


class Kind(StrEnum):
    NONE = "none"
    DATE = "date"
    MONTH_END = "month_end"
    QUARTER = "quarter"
    HALF_YEAR = "half_year"
    RECURRING = "recurring"
    CONTINUOUS = "continuous"
    RELATIVE = "relative"
    UNPARSED = "unparsed"


# Default UI label of each kind; a few rules use a more precise one ("年底", "中旬").
_LABELS: dict[Kind, str] = {
    Kind.NONE: "",
    Kind.DATE: "日期",
    Kind.MONTH_END: "月底",
    Kind.QUARTER: "季度",
    Kind.HALF_YEAR: "半年",
    Kind.RECURRING: "周期性",
    Kind.CONTINUOUS: "持续",
    Kind.RELATIVE: "相对时限",
    Kind.UNPARSED: "无法解析",
}

_UNRECOGNISED = "无法识别的时限表述"


@dataclass(frozen=True, slots=True)
class Deadline:
    phrase: str
    kind: Kind
    due: date | None
    year: int | None
    label: str
    reason: str = ""
    count: int | None = None
    unit: str = ""
    event: str = ""

    def describe(self) -> str:
        """One line for the editor's status bar."""
        if self.kind is Kind.NONE:
            return "未填写时限"
        if self.kind is Kind.UNPARSED:
            return f"无法解析：{self.phrase}（{self.reason}）"
        if self.due is not None:
            return f"→ {self.due.isoformat()} {self.label}"
        if self.kind in _DATED_KINDS:
            # e.g. 年底前 in a plan whose year is not set yet.
            return f"→ {self.phrase}（{self.label}，年份未定）"
        return f"→ {self.phrase}（{self.label}）"

    def shift(self, years: int, extra: Sequence[DeadlinePhrase] = ()) -> Deadline:
        """The same deadline ``years`` later: shifted phrase, re-parsed in the shifted plan year."""
        new_year = None if self.year is None else self.year + years
        return parse(shift(self.phrase, years), new_year, extra)


@dataclass(frozen=True)
class DeadlinePhrase:
    """A phrase a style plugin teaches the parser.

    ``pattern`` is ``re.fullmatch``-ed against the *normalised* phrase (see ``_normalise``:
    no whitespace, ASCII digits, Chinese month/quarter numerals as digits, dashes as ``-``).
    Without a ``due`` callable, the named groups ``year``/``month``/``day``/``quarter``/``half``
    (上/下) give the due date, and ``count``/``unit``/``event`` fill a RELATIVE deadline.
    """

    name: str
    pattern: str
    kind: Kind
    label: str = ""
    style: str | None = None
    due: Callable[[re.Match[str], int | None], date | None] | None = None


_DATED_KINDS = frozenset({Kind.DATE, Kind.MONTH_END, Kind.QUARTER, Kind.HALF_YEAR})

# ---------------------------------------------------------------------------------------------
# Normalisation

# One translate() pass (cheaper than regexes): full-width digits to ASCII, every dash to "-",
# and no whitespace at all (a clerk's "2021年 10月底" or a full-width space \u3000).
_TABLE = str.maketrans(
    "０１２３４５６７８９－—–―‐‑~～〜",
    "0123456789---------",
    " \t\n\r\v\f\u3000\xa0\u2002\u2003\u2009\u200b\ufeff",
)
# Brackets, and the quotes a clerk sometimes puts round a deadline ("“6月底前”").
_OPEN, _CLOSE = OPENERS + "“", CLOSERS + "”"
_TRAILING = "。；;，,、.：:"
# A clerk sometimes keeps the column caption: "完成时限：2021年10月底".
_CAPTION_RE = lazy_compile(r"^(?:完成)?(?:时限|期限|完成时间)(?:要求)?[:：]")
# 至 / 到 between two years or dates is a range, the same as a dash.
_RANGE_WORD_RE = lazy_compile(r"(?<=[\d年月日])(?:至|到)(?=\d)")
_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# Chinese numerals only where they count something, so that 统一 or 第一时间 stay as they are.
# A run is taken whole (possessive, and never from its middle): a lookahead that fails
# after a thousand 十 is not retried at each shorter length and each later start.
_CN_NUM_RE = lazy_compile(r"(?<![〇零一二两三四五六七八九十])[〇零一二两三四五六七八九十]++(?=月|季|日|号|个|天|工作日|周|年|次)")
_HAS_CN_NUM = lazy_compile(r"[〇零一二两三四五六七八九十]")


def _cn_to_int(cn: str) -> int:
    """一→1, 十→10, 十二→12, 二十五→25; 二〇二一 (a year, no 十) → 2021 digit by digit.

    Raises ValueError for what counts nothing (十十, a run of a thousand 十 or 一): a
    month, day or year is at most four characters."""
    if len(cn) > 4 or cn.count("十") > 1:
        raise ValueError(f"not a count: {cn[:10]!r}")
    if "十" not in cn:
        return int("".join(str(_CN_DIGITS[c]) for c in cn))
    tens, _, ones = cn.partition("十")
    tens_value = _cn_to_int(tens) if tens else 1
    return tens_value * 10 + (_cn_to_int(ones) if ones else 0)


def _cn_repl(m: re.Match[str]) -> str:
    try:
        return str(_cn_to_int(m.group()))
    except (KeyError, ValueError):  # e.g. 十十: not a number, leave it to fail later
        return m.group()


def _strip_wrappers(s: str) -> str:
    """Drop trailing 。；, and surrounding brackets, as often as they nest."""
    while True:
        before = s
        s = s.rstrip(_TRAILING)
        if len(s) >= 2 and s[0] in _OPEN and s[-1] in _CLOSE:
            s = s[1:-1]
        if s == before:
            return s


def _normalise(phrase: str) -> str:
    """The text the rules match: see DeadlinePhrase for what a plugin pattern can rely on."""
    s = phrase.translate(_TABLE)
    # Each step is guarded by a cheap test: most phrases need none of them.
    if s and (s[0] in _OPEN or s[-1] in _TRAILING):
        s = _strip_wrappers(s)
    if "：" in s or ":" in s:
        s = _strip_wrappers(_CAPTION_RE.sub("", s))
    if "至" in s or "到" in s:
        s = _RANGE_WORD_RE.sub("-", s)
    if _HAS_CN_NUM.search(s):
        s = _CN_NUM_RE.sub(_cn_repl, s)
    return s


# ---------------------------------------------------------------------------------------------
# Built-in rules for dated phrases. Every one accepts the same leading and trailing words,
# so "于2021年10月底前完成" and "截至2021年底" parse like "2021年10月底".

_PRE = r"(?:力争|确保|务必|最迟|计划|预计)?(?:于|在|截至|截止到|截止至|截止|到|至|不晚于)?"
_SUF = r"(?:前|以前|之前|为止|止|截止)?(?:全面|基本|全部)?(?:完成|办结|到位|落实到位|完成任务)?"
_Y = r"(?:(?P<year>\d{4})年(?:度)?)"


def _rule(core: str) -> re.Pattern[str]:
    return lazy_compile(_PRE + core + _SUF)


_DATE_CN_RE = _rule(_Y + r"?(?P<month>\d{1,2})月(?P<day>\d{1,2})[日号]")
_DATE_NUM_RE = _rule(r"(?P<year>\d{4})[./-](?P<month>\d{1,2})[./-](?P<day>\d{1,2})日?")
_XUN_RE = _rule(_Y + r"?(?P<month>\d{1,2})月(?:份)?(?P<xun>[上中下])旬(?:末)?")
_MONTH_RE = _rule(_Y + r"?(?P<month>\d{1,2})月(?:份)?(?:底|末)?")
_QUARTER_RE = _rule(_Y + r"?第?(?P<quarter>\d)季度(?:末|底)?")
_HALF_RE = _rule(_Y + r"?(?P<half>[上下])半年(?:度)?(?:末|底)?")
_MIDYEAR_RE = _rule(_Y + r"?年中")
_YEAR_RE = _rule(r"(?P<year>\d{4})年(?:度)?(?:年(?:度)?)?(?:底|末|内|全年)?")
_YEAR_PLAN_RE = _rule(r"(?:本|今|当)?年(?:度)?(?:底|末|内)")
_RANGE_SPLIT_RE = lazy_compile(r"-+")
_DIGIT_RE = lazy_compile(r"\d")
_BARE_YEAR_RE = lazy_compile(r"\d{4}")

# Relative to an event: "在人代会召开后20日内", "收到申请之日起15个工作日内", "20个工作日内".
_REL_RE = lazy_compile(
    r"(?:在|于|自|从)?(?P<event>\D+?)(?:之后|以后|后|之日起|起)的?"
    r"(?P<count>\d+)个?(?P<unit>工作日|日|天|个月|月|周|星期|年)(?:内|以内|之内)?"
    r"(?:完成|办结|公开)?"
)
_REL_BARE_RE = lazy_compile(r"(?P<count>\d+)个?(?P<unit>工作日|日|天|个月|周)(?:内|以内|之内)")
# An event without a number of days: "文件印发后及时公开".
_REL_EVENT_RE = lazy_compile(r"(?:在|于)?(?P<event>\D+?)(?:之后|以后|后)(?:及时|立即|第一时间)?(?:公开|发布|完成)?")
_UNITS = {"天": "日", "月": "个月", "星期": "周"}

# Recurring and continuous are recognised by a key word anywhere in the phrase.
_RECURRING_RE = lazy_compile(r"每个?(?:年|半年|季|月|周|旬|日|天|星期|次)|^定期|^按(?:年|半年|季度?|月|周)|^逐(?:年|季|月)")
_CONTINUOUS_RE = lazy_compile(
    r"持续|长期|常态|全年|常年|全程|贯穿|及时|随时|实时|即时|立即|动态|日常|经常|不定期|适时"
    r"|按时|同步|一直|始终|依申请|另行|视情"
    r"|(?:按|按照|根据|依据).{0,8}(?:要求|规定|安排|部署|需要|进度)"
)
_KEYWORD_MAX = 20
# A dash or slash in a table cell means "no deadline", the same as an empty cell.
_NONE_RE = lazy_compile(r"[-/\\]*|无")


# ---------------------------------------------------------------------------------------------
# Building results


class _Meaning(NamedTuple):
    """A Deadline without its phrase: the rules work on the normalised text, and parse() adds
    the phrase as written (one object built per parse instead of two: parse is hot)."""

    kind: Kind
    due: date | None
    year: int | None
    label: str
    reason: str = ""
    count: int | None = None
    unit: str = ""
    event: str = ""


def _ok(kind: Kind, due: date | None, year: int | None, label: str = "") -> _Meaning:
    return _Meaning(kind, due, year, label or _LABELS[kind])


def _bad(reason: str, year: int | None = None) -> _Meaning:
    return _Meaning(Kind.UNPARSED, None, year, _LABELS[Kind.UNPARSED], reason)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year_of(m: re.Match[str], plan_year: int | None) -> int | None:
    """The year written in the phrase, else the plan year."""
    written = m.groupdict().get("year")
    return int(written) if written else plan_year


def _when(year: int | None, text: str) -> str:
    return f"{year}年{text}" if year is not None else text


def _date_result(m: re.Match[str], plan_year: int | None) -> _Meaning:
    year = _year_of(m, plan_year)
    month, day = int(m["month"]), int(m["day"])
    # Without any year, still refuse 2月30日; a leap year lets 2月29日 through.
    try:
        due = date(year if year is not None else 2000, month, day)
    except ValueError:
        return _bad(f"日期不存在：{_when(year, f'{month}月{day}日')}", year)
    return _ok(Kind.DATE, due if year is not None else None, year)


def _month_result(m: re.Match[str], plan_year: int | None, kind: Kind, label: str = "",
                  day: int | None = None) -> _Meaning:
    year = _year_of(m, plan_year)
    month = int(m["month"])
    if not 1 <= month <= 12:
        return _bad(f"月份不存在：{month}月", year)
    if year is None:
        return _ok(kind, None, None, label)
    due = date(year, month, day) if day else _month_end(year, month)
    return _ok(kind, due, year, label)


def _xun_result(m: re.Match[str], plan_year: int | None) -> _Meaning:
    # 上旬 ends on the 10th, 中旬 on the 20th, 下旬 with the month.
    xun = m["xun"]
    if xun == "下":
        return _month_result(m, plan_year, Kind.MONTH_END, "下旬")
    return _month_result(m, plan_year, Kind.DATE, f"{xun}旬", 10 if xun == "上" else 20)


def _quarter_result(m: re.Match[str], plan_year: int | None) -> _Meaning:
    year = _year_of(m, plan_year)
    quarter = int(m["quarter"])
    if not 1 <= quarter <= 4:
        return _bad(f"季度不存在：第{quarter}季度", year)
    due = _safe_month_end(year, quarter * 3)
    return _ok(Kind.QUARTER, due, year)


def _half_result(m: re.Match[str], plan_year: int | None, half: str | None = None) -> _Meaning:
    year = _year_of(m, plan_year)
    month = 6 if (half or m["half"]) == "上" else 12
    return _ok(Kind.HALF_YEAR, _safe_month_end(year, month), year)


def _year_end_result(m: re.Match[str], plan_year: int | None) -> _Meaning:
    year = _year_of(m, plan_year)
    return _ok(Kind.MONTH_END, _safe_month_end(year, 12), year, "年底")


def _safe_month_end(year: int | None, month: int) -> date | None:
    return None if year is None else _month_end(year, month)


_RULES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str], int | None], _Meaning]], ...] = (
    (_DATE_CN_RE, _date_result),
    (_DATE_NUM_RE, _date_result),
    (_XUN_RE, _xun_result),
    (_MONTH_RE, lambda m, y: _month_result(m, y, Kind.MONTH_END)),
    (_QUARTER_RE, _quarter_result),
    (_HALF_RE, _half_result),
    (_MIDYEAR_RE, lambda m, y: _half_result(m, y, "上")),
    (_YEAR_RE, _year_end_result),
    (_YEAR_PLAN_RE, _year_end_result),
)


def _dated(norm: str, plan_year: int | None) -> _Meaning | None:
    for regex, build in _RULES:
        m = regex.fullmatch(norm)
        if m:
            year = _year_of(m, plan_year)
            if year is not None and not 1 <= year <= 9999:  # 0000年, or a plan year gone wild
                return _bad(f"年份不存在：{year:04d}年", year)
            return build(m, plan_year)
    return None


def _range(norm: str, plan_year: int | None) -> _Meaning | None:
    """"2020-2022年", "2021年10月-12月": the deadline is the end of the range.

    The end inherits the start's year when it writes none ("2021年10月-12月" ends 2021-12-31).
    """
    parts = _RANGE_SPLIT_RE.split(norm)
    if len(parts) != 2:
        return None
    start_text, end_text = parts
    if _BARE_YEAR_RE.fullmatch(start_text):
        start_text += "年"
    start = _dated(start_text, plan_year)
    if start is None or start.kind is Kind.UNPARSED:
        return start
    end = _dated(end_text, start.year)
    if end is None or end.kind is Kind.UNPARSED:
        return end
    if start.due and end.due and end.due < start.due:
        return _bad(f"起止颠倒：{start.due.isoformat()} 晚于 {end.due.isoformat()}", end.year)
    return end


def _relative(norm: str, plan_year: int | None, has_digit: bool) -> _Meaning | None:
    label = _LABELS[Kind.RELATIVE]
    m = (_REL_RE.fullmatch(norm) or _REL_BARE_RE.fullmatch(norm)) if has_digit else None
    if m:
        unit = _UNITS.get(m["unit"], m["unit"])
        event = m.groupdict().get("event") or ""
        return _Meaning(Kind.RELATIVE, None, plan_year, label, "", int(m["count"]), unit, event)
    m = _REL_EVENT_RE.fullmatch(norm) if "后" in norm else None
    if m:  # no number of days: count stays None
        return _Meaning(Kind.RELATIVE, None, plan_year, label, event=m["event"])
    return None


def _builtin(norm: str, plan_year: int | None) -> _Meaning:
    if _NONE_RE.fullmatch(norm):
        return _ok(Kind.NONE, None, plan_year)
    # Dated rules all need a digit or 年: skip them for 持续推进 and the like.
    has_digit = _DIGIT_RE.search(norm) is not None
    result = _dated(norm, plan_year) if has_digit or "年" in norm else None
    if result is None and "-" in norm:
        result = _range(norm, plan_year)
    if result is None:
        result = _relative(norm, plan_year, has_digit)
    # Key words decide only in a short phrase: a sentence that happens to hold 日常 is not one.
    if result is None and len(norm) <= _KEYWORD_MAX and _RECURRING_RE.search(norm):
        result = _ok(Kind.RECURRING, None, plan_year)
    if result is None and len(norm) <= _KEYWORD_MAX and _CONTINUOUS_RE.search(norm):
        result = _ok(Kind.CONTINUOUS, None, plan_year)
    return result or _bad(_UNRECOGNISED, plan_year)


# ---------------------------------------------------------------------------------------------
# Plugin phrases


@lru_cache(maxsize=256)
def _compile(pattern: str) -> re.Pattern[str]:
    return compile_pattern(pattern)


def _from_plugin(rule: DeadlinePhrase, m: re.Match[str], plan_year: int | None) -> _Meaning:
    groups = m.groupdict()
    year = int(groups["year"]) if groups.get("year") else plan_year
    label = rule.label or _LABELS[rule.kind]
    try:
        due = rule.due(m, plan_year) if rule.due else _due_from_groups(groups, year)
    except ValueError:  # the plugin's groups name a day that does not exist
        return _bad(f"日期不存在：{m.group()}", year)
    count = int(groups["count"]) if groups.get("count") else None
    return _Meaning(rule.kind, due, year, label, "", count,
                    groups.get("unit") or "", groups.get("event") or "")


def _due_from_groups(groups: dict[str, str | None], year: int | None) -> date | None:
    """The due date a plugin's named groups describe, most precise first."""
    if year is None:
        return None
    if groups.get("month"):
        month = int(groups["month"] or 0)
        if groups.get("day"):
            return date(year, month, int(groups["day"] or 0))
        return _month_end(year, month)
    if groups.get("quarter"):
        return _month_end(year, int(groups["quarter"] or 0) * 3)
    if groups.get("half"):
        return _month_end(year, 6 if groups["half"] == "上" else 12)
    return None


# ---------------------------------------------------------------------------------------------
# Public functions


def parse(phrase: str, year: int | None = None, extra: Sequence[DeadlinePhrase] = ()) -> Deadline:
    """The meaning of a deadline phrase; ``year`` is the plan year for phrases that omit one.

    ``extra`` phrases (from style plugins) are tried first, in the order given.
    """
    rules = tuple(extra)
    try:
        hash(rules)
    except TypeError:  # a plugin phrase with an unhashable ``due`` callable: no caching
        return _parse(phrase, year, rules)
    return _parse_cached(phrase, year, rules)


def _parse(phrase: str, year: int | None, extra: tuple[DeadlinePhrase, ...]) -> Deadline:
    written = phrase.strip()
    norm = _normalise(written)
    for rule in extra:
        m = _compile(rule.pattern).fullmatch(norm)
        if m:
            return Deadline(written, *_from_plugin(rule, m, year))
    return Deadline(written, *_builtin(norm, year))


# The editor re-parses every task on each redraw and check: the same few phrases, thousands
# of times. Deadline is immutable, so sharing one object per (phrase, year, plugins) is safe.
_parse_cached = lru_cache(maxsize=16384)(_parse)


_DIGIT = "[0-9０-９]"
# An explicit year: four digits (not part of a longer number) followed by 年, or starting a
# "2020-2022年" range, or a numeric date "2021-06-30" / "2021.6.30" / "2021/6/30".
_SHIFT_RE = lazy_compile(
    rf"(?<!{_DIGIT})(?P<y>{_DIGIT}{{4}})(?!{_DIGIT})"
    rf"(?=年|\s*(?:[-－—–―~～〜]+|至|到)\s*{_DIGIT}{{4}}年"
    rf"|[-./]{_DIGIT}{{1,2}}[-./]{_DIGIT}{{1,2}}(?!{_DIGIT}))"
)
_TO_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _shift_year(m: re.Match[str], years: int) -> str:
    text = m["y"]
    value = int(text) + years  # int() reads full-width digits too
    if not 1 <= value <= 9999:
        raise ValueError(f"年份超出范围：{text}年移动{years}年")
    out = f"{value:04d}"
    # Keep the writer's digit width: ２０２１ stays full-width.
    return out if text.isascii() else out.translate(_TO_FULLWIDTH)


def shift(phrase: str, years: int) -> str:
    """Move every explicit year in ``phrase`` by ``years``; nothing else changes.

    Phrases without a written year (6月30日前, 持续推进, relative ones) come back unchanged: they
    follow the plan year. Years written in Chinese numerals (二〇二一年) are not touched.
    Raises ValueError when a year would leave 0001–9999.
    """
    if years == 0:
        return phrase
    return _SHIFT_RE.sub(lambda m: _shift_year(m, years), phrase)


def shiftable(phrase: str) -> bool:
    """True when ``shift`` changes the phrase for any non-zero number of years."""
    return _SHIFT_RE.search(phrase) is not None


# --- extract ---------------------------------------------------------------------------------

_N12 = rf"(?:{_DIGIT}{{1,2}}|十[一二]?|[一二三四五六七八九])"
_BEFORE = r"(?:前|以前|之前)"
_INLINE_DATED_RE = lazy_compile(
    rf"(?:每年|每季度|每半年|每月)?(?:{_DIGIT}{{4}}年(?:度)?)?"
    rf"(?:{_N12}月(?:{_DIGIT}{{1,2}}[日号]{_BEFORE}|(?:底|末){_BEFORE}?|份?{_BEFORE})"
    rf"|第?[一二三四1-4１-４]季度(?:末|底)?{_BEFORE}?"
    rf"|[上下]半年(?:末|底)?{_BEFORE}?)"
    rf"|(?:{_DIGIT}{{4}}年?)?年(?:度)?(?:底|末){_BEFORE}?"
)
_INLINE_RELATIVE_RE = lazy_compile(
    rf"在[^，。；;,:：（）()\s在]{{1,30}}?后的?(?:{_DIGIT}+|[一二三四五六七八九十两]+)个?"
    r"(?:工作日|日|天|个月|周)(?:内|以内|之内)"
    rf"|(?:(?:自|从)|(?=收到))[^，。；;,:：（）()\s自从]{{1,20}}?之日起{_DIGIT}+个?(?:工作日|日|天)"
    r"(?:内|以内|之内)?"
    rf"|{_DIGIT}+个工作日(?:内|以内|之内)"
)
_INLINE_BRACKET_RE = lazy_compile(rf"[{re.escape(OPENERS)}]([^{re.escape(OPENERS + CLOSERS)}]{{1,40}})[{re.escape(CLOSERS)}]")
_INLINE_CAPTION_RE = lazy_compile(r"(?:完成)?(?:时限|期限)(?:要求)?[:：][ \t\u3000]*([^。；;，,\n）)]+)")
# "（2020-2022年）" after a title names a period, not a deadline.
_PERIOD_ONLY_RE = lazy_compile(rf"{_DIGIT}{{4}}年?(?:(?:[-－—–~～]+|至|到){_DIGIT}{{4}}年?)?(?:度)?")


# （持续推进） is a deadline; （一套日常管理制度…） only mentions a key word.
_BRACKET_KEYWORD_MAX = 8
_FOUR_DIGITS_RE = lazy_compile(rf"{_DIGIT}{{4}}")


def _is_inline_dated(span: str) -> bool:
    # Without a year, a bare "三季度" in prose is not yet a deadline: it needs 前/底/末.
    return _FOUR_DIGITS_RE.search(span) is not None or span[-1] in "前底末"


def _candidates(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in _INLINE_BRACKET_RE.finditer(text):
        inner = m.group(1).strip()
        # A caption inside brackets is found below, without its "完成时限：".
        if _PERIOD_ONLY_RE.fullmatch(inner) or "：" in inner or ":" in inner:
            continue
        kind = parse(inner).kind
        if kind in _DATED_KINDS or kind is Kind.RELATIVE or (
            kind in (Kind.CONTINUOUS, Kind.RECURRING) and len(inner) <= _BRACKET_KEYWORD_MAX
        ):
            spans.append(m.span(1))
    # Each pattern below is tried only on a text holding a word that every one of its matches
    # holds: most sentences hold none, and a pattern opening with optional parts is tried at
    # every character of the text.
    if "限" in text:  # 时限 / 期限
        spans.extend(m.span(1) for m in _INLINE_CAPTION_RE.finditer(text))
    if any(word in text for word in _DATED_WORDS):
        spans.extend(m.span() for m in _INLINE_DATED_RE.finditer(text) if _is_inline_dated(m.group()))
    if "内" in text or "之日起" in text:
        spans.extend(m.span() for m in _INLINE_RELATIVE_RE.finditer(text))
    return spans


# What every match of _INLINE_DATED_RE holds: a month, a quarter, a half year, or a year's end.
_DATED_WORDS = ("月", "季度", "半年", "年底", "年末", "年度底", "年度末")


def extract(text: str) -> list[str]:
    """Deadline phrases inside a sentence, in reading order, each once.

    Looks at bracketed asides （2020年6月24日前）, captions 完成时限：…, dated phrases ending in
    前/底/末 and relative ones (在…后20日内). Where matches overlap the earliest, longest wins.
    """
    chosen: list[str] = []
    last_end = -1
    for start, end in sorted(_candidates(text), key=lambda s: (s[0], -s[1])):
        if start < last_end:
            continue
        phrase = _strip_wrappers(text[start:end].strip())
        last_end = end
        if phrase and phrase not in chosen:
            chosen.append(phrase)
    return chosen
