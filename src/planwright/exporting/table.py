"""The 重点工作任务分工 table: 序号 / 工作任务 / 具体要求 / 责任单位 / 时限要求.

`table_rows` flattens the plan into the rows every format prints: a group row
per point (一、…), then one numbered row per item, or per task where a task has
no items. The task's label (（一）…) is on each of its rows; `task_start` and
`task_span` say where the merged 工作任务 cell begins and how far it reaches.
`division` walks the same rows as the plan's own nodes, for the per-unit lists,
which need a few of a row's fields.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Literal

from planwright.plan.model import Item, Plan, Point, Task
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
    for seq, point, task, node, owner, deadline, span in division(plan):
        # positional: a dozen keywords cost as much again as the row itself, on every row
        if owner is None:
            yield TableRow("point", 0, point, "", "", (), (), "", False, 1, node.id, "")
        else:
            yield TableRow("row", seq, point, task, node.text.strip(), tuple(owner.lead), tuple(owner.support),
                           deadline, span > 0, span or 1, node.id, kept_cell(owner))


# A row of the table as ``division`` yields it: (seq, point label, task label, node, owner, deadline, span).
# A point's row has seq 0, the point as node and no owner. A numbered row's node is the item or
# task it stands for (its text the 具体要求, its id the row's), its owner the item or task whose
# units it prints, and span the rows under its task on the task's first row, 0 on the others.
Division = tuple[int, str, str, "Point | Task | Item", "Task | Item | None", str, int]


def division(plan: Plan) -> Iterator[Division]:
    """The table's rows as the plan's own nodes, nothing built: what ``iter_table_rows`` prints
    and the per-unit lists (``unit_view``) group, which need a few of a row's fields."""
    seq = 0
    # A section such as 总体要求 (指导思想, 基本原则, 工作目标) names no unit and no deadline:
    # it is no one's task, so no row of the table, while some other point divides work.
    divided = any(_divides(point) for point in plan.points)
    for p, point in enumerate(plan.points, 1):
        if not point.tasks or (divided and not _divides(point)):
            continue  # a point of prose only (指导思想) has nothing to divide
        point_label = marker(Level.POINT, p) + point.title
        yield 0, point_label, "", point, None, "", 0
        for t, task in enumerate(point.tasks, 1):
            # a table printed with no （一） level (rows straight under 一、) gets none invented
            label = marker(Level.TASK, t) + task.title if task.title.strip() else ""
            if not task.items:
                seq += 1
                yield seq, point_label, label, task, task, task.deadline, 1
                continue
            span = len(task.items)
            for item in task.items:
                seq += 1
                # an item without units or deadline falls under its task's
                owner = item if item.lead or item.support else task
                yield seq, point_label, label, item, owner, item.deadline or task.deadline, span
                span = 0


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
