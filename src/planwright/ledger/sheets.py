"""The workbooks sent to units: one .xlsx per responsible unit with its own tasks.

Each sheet has the ledger's header in the office's wording, the task columns
locked (sheet protection without a password: it stops slips, not people) and
the columns a unit fills unlocked, a drop-down for 完成状态 and a 0–100 check
for 完成进度, A4 landscape with the header repeated. A hidden sheet names the
unit and the plan, so that ``collect`` knows whose return it is reading.
Cells are written as strings only (no formulas, numbers or links made from
text), so a task text starting with = cannot run as a formula.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Sequence

import xlsxwriter

from planwright.exporting.units import unit_view
from planwright.exporting.xlsx_render import FONT, HEAD_FONT, SIZE, _hf, text_lines
from planwright.ledger.model import SCHEMA, STATES, LedgerTask, tasks_of
from planwright.plan.model import Plan
from planwright.zh import deadlines, roles

HEADER = ("任务编号", "工作任务", "责任单位", "完成时限", "完成状态", "完成进度（%）", "进展情况", "存在问题",
          "下步打算", "佐证材料")
TASK_COLUMNS = HEADER[:4]  # what the office wrote: locked
FILL_COLUMNS = HEADER[4:]  # what the unit writes
WIDTHS = (10, 46, 22, 14, 12, 10, 30, 24, 24, 24)
MARK_SHEET = "planwright"  # hidden: schema, unit, plan title, year
SHEET = "任务台账"


@dataclass(frozen=True)
class Sent:
    unit: str
    filename: str
    data: bytes
    tasks: int


def safe_filename(name: str) -> str:
    """A file name every desktop accepts: no path separators or reserved characters, not empty."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", name).strip(" .") or "单位"
    return cleaned[:80]


def unit_tasks(plan: Plan, phrases: Sequence[deadlines.DeadlinePhrase] = ()) -> dict[str, list[tuple[str, LedgerTask]]]:
    """Each unit as the plan names it → its (role, task) pairs, in reading order."""
    by_id = {t.id: t for t in tasks_of(plan, phrases)}
    out: dict[str, list[tuple[str, LedgerTask]]] = {}
    for view in unit_view(plan, phrases=phrases):
        out[view.unit] = [(e.role, by_id[e.node_id]) for e in view.entries if e.node_id in by_id]
    return out


def units_cell(task: LedgerTask, role: str) -> str:
    """The 责任单位 cell: this unit's role first, then every unit of the task."""
    own = "本单位牵头" if role == "lead" else "本单位配合"
    parts = [own]
    if task.lead:
        parts.append(f"{roles.PRINTED[roles.LEAD]}：" + "、".join(task.lead))
    if task.support:
        parts.append(f"{roles.PRINTED[roles.SUPPORT]}：" + "、".join(task.support))
    return "\n".join(parts)


def send(plan: Plan, phrases: Sequence[deadlines.DeadlinePhrase] = ()) -> list[Sent]:
    """One workbook per unit; file names unique and safe."""
    out, used = [], set()
    for unit, tasks in unit_tasks(plan, phrases).items():
        base = safe_filename(unit)
        name, n = base, 1
        while name.lower() in used:
            n += 1
            name = f"{base}～{n}"
        used.add(name.lower())
        out.append(Sent(unit, f"{name}.xlsx", workbook(plan, unit, tasks), len(tasks)))
    return out


def workbook(plan: Plan, unit: str, tasks: Sequence[tuple[str, LedgerTask]]) -> bytes:
    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False,
                                      "strings_to_formulas": False, "strings_to_urls": False})
    title = f"{plan.meta.title or '工作要点'} 任务台账（{unit}）"
    wb.set_properties({"title": title, "comments": "planwright ledger send"})
    base = {"font_name": FONT, "font_size": SIZE, "border": 1, "text_wrap": True, "valign": "vcenter"}
    locked = wb.add_format({**base, "bg_color": "#F2F2F2"})
    fill = wb.add_format({**base, "locked": False})
    head = wb.add_format({**base, "font_name": HEAD_FONT, "bold": True, "align": "center", "bg_color": "#D9D9D9"})
    caption = wb.add_format({"font_name": HEAD_FONT, "font_size": 14, "bold": True, "valign": "vcenter"})
    ws = wb.add_worksheet(SHEET)
    ws.write_string(0, 0, title, caption)
    ws.set_row(0, 24)
    for c, (name, width) in enumerate(zip(HEADER, WIDTHS)):
        ws.set_column(c, c, width, None if c < 4 else fill)
        ws.write_string(1, c, name, head)
    for r, (role, task) in enumerate(tasks, 2):
        cells = (task.id, task.sheet_text(), units_cell(task, role), task.deadline)
        for c, value in enumerate(cells):
            ws.write_string(r, c, value, locked)
        for c in range(4, len(HEADER)):
            ws.write_blank(r, c, None, fill)
        lines = max(text_lines(task.sheet_text(), WIDTHS[1]), text_lines(cells[2], WIDTHS[2]))
        ws.set_row(r, max(30, 15 * lines + 4))
    last = max(2, len(tasks) + 1)
    ws.data_validation(2, 4, last + 50, 4, {"validate": "list", "source": list(STATES),
                                             "error_title": "完成状态", "error_message": "请从下拉列表中选择。"})
    ws.data_validation(2, 5, last + 50, 5, {"validate": "decimal", "criteria": "between", "minimum": 0,
                                             "maximum": 100, "error_title": "完成进度",
                                             "error_message": "请填写 0 到 100 之间的数字。"})
    ws.freeze_panes(2, 2)
    ws.protect("", {"format_columns": True, "format_rows": True, "insert_rows": True, "sort": True,
                    "autofilter": True})
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(1, 1)
    ws.set_header(f'&C&12&"{HEAD_FONT},Bold"{_hf(title)}'[:255])
    ws.set_footer("&C第 &P 页，共 &N 页")
    mark = wb.add_worksheet(MARK_SHEET)
    for r, (key, value) in enumerate((("schema", SCHEMA), ("unit", unit), ("plan", plan.meta.title),
                                      ("year", str(plan.meta.year or "")))):
        mark.write_string(r, 0, key)
        mark.write_string(r, 1, value)
    mark.hide()
    ws.activate()
    wb.close()
    return buffer.getvalue()
