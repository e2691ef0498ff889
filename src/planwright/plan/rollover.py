"""Roll a plan into another year, and say every place that did not move with it.

What moves by itself:

- the plan's year (and end year of a multi-year plan);
- the plan's years where the title, the preamble and the closing name them
  (2021年 → 2022年; a 2020–2022 action plan → 2023–2025);
- every deadline with a written year, by the year difference (``deadlines.shift``);
  deadlines without one (10月底前, 持续推进, 在…后20日内) follow the plan year already.

What is cleared: 文号, 成文日期 and 印发日期 (and a forwarding letter's) — the new
notice has not been issued.
What is kept: ids (so next year's comparison matches on them), units, wording —
the office's 印发 letter (its {title} names the new title; its other years of the
plan move, and are pointed out), the letter of an office that forwards the notice
(likewise), and each attribution as printed (a deadline in it moves with the node's).

What a person must look at (returned as RollNotes, never silently left behind):

- a deadline the parser cannot read, or that cannot move — left as it was
  (one whose year is in Chinese numerals, 二〇二一年十二月底, moves like the others);
- any year inside a point's, task's or item's text — it may be a fact of the
  past (2020年标准化成果) or a target to move, so it is never changed blindly;
- a year in the preamble or closing that is not the plan's, and the places
  where the plan's year was changed there (the sentence may need rewording);
- a title that names no year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from planwright.zh import deadlines
from planwright.plan.model import Item, Meta, Plan, Point, Task
from planwright.zh.lazyre import lazy_compile
from planwright.zh.numbering import from_chinese, path_label

_YEAR = lazy_compile(r"(?<![0-9０-９])(19[0-9]{2}|20[0-9]{2}|21[0-9]{2})(?![0-9０-９])")
_CN_YEAR = lazy_compile(r"[〇○零一二三四五六七八九]{4}年")
_TITLE_YEAR = lazy_compile(_YEAR.pattern + "(?=年)")


@dataclass(frozen=True)
class RollNote:
    """A place the roll-over left for a person to look at."""

    where: str  # display path such as 二/（三）/4, or "plan"
    field: str  # title, text, deadline, preamble, closing
    message: str
    node_id: str | None = None  # None: the [plan] table


def shift_years_in(text: str, years: set[int] | Iterable[int], delta: int) -> str:
    """Move the given years (and only those) written in a text by ``delta``."""
    years = set(years)
    return _YEAR.sub(lambda m: str(int(m.group()) + delta) if int(m.group()) in years else m.group(), text)


def years_in(text: str) -> list[str]:
    """The years written in a text, in order of first mention (digits or Chinese numerals)."""
    found = [m.group() for m in _YEAR.finditer(text)] + [m.group()[:-1] for m in _CN_YEAR.finditer(text)]
    return list(dict.fromkeys(found))


def title_year(title: str) -> int:
    """The first year a title writes before 年 (2026年…工作要点 → 2026); 0 when none."""
    m = _TITLE_YEAR.search(title)
    return int(m.group(1)) if m else 0


def next_period(meta: Meta) -> int:
    """The year a plan rolls into unless told otherwise: the year after it ends.

    A yearly plan goes to the next year; a multi-year plan to the next period
    of the same span (a 2020–2022 action plan → 2023, so 2023–2025), never to
    years it already covers.
    """
    return max(meta.year, meta.end_year or 0) + 1


def roll_over(plan: Plan, year: int, phrases: Sequence[deadlines.DeadlinePhrase] = ()) -> list[RollNote]:
    """Move ``plan`` to ``year`` in place; returns the places a person must look at.

    ``phrases`` are the style's extra deadline phrases (so that its own
    wording is not reported as unreadable).
    """
    meta = plan.meta
    delta = year - meta.year
    old_years = set(range(meta.year, meta.last_year + 1))
    notes: list[RollNote] = []
    notes += _roll_meta(plan, delta, old_years)
    for section, points in (("", plan.points), ("正文提纲 ", plan.body)):
        for p, point in enumerate(points, 1):
            notes += _years_in_text(point, section + path_label((p,)), delta)
            for t, task in enumerate(point.tasks, 1):
                notes += _roll_node(task, section + path_label((p, t)), delta, meta.year, phrases)
                for i, item in enumerate(task.items, 1):
                    notes += _roll_node(item, section + path_label((p, t, i)), delta, meta.year, phrases)
    meta.year = year
    if meta.end_year:
        meta.end_year += delta
    return notes


def _roll_meta(plan: Plan, delta: int, old_years: set[int]) -> list[RollNote]:
    meta = plan.meta
    notes: list[RollNote] = []
    new_title = shift_years_in(meta.title, old_years, delta)
    if delta and meta.title and new_title == meta.title:
        notes.append(RollNote("plan", "title", f"标题“{meta.title}”中没有 {meta.year} 年，未改动，请确认标题的年度"))
    meta.title = new_title
    for name, label in (("notice_title", "通知标题"), ("letter", "印发通知的正文"), ("forward_title", "转发通知的标题"),
                        ("forward_letter", "转发通知的正文"),
                        ("preamble", "前言"), ("closing", "结束语")):
        notes += _roll_prose(plan, name, label, delta, old_years)
    meta.doc_number = ""  # the new notice has no 文号 until it is issued
    meta.date = ""
    meta.forward_doc_number = meta.forward_date = ""  # nor has the new forwarding letter
    meta.print_date = ""
    return notes


def _roll_prose(plan: Plan, name: str, label: str, delta: int, old_years: set[int]) -> list[RollNote]:
    """Preamble or closing: the plan's years move, other years are pointed out."""
    text = getattr(plan.meta, name)
    if not text or not delta:
        return []
    notes = []
    moved = sorted({m.group() for m in _YEAR.finditer(text) if int(m.group()) in old_years})
    others = [y for y in years_in(text) if not (y.isdigit() and int(y) in old_years)]
    setattr(plan.meta, name, shift_years_in(text, old_years, delta))
    if moved:
        after = "、".join(str(int(y) + delta) for y in moved)
        notes.append(RollNote("plan", name, f"{label}中的 {'、'.join(moved)} 年已改为 {after} 年，请核对语句是否仍然成立"))
    if others:
        notes.append(RollNote("plan", name, f"{label}提到 {'、'.join(others)} 年，未改动，请确认"))
    return notes


def _roll_node(node: Task | Item, where: str, delta: int, old_year: int,
               phrases: Sequence[deadlines.DeadlinePhrase]) -> list[RollNote]:
    notes = _roll_deadline(node, where, delta, old_year, phrases)
    return notes + _years_in_text(node, where, delta)


def _roll_deadline(node: Task | Item, where: str, delta: int, old_year: int,
                   phrases: Sequence[deadlines.DeadlinePhrase]) -> list[RollNote]:
    phrase = node.deadline
    if not phrase.strip() or not delta:
        return []
    parsed = deadlines.parse(phrase, old_year or None, phrases)
    if parsed.kind is deadlines.Kind.UNPARSED:
        return [RollNote(where, "deadline", f"{where} 的时限“{phrase}”无法识别，未改动，请改为 {old_year + delta} 年的时限",
                         node.id)]
    try:
        node.deadline = deadlines.shift(_shift_cn_years(phrase, delta), delta)
    except ValueError as exc:
        return [RollNote(where, "deadline", f"{where} 的时限“{phrase}”无法顺延（{exc}），未改动", node.id)]
    kept = node.wording
    if kept is not None and kept.deadline == phrase and phrase in kept.text:
        # the office's phrase (…；完成时限：2021年底前）) keeps its words, with the new deadline
        kept.text, kept.deadline = kept.text.replace(phrase, node.deadline, 1), node.deadline
    return []


def _shift_cn_years(phrase: str, delta: int) -> str:
    """二〇二一年十二月底 → 二〇二二年十二月底 (deadlines.shift moves only digit years)."""
    def move(m: re.Match[str]) -> str:
        digits = m.group()[:-1]
        year = from_chinese(digits) + delta
        zero = next((ch for ch in digits if ch in "〇○零"), "〇")
        return "".join(zero if d == "0" else "〇一二三四五六七八九"[int(d)] for d in str(year)) + "年"

    return _CN_YEAR.sub(move, phrase)


def _years_in_text(node: Point | Task | Item, where: str, delta: int) -> list[RollNote]:
    if not delta:
        return []
    text = node.text if isinstance(node, Item) else f"{node.title}\n{node.text}"
    years = years_in(text)
    if not years:
        return []
    return [RollNote(where, "text", f"{where} 的文字提到 {'、'.join(years)} 年，未改动，请确认是否应改为新年度",
                     node.id)]
