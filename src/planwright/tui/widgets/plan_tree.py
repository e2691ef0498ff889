"""The plan as a tree: 一、 / （一） / 1. numbering, finding markers, units and deadline per row.

Labels are drawn from the model at render time, so typing in the form only
needs ``refresh_node`` on one row, and only the rows on screen are ever drawn
(Tree is a line-API widget). Structural edits call ``rebuild``, which keeps the
cursor and the expanded branches by node id, not by TreeNode identity.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from planwright.zh import deadlines
from planwright.plan.model import Item, Node, Plan, Point, Task
from planwright.zh.numbering import Level, marker
from planwright.tui.cjkwrap import fit

if TYPE_CHECKING:
    from planwright.api import Finding

ROOT = "__plan__"  # data of the root node: the [plan] table
_MARK = {"error": ("!", "bold red"), "warning": ("!", "bold yellow"), "info": ("i", "cyan")}
_RANK = {"error": 0, "warning": 1, "info": 2}
_BLANK = Text("")
INFO_WIDTH = 18  # " 12单位 2027-10-31": unit count and deadline, right of the title


class PlanTree(Tree[str]):
    """Tree of points, tasks and items; ``data`` is the model node's id."""

    BINDINGS = [
        Binding("enter", "edit", "编辑", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("计划", data=ROOT, id=id)
        self.auto_expand = False  # Enter edits; space and the arrow icon fold
        self.guide_depth = 3
        self.plan: Plan | None = None
        self.marks: dict[str, str] = {}  # node id → worst severity of its own findings
        self.inner_marks: dict[str, str] = {}  # node id → worst severity below it
        self.deadline_parser: Callable[[str], deadlines.Deadline] = deadlines.parse
        self._by_id: dict[str, TreeNode[str]] = {}
        self._model: dict[str, tuple[tuple[int, ...], Node]] = {}
        self._parent_task: dict[str, str] = {}  # item id → its task's id
        self._folded: dict[str, bool] = {}  # explicit choices; default: points open, tasks folded

    # -- building ------------------------------------------------------------
    def rebuild(self, plan: Plan, keep_cursor: str | None = None) -> None:
        """Make the tree show ``plan``; the cursor goes to ``keep_cursor`` (an id) when given.

        Items get tree nodes only when their task is opened: most tasks stay
        folded, and a 1,000-task plan then builds about half the nodes.
        """
        self.plan = plan
        cursor = keep_cursor if keep_cursor is not None else self.cursor_id
        self.cursor_line = -1  # no highlight message for whatever lands on the old line
        self.clear()
        self._by_id = {ROOT: self.root}
        self._model = {}
        self._parent_task = {}
        self.root.expand()
        for p, point in enumerate(plan.points, 1):
            pnode = self._add(self.root, point, (p,), open_by_default=True, leaf=not point.tasks)
            for t, task in enumerate(point.tasks, 1):
                tnode = self._add(pnode, task, (p, t), open_by_default=False, leaf=not task.items)
                for i, item in enumerate(task.items, 1):
                    self._model[item.id] = ((p, t, i), item)
                    self._parent_task[item.id] = task.id
                if tnode.is_expanded:
                    self._populate(tnode)
        if cursor is not None:
            self.select_id(cursor)

    def _add(self, parent: TreeNode[str], node: Node, indices: tuple[int, ...],
             open_by_default: bool, leaf: bool) -> TreeNode[str]:
        # The label is drawn by render_label from the model; the stored one is a
        # placeholder, given as Text so that Tree does not parse it as markup.
        child = parent.add(_BLANK, data=node.id, allow_expand=not leaf,
                           expand=self._folded.get(node.id, open_by_default) and not leaf)
        self._by_id[node.id] = child
        self._model[node.id] = (indices, node)
        return child

    def _populate(self, task_node: TreeNode[str]) -> None:
        """Give a task's items their tree nodes (on first opening)."""
        if task_node.children:
            return
        _, task = self._model[task_node.data or ""]
        for item in task.items:  # type: ignore[union-attr]
            indices, _ = self._model[item.id]
            self._add(task_node, item, indices, open_by_default=False, leaf=True)

    def set_marks(self, findings: list["Finding"]) -> None:
        """Mark the rows that have findings (worst severity wins) and repaint.

        A folded row also shows, dimmed, the worst finding inside it, so that a
        finding on an item is not hidden by its folded task.
        """
        marks: dict[str, str] = {}
        inner: dict[str, str] = {}
        for f in findings:
            key = f.node_id or ROOT
            _worst(marks, key, f.severity)
            for ancestor in self._ancestors(key):
                _worst(inner, ancestor, f.severity)
        changed = {k for k, _ in set(marks.items()) ^ set(self.marks.items())}
        changed |= {k for k, _ in set(inner.items()) ^ set(self.inner_marks.items())}
        self.marks, self.inner_marks = marks, inner
        for node_id in changed:
            self.refresh_node(node_id)

    def _ancestors(self, node_id: str) -> list[str]:
        indices = self.indices_of(node_id)
        if len(indices) < 2 or self.plan is None:
            return []
        point = self.plan.points[indices[0] - 1]
        out = [point.id]
        if len(indices) == 3:
            out.append(point.tasks[indices[1] - 1].id)
        return out

    def refresh_node(self, node_id: str) -> None:
        """Repaint one row after its model node changed."""
        tree_node = self._by_id.get(node_id)
        if tree_node is not None and tree_node.line >= 0:
            tree_node.refresh()

    # -- cursor ----------------------------------------------------------------
    @property
    def cursor_id(self) -> str | None:
        node = self.cursor_node
        return node.data if node is not None else None

    def select_id(self, node_id: str) -> bool:
        """Move the cursor to a model node now, opening its parents; False when unknown."""
        task_id = self._parent_task.get(node_id)
        if task_id is not None and task_id in self._by_id:
            self._populate(self._by_id[task_id])
        tree_node = self._by_id.get(node_id)
        if tree_node is None:
            return False
        parent = tree_node.parent
        while parent is not None:
            if not parent.is_expanded:
                parent.expand()
            parent = parent.parent
        # Number the lines now rather than on the next idle, so that the cursor
        # lands at once and a keystroke that follows goes to the right node.
        self._tree_lines  # noqa: B018  (Tree 8.2.8 builds its line list on access)
        self.move_cursor(tree_node)
        self.scroll_to_node(tree_node, animate=False)
        return True

    def node_of(self, node_id: str) -> Node | None:
        entry = self._model.get(node_id)
        return entry[1] if entry else None

    def indices_of(self, node_id: str) -> tuple[int, ...]:
        entry = self._model.get(node_id)
        return entry[0] if entry else ()

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[str]) -> None:
        if event.node.data:
            self._folded[event.node.data] = True
            if isinstance(self.node_of(event.node.data), Task):
                self._populate(event.node)

    def on_tree_node_collapsed(self, event: Tree.NodeCollapsed[str]) -> None:
        if event.node.data:
            self._folded[event.node.data] = False

    def action_edit(self) -> None:
        self.post_message(self.NodeSelected(self.cursor_node)) if self.cursor_node else None

    # -- drawing -------------------------------------------------------------
    def render_label(self, node: TreeNode[str], base_style: Style, style: Style) -> Text:
        label = self._label(node)
        label.stylize(style)
        if node.allow_expand:
            icon = Text(self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE, base_style)
        else:
            icon = Text("  ", base_style)
        return Text.assemble(icon, label)

    def get_label_width(self, node: TreeNode[str]) -> int:
        # Tree measures every label on each rebuild of its line list, to size its
        # horizontal scroll. Our rows are drawn to the widget's width (see
        # _label_width) and never scroll sideways, so a constant does: no label is
        # drawn to be measured, and a resize needs no rebuild (the line cache is
        # keyed on the width already).
        return 8

    def _label_width(self, node: TreeNode[str]) -> int:
        # the content width leaves out the scrollbar; its gutter is kept (CSS
        # scrollbar-gutter: stable) so that rows do not change width when it shows
        content = self.scrollable_content_region.width or self.size.width
        return max(8, content - self._depth(node) * self.guide_depth - 1)

    def _depth(self, node: TreeNode[str]) -> int:
        return 0 if node.data == ROOT else len(self.indices_of(node.data or ""))

    def _label(self, node: TreeNode[str]) -> Text:
        width = self._label_width(node) - 2  # the fold icon
        mark = self._mark(node.data or "")
        if node.data == ROOT or self.plan is None:
            title = self.plan.meta.title if self.plan else "计划"
            return Text.assemble(mark, (fit(title or "（未命名计划）", max(1, width - 2)), "bold"))
        indices, model = self._model[node.data or ""]
        head = _heading(model, indices)
        if isinstance(model, Point):
            count = f" {len(model.tasks)}项"
            body = fit(head, max(1, width - 2 - cell_len(count)))
            return Text.assemble(mark, (body, "bold"), (count, "dim"))
        info_width = INFO_WIDTH if width - 2 > INFO_WIDTH + 8 else 0
        body = fit(head, max(1, width - 2 - info_width))
        label = Text.assemble(mark, body)
        if info_width:
            label.append_text(self._info(model, info_width))
        return label

    def _mark(self, node_id: str) -> Text:
        severity = self.marks.get(node_id)
        dim = False
        if severity is None:
            tree_node = self._by_id.get(node_id)
            if tree_node is not None and not tree_node.is_expanded:
                severity, dim = self.inner_marks.get(node_id), True
        if severity is None:
            return Text("  ")
        char, style = _MARK.get(severity, ("!", "bold"))
        return Text(f"{char} ", style.replace("bold", "dim") if dim else style)

    def _info(self, node: Task | Item, width: int) -> Text:
        units = len(dict.fromkeys([*node.lead, *node.support]))
        unit_text = Text(f"{units:>3}单位", "dim") if units else Text("  无单位", "yellow")
        due = Text(_deadline_short(self.deadline_parser(node.deadline), self.plan), "dim")
        if not node.deadline and isinstance(node, Task) and any(i.deadline for i in node.items):
            due = Text("见各事项", "dim")  # the items carry the deadlines
        if due.plain.startswith("?"):
            due.stylize("red")
        out = Text(" ")
        out.append_text(unit_text)
        out.append(" ")
        rest = width - cell_len(out.plain)
        out.append_text(Text(fit(due.plain, rest), due.style))
        return out


def _worst(marks: dict[str, str], key: str, severity: str) -> None:
    if key not in marks or _RANK.get(severity, 3) < _RANK.get(marks[key], 3):
        marks[key] = severity


def _heading(node: Node, indices: tuple[int, ...]) -> str:
    level = Level(len(indices))
    number = marker(level, indices[-1])
    text = node.text if isinstance(node, Item) else node.title
    first_line = text.strip().splitlines()[0] if text.strip() else "（未填写）"
    return f"{number}{first_line}"


def _deadline_short(parsed: deadlines.Deadline, plan: Plan | None) -> str:
    """A deadline in at most ten cells: 10-31 in the plan's year, else the date or the phrase."""
    if parsed.kind is deadlines.Kind.NONE:
        return ""
    if parsed.kind is deadlines.Kind.UNPARSED:
        return f"?{parsed.phrase}"
    if parsed.due is not None:
        year = plan.meta.year if plan is not None else None
        return parsed.due.strftime("%m-%d") if parsed.due.year == year else parsed.due.isoformat()
    return parsed.phrase
