"""The 重点工作任务分工 table: 序号 / 工作任务 / 具体要求 / 责任单位 / 时限要求.

`table_rows` flattens the plan into the rows every format prints: a group row
per point (一、…), then one numbered row per item, or per task where a task has
no items. The task's label (（一）…) is on each of its rows; `task_start` and
`task_span` say where the merged 工作任务 cell begins and how far it reaches.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Literal

from planwright.plan.model import Plan, Point
from planwright.zh.numbering import Level
from planwright.exporting.wording import kept_cell, marker, table_units

HEADER: tuple[str, ...] = ("序号", "工作任务", "具体要求", "责任单位", "时限要求")


@dataclass(frozen=True)
class TableRow:
    kind: Literal["point", "row"]
    seq: int = 0  # 1..N on numbered rows, 0 on point rows
    point: str = ""  # 一、title (point rows; also kept on numbered rows for per-unit views)
    task: str = ""  # （一）title
    requirement: str = ""  # 具体要求
    lead: tuple[str, ...] = ()
    support: tuple[str, ...] = ()
    deadline: str = ""
    task_start: bool = False  # first row of its task: the merged cell starts here
    task_span: int = 1  # rows under one task (on its first row)
    node_id: str = ""  # the item or task the row stands for
    printed_units: str = ""  # the 责任单位 cell as the office printed it, while its units stand

    @property
    def units(self) -> str:
        return self.printed_units or table_units(self.lead, self.support)

    def cells(self) -> tuple[str, str, str, str, str]:
        """The five cells as text (a point row carries its title in 工作任务)."""
        if self.kind == "point":
            return ("", self.point, "", "", "")
        return (str(self.seq), self.task, self.requirement, self.units, self.deadline)


def table_rows(plan: Plan) -> list[TableRow]:
    """The task-division table of the plan, in reading order."""
    return list(iter_table_rows(plan))


def iter_table_rows(plan: Plan) -> Iterator[TableRow]:
    """``table_rows`` one row at a time: the editor's table view shows its first rows
    before the rest of a big plan is walked."""
    seq = 0
    # A section such as 总体要求 (指导思想, 基本原则, 工作目标) names no unit and no deadline:
    # it is no one's task, so no row of the table, while some other point divides work.
    divided = any(_divides(point) for point in plan.points)
    for p, point in enumerate(plan.points, 1):
        if not point.tasks or (divided and not _divides(point)):
            continue  # a point of prose only (指导思想) has nothing to divide
        point_label = marker(Level.POINT, p) + point.title
        yield TableRow(kind="point", point=point_label, node_id=point.id)
        for t, task in enumerate(point.tasks, 1):
            # a table printed with no （一） level (rows straight under 一、) gets none invented
            label = marker(Level.TASK, t) + task.title if task.title.strip() else ""
            span = max(1, len(task.items))
            if not task.items:
                seq += 1
                yield TableRow(kind="row", seq=seq, point=point_label, task=label,
                               requirement=task.text.strip(), lead=tuple(task.lead),
                               support=tuple(task.support), deadline=task.deadline,
                               task_start=True, task_span=1, node_id=task.id,
                               printed_units=kept_cell(task))
                continue
            for i, item in enumerate(task.items):
                seq += 1
                # an item without units or deadline falls under its task's
                own_units = bool(item.lead or item.support)
                yield TableRow(
                    kind="row", seq=seq, point=point_label, task=label, requirement=item.text.strip(),
                    lead=tuple(item.lead if own_units else task.lead),
                    support=tuple(item.support if own_units else task.support),
                    deadline=item.deadline or task.deadline,
                    task_start=i == 0, task_span=span if i == 0 else 1, node_id=item.id,
                    printed_units=kept_cell(item if own_units else task))


def _divides(point: Point) -> bool:
    """Whether any task or item of a point names a unit or a deadline."""
    return any(node.lead or node.support or node.deadline
               for task in point.tasks for node in (task, *task.items))


def table_text(rows: list[TableRow]) -> list[str]:
    """The table as plain-text lines: header, group lines, one tab-separated line per row.

    The task label stands on its own line above its rows, as a merged cell
    reads when a web page flattens the table. Cells are separated by tabs and
    keep their columns (the task line starts with an empty 序号), so a person
    can paste the lines into a spreadsheet.
    """
    lines = ["\t".join(HEADER)]
    for row in rows:
        if row.kind == "point":
            lines.append(row.point)
            continue
        if row.task_start and row.task:
            lines.append("\t" + row.task)
        requirement = " ".join(row.requirement.split("\n"))
        lines.append("\t".join((str(row.seq), "", requirement, row.units, row.deadline)))
    return lines
