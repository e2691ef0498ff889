"""F11 / Ctrl+U: pick a unit and see every task it leads or supports.

The lists are ``planwright.exporting.unit_view`` — what the per-unit export
prints — grouped through the unit registry (the style's and the plan's own
[[units]]), so 财政局 and 区财政局 land on one line when the registry says so.
"""

from __future__ import annotations

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

from planwright.exporting import UnitTasks, unit_view
from planwright.plan.model import Plan
from planwright.rules.engine import registry_for

if TYPE_CHECKING:
    from planwright.host import Host

ROLE = {"lead": "牵头", "support": "配合"}


def units_of(plan: Plan, host: "Host") -> list[UnitTasks]:
    registry = registry_for(plan, host)
    return unit_view(plan, registry, host.phrases_for(plan.meta.style or None))


class UnitsScreen(Screen[str | None]):
    """Units left, the chosen unit's tasks right; Enter on a task edits it."""

    BINDINGS = [Binding("escape,f11,ctrl+u", "dismiss(None)", "返回编辑", key_display="Esc")]

    def __init__(self, plan: Plan, host: "Host") -> None:
        super().__init__()
        self.units = units_of(plan, host)

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        with Horizontal():
            yield OptionList(*[Option(self._unit_line(u), id=str(n)) for n, u in enumerate(self.units)],
                             id="unit-list", markup=False)
            yield DataTable(id="unit-tasks", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def _unit_line(self, unit: UnitTasks) -> Text:
        pad = max(1, 16 - cell_len(unit.unit))
        return Text.assemble(unit.unit, " " * pad, (f"牵头{unit.led} 配合{unit.supported}", "dim"))

    def on_mount(self) -> None:
        self.title = "按单位查看"
        table = self.query_one(DataTable)
        table.add_column("序号", key="seq")
        table.add_column("角色", key="role")
        table.add_column("工作任务", key="task", width=22)
        table.add_column("具体要求", key="requirement", width=34)
        table.add_column("时限要求", key="deadline", width=14)
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
        self.query_one(DataTable).focus()

    def show_unit(self, index: int) -> None:
        unit = self.units[index]
        table = self.query_one(DataTable)
        table.clear()
        for n, entry in enumerate(unit.entries):
            role = ROLE.get(entry.role, entry.role)
            table.add_row(Text(str(entry.seq), justify="right"), Text(role, "bold" if entry.role == "lead" else "dim"),
                          Text(entry.task), Text(entry.requirement.replace("\n", " ")), Text(entry.deadline),
                          key=f"{n}:{entry.node_id}")
        self.sub_title = unit.unit + (f"（也写作：{'、'.join(unit.written)}）" if unit.written else "")

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        # keys are n:id, since one task can stand on two rows (a unit both leads and supports)
        self.dismiss(str(event.row_key.value).split(":", 1)[1])
