"""Task-division tables (重点工作任务分工): real ones, and ones copied as text.

Text copies come as rows of cells split by tabs, wide gaps, single spaces or
``|`` bars, or flattened to one cell per line (maybe each closed by a bar).
All kinds become the same stream of events — a point heading, a task
heading, a row of cells by role — and one builder turns the events into
points → tasks → items. A row is an item of the task above it when the table
has a 具体要求-like column beside its 工作任务 column (rows straight under a
一、 are items of one task with no title); otherwise each row is a task of its
own. Columns the importer does not need (公开方式, 备注 …) are read and set
aside; a table without a 一、 level gets a point with no title.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

from planwright.zh import deadlines
from planwright.zh import roles
from planwright.zh import units
from planwright.plan.model import Item, Point, Task, Wording
from planwright.zh.numbering import Level
from planwright.importing.attribution import Attributed, Attributor, cut_names
from planwright.importing.common import Doubt, Line, Para, Table, squeeze, tidy
from planwright.zh.hanzi import simplify
from planwright.importing.textutil import heading, is_pure_number, split_heading_sentence, strip_end
from planwright.zh.lazyre import lazy_compile

# Column captions → roles. Matching ignores whitespace and a trailing colon.
_ROLE_NAMES: dict[str, tuple[str, ...]] = {
    "number": ("序号", "编号", "序", "项次"),
    "point": ("类别", "工作类别", "任务类别", "重点领域", "领域", "板块", "工作板块", "项目类别"),
    "task": ("工作任务", "重点任务", "主要任务", "任务", "重点工作", "重点工作任务", "工作事项",
             "任务名称", "工作项目", "项目", "工作重点", "任务事项", "重点事项"),
    "text": ("具体要求", "工作要求", "具体任务", "任务内容", "工作内容", "具体内容", "主要内容",
             "具体措施", "工作措施", "任务要求", "目标要求", "具体工作", "工作举措", "主要举措",
             "工作目标", "具体事项", "措施要求", "任务分解", "具体工作任务", "重点工作内容"),
    # the attribution labels, and captions only a table uses
    "lead": (*roles.LEAD_LABELS, *roles.RESPONSIBLE_LABELS),
    "support": roles.SUPPORT_LABELS,
    "deadline": (*roles.DEADLINE_LABELS, "时间安排", "进度安排", "推进时限"),
    # columns a task needs nothing from; known so that they do not stop the table being read
    "note": ("备注", "说明", "公开载体", "公开方式", "公开渠道", "公开形式", "公开平台", "完成情况", "进展情况",
             "落实情况", "工作进展", "公开范围", "公开时间", "公开依据", "依据", "佐证材料"),
}
_ROLE_OF = {name: role for role, names in _ROLE_NAMES.items() for name in names}
_CELL_ROLES = ("text", "lead", "support", "deadline")


# written inline before; kept compiled like the module's other patterns (zh/lazyre)
_NOT_A_KEY_RE = lazy_compile(r"[0-9０-９，。；、]")
_BAR_RE = lazy_compile(r"[|｜]")


def role_of(caption: str) -> str | None:
    key = squeeze(simplify(caption)).rstrip(":：")
    if "（" in key or "(" in key:  # 责任单位（牵头单位列第一）
        key = key.split("（")[0].split("(")[0]
    return _ROLE_OF.get(key) or _worded_role(key)


# Captions the list above does not name, read by their words: 具体工作措施, 牵头责任部门,
# 配合责任单位, 完成时间节点, 责任单位及责任人 …
_SUPPORT_WORDS_RE = lazy_compile(roles.alternation(roles.stems(roles.SUPPORT)))
_UNIT_WORDS_RE = lazy_compile(roles.alternation((*roles.UNIT_NOUNS, "主体")))
_LEAD_WORDS_RE = lazy_compile(roles.alternation(roles.stems(roles.LEAD, roles.RESPONSIBLE)))
_DEADLINE_WORDS_RE = lazy_compile(r"时限|期限|时间|节点")
_TEXT_END_RE = lazy_compile(r"(?:措施|内容|要求|举措|事项|目标|标准)$")
_TASK_END_RE = lazy_compile(r"(?:任务|工作|项目)$")
_NOTE_END_RE = lazy_compile(r"(?:载体|方式|渠道|形式|情况|备注|说明|依据|材料|领导|责任人|联系人|电话|分值)$")


def _worded_role(key: str) -> str | None:
    if not 2 <= len(key) <= 8 or _NOT_A_KEY_RE.search(key):
        return None
    if _UNIT_WORDS_RE.search(key):
        if _SUPPORT_WORDS_RE.search(key):
            return "support"
        return "lead" if _LEAD_WORDS_RE.search(key) else None
    if _NOTE_END_RE.search(key):
        return "note"
    if _DEADLINE_WORDS_RE.search(key):
        return "deadline"
    if _TEXT_END_RE.search(key):
        return "text"
    return "task" if _TASK_END_RE.search(key) else None


def header_roles(cells: list[str]) -> list[str | None] | None:
    """Roles of a table's columns when *cells* is its header row, else None."""
    filled = [c for c in cells if c.strip()]
    if len(filled) < 2 or any(len(squeeze(c)) > 16 for c in filled):
        return None
    roles = [role_of(c) for c in cells]
    found = {r for r in roles if r}
    if len([r for r, c in zip(roles, cells) if r and c.strip()]) < max(2, 0.6 * len(filled)):
        return None
    if not found & {"task", "text"} or not found & {"lead", "support", "deadline"}:
        return None
    return _resolve(roles, cells)


def _resolve(roles: list[str | None], cells: list[str]) -> list[str | None]:
    roles = list(roles)
    if "text" not in roles and "task" in roles:
        roles[roles.index("task")] = "text"  # one text column: each row is a task
    # 牵头单位 beside 责任单位: the 责任单位 column names the units that carry it out (support)
    leads = [i for i, r in enumerate(roles) if r == "lead"]
    for i in leads[:-1]:
        # 责任单位 over 牵头单位 | 配合单位 (a two-row header read one caption after another):
        # the first caption only groups the other two
        if "牵头" not in cells[i] and i + 2 < len(roles) and roles[i + 1] == "lead" \
                and "牵头" in simplify(cells[i + 1]) and roles[i + 2] == "support":
            roles[i] = None
            leads.remove(i)
    if len(leads) > 1:
        first = next((i for i in leads if "牵头" in simplify(cells[i])), leads[0])
        for i in leads:
            if i != first:
                roles[i] = "support"
    # a second column of a role is ignored (kept by the first)
    seen: set[str] = set()
    for i, role in enumerate(roles):
        if role in seen and role not in ("note",):
            roles[i] = None
        elif role:
            seen.add(role)
    return roles


def is_task_table(rows: list[list[str]]) -> bool:
    """Whether a table's header (in its first rows) names task columns."""
    return any(header_roles(row) is not None for row in rows[:3])


@dataclass
class Event:
    kind: str  # point / task / row
    text: str = ""
    cells: dict[str, str] = field(default_factory=dict)
    line: int = 0
    cut: bool = False  # the last row of a page cut short: its last cell may end mid-name


# ---------------------------------------------------------------------------
# Real tables (Word, HTML)


def table_events(table: Table) -> tuple[list[str | None], list[Event]] | None:
    """Events of a task table, or None when it is not one."""
    for index, row in enumerate(table.rows[:3]):
        roles = header_roles(row)
        if roles is not None:
            return roles, _rows_to_events(table.rows[index + 1 :], row, roles, table.line)
    return None


def _rows_to_events(rows: list[list[str]], header: list[str], roles: list[str | None],
                    line: int) -> list[Event]:
    events: list[Event] = []
    last = {"point": "", "task": ""}
    repeated = [squeeze(h) for h in header]
    for row in rows:
        cells = [tidy_cell(c) for c in row]
        if not any(cells) or [squeeze(c) for c in cells] == repeated[: len(cells)]:
            continue  # empty, or the header repeated on a new page
        if all(role_of(c) for c in cells if c):
            continue  # a second header row (牵头单位 / 配合单位 under 责任单位)
        distinct = {c for c in cells if c}
        if len(distinct) == 1 and (len(cells) > 1 or heading(cells[0]) is not None):
            events.extend(_heading_events(distinct.pop(), line))  # a row spanning the table
            continue
        by_role: dict[str, str] = {}
        for role, cell in zip(roles, cells):
            if role and role not in by_role:
                by_role[role] = cell
        for role in ("point", "task"):
            value = by_role.get(role, "")
            if value and value != last[role]:
                events.extend(_heading_events(value, line, default=role))
                last[role] = value
        if any(by_role.get(r) for r in _CELL_ROLES):
            events.append(Event("row", cells=by_role, line=line))
    return events


def tidy_cell(cell: str) -> str:
    return "\n".join(t for t in (tidy(part) for part in cell.split("\n")) if t)


def _heading_events(text: str, line: int, default: str = "point") -> list[Event]:
    """A merged cell may hold 一、… and （一）… on separate lines."""
    out = []
    for part in text.split("\n"):
        found = heading(part)
        if found is not None and found.level is Level.POINT:
            out.append(Event("point", part, line=line))
        elif found is not None:
            out.append(Event("task", part, line=line))
        elif out:
            out[-1].text += part  # a heading wrapped onto a second line
        else:
            out.append(Event(default, part, line=line))
    return out


# ---------------------------------------------------------------------------
# Tables copied as text one row per line, cells split by tabs (or wide gaps)

_CELL_SPLIT_RE = lazy_compile(r"\t+|[ \u3000]{2,}")


def tabbed_tables(paras: list[Para]) -> tuple[list[Para], list[tuple[int, Table]]]:
    """Take rows of tab-separated cells out of the paragraphs, as tables.

    Returns the paragraphs left and (position among them, table) pairs. A run
    starts at a header row (工作任务	责任单位	完成时限) and lasts while lines
    hold cells or are headings (一、… rows that spanned the table).
    """
    paras = _without_bars(paras)
    left: list[Para] = []
    found: list[tuple[int, Table]] = []
    i = 0
    while i < len(paras):
        cells = _cells(paras[i].text)
        roles = header_roles(cells) if len(cells) >= 3 else None
        spaced = False
        if roles is None and len(cells) == 1:  # 序号 工作任务 责任单位 完成时限: one space between captions
            words = paras[i].text.split()
            if len(words) >= 3 and all(role_of(w) for w in words):
                cells, roles, spaced = words, header_roles(words), True
        if roles is not None:
            rows = [cells]
            j = i + 1
            while j < len(paras):
                text = paras[j].text
                row = _spaced_cells(text, roles) if spaced else _cells(text)
                if len(row) < 2 and heading(text) is None and text.strip():
                    break
                if text.strip():
                    rows.append(_aligned(row, roles))
                j += 1
            found.append((len(left), Table(rows=rows, line=paras[i].line)))
            i = j
            continue
        left.append(paras[i])
        i += 1
    return left, found


_BARS = "|｜"


def _without_bars(paras: list[Para]) -> list[Para]:
    """Rows copied with | between cells, from the first line that holds a column caption on.

    A row on one line (工作任务 | 具体要求 | 责任单位) becomes tab-separated cells; a cell
    on a line of its own (“责任单位 |”) loses its bar and is read as a flattened table; a
    bar alone (an empty cell, or the bar between two cells printed a line each) goes.
    """
    start = next((k for k, p in enumerate(paras) if _has_bar(p.text)
                  and (any(role_of(c) for c in _bar_cells(p.text))
                       or (k > 0 and not _bar_cells(p.text) and role_of(paras[k - 1].text)))), None)
    if start is None:
        return paras
    out = paras[:start]
    for para in paras[start:]:
        if not _has_bar(para.text):
            out.append(para)
            continue
        cells = _bar_cells(para.text)
        if cells and not all(_RULE_RE.match(c) for c in cells):  # |---|---| under a header is a rule
            out.append(Para("\t".join(cells), para.line))
    return out


_RULE_RE = lazy_compile(r"^[:：]?[-—－=]{2,}[:：]?$")


def _has_bar(text: str) -> bool:
    return any(bar in text for bar in _BARS)


def _bar_cells(text: str) -> list[str]:
    """The cells of a row split at its bars, the empty ones at either edge dropped."""
    cells = [c.strip() for c in _BAR_RE.split(text)]
    while cells and not cells[0]:
        cells.pop(0)
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _spaced_cells(text: str, roles: list[str | None]) -> list[str]:
    """A row whose cells stand one space apart: spaces inside a cell's text are spaces too,
    so the cells that read like their columns are taken from either end (units, a deadline
    on the right; a row number, a short heading on the left) and the rest is the text."""
    parts = text.split()
    middle = roles.index("text") if "text" in roles else len(roles)
    right: list[str] = []
    end = len(parts)
    for role in reversed(roles[middle + 1 :]):
        if end > 1 and _fit(parts[end - 1], role) > 0:
            right.insert(0, parts[end - 1])
            end -= 1
            while role in ("lead", "support") and end > 1 and _fit(parts[end - 1], role) > 0:
                right[0] = parts[end - 1] + "、" + right[0]  # units a space apart: one cell
                end -= 1
    left: list[str] = []
    begin = 0
    for role in roles[:middle]:
        if begin >= end - 1:
            break
        part = parts[begin]
        fit = _fit(part, role)
        if fit > 0 or (fit == 0 and len(part) <= 20 and not part.endswith("。")):
            left.append(part)
            begin += 1
    text_cell = _join_words(parts[begin:end])
    return left + ([text_cell] if text_cell else []) + right


def _join_words(words: list[str]) -> str:
    """Words of one cell joined again: no space between Chinese characters, one between others."""
    out = ""
    for word in words:
        if out and (out[-1].isascii() and word[0].isascii()):
            out += " "
        out += word
    return out


def _aligned(row: list[str], roles: list[str | None]) -> list[str]:
    """A row copied from a web page's table lacks the cells merged down from above (rowspan)
    and may lack an empty last cell: put its cells under the columns they read like. A row
    number printed in a table without a 序号 column is dropped."""
    if "number" not in roles:
        row = [cell for cell in row if not is_pure_number(cell)]
    if len(row) >= len(roles) or len(row) < 2 or len(roles) > 10:
        return row
    best, where = None, None
    for columns in combinations(range(len(roles)), len(row)):
        value = sum(_fit(cell, roles[c]) for cell, c in zip(row, columns))
        if best is None or value > best:
            best, where = value, columns
    out = [""] * len(roles)
    for cell, c in zip(row, where):
        out[c] = cell
    return out


def _fit(cell: str, role: str | None) -> float:
    """How well a cell's content suits a column's role."""
    sim = simplify(cell).strip()
    number = is_pure_number(sim)
    names = units.split_units(sim) if len(sim) <= 200 and not sim.endswith("。") else []
    unit_list = bool(names) and all(units.looks_like_unit(n) for n in names)
    dated = len(sim) <= 30 and deadlines.parse(sim).kind not in (deadlines.Kind.NONE, deadlines.Kind.UNPARSED)
    if role == "number":
        return 3 if number else -5
    if role == "deadline":
        return 3 if dated and not unit_list else -3
    if role in ("lead", "support"):
        return 3 if unit_list else -3
    if number:
        return -5
    if role == "text":
        return -1 if unit_list or dated else (1 if len(sim) >= 8 else 0)
    if role in ("point", "task"):
        return -1 if unit_list or dated else (0.5 if heading(cell) is not None else 0)
    return -0.5


def _cells(text: str) -> list[str]:
    if "\t" not in text and "  " not in text and "\u3000\u3000" not in text:
        return [text.strip()]
    return [c for c in (part.strip() for part in _CELL_SPLIT_RE.split(text.strip())) if c]


# ---------------------------------------------------------------------------
# Tables flattened to one cell per line (copied from a web page)

_MIN_HEADER = 3


def find_flat_header(lines: list[Line]) -> tuple[int, int, list[str | None]] | None:
    """(first, past-last index, roles) of a run of lines that are column captions."""
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and (role_of(lines[j].text) or (j > i and _unknown_caption(lines, j))):
            j += 1
        if j - i >= _MIN_HEADER:
            roles = header_roles([lines[k].text for k in range(i, j)])
            if roles is not None:
                return i, j, roles
        i = j + 1 if j > i else i + 1
    return None


_CAPTION_RE = lazy_compile(r"^[\u4e00-\u9fff（）()]{2,8}$")


def _unknown_caption(lines: list[Line], j: int) -> bool:
    """A short caption the roles do not know (考核分值 …) standing between two known ones: it does
    not end the header (its column is read and set aside)."""
    text = squeeze(lines[j].text)
    return bool(_CAPTION_RE.match(text)) and heading(text) is None and j + 1 < len(lines) \
        and role_of(lines[j + 1].text) is not None


@dataclass
class _FlatRow:
    cells: dict[str, str] = field(default_factory=dict)
    line: int = 0
    last: str = ""  # the role filled last
    pos: int = -1  # where it stands in the column order (a table may have two note columns)


def flat_events(lines: list[Line], roles: list[str | None], attributor: Attributor,
                doubts: list[Doubt], cut_at_end: bool = False) -> list[Event]:
    """Read cells one per line: headings, row numbers, then text / units / deadline.

    *cut_at_end*: the lines end the page, which may be cut short inside the last row."""
    # cells by column; a column the roles do not know is read like a note and set aside
    order = [r if r in _CELL_ROLES else "note" for r in roles if r not in ("number", "point", "task")]
    events: list[Event] = []
    row: _FlatRow | None = None
    numbered = "number" in roles or any(is_pure_number(x.text) for x in lines[:20])
    pending: list[Line] = []
    # a cell standing before a row number: the task cell printed without its （一）, or, in a
    # table whose only heading column is 类别, that column's cell merged down its rows
    before_number = "point" if "point" in roles and "task" not in roles else "task"
    # 序号 | 工作任务 | 具体要求 …: the task cell (printed once, over the rows it spans) follows the number
    task_after_number = "task" in roles and "number" in roles and "text" in roles \
        and roles.index("number") < roles.index("task") < roles.index("text")

    def close() -> None:
        nonlocal row
        if row is not None and row.cells:
            events.append(Event("row", cells=row.cells, line=row.line))
        row = None

    for index, line in enumerate(lines):
        found = heading(line.text)
        if task_after_number and found is None and row is not None and not row.cells \
                and _task_cell(line, lines[index + 1] if index + 1 < len(lines) else None, attributor):
            events.append(Event("task", line.text, line=line.line))
            continue
        if found is not None and found.level in (Level.POINT, Level.TASK):
            if row is not None and row.cells:
                close()  # (a row number standing before the heading keeps its row open)
            _unplaced(pending, doubts)
            events.append(Event("point" if found.level is Level.POINT else "task", line.text, line=line.line))
            continue
        if is_pure_number(line.text):
            close()
            if pending:  # a task cell printed without its （一） marker (or a merged 类别 cell)
                events.append(Event(before_number, "".join(p.text for p in pending), line=pending[0].line))
                pending.clear()
            row = _FlatRow(line=line.line)
            continue
        if row is None and numbered:  # before a row number: a task cell without its （一）
            pending.append(line)
            continue
        if row is None:
            row = _FlatRow(line=line.line)
        cut = cut_at_end and index == len(lines) - 1
        role = _place(row, line, order, attributor, cut)
        if role is None:  # the row before was complete
            close()
            if numbered:
                pending.append(line)
                continue
            row = _FlatRow(line=line.line)
            role = _place(row, line, order, attributor, cut)
        if role is not None and role.endswith("?"):
            doubts.append(Doubt(f"表格中“{line.text[:30]}”不像{_CAPTION[role[:-1]]}，按列的顺序归入该列",
                                line=line.line))
    close()
    _unplaced(pending, doubts)
    if cut_at_end and events and events[-1].kind == "row":
        events[-1].cut = True  # its last cell may end in the middle of a name
    return events


def _task_cell(line: Line, after: Line | None, attributor: Attributor) -> bool:
    """A short cell right after a row number, followed by the row's text: the 工作任务 cell."""
    text = line.text.strip()
    if len(text) > 40 or text.endswith(("。", "；", ";")) or attributor.is_unit_list(text) \
            or attributor.is_deadline(text) or after is None:
        return False
    nxt = after.text.strip()
    return not (is_pure_number(nxt) or heading(nxt) is not None or attributor.is_unit_list(nxt)
                or attributor.is_deadline(nxt))


def _unplaced(pending: list[Line], doubts: list[Doubt]) -> None:
    for line in pending:
        doubts.append(Doubt(f"表格中未能归类的文字，已略去：“{line.text[:40]}”", line=line.line))
    pending.clear()


_CAPTION = {"text": "具体要求", "lead": "责任单位", "support": "配合单位", "deadline": "时限"}


def _place(row: _FlatRow, line: Line, order: list[str], attributor: Attributor, cut: bool = False) -> str | None:
    """Put a line into the row's next column; None when it must start a new row.

    The content decides first (a list of unit names, a deadline phrase); the
    column order decides the rest, with a doubt ("?") when a short line lands
    in a column it does not look like. *cut*: the page ends in this line, perhaps
    in the middle of a unit's name.
    """
    text = line.text
    after = order[row.pos + 1 :]
    kind = ""
    if attributor.is_unit_list(text) or (cut and attributor.is_unit_list(cut_names(text))):
        kind = next((r for r in ("lead", "support") if r in after), "")
        if not kind and row.last in ("lead", "support"):  # a cell's units one per line
            row.cells[row.last] += "\n" + text
            return row.last
    elif attributor.is_deadline(text):
        kind = "deadline" if "deadline" in after else ""
    if kind:
        return _fill(row, kind, text, order)
    short = len(text) <= 40 and "。" not in text
    if after and after[0] == "note" and short and row.cells:  # 公开方式, 备注: read, not needed
        return _fill(row, "note", text, order)
    if row.last == "text" and not (short and row.cells["text"].endswith("。") and after):
        row.cells["text"] += text  # a requirement wrapped onto the next line
        return "text"
    if "text" in after and not row.cells.get("text"):
        return _fill(row, "text", text, order)
    if after and short and row.cells:
        return _fill(row, after[0], text, order) + "?"
    return None


def _fill(row: _FlatRow, role: str, text: str, order: list[str]) -> str:
    row.cells[role] = text
    row.last = role
    row.pos = next((k for k in range(row.pos + 1, len(order)) if order[k] == role), order.index(role))
    return role


# ---------------------------------------------------------------------------
# Events → points


class TableBuilder:
    """Turns events into the plan's points; rows carry their own units and deadlines."""

    def __init__(self, attributor: Attributor, doubts: list[Doubt]) -> None:
        self.attributor = attributor
        self.doubts = doubts
        self.points: list[Point] = []
        self.point: Point | None = None
        self.task: Task | None = None
        self.rows_are_items = True
        self.roles: list[str | None] = []

    def feed(self, roles: list[str | None], events: list[Event]) -> None:
        self.roles = roles
        self.rows_are_items = "text" in roles and ("task" in roles or any(e.kind == "task" for e in events))
        for event in events:
            getattr(self, f"_{event.kind}")(event)

    def _point(self, event: Event) -> None:
        title = strip_end(_without_marker(event.text))
        key = squeeze(simplify(title))
        for point in self.points:
            if squeeze(simplify(point.title)) == key:  # the heading repeated after a page break
                self.point, self.task = point, (point.tasks[-1] if point.tasks else None)
                return
        self.point = Point(title=title)
        self.points.append(self.point)
        self.task = None

    def _task(self, event: Event) -> None:
        title, rest = _cell_heading(_without_marker(event.text))
        self.task = Task(title=title, text=rest)
        self._current_point(event).tasks.append(self.task)

    def _row(self, event: Event) -> None:
        cells = event.cells
        text = cells.get("text", "")
        if not text:
            self.doubts.append(Doubt("表格中有一行没有任务内容（具体要求），已略去", line=event.line))
            return
        units = self._units(cells, event.cut)
        node: Task | Item
        if self.rows_are_items and self.task is None:
            # rows straight under a 一、 cell (no （一） level): items of one task with no title,
            # as in the outline of prose entries
            self.task = Task(title="")
            self._current_point(event).tasks.append(self.task)
            self.doubts.append(Doubt("表格中要点下没有“（一）”级任务，各行作为一项无标题任务的事项导入（可填写任务标题）",
                                     self.task, event.line))
        if self.rows_are_items and self.task is not None:
            node = Item(text=text, lead=units.lead, support=units.support, deadline=units.deadline)
            self.task.items.append(node)
        else:
            title, rest = split_heading_sentence(_without_marker(text))
            node = Task(title=title, text=rest, lead=units.lead, support=units.support, deadline=units.deadline)
            self._current_point(event).tasks.append(node)
        if cells.get("lead") and not cells.get("support") and (node.lead or node.support):
            # the 责任单位 cell as printed (A、B等), kept as the node's wording
            node.wording = Wording(text=cells["lead"].replace("\n", "、").strip(), lead=list(node.lead),
                                   support=list(node.support))
        missing = [_CAPTION[r] for r in ("lead", "deadline") if r in self.roles and not cells.get(r)
                   and not (r == "lead" and cells.get("support"))]
        if missing:
            self.doubts.append(Doubt(f"表格这一行没有{'和'.join(missing)}（原表为空，或页面不完整）", node, event.line))
        note = self.attributor.deadline_doubt(node.deadline, None)
        if note:
            self.doubts.append(Doubt(note, node, event.line))

    def _units(self, cells: dict[str, str], cut: bool = False) -> Attributed:
        found = Attributed()
        last = next((r for r in ("deadline", "support", "lead") if cells.get(r)), "")
        # a cell's units may stand one per line
        if cells.get("lead"):
            found.merge(self.attributor.unit_cell(cells["lead"].replace("\n", "、"), cut=cut and last == "lead"))
        if cells.get("support"):
            found.merge(self.attributor.unit_cell(cells["support"].replace("\n", "、"), support=True,
                                                  cut=cut and last == "support"))
        found.deadline = strip_end(cells.get("deadline", "").replace("\n", "")) or found.deadline
        return found

    def _current_point(self, event: Event) -> Point:
        if self.point is None:  # a table without a 一、 level: its point has no title to invent
            self.point = Point(title="")
            self.points.append(self.point)
            self.doubts.append(Doubt("表格没有“一、”级标题，任务放在一个没有标题的要点下（可填写标题）", self.point,
                                     event.line))
        return self.point


def _cell_heading(cell: str) -> tuple[str, str]:
    """(title, text) of a task's heading cell (工作任务 spanning its rows).

    A cell holding the heading alone is printed alone, so the mark closing it is the office's
    wording and stays in the title (（一）做好规划公开。 in some tables, without 。 in others);
    a heading followed by text is split as a paragraph is, and the export puts the stop back.
    """
    title, rest = split_heading_sentence(cell)
    whole = cell.strip()
    if not rest and whole[-1:] in _CLOSING_MARKS and whole[:-1].rstrip() == title:
        return whole, ""
    return title, rest


_CLOSING_MARKS = ("。", "！", "？")


def _without_marker(text: str) -> str:
    found = heading(text)
    return found.rest if found is not None else text.strip()
