"""Each task's state and colour on a given day.

The colours are the ones offices paint their 台账 with: green completed, red
overdue (or declared 无法按期完成), blue due within a few working days, yellow
behind the period's time-proportional progress (a task running January to
December should be at 11/12 = 91.7 % in November), none otherwise. Red wins
over blue, blue over yellow: a task due next week is chased whatever its pace.

Working days follow China's official holiday calendar (``chinese-calendar``:
the 国庆 week off, the weekend days worked in its place). For a year the
package does not know, weekends alone are used and a warning says so. A
deadline falling on a day off moves to the next working day, as offices count.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Sequence

from planwright.ledger.model import CANNOT, COMPLETED, NOT_STARTED, Ledger, LedgerTask, rollup, tasks_of
from planwright.plan.model import Plan
from planwright.zh import deadlines

DUE_SOON_WORKING_DAYS = 5
SUMMARY_KEYS = ("completed", "overdue", "behind", "due_soon", "on_track", "not_started")
COLOUR_OF = {"completed": "green", "overdue": "red", "behind": "yellow", "due_soon": "blue",
             "on_track": "none", "not_started": "none"}
LABELS = {"completed": "已完成", "overdue": "逾期", "behind": "滞后", "due_soon": "临期", "on_track": "正常推进",
          "not_started": "未开始"}


class Calendar:
    """Working days by the official calendar, remembering the years it had to guess."""

    def __init__(self) -> None:
        self.unknown_years: set[int] = set()

    def is_workday(self, day: dt.date) -> bool:
        import chinese_calendar

        try:
            return chinese_calendar.is_workday(day)
        except NotImplementedError:
            self.unknown_years.add(day.year)
            return day.weekday() < 5

    def next_workday(self, day: dt.date) -> dt.date:
        while not self.is_workday(day):
            day += dt.timedelta(days=1)
        return day

    def workdays_between(self, after: dt.date, until: dt.date) -> int:
        """Working days in (after, until]."""
        count, day = 0, after + dt.timedelta(days=1)
        while day <= until:
            count += self.is_workday(day)
            day += dt.timedelta(days=1)
        return count

    def warnings(self) -> list[str]:
        return [f"chinese-calendar 不知道 {y} 年的法定节假日安排，{y} 年按周一至周五计算工作日；"
                f"请升级 chinese-calendar (holiday calendar unknown for {y})" for y in sorted(self.unknown_years)]


@dataclass(frozen=True)
class TaskStatus:
    task: LedgerTask
    state: str  # one of SUMMARY_KEYS
    reported: str  # 未开始 / 推进中 / 已完成 / 无法按期完成, rolled up from the units
    percent: int
    expected: float  # the period's time-proportional progress on that day, in %
    working_days_left: int | None

    @property
    def colour(self) -> str:
        return COLOUR_OF[self.state]


@dataclass
class Status:
    as_of: dt.date
    tasks: list[TaskStatus]
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        counts = dict.fromkeys(SUMMARY_KEYS, 0)
        for t in self.tasks:
            counts[t.state] += 1
        return counts

    def to_json(self) -> dict:
        return {"as_of": self.as_of.isoformat(), "summary": self.summary(),
                "tasks": [{"id": t.task.id, "path": t.task.path, "title": t.task.title,
                           "lead": list(t.task.lead), "support": list(t.task.support),
                           "due": t.task.due.isoformat() if t.task.due else None,
                           "state": t.state, "percent": t.percent, "colour": t.colour} for t in self.tasks]}


def expected_progress(start: dt.date, due: dt.date, as_of: dt.date) -> float:
    """Per cent of the period's months gone by the end of as_of's month (Nov of Jan–Dec: 91.7)."""
    total = (due.year - start.year) * 12 + due.month - start.month + 1
    gone = (as_of.year - start.year) * 12 + as_of.month - start.month + 1
    if total <= 0:
        return 100.0
    return round(100 * min(max(gone, 0), total) / total, 1)


def status(plan: Plan, ledger: Ledger, as_of: dt.date,
           phrases: Sequence[deadlines.DeadlinePhrase] = ()) -> Status:
    """Every task of the plan on ``as_of``, sorted by due date (undated last)."""
    calendar = Calendar()
    year = plan.meta.year or as_of.year
    start = dt.date(year, 1, 1)
    period_end = dt.date(plan.meta.last_year or year, 12, 31)
    out = []
    for task in tasks_of(plan, phrases):
        reported, percent = rollup(task, ledger.of(task.id))
        out.append(_one(task, reported, percent, as_of, start, period_end, calendar))
    out.sort(key=lambda s: (s.task.due or dt.date.max, s.task.seq))
    return Status(as_of, out, calendar.warnings())


def _one(task: LedgerTask, reported: str, percent: int, as_of: dt.date, start: dt.date, period_end: dt.date,
         calendar: Calendar) -> TaskStatus:
    due = calendar.next_workday(task.due) if task.due else None
    expected = expected_progress(start, due or period_end, as_of)
    left = calendar.workdays_between(as_of, due) if due and due >= as_of else None
    if reported == COMPLETED:
        state = "completed"
    elif reported == CANNOT or (due is not None and as_of > due):
        state = "overdue"
    elif left is not None and left <= DUE_SOON_WORKING_DAYS:
        state = "due_soon"
    elif due is not None and percent < expected:
        state = "behind"  # continuous work (持续推进) has no period to be behind in
    else:
        state = "not_started" if reported == NOT_STARTED else "on_track"
    return TaskStatus(task, state, reported, percent, expected, left)


def status_xlsx(result: Status, title: str) -> bytes:
    """The status as a coloured sheet, print-ready (A4 landscape, header repeated)."""
    import io

    import xlsxwriter

    from planwright.exporting.xlsx_render import FONT, HEAD_FONT, SIZE

    fills = {"red": "#F4B6B6", "yellow": "#FFE699", "blue": "#BDD7EE", "green": "#C6E0B4", "none": None}
    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False,
                                      "strings_to_formulas": False, "strings_to_urls": False})
    base = {"font_name": FONT, "font_size": SIZE, "border": 1, "text_wrap": True, "valign": "vcenter"}
    formats = {c: wb.add_format({**base, **({"bg_color": f} if f else {})}) for c, f in fills.items()}
    head = wb.add_format({**base, "font_name": HEAD_FONT, "bold": True, "align": "center", "bg_color": "#D9D9D9"})
    ws = wb.add_worksheet("完成情况")
    ws.write_string(0, 0, f"{title} 任务完成情况（截至 {result.as_of.isoformat()}）")
    header = ("任务编号", "位置", "工作任务", "牵头单位", "配合单位", "完成时限", "完成状态", "完成进度（%）", "应达进度（%）", "标识")
    for c, (name, width) in enumerate(zip(header, (10, 12, 40, 20, 20, 12, 12, 10, 10, 10))):
        ws.set_column(c, c, width)
        ws.write_string(1, c, name, head)
    for r, t in enumerate(result.tasks, 2):
        fmt = formats[t.colour]
        cells = (t.task.id, t.task.path, t.task.title, "、".join(t.task.lead), "、".join(t.task.support),
                 t.task.due.isoformat() if t.task.due else t.task.deadline, t.reported)
        for c, value in enumerate(cells):
            ws.write_string(r, c, value, fmt)
        ws.write_number(r, 7, t.percent, fmt)
        ws.write_number(r, 8, t.expected, fmt)
        ws.write_string(r, 9, LABELS[t.state], fmt)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(1, 1)
    ws.freeze_panes(2, 0)
    wb.close()
    return buffer.getvalue()
