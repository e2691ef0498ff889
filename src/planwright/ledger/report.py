"""The roll-up for the office: per unit and per point, the late tasks, and a 落实情况 text.

Each task is judged against the period's time-proportional progress on the
day (``status``): 超进度 when completed ahead of time or at least ten points
ahead of the pace, 欠进度 when behind it or overdue, 达进度 otherwise. A unit is
judged by its own reports on the tasks it leads or supports; a point by its
tasks' rolled-up state. The 落实情况 section is plain prose a clerk can paste
into the yearly 政府信息公开工作年度报告. Written as md, docx or xlsx.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Sequence

from planwright.ledger.model import COMPLETED, IN_PROGRESS, NOT_STARTED, Ledger, rollup
from planwright.ledger.status import Calendar, Status, TaskStatus, _one, status
from planwright.plan.model import Plan
from planwright.zh import deadlines

AHEAD, ON_PACE, BEHIND = "超进度", "达进度", "欠进度"
FORMATS = ("md", "docx", "xlsx")


def pace(t: TaskStatus) -> str:
    if t.state in ("overdue", "behind"):
        return BEHIND
    if (t.reported == COMPLETED and t.expected < 100) or t.percent >= t.expected + 10:
        return AHEAD
    return ON_PACE


@dataclass
class Rollup:
    name: str
    tasks: int = 0
    completed: int = 0
    paces: dict[str, int] = field(default_factory=lambda: {AHEAD: 0, ON_PACE: 0, BEHIND: 0})
    overdue: int = 0
    percent_sum: int = 0

    def add(self, t: TaskStatus) -> None:
        self.tasks += 1
        self.completed += t.reported == COMPLETED
        self.overdue += t.state == "overdue"
        self.paces[pace(t)] += 1
        self.percent_sum += t.percent

    def share(self, n: int) -> str:
        return f"{100 * n / self.tasks:.1f}%" if self.tasks else "—"

    @property
    def mean(self) -> str:
        return f"{self.percent_sum / self.tasks:.1f}%" if self.tasks else "—"

    def cells(self) -> list[str]:
        return [self.name, str(self.tasks), str(self.completed), self.share(self.completed),
                *(f"{self.paces[k]}（{self.share(self.paces[k])}）" for k in (AHEAD, ON_PACE, BEHIND)),
                str(self.overdue), self.mean]


ROLLUP_HEADER = ["{what}", "任务数", "已完成", "完成率", AHEAD, ON_PACE, BEHIND, "逾期", "平均进度"]
LATE_HEADER = ["位置", "工作任务", "牵头单位", "配合单位", "完成时限", "完成状态", "完成进度（%）"]


@dataclass
class LedgerReport:
    title: str
    as_of: dt.date
    status: Status
    units: list[Rollup]
    points: list[Rollup]
    late: list[TaskStatus]
    text: str  # 落实情况

    def late_cells(self) -> list[list[str]]:
        return [[t.task.path, t.task.title, "、".join(t.task.lead), "、".join(t.task.support),
                 t.task.due.isoformat() if t.task.due else t.task.deadline, t.reported, str(t.percent)]
                for t in self.late]


def build(plan: Plan, ledger: Ledger, as_of: dt.date,
          phrases: Sequence[deadlines.DeadlinePhrase] = ()) -> LedgerReport:
    result = status(plan, ledger, as_of, phrases)
    points: dict[str, Rollup] = {}
    for t in sorted(result.tasks, key=lambda s: s.task.seq):
        points.setdefault(t.task.point, Rollup(t.task.point)).add(t)
    units = _unit_rollups(plan, ledger, as_of, result)
    late = [t for t in result.tasks if t.state == "overdue"]
    return LedgerReport(plan.meta.title, as_of, result, units, list(points.values()), late,
                        _prose(plan.meta.title, as_of, result, late))


def _unit_rollups(plan: Plan, ledger: Ledger, as_of: dt.date, result: Status) -> list[Rollup]:
    """Each unit judged on its own reports (a unit that has not reported counts as not started)."""
    calendar = Calendar()
    year = plan.meta.year or as_of.year
    start, end = dt.date(year, 1, 1), dt.date(plan.meta.last_year or year, 12, 31)
    units: dict[str, Rollup] = {}
    for t in sorted(result.tasks, key=lambda s: s.task.seq):
        for unit in t.task.units:
            own = ledger.held(t.task.id, unit)
            reported, percent = rollup(t.task, [own] if own else [])
            units.setdefault(unit, Rollup(unit)).add(_one(t.task, reported, percent, as_of, start, end, calendar))
    return list(units.values())


def _prose(title: str, as_of: dt.date, result: Status, late: list[TaskStatus]) -> str:
    n = len(result.tasks)
    done = sum(t.reported == COMPLETED for t in result.tasks)
    going = sum(t.reported == IN_PROGRESS for t in result.tasks)
    idle = sum(t.reported == NOT_STARTED for t in result.tasks)
    paces = {k: 0 for k in (AHEAD, ON_PACE, BEHIND)}
    for t in result.tasks:
        paces[pace(t)] += 1
    day = f"{as_of.year}年{as_of.month}月{as_of.day}日"
    share = f"{100 * done / n:.1f}%" if n else "0%"
    text = [f"截至{day}，《{title}》分解的{n}项任务中，已完成{done}项（占{share}），正在推进{going}项，"
            f"尚未启动{idle}项。对照时间进度，超进度{paces[AHEAD]}项、达进度{paces[ON_PACE]}项、欠进度{paces[BEHIND]}项。"]
    if late:
        units = list(dict.fromkeys(u for t in late for u in t.task.lead or t.task.support))
        text.append(f"逾期未完成{len(late)}项，涉及{'、'.join(units)}，需督促相关单位加快办理并说明原因。")
    else:
        text.append("没有逾期未完成的任务。")
    return "".join(text)


# --- writers ---------------------------------------------------------------------------------


def _header(what: str) -> list[str]:
    return [h.format(what=what) for h in ROLLUP_HEADER]


def to_md(rep: LedgerReport) -> str:
    def table(header: list[str], rows: list[list[str]]) -> list[str]:
        esc = [[c.replace("|", "\\|").replace("\n", " ") for c in row] for row in rows]
        return ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header), *("| " + " | ".join(r) + " |" for r in esc)]

    lines = [f"# {rep.title} 落实情况（截至 {rep.as_of.isoformat()}）", "", "## 按责任单位", ""]
    lines += table(_header("责任单位"), [u.cells() for u in rep.units])
    lines += ["", "## 按工作要点", ""]
    lines += table(_header("工作要点"), [p.cells() for p in rep.points])
    lines += ["", "## 逾期未完成的任务", ""]
    lines += table(LATE_HEADER, rep.late_cells()) if rep.late else ["（无）"]
    lines += ["", "## 落实情况", "", rep.text, ""]
    return "\n".join(lines)


def to_docx(rep: LedgerReport) -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.title = f"{rep.title} 落实情况"
    document.add_heading(f"{rep.title} 落实情况（截至 {rep.as_of.isoformat()}）", level=1)
    for heading, header, rows in (("按责任单位", _header("责任单位"), [u.cells() for u in rep.units]),
                                  ("按工作要点", _header("工作要点"), [p.cells() for p in rep.points]),
                                  ("逾期未完成的任务", LATE_HEADER, rep.late_cells())):
        document.add_heading(heading, level=2)
        if not rows:
            document.add_paragraph("（无）")
            continue
        table = document.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, header):
            cell.text = text
        for row in rows:
            for cell, text in zip(table.add_row().cells, row):
                cell.text = text
    document.add_heading("落实情况", level=2)
    document.add_paragraph(rep.text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def to_xlsx(rep: LedgerReport) -> bytes:
    import xlsxwriter

    from planwright.exporting.xlsx_render import FONT, HEAD_FONT, SIZE

    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False,
                                      "strings_to_formulas": False, "strings_to_urls": False})
    base = {"font_name": FONT, "font_size": SIZE, "border": 1, "text_wrap": True, "valign": "vcenter"}
    cell = wb.add_format(base)
    head = wb.add_format({**base, "font_name": HEAD_FONT, "bold": True, "align": "center", "bg_color": "#D9D9D9"})
    for name, header, rows in (("按责任单位", _header("责任单位"), [u.cells() for u in rep.units]),
                               ("按工作要点", _header("工作要点"), [p.cells() for p in rep.points]),
                               ("逾期任务", LATE_HEADER, rep.late_cells()), ("落实情况", ["落实情况"], [[rep.text]])):
        ws = wb.add_worksheet(name)
        for c, text in enumerate(header):
            ws.write_string(0, c, text, head)
            ws.set_column(c, c, 80 if name == "落实情况" else (30 if c in (0, 1) else 12))
        for r, row in enumerate(rows, 1):
            for c, text in enumerate(row):
                ws.write_string(r, c, text, cell)
        ws.set_landscape()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(0, 0)
    wb.close()
    return buffer.getvalue()


def render(rep: LedgerReport, fmt: str) -> bytes:
    if fmt == "md":
        return to_md(rep).encode("utf-8")
    if fmt == "docx":
        return to_docx(rep)
    return to_xlsx(rep)
