"""Deadlines as an iCalendar file (RFC 5545), so that units can load them into a calendar.

Every task or item whose own 时限要求 resolves to a day (a date, a month end, a
quarter or half-year end) becomes an all-day event on that day; its units, the
deadline as written and where it sits in the plan go into the description.
Continuous, recurring and event-relative deadlines have no day and are left out.
"""

from __future__ import annotations

import datetime as dt
from typing import Sequence

from planwright.zh import deadlines
from planwright.api import Finding
from planwright.plan.model import Plan
from planwright.zh.numbering import path_label
from planwright.exporting.wording import join_units
from planwright.zh.clean import clean_text

PRODID = "-//planwright//政务公开工作要点//ZH"


def escape(text: str) -> str:
    """TEXT value escaping: backslash, semicolon, comma, newline (RFC 5545 §3.3.11); a lone CR
    (or any control character) would end the content line early, so it is a newline or gone."""
    text = clean_text(text)
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def fold(line: str) -> str:
    """Lines longer than 75 octets are folded: CRLF + space, never inside a UTF-8 character."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    pieces, start, limit = [], 0, 75
    while len(data) - start > limit:
        cut = start + limit
        while data[cut] & 0xC0 == 0x80:  # a continuation byte: step back to the character's start
            cut -= 1
        pieces.append(data[start:cut])
        start, limit = cut, 74  # continuation lines begin with a space
    pieces.append(data[start:])
    return b"\r\n ".join(pieces).decode("utf-8")


def ics(plan: Plan, phrases: Sequence[deadlines.DeadlinePhrase] = (), errors: Sequence[Finding] = (),
        stamp: dt.datetime | None = None) -> bytes:
    meta = plan.meta
    stamp = stamp or dt.datetime.now(dt.timezone.utc)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", f"X-WR-CALNAME:{escape(meta.title or '工作要点时限')}"]
    if errors:
        lines.append(f"X-WR-CALDESC:{escape(f'未通过检查：计划有 {len(errors)} 个错误，按 --allow-errors 导出')}")
    events = _events(plan, phrases)
    for event in events:
        lines.extend(_vevent(event, stamp))
    if not events:
        # RFC 5545 §3.6: a calendar holds at least one component; without one, strict
        # readers refuse the file. The plan's own time zone is a component that adds
        # nothing to anybody's calendar.
        lines.extend(_TIMEZONE)
    lines.append("END:VCALENDAR")
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode("utf-8")


_TIMEZONE = ["BEGIN:VTIMEZONE", "TZID:Asia/Shanghai", "BEGIN:STANDARD", "DTSTART:19700101T000000",
             "TZOFFSETFROM:+0800", "TZOFFSETTO:+0800", "TZNAME:CST", "END:STANDARD", "END:VTIMEZONE"]


def _events(plan: Plan, phrases) -> list[dict]:
    year = plan.meta.year or None
    events = []
    for p, point in enumerate(plan.points, 1):
        for t, task in enumerate(point.tasks, 1):
            nodes = [((p, t), task, task.title, task)]
            nodes += [((p, t, i), item, item.text, task) for i, item in enumerate(task.items, 1)]
            for where, node, title, parent in nodes:
                if not node.deadline:
                    continue
                due = deadlines.parse(node.deadline, year, phrases).due
                if due is None:
                    continue
                # an item without units of its own is carried out by its task's
                holder = node if (node.lead or node.support) else parent
                events.append({"id": node.id, "where": path_label(where), "title": title, "due": due,
                               "deadline": node.deadline, "lead": holder.lead, "support": holder.support})
    return events


def _dtend(due: dt.date) -> list[str]:
    """The day after *due*; on 9999-12-31 there is none, and an all-day event without DTEND
    lasts its one day (RFC 5545 §3.6.1), so none is written (a plan may say 9999年底前)."""
    if due == dt.date.max:
        return []
    return [f"DTEND;VALUE=DATE:{due + dt.timedelta(days=1):%Y%m%d}"]


def _vevent(event: dict, stamp: dt.datetime) -> list[str]:
    due: dt.date = event["due"]
    title = event["title"].strip().split("\n")[0]
    summary = f"{event['where']} {title[:40]}{'…' if len(title) > 40 else ''}"
    description = [f"时限要求：{event['deadline']}"]
    if event["lead"]:
        description.append(f"牵头（责任）单位：{join_units(event['lead'])}")
    if event["support"]:
        description.append(f"配合单位：{join_units(event['support'])}")
    description.append(f"位置：{event['where']}")
    lines = ["BEGIN:VEVENT", f"UID:{event['id']}-{due:%Y%m%d}@planwright",
             f"DTSTAMP:{stamp.astimezone(dt.timezone.utc):%Y%m%dT%H%M%SZ}",
             f"DTSTART;VALUE=DATE:{due:%Y%m%d}", *_dtend(due),
             f"SUMMARY:{escape(summary)}", f"DESCRIPTION:{escape(chr(10).join(description))}",
             "TRANSP:TRANSPARENT"]
    units = [*event["lead"], *event["support"]]
    if units:
        lines.append("CATEGORIES:" + ",".join(escape(u) for u in units))
    lines.append("END:VEVENT")
    return lines
