"""The plan as a tree: 一、 / （一） / 1. numbering, finding markers, units and deadline per row.

Labels are drawn from the model at render time, so typing in the form only
needs ``refresh_node`` on one row, and only the rows on screen are ever drawn
(Tree is a line-API widget).

``rebuild`` makes the tree for a whole plan: the rows of the first screen at
once, the rest a chunk at a time after the first paint (as a catalog tree loads
a wide schema), so a 5,000-task plan shows as soon as a small one. Structural
edits and undo call ``sync``, which keeps every tree node whose model node is
still there (its expansion, the cursor by node id), adds and drops only the
ones that came and went. A row's number is its position among its siblings,
kept per node and read when the row is drawn. Told which lists of the plan
an edit changed (its undo step knows), ``sync`` renumbers, reconciles and
re-lays only the rows under those lists: adding a task to a 5,000-task plan
touches one point's rows, not the plan's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING, Callable, Iterator, Sequence

from rich.cells import cell_len
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.widgets import Tree
from textual._loop import loop_last
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widgets._tree import _TreeLine
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
FIRST_ROWS = 160  # tree nodes made before the first paint: a tall terminal's screen and then some
CHUNK = 600  # tree nodes made per turn of the event loop after that
_PATH = attrgetter("path")


@dataclass
class _RowParts:
    """What every row of one drawing pass is drawn with (see PlanTree._row_parts)."""

    hidden: tuple[bool, bool, bool]  # guides hidden: plain, under the hover, under the cursor
    guide: Style
    guide_hover: Style
    guide_selected: Style
    highlight_line: Style
    label: Style
    highlight: Style
    cursor: Style
    focused: bool
    console: Console
    guides: dict[tuple[Style, bool], tuple[str, str, str, str]] = field(default_factory=dict)


class PlanTree(Tree[str]):
    """Tree of points, tasks and items; ``data`` is the model node's id."""

    BINDINGS = [
        Binding("enter", "edit", "编辑", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        # a Text, not a str: Tree reads a str as markup, and rich's markup loads its emoji table
        # (the root row is drawn from the plan by render_label anyway)
        super().__init__(Text("计划"), data=ROOT, id=id)
        self.auto_expand = False  # Enter edits; space and the arrow icon fold
        self.guide_depth = 3
        self.plan: Plan | None = None
        self.marks: dict[str, str] = {}  # node id → worst severity of its own findings
        self.inner_marks: dict[str, str] = {}  # node id → worst severity below it
        self.deadline_parser: Callable[[str], deadlines.Deadline] = deadlines.parse
        self._by_id: dict[str, TreeNode[str]] = {}
        # every model node by id (items of folded tasks too), its parent's id (ROOT for a
        # point) and its 1-based place there: a row's number is read from these when drawn
        self._models: dict[str, Node] = {}
        self._up: dict[str, str] = {}
        self._place: dict[str, int] = {}
        self._list_owner: dict[int, str] = {}  # id() of a point's tasks / a task's items list → its node's id
        self._folded: dict[str, bool] = {}  # explicit choices; default: points open, tasks folded
        self._loading: Iterator[int] | None = None  # the rows still to make after the first paint
        self._made = 0  # tree nodes made so far by the current loading
        self._open_tasks: set[str] = set()  # tasks whose items have tree nodes
        # read once per drawing pass, not per row (see render_lines)
        self._pass_style: Style | None = None
        self._pass_width: int | None = None
        self._pass_parts: _RowParts | None = None

    # -- building ------------------------------------------------------------
    def rebuild(self, plan: Plan, keep_cursor: str | None = None) -> None:
        """Make the tree show ``plan``; the cursor goes to ``keep_cursor`` (an id) when given.

        Items get tree nodes only when their task is opened: most tasks stay
        folded, and a 1,000-task plan then builds about half the nodes. The
        rows below the first screen come in chunks after it is drawn.
        """
        self.plan = plan
        cursor = keep_cursor if keep_cursor is not None else self.cursor_id
        self.cursor_line = -1  # no highlight message for whatever lands on the old line
        self.clear()
        self._tree_nodes.clear()  # Tree.clear keeps the old nodes in its id map
        self._by_id = {ROOT: self.root}
        self._open_tasks = set()
        self._index(plan)
        self.root.expand()
        self._loading, self._made = self._make_rows(plan), 0
        self._load(FIRST_ROWS)
        if cursor is not None:
            self.select_id(cursor)
        if self._loading is not None:
            self.call_after_refresh(self._load_rest)

    def _index(self, plan: Plan) -> None:
        """Each model node by id with its parent and place: what a row draws from."""
        self._models, self._up, self._place, self._list_owner = {}, {}, {}, {}
        self._register(ROOT, plan.points)

    def _register(self, parent_id: str, children: Sequence[Node]) -> None:
        """Place ``children`` under ``parent_id`` in the index; a node new here brings its own."""
        nodes, parent, pos = self._models, self._up, self._place
        for n, child in enumerate(children, 1):
            key = child.id
            known = nodes.get(key)
            nodes[key], parent[key], pos[key] = child, parent_id, n
            if known is not child:  # (a moved node is known: its children are indexed already)
                kids = _kids(child)
                if kids is not None:
                    self._list_owner[id(kids)] = key
                    self._register(key, kids)

    def _unregister(self, node: Node, parent_id: str) -> None:
        """A model node that left ``parent_id`` for no other place, with everything under it."""
        key = node.id
        if self._models.get(key) is not node or self._up.get(key) != parent_id:
            return  # moved elsewhere, or its id now names the node it became (task ⇄ item)
        del self._models[key], self._up[key], self._place[key]
        kids = _kids(node)
        if kids is not None:
            self._list_owner.pop(id(kids), None)
            for kid in kids:
                self._unregister(kid, key)

    def _make_rows(self, plan: Plan) -> Iterator[int]:
        """Make the tree nodes in display order, yielding the count made so far."""
        made = 0
        for point in plan.points:
            pnode = self._make(self.root, point)
            self.root._children.append(pnode)
            for task in point.tasks:
                tnode = self._make(pnode, task)
                pnode._children.append(tnode)
                made += 1 + len(tnode._children)
                yield made

    def _load(self, rows: int) -> None:
        """Make about ``rows`` more tree nodes; one redraw for the lot."""
        if self._loading is None:
            return
        goal = self._made + rows
        for self._made in self._loading:
            if self._made >= goal:
                break
        else:
            self._loading = None
        self._invalidate()

    def _load_rest(self) -> None:
        self._load(CHUNK)
        if self._loading is not None:
            self.call_later(self._load_rest)  # keys that came meanwhile go first

    def _finish_loading(self) -> None:
        """Make every row now (before an edit or a jump that needs them all)."""
        if self._loading is not None:
            for _ in self._loading:
                pass
            self._loading = None
            self._invalidate()

    def process_label(self, label: object) -> Text:
        # every row's label is drawn by render_label; the stored one is a shared blank
        return _BLANK if label is _BLANK else super().process_label(label)  # type: ignore[arg-type]

    def _make(self, parent: TreeNode[str], node: Node) -> TreeNode[str]:
        """A tree node for a model node, not yet attached; a task opened before gets its items.

        Made directly, not with TreeNode.add, which redraws the whole tree at
        every call (Textual 8.2.8): the caller invalidates once for the lot.
        """
        leaf = _is_leaf(node)
        child: TreeNode[str] = TreeNode(self, parent, self._new_id(), _BLANK, node.id,
                                        expanded=self._opens(node) and not leaf, allow_expand=not leaf)
        self._tree_nodes[child._id] = child
        self._by_id[node.id] = child
        if child._expanded and isinstance(node, Task):
            child._children = [self._make(child, item) for item in node.items]
            self._open_tasks.add(node.id)
        return child

    def _opens(self, node: Node) -> bool:
        return self._folded.get(node.id, isinstance(node, Point))

    def _populate(self, task_node: TreeNode[str]) -> None:
        """Give a task's items their tree nodes (on first opening)."""
        if task_node.children:
            return
        task = self._models[task_node.data or ""]
        task_node._children = [self._make(task_node, item) for item in task.items]  # type: ignore[union-attr]
        self._open_tasks.add(task.id)
        self._invalidate()

    # -- incremental updates --------------------------------------------------
    def sync(self, plan: Plan, keep_cursor: str | None = None,
             lists: Sequence[tuple[list, list]] | None = None) -> None:
        """Show ``plan`` after a structural edit or an undo, changing only what changed.

        Tree nodes are matched to model nodes by id: one still in the plan keeps
        its tree node (moved under another parent when it moved), a new one gets
        a node, a gone one loses its node. ``lists``, when given, are all the
        children lists of the plan the edit changed, each with what it held
        before (``editing.touched_lists``): only their rows are looked at. The
        result is what ``rebuild`` would show.
        """
        self._finish_loading()
        cursor = keep_cursor if keep_cursor is not None else self.cursor_id
        owners = self._owners(plan, lists) if lists is not None and plan is self.plan else None
        self.plan = plan
        self._drop_cursor()
        if owners is not None:
            self._sync_lists(owners)
        else:
            self._sync_all(plan)
        if cursor is not None and not self.select_id(cursor):
            self.select_id(ROOT)

    def _owners(self, plan: Plan, lists: Sequence[tuple[list, list]]) -> list[tuple[Node, list]] | None:
        """The model node holding each changed list, with the list's former contents;
        None when the plan's points changed (or a list is not known): then all is synced."""
        owners: dict[str, tuple[Node, list]] = {}
        for items, before in lists:
            key = self._list_owner.get(id(items))
            node = self._models.get(key) if key is not None else None
            if node is None or _kids(node) is not items:
                return None
            owners.setdefault(key, (node, before))
        return list(owners.values())

    def _sync_lists(self, owners: list[tuple[Node, list]]) -> None:
        """Index, reconcile and lay out again the rows under the changed lists only."""
        for node, _ in owners:
            self._register(node.id, _kids(node))  # type: ignore[arg-type]
        for node, before in owners:
            now = {id(kid) for kid in _kids(node)}  # type: ignore[union-attr]
            for kid in before:
                if id(kid) not in now:
                    self._unregister(kid, node.id)
        dropped: list[TreeNode[str]] = []
        changed: list[TreeNode[str]] = []
        for node, _ in owners:
            tnode = self._by_id.get(node.id)
            if tnode is None:
                continue
            if isinstance(node, Point):
                self._reconcile(tnode, node.tasks, dropped)
            self._refit(tnode, node)  # it may have gained its first child or lost its last
            if isinstance(node, Task) and node.id in self._open_tasks:
                if tnode._children:
                    self._reconcile(tnode, node.items, dropped)
                else:
                    self._open_tasks.discard(node.id)
            tnode._updates += 1
            changed.append(tnode)
        self._forget_dropped(dropped)
        if not self._relay(changed):
            self._invalidate()
            return
        self._line_cache.clear()
        self._updates += 1
        self.refresh()  # a changed line count lays the screen out again by itself (virtual_size)

    def _relay(self, changed: list[TreeNode[str]]) -> bool:
        """Make the rows of these tree nodes' subtrees again inside the line list, and
        renumber the lines below; False when there is no line list to patch."""
        lines = self._tree_lines_cached
        if lines is None:
            return False
        shown = [n for n in changed if 0 <= n._line < len(lines) and lines[n._line].path[-1] is n]
        inside = set(map(id, shown))
        top = len(lines)
        for tnode in sorted(shown, key=lambda n: n._line, reverse=True):
            start = tnode._line
            path = lines[start].path
            if any(id(above) in inside for above in path[:-1]):
                continue  # made again with the changed row above it
            depth, end = len(path), start + 1
            while end < len(lines) and len(lines[end].path) > depth and lines[end].path[depth - 1] is tnode:
                end += 1
            fresh: list[_TreeLine[str]] = []
            _add_lines(fresh, path[:-1], tnode, lines[start].last)
            lines[start:end] = fresh
            top = min(top, start)
        for number in range(top, len(lines)):
            lines[number].path[-1]._line = number
        deepest = max(map(len, map(_PATH, lines)))  # as _build measures it (in C: no frame per line)
        size = Size(8 + (deepest - 1) * self.guide_depth, len(lines))
        if size != self.virtual_size:
            # A row more or less changes the tree's scroll height, not its box (its size comes
            # from the CSS, the scrollbar's gutter is kept): the scrollbar is told, and the
            # screen is not laid out again, which the virtual size would ask for (a layout of
            # every widget, then a second frame for the scrollbars, at each add or undo).
            self.set_reactive(Tree.virtual_size, size)
            self._scroll_update(size)
        return True

    def _sync_all(self, plan: Plan) -> None:
        """Re-index the whole plan and reconcile every list (a change of the plan's points)."""
        self._index(plan)
        dropped: list[TreeNode[str]] = []
        changed = self._reconcile(self.root, plan.points, dropped)
        for point in plan.points:
            changed |= self._reconcile(self._by_id[point.id], point.tasks, dropped)
        for task_id in list(self._open_tasks):  # tasks whose items have tree nodes
            task, tnode = self._models.get(task_id), self._by_id.get(task_id)
            if task is None or tnode is None or not isinstance(task, Task) or not tnode._children:
                self._open_tasks.discard(task_id)
            else:
                changed |= self._reconcile(tnode, task.items, dropped)
        self._forget_dropped(dropped)
        if changed:
            self._invalidate()
        else:  # same rows, other content (a replace, an undone rename): redraw what shows
            self._updates += 1
            self.refresh()

    def _forget_dropped(self, dropped: list[TreeNode[str]]) -> None:
        kept: dict[int, set[int]] = {}  # a parent's children, as a set: a point holds hundreds
        for kid in dropped:
            parent = kid._parent
            if parent is not None and id(parent) not in kept:
                kept[id(parent)] = set(map(id, parent._children))
            if parent is None or id(kid) not in kept[id(parent)]:  # gone, not moved
                self._forget(kid)

    def _drop_cursor(self) -> None:
        """No cursor until the edit's target is selected, and no highlight message meanwhile
        (Tree's watcher would repaint every row under the old cursor's node first)."""
        if self._cursor_node is not None:
            self._cursor_node._selected = False
        self._cursor_node = None
        self.set_reactive(Tree.cursor_line, -1)

    def _reconcile(self, parent: TreeNode[str], models: Sequence[Node], dropped: list[TreeNode[str]]) -> bool:
        """Make ``parent``'s children the tree nodes of ``models``, in order; True when any changed."""
        kids = parent._children
        if [k.data for k in kids] == [m.id for m in models]:
            changed = False
            for kid, model in zip(kids, models):
                if kid._allow_expand == _is_leaf(model):
                    changed |= self._refit(kid, model)
            return changed
        fresh: list[TreeNode[str]] = []
        for model in models:
            kid = self._by_id.get(model.id)
            if kid is None:
                kid = self._make(parent, model)
            else:
                kid._parent = parent  # moved here from another parent, or kept in place
                self._refit(kid, model)
            fresh.append(kid)
        dropped.extend(kids)
        parent._children = fresh
        return True

    def _refit(self, kid: TreeNode[str], model: Node) -> bool:
        """A kept tree node whose model node may have gained or lost its first child."""
        leaf = _is_leaf(model)
        if kid._allow_expand == (not leaf):
            return False
        kid._allow_expand = not leaf
        kid._expanded = self._opens(model) and not leaf
        kid._updates += 1
        if kid._expanded and isinstance(model, Task) and not kid._children:
            kid._children = [self._make(kid, item) for item in model.items]
            self._open_tasks.add(model.id)
        return True

    def _forget(self, kid: TreeNode[str]) -> None:
        """A tree node whose model node left the plan, and the nodes under it."""
        if kid.data is not None and self._by_id.get(kid.data) is kid:
            del self._by_id[kid.data]
        self._tree_nodes.pop(kid._id, None)
        for child in kid._children:
            if child._parent is kid:
                self._forget(child)

    def _build(self) -> None:
        # Textual 8.2.8's _build, less its measuring of every line's width for the
        # horizontal scroll (our rows never scroll sideways; see get_label_width):
        # a 5,000-row tree is built again after every structural edit.
        lines: list[_TreeLine[str]] = []
        _add_lines(lines, [], self.root, True)
        self._tree_lines_cached = lines
        deepest = max(map(len, map(_PATH, lines)))  # as wide as Textual measures it
        self.virtual_size = Size(8 + (deepest - 1) * self.guide_depth, len(lines))
        if self.cursor_line != -1:
            if self.cursor_node is not None:
                self.cursor_line = self.cursor_node._line
            if self.cursor_line >= len(lines):
                self.cursor_line = -1

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
        out: list[str] = []
        parent = self._up.get(node_id, ROOT)
        while parent != ROOT:
            out.insert(0, parent)
            parent = self._up.get(parent, ROOT)
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
        if node_id not in self._by_id:
            self._finish_loading()
        task_id = self._up.get(node_id)
        if isinstance(self._models.get(task_id or ""), Task) and task_id in self._by_id:
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
        if self.size.height:
            self.move_cursor(tree_node)
            self.scroll_to_node(tree_node, animate=False)
        else:  # not laid out yet (the editor's mount): every row is out of a view of no lines,
            # and Tree.move_cursor would scroll the rows above it away — the plan's title row
            # first; the cursor goes there now, the scroll once the tree has its size
            self.cursor_line = tree_node.line
            self.call_after_refresh(self.scroll_to_node, tree_node, animate=False)
        return True

    def node_of(self, node_id: str) -> Node | None:
        return self._models.get(node_id)

    def indices_of(self, node_id: str) -> tuple[int, ...]:
        """The node's 1-based places, point first: (p,), (p, t) or (p, t, i); () when unknown."""
        out: list[int] = []
        while node_id != ROOT:
            place = self._place.get(node_id)
            if place is None:
                return ()
            out.append(place)
            node_id = self._up[node_id]
        return tuple(reversed(out))

    def _toggle_node(self, node: TreeNode[str]) -> None:
        # Folding the row above the cursor (a click on its arrow) would leave the cursor on
        # whatever row moves up to its line, with no highlight message: the form would
        # go on showing, and typing go into, the hidden node. The cursor goes to the fold.
        cursor = self.cursor_node
        inside = node.is_expanded and cursor is not None and cursor is not node and _within(cursor, node)
        super()._toggle_node(node)
        if inside and node.data:
            self.select_id(node.data)

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
    def render_lines(self, crop: Region) -> list[Strip]:
        # A structural edit redraws every row below it (their numbers and places change).
        # What each row asks for and is the same for all of them in one pass — the widget's
        # style, the component styles of guides, label, hover and cursor (Textual's Tree
        # looks each up per row), the rows' width — is read once for the pass.
        self._pass_style = self.rich_style
        self._pass_width = self.scrollable_content_region.width or self.size.width
        self._pass_parts = self._row_parts()
        try:
            return super().render_lines(crop)
        finally:
            self._pass_style = self._pass_width = self._pass_parts = None

    def render_line(self, y: int) -> Strip:
        style = self._pass_style if self._pass_style is not None else self.rich_style
        scroll_x, scroll_y = self.scroll_offset
        return self._render_line(y + scroll_y, scroll_x, scroll_x + self.size.width, style)

    def _render_line(self, y: int, x1: int, x2: int, base_style: Style) -> Strip:
        # Textual 8.2.8's Tree._render_line, drawing the same cells (same characters, same
        # styles, same metadata for the mouse) as segments made directly: no Text is built,
        # styled and rendered per row. Kept in step with it by tests/test_tui_tree.py.
        lines = self._tree_lines
        width = self.size.width
        if y >= len(lines):
            return Strip.blank(width, base_style)
        line = lines[y]
        is_hover = self.hover_line >= 0 and any(node._hover for node in line.path)
        key = (y, is_hover, width, self._updates, self._pseudo_class_state,
               tuple(node._updates for node in line.path))
        strip = self._line_cache.get(key)
        if strip is None:
            parts = self._pass_parts or self._row_parts()
            strip = self._line_cache[key] = self._row_strip(y, line, is_hover, base_style, width, parts)
        return strip.crop(x1, x2)

    def _row_parts(self) -> "_RowParts":
        """The component styles a row is drawn with, as Textual's Tree reads them."""
        guides = self.get_component_rich_style("tree--guides", partial=True)
        return _RowParts(
            hidden=(self.get_component_styles("tree--guides").color.a == 0,
                    self.get_component_styles("tree--guides-hover").color.a == 0,
                    self.get_component_styles("tree--guides-selected").color.a == 0),
            guide=guides,
            guide_hover=guides + self.get_component_rich_style("tree--guides-hover", partial=True),
            guide_selected=guides + self.get_component_rich_style("tree--guides-selected", partial=True),
            highlight_line=self.get_component_rich_style("tree--highlight-line"),
            label=self.get_component_rich_style("tree--label", partial=True),
            highlight=self.get_component_rich_style("tree--highlight", partial=True),
            cursor=self.get_component_rich_style("tree--cursor", partial=False),
            focused=self.has_focus, console=self.app.console)

    def _guides(self, parts: "_RowParts", style: Style, hidden: bool) -> tuple[str, str, str, str]:
        known = parts.guides.get((style, hidden))
        if known is None:
            if self.show_guides and not hidden:
                chars = self.LINES["bold" if style.bold else "double" if style.underline2 else "default"]
            else:
                chars = ("  ", "  ", "  ", "  ")
            depth = max(0, self.guide_depth - 2)
            known = parts.guides[(style, hidden)] = tuple(f"{c[0]}{c[1] * depth} " for c in chars)  # type: ignore[assignment]
        return known  # type: ignore[return-value]

    def _row_strip(self, y: int, line: _TreeLine[str], is_hover: bool, base_style: Style, width: int,
                   parts: "_RowParts") -> Strip:
        path = line.path
        base_hidden, hover_hidden, selected_hidden = parts.hidden
        line_style = (parts.highlight_line if is_hover else base_style) + Style(meta={"line": y})
        segments: list[Segment] = []
        hover, selected = path[0]._hover, path[0]._selected and parts.focused
        guide_style, hidden, node = parts.guide, True, path[-1]
        for step in path[1:]:
            hidden = base_hidden
            if hover:
                guide_style, hidden = parts.guide_hover, hover_hidden
            if selected:
                guide_style, hidden = parts.guide_selected, selected_hidden
            if step is not node:
                space, vertical, _, _ = self._guides(parts, guide_style, hidden)
                segments.append(Segment(space if step.is_last else vertical, line_style + guide_style))
            hover = hover or step._hover
            selected = (selected or step._selected) and parts.focused
        if len(path) > 1:
            _, _, terminator, cross = self._guides(parts, guide_style, hidden)
            segments.append(Segment(terminator if line.last else cross, line_style + guide_style))
        label_style = parts.label
        if self.hover_line == y:
            label_style += parts.highlight
        if self.cursor_line == y:
            label_style += parts.cursor
        at_node = Style(meta={"node": node._id})
        icon = (self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE) if node.allow_expand else "  "
        segments.append(Segment(icon, line_style + at_node))
        get_style = parts.console.get_style
        for text, style in self._label_pieces(node):
            if text:
                piece = line_style + get_style(style) if style else line_style
                segments.append(Segment(text, piece + label_style + at_node))
        used = sum(cell_len(segment.text) for segment in segments)
        pad = max(self.virtual_size.width, width) - used
        if pad > 0:
            segments.append(Segment(" " * pad, line_style))
        return Strip(segments, max(used, used + pad))

    def render_label(self, node: TreeNode[str], base_style: Style, style: Style) -> Text:
        label = Text.assemble(*self._label_pieces(node))
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
        content = self._pass_width or self.scrollable_content_region.width or self.size.width
        return max(8, content - self._depth(node) * self.guide_depth - 1)

    def _depth(self, node: TreeNode[str]) -> int:
        return 0 if node.data == ROOT else len(self.indices_of(node.data or ""))

    def _label_pieces(self, node: TreeNode[str]) -> list[tuple[str, str]]:
        """A row's label as (text, style) pieces: its mark, its number and title, and the units
        and deadline at the right ("" for no style of its own)."""
        width = self._label_width(node) - 2  # the fold icon
        mark = self._mark(node.data or "")
        if node.data == ROOT or self.plan is None:
            title = self.plan.meta.title if self.plan else "计划"
            return [mark, (fit(title or "（未命名计划）", max(1, width - 2)), "bold")]
        model = self._models[node.data or ""]
        head = _heading(model, self.indices_of(node.data or ""))
        if isinstance(model, Point):
            count = f" {len(model.tasks)}项"
            return [mark, (fit(head, max(1, width - 2 - cell_len(count))), "bold"), (count, "dim")]
        info_width = INFO_WIDTH if width - 2 > INFO_WIDTH + 8 else 0
        pieces = [mark, (fit(head, max(1, width - 2 - info_width)), "")]
        if info_width:
            pieces += self._info(model, info_width)
        return pieces

    def _mark(self, node_id: str) -> tuple[str, str]:
        severity = self.marks.get(node_id)
        dim = False
        if severity is None:
            tree_node = self._by_id.get(node_id)
            if tree_node is not None and not tree_node.is_expanded:
                severity, dim = self.inner_marks.get(node_id), True
        if severity is None:
            return ("  ", "")
        char, style = _MARK.get(severity, ("!", "bold"))
        return (f"{char} ", style.replace("bold", "dim") if dim else style)

    def _info(self, node: Task | Item, width: int) -> list[tuple[str, str]]:
        """" 12单位 10-31": how many units, and the deadline in what is left of ``width``."""
        units = len(dict.fromkeys([*node.lead, *node.support]))
        unit_piece = (f"{units:>3}单位", "dim") if units else ("  无单位", "yellow")
        due = _deadline_short(self.deadline_parser(node.deadline), self.plan)
        if not node.deadline and isinstance(node, Task) and any(i.deadline for i in node.items):
            due = "见各事项"  # the items carry the deadlines
        rest = width - 2 - cell_len(unit_piece[0])
        # a deadline no rule could read (?年内) stands out: the checker asks for it too
        return [(" ", ""), unit_piece, (" ", ""), (fit(due, rest), "dim red" if due.startswith("?") else "dim")]


def _add_lines(lines: list[_TreeLine[str]], path: list[TreeNode[str]], node: TreeNode[str], last: bool) -> None:
    """The line of ``node`` and of every open node under it, as Textual's Tree lays them out."""
    child_path = [*path, node]
    node._line = len(lines)
    lines.append(_TreeLine(child_path, last))
    if node._expanded:
        for last, child in loop_last(node._children):
            _add_lines(lines, child_path, child, last)


def _kids(node: Node) -> list | None:
    """A point's tasks or a task's items (None for an item)."""
    return node.tasks if isinstance(node, Point) else node.items if isinstance(node, Task) else None


def _within(node: TreeNode[str], ancestor: TreeNode[str]) -> bool:
    parent = node.parent
    while parent is not None and parent is not ancestor:
        parent = parent.parent
    return parent is ancestor


def _is_leaf(node: Node) -> bool:
    return not (node.tasks if isinstance(node, Point) else node.items if isinstance(node, Task) else ())


def _worst(marks: dict[str, str], key: str, severity: str) -> None:
    if key not in marks or _RANK.get(severity, 3) < _RANK.get(marks[key], 3):
        marks[key] = severity


def _heading(node: Node, indices: tuple[int, ...]) -> str:
    level = Level(len(indices))
    number = marker(level, indices[-1])
    text = (node.text if isinstance(node, Item) else node.title).strip()
    # a row shows less than a line of 500 characters: an item's text can run to pages
    first_line = text[:500].splitlines()[0] if text else "（未填写）"
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
