"""Where the parts of a notice lie: head, the plan's outline, attachments, foot.

    head        文号, notice title, 主送, the notice's sentences, signature, date,
                附注, the plan's title and preamble — everything before the
                first outline heading
    main        the outline, up to an 附件 line, a task table, or a signature
    table       a task-division table flattened to one cell per line
    attachment  other attached text (unit lists …): not imported
    foot        signature and date under the plan, 抄送, 印发
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence

from planwright.zh.numbering import Level
from planwright.importing.common import Line, squeeze
from planwright.importing.meta import is_date_line, is_footer_line, is_organ
from planwright.importing.tables import find_flat_header
from planwright.importing.textutil import heading
from planwright.zh.lazyre import lazy_compile

_ATTACHMENT_RE = lazy_compile(r"^附\s*件\s*(?:[0-9０-９一二三四五六七八九十]+)?\s*(?:[:：]|$)")


@dataclass
class Layout:
    head: list[Line]
    main: list[Line]
    foot: list[Line] = field(default_factory=list)
    attachment: list[Line] = field(default_factory=list)
    table_lines: list[Line] = field(default_factory=list)
    table_roles: list[str | None] | None = None
    table_title: str = ""
    attachment_name: str = ""


def is_attachment_marker(line: Line) -> bool:
    return _ATTACHMENT_RE.match(line.sim.strip()) is not None


def lay_out(lines: list[Line], table_at: Sequence[int] = ()) -> Layout:
    """Split the kept lines; *table_at* are positions where task tables (Word, HTML, tab rows) stood."""
    end = len(lines)
    layout = Layout(head=[], main=[])
    flat = find_flat_header(lines)
    if flat is not None:
        first, past, roles = flat
        layout.table_roles = roles
        foot, layout.table_lines = _sort_out(lines[past:], is_footer_line)
        layout.foot += foot
        end = first
    if table_at and min(table_at) < end:
        end = min(table_at)
        # what follows a real table: the foot, or text not imported
        foot, rest = _sort_out(lines[end:], lambda x: _foot(x) or is_organ(x))
        layout.foot += foot
        layout.attachment += rest
    if end < len(lines) or table_at:  # a table stands at *end*, last of all in the document perhaps
        end, layout.table_title = _table_caption(lines, end)
    start = first_heading(lines[:end])
    if start is None:
        layout.head = lines[:end]
        return layout
    layout.head = lines[:start]
    _split_main(lines[start:end], layout)
    return layout


def first_heading(lines: list[Line]) -> int | None:
    """Index of the outline's first heading: 一、, else （一）, else a run of 1. 2. …"""
    for level in (Level.POINT, Level.TASK, Level.ITEM):
        found = [i for i, line in enumerate(lines) if _level(line) is level]
        if found and (level is not Level.ITEM or len(found) >= 2):
            return found[0]
    return None


def _level(line: Line) -> Level | None:
    found = heading(line.text)
    return found.level if found is not None else None


def _table_caption(lines: list[Line], end: int) -> tuple[int, str]:
    """A table's title (…任务分工) and the 附件 line above it belong to the table."""
    title = ""
    if end > 0:
        above = lines[end - 1]
        if heading(above.text) is None and len(above.sim) <= 60 and "。" not in above.sim \
                and not is_attachment_marker(above):
            title, end = above.text, end - 1
        if end > 0 and is_attachment_marker(lines[end - 1]):
            end -= 1
    return end, title


def _split_main(lines: list[Line], layout: Layout) -> None:
    """The outline runs until an 附件 line or the signature; the rest is foot or attachment."""
    for i, line in enumerate(lines):
        if is_attachment_marker(line):
            layout.main = lines[:i]
            foot, layout.attachment = _sort_out(lines[i + 1 :], _foot)
            layout.foot += foot
            _attachment_note(line, layout)
            return
        if is_date_line(line) or is_footer_line(line):
            cut = i - 1 if i > 0 and is_organ(lines[i - 1]) and is_date_line(line) else i
            layout.main = lines[:cut]
            layout.foot += lines[cut:]
            return
    if len(lines) > 1 and is_organ(lines[-1]) and heading(lines[-1].text) is None:  # a signature, no date
        layout.main, layout.foot = lines[:-1], layout.foot + lines[-1:]
        return
    layout.main = lines


def _sort_out(lines: list[Line], belongs: Callable[[Line], bool]) -> tuple[list[Line], list[Line]]:
    """(the lines *belongs* holds for, the others), each in reading order; one test per line."""
    yes: list[Line] = []
    no: list[Line] = []
    for line in lines:
        (yes if belongs(line) else no).append(line)
    return yes, no


def _foot(line: Line) -> bool:
    return is_footer_line(line) or is_date_line(line)


def _attachment_note(marker: Line, layout: Layout) -> None:
    """"附件：市级有关单位名单" names the attachment on the marker line itself."""
    rest = _ATTACHMENT_RE.sub("", marker.text.strip()).strip()
    names = [rest] if rest else [x.text for x in layout.attachment if not is_attachment_marker(x)][:1]
    layout.attachment_name = names[0] if names else ""
    names_the_table = squeeze(rest).strip("《》") == squeeze(layout.table_title) != ""
    if rest and not layout.attachment and not names_the_table:  # "附件：…分工" before a table is its 附件说明
        layout.attachment = [marker]
