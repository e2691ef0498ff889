"""F11 / Ctrl+U: pick a unit and see every task it leads or supports; Ctrl+E registers it or
edits its [[units]] entry (name, aliases, kind), a rename offered across every task.

The lists are ``planwright.exporting.unit_view`` — what the per-unit export
prints — grouped through the unit registry (the style's and the plan's own
[[units]]), so 财政局 and 区财政局 land on one line when the registry says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, OptionList
from textual.widgets.option_list import Option

from planwright.exporting import UnitTasks
from planwright.exporting.units import unit_view_steps
from planwright.plan.model import Plan
from planwright.rules.engine import registry_for
from planwright.tui.cjkwrap import wrap_line
from planwright.tui.screens.table import LazyRows, wrapped_row
from planwright.tui.widgets.folded_table import FoldedRow, FoldedTable
from planwright.tui.widgets.footer import Footer
from planwright.tui.widgets.header import Header

if TYPE_CHECKING:
    from planwright.host import Host

ROLE = {"lead": "牵头", "support": "配合"}
NAME_WIDTH = 18  # cells of a unit's name in the list; longer names fold onto further lines
COLUMNS = {"seq": ("序号", 4, 0), "role": ("角色", 4, 0), "task": ("工作任务", 22, 0),
           "requirement": ("具体要求", 34, 4), "deadline": ("时限要求", 14, 0)}


def units_of(plan: Plan, host: "Host") -> list[UnitTasks]:
    *_, lists = units_steps(plan, host)
    return lists  # type: ignore[return-value]  # the last step is the lists


def units_steps(plan: Plan, host: "Host") -> Iterator[list[UnitTasks] | None]:
    """``units_of`` a step at a time (see tui/ahead): None between steps, the lists last."""
    return unit_view_steps(plan, registry_for(plan, host), host.phrases_for(plan.meta.style or None))


class UnitsScreen(Screen[str | None]):
    """Units left, the chosen unit's tasks right; Enter on a task edits it."""

    BINDINGS = [Binding("escape,f11,ctrl+u", "dismiss(None)", "返回编辑", key_display="Esc"),
                Binding("ctrl+e,f2", "edit_unit", "登记/编辑单位", key_display="^E")]

    def __init__(self, plan: Plan, host: "Host", units: list[UnitTasks] | None = None) -> None:
        """``units``: the lists of this plan as it is, made ahead by the editor (tui/ahead)."""
        super().__init__()
        self.plan, self.host = plan, host
        self.units = units if units is not None else units_of(plan, host)
        self._shown: UnitTasks | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        with Horizontal():
            yield OptionList(*[Option(self._unit_line(u), id=str(n)) for n, u in enumerate(self.units)],
                             id="unit-list", markup=False)
            yield FoldedTable(id="unit-tasks", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def _unit_line(self, unit: UnitTasks) -> Text:
        """The name folded at NAME_WIDTH (never cut), the counts beside its first line."""
        lines = wrap_line(unit.unit, NAME_WIDTH)
        first = lines[0] + " " * (NAME_WIDTH - cell_len(lines[0]) + 1)
        text = Text.assemble(first, (f"牵头{unit.led} 配合{unit.supported}", "dim"))
        for line in lines[1:]:
            text.append("\n" + line)
        return text

    def on_mount(self) -> None:
        self.title = "按单位查看"
        table = self.query_one(FoldedTable)
        for key, (title, width, _) in COLUMNS.items():
            table.add_column(title, key=key, width=width)
        self.lazy = LazyRows(table, self._fold)  # a unit in every task has a row per task
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
        if unit is self._shown:
            return  # the highlight that follows setting it (on mount, after an edit): already shown
        self._shown = unit
        self.lazy.fill(list(enumerate(unit.entries)))
        self.sub_title = unit.unit + (f"（也写作：{'、'.join(unit.written)}）" if unit.written else "")

    @staticmethod
    def _fold(numbered: tuple) -> FoldedRow:
        n, entry = numbered
        values = {"seq": (str(entry.seq), ""),
                  "role": (ROLE.get(entry.role, entry.role), "bold" if entry.role == "lead" else "dim"),
                  "task": (entry.task, ""), "requirement": (entry.requirement, ""), "deadline": (entry.deadline, "")}
        return (f"{n}:{entry.node_id}", *wrapped_row(values, COLUMNS))

    def action_edit_unit(self) -> None:
        """Register the highlighted unit, or edit its entry; the editor applies it (one undo step)."""
        from planwright.plan.editing import unit_uses
        from planwright.tui.screens.unit_edit import UnitEdit, UnitEditDialog

        index = self.query_one(OptionList).highlighted
        if index is None or not self.units:
            return
        name = self.units[index].unit
        own = next((u for u in self.plan.units if u.name == name), None)
        known = registry_for(self.plan, self.host).unit(name) if own is None else None
        aliases = list(own.aliases) if own else list(getattr(known, "aliases", ()))
        kind = own.kind if own else getattr(known, "kind", "")

        def done(edit: UnitEdit | None) -> None:
            if edit is not None and self.app.editor.apply_unit_edit(edit):  # type: ignore[attr-defined]
                self.refresh_units(edit.name)

        self.app.push_screen(UnitEditDialog(name, aliases, kind, own is not None, unit_uses(self.plan, name)), done)

    def refresh_units(self, select: str) -> None:
        self.units = units_of(self.plan, self.host)
        options = self.query_one(OptionList)
        options.set_options(Option(self._unit_line(u), id=str(n)) for n, u in enumerate(self.units))
        names = [u.unit for u in self.units]
        if names:
            options.highlighted = names.index(select) if select in names else 0
            self.show_unit(options.highlighted)

    def on_unmount(self) -> None:
        # the lists go now, not with the closed screen's cycle (see FoldedTable.on_unmount)
        self.units, self._shown = [], None
        self.lazy.stop()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        # keys are n:id, since one task can stand on two rows (a unit both leads and supports)
        self.dismiss(str(event.row_key.value).split(":", 1)[1])
