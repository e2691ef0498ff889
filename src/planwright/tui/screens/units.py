"""F11 / Ctrl+U: pick a unit and see every task it leads or supports.

Names are grouped through the unit registry (the style's and the plan's own
[[units]]), so 财政局 and 区财政局 land on one line when the registry says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, OptionList
from textual.widgets.option_list import Option

from ... import editing, validate
from ...model import Item, Plan, Task
from ...numbering import path_label

if TYPE_CHECKING:
    from ...plugins import Host


@dataclass
class UnitTasks:
    """One unit's share of the plan."""

    name: str
    written: set[str] = field(default_factory=set)  # the names it appears under
    rows: list[tuple[str, str, str, str, str]] = field(default_factory=list)  # id, where, role, title, deadline

    @property
    def lead_count(self) -> int:
        return sum(r[2] == "牵头" for r in self.rows)

    @property
    def support_count(self) -> int:
        return sum(r[2] == "配合" for r in self.rows)


def tasks_by_unit(plan: Plan, host: "Host") -> list[UnitTasks]:
    """Units with their tasks, the busiest first."""
    registry = validate.registry_for(plan, host)
    units: dict[str, UnitTasks] = {}
    for indices, node in editing.walk(plan):
        if not isinstance(node, (Task, Item)):
            continue
        title = (node.title if isinstance(node, Task) else node.text).replace("\n", " ")
        for role, names in (("牵头", node.lead), ("配合", node.support)):
            for name in names:
                canon = registry.canonical(name) or name
                entry = units.setdefault(canon, UnitTasks(canon))
                entry.written.add(name)
                entry.rows.append((node.id, path_label(indices), role, title, node.deadline))
    return sorted(units.values(), key=lambda u: (-len(u.rows), u.name))


class UnitsScreen(Screen[str | None]):
    """Units left, the chosen unit's tasks right; Enter on a task edits it."""

    BINDINGS = [
        Binding("escape,f11", "dismiss(None)", "返回编辑", key_display="Esc"),
        Binding("left", "focus_units", "单位列表", show=False),
        Binding("right", "focus_tasks", "任务列表", show=False),
    ]

    def __init__(self, plan: Plan, host: "Host") -> None:
        super().__init__()
        self.units = tasks_by_unit(plan, host)

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        with Horizontal():
            yield OptionList(*[Option(self._unit_line(u), id=str(n)) for n, u in enumerate(self.units)],
                             id="unit-list", markup=False)
            yield DataTable(id="unit-tasks", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def _unit_line(self, unit: UnitTasks) -> Text:
        pad = max(1, 16 - cell_len(unit.name))
        return Text.assemble(unit.name, " " * pad, (f"牵头{unit.lead_count} 配合{unit.support_count}", "dim"))

    def on_mount(self) -> None:
        self.title = "按单位查看"
        table = self.query_one(DataTable)
        table.add_column("序号", key="where")
        table.add_column("角色", key="role")
        table.add_column("工作任务", key="title", width=40)
        table.add_column("时限要求", key="deadline", width=16)
        units = self.query_one(OptionList)
        units.focus()
        if self.units:
            units.highlighted = 0
            self.show_unit(0)
        else:
            self.sub_title = "计划中还没有填写任何责任单位"

    @on(OptionList.OptionHighlighted, "#unit-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_unit(int(event.option_id or 0))

    @on(OptionList.OptionSelected, "#unit-list")
    def _selected(self) -> None:
        self.action_focus_tasks()

    def show_unit(self, index: int) -> None:
        unit = self.units[index]
        table = self.query_one(DataTable)
        table.clear()
        for node_id, where, role, title, deadline in unit.rows:
            table.add_row(Text(where), Text(role, "bold" if role == "牵头" else "dim"), Text(title),
                          Text(deadline), key=node_id)
        others = sorted(unit.written - {unit.name})
        self.sub_title = unit.name + (f"（也写作：{'、'.join(others)}）" if others else "")

    def action_focus_units(self) -> None:
        self.query_one(OptionList).focus()

    def action_focus_tasks(self) -> None:
        self.query_one(DataTable).focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.dismiss(event.row_key.value)
