"""The terminal report (rich): summary first, then each change with its redline.

Every Text and table column folds (``overflow="fold"``): rich breaks lines
only at spaces, so a Chinese cell would otherwise be cut off with an ellipsis.
Without colour (a file, NO_COLOR) the redline carries [-删除-] {+插入+} marks.
"""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from planwright.diffing import wording
from planwright.diffing.result import Change, Comparison
from planwright.diffing.text import DELETE, INSERT, Op

STATUS_STYLE = {
    "unchanged": "dim", "reworded": "yellow", "moved": "magenta", "added": "green",
    "removed": "red", "merged": "cyan", "split": "cyan",
}
ADJUSTED_STYLE = "blue"  # an unchanged text whose units or deadline changed
DELETE_STYLE = "red strike"
INSERT_STYLE = "green underline"


def redline_text(ops: list[Op], markers: bool = False) -> Text:
    text = Text(overflow="fold")
    for op, chunk in ops:
        if op == DELETE:
            text.append(f"[-{chunk}-]" if markers else chunk, style=DELETE_STYLE)
        elif op == INSERT:
            text.append(f"{{+{chunk}+}}" if markers else chunk, style=INSERT_STYLE)
        else:
            text.append(chunk)
    return text


def _summary(cmp: Comparison) -> Table:
    table = Table(title="概要", title_justify="left")
    for i, name in enumerate(wording.summary_header()):
        table.add_column(name, overflow="fold", justify="left" if i == 0 else "right")
    for row in wording.summary_rows(cmp):
        table.add_row(*row)
    return table


def _units(cmp: Comparison) -> Table:
    table = Table(title="各单位任务增减", title_justify="left")
    for i, name in enumerate(wording.unit_header()):
        table.add_column(name, overflow="fold", justify="right" if i in (1, 2) else "left",
                         ratio=3 if i > 2 else None)
    for row in wording.unit_rows(cmp):
        table.add_row(*row)
    return table


def change_renderable(change: Change, markers: bool = False) -> RenderableType:
    title = Text(overflow="fold")
    style = ADJUSTED_STYLE if change.adjusted else STATUS_STYLE[change.status]
    title.append(change.label, style=f"bold {style}")
    title.append(f" · {wording.change_subject(change)}", style="bold")
    parts: list[RenderableType] = [title]
    for fact in wording.change_facts(change):
        parts.append(Padding(Text(fact, style="dim", overflow="fold"), (0, 0, 0, 2)))
    ops = wording.change_ops(change)
    if ops is not None:
        parts.append(Padding(redline_text(ops, markers), (0, 0, 0, 2)))
    return Group(*parts)


def to_rich(cmp: Comparison, markers: bool = False) -> RenderableType:
    """The whole report as one rich renderable."""
    parts: list[RenderableType] = [Text(wording.heading(cmp), style="bold", overflow="fold"),
                                   Text(wording.sources(cmp), style="dim", overflow="fold")]
    parts += [Text(n, style="dim", overflow="fold") for n in wording.notes(cmp)]
    parts += [Text(""), _summary(cmp)]
    if cmp.units:
        parts += [Text(""), _units(cmp)]
    notable = cmp.notable()
    parts.append(Text(""))
    nothing = f"两份计划中{cmp.unit}的任务没有变化。" if cmp.unit else "两份计划没有实质变化。"
    parts.append(Text(f"变化明细（{len(notable)} 处）" if notable else nothing, style="bold"))
    for change in notable:
        parts += [Text(""), change_renderable(change, markers)]
    quiet = len(cmp.changes) - len(notable)
    if quiet:
        parts += [Text(""), Text(f"另有 {quiet} 处未变，未逐一列出。", style="dim")]
    return Group(*parts)


def to_text(cmp: Comparison, width: int = 100) -> str:
    """Plain text (no colour codes), for ``--format text -o FILE``."""
    console = Console(width=width, no_color=True, color_system=None, force_terminal=False,
                      record=False, highlight=False, soft_wrap=False, file=_Null())
    with console.capture() as capture:
        console.print(to_rich(cmp, markers=True))
    return capture.get()


class _Null:
    def write(self, _s: str) -> int:
        return 0

    def flush(self) -> None:
        pass
