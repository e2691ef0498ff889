"""Edits of a plan as pure functions, and an undo history of what they changed.

The editor calls these; so can a script or a test, without Textual. Every
operation changes the Plan in place and returns the id of the node the cursor
should land on afterwards. An operation that makes no sense where it is asked
(an item above the first task, a point that would become an item) raises
EditError with a message in Chinese, and leaves the plan untouched.

Ids are kept for life: moving, converting a task to an item and back, or
undoing never changes a node's id; only a new or duplicated node gets a fresh
one, so that the year-over-year comparison keeps matching.

Every change an operation makes to a list or an attribute of the plan goes
through ``keep`` or ``assign`` (plan.journal): run by ``History.apply``, the
operation leaves an undo step holding only what it touched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterator

from planwright.plan.journal import Change, Whole, assign, keep, recording
from planwright.plan.model import Attachment, Item, Meta, Node, Plan, Point, Task, Unit, Wording, _unique_id, new_id


class EditError(Exception):
    """An edit that cannot be made here; the message says why, in Chinese."""


# ---------------------------------------------------------------------------
# Finding nodes and their parents


@dataclass(frozen=True)
class Place:
    """Where a node sits: its point, its task (None for a point) and the indices (0-based)."""

    node: Node
    point: Point
    task: Task | None
    p: int
    t: int | None = None
    i: int | None = None


def place_of(plan: Plan, node_id: str) -> Place:
    """The node with this id and its parents; EditError when there is none."""
    for p, point in enumerate(plan.points):
        if point.id == node_id:
            return Place(point, point, None, p)
        for t, task in enumerate(point.tasks):
            if task.id == node_id:
                return Place(task, point, task, p, t)
            for i, item in enumerate(task.items):
                if item.id == node_id:
                    return Place(item, point, task, p, t, i)
    raise EditError(f"找不到节点 {node_id}")


def _fresh_id(plan: Plan) -> str:
    """An id no node of the plan has. A random id is almost never taken, so the plan is
    searched for the one candidate (no set of every id: that was most of an added task's
    cost in a 5,000-task plan)."""
    while True:
        candidate = new_id()
        if not _id_taken(plan, candidate):
            return candidate


def _id_taken(plan: Plan, candidate: str) -> bool:
    for points in (plan.points, plan.body):
        for point in points:
            if point.id == candidate:
                return True
            for task in point.tasks:
                if task.id == candidate:
                    return True
                for item in task.items:
                    if item.id == candidate:
                        return True
    return False


# ---------------------------------------------------------------------------
# Adding


def add_point(plan: Plan, at: str | None = None, title: str = "") -> str:
    """A new point after the point holding ``at`` (at the end when ``at`` is None)."""
    point = Point(id=_fresh_id(plan), title=title)
    index = len(plan.points) if at is None else place_of(plan, at).p + 1
    keep(plan.points).insert(index, point)
    return point.id


def add_task(plan: Plan, at: str | None = None, title: str = "") -> str:
    """A new task: after the task (or item's task) ``at``, or last in the point ``at``.

    With no point in the plan yet, one is made first: a clerk starting from an
    empty file should not be told to do something else before typing.
    """
    if not plan.points:
        add_point(plan)
    task = Task(id=_fresh_id(plan), title=title)
    if at is None:
        keep(plan.points[-1].tasks).append(task)
        return task.id
    where = place_of(plan, at)
    if where.t is None:
        keep(where.point.tasks).append(task)
    else:
        keep(where.point.tasks).insert(where.t + 1, task)
    return task.id


def add_item(plan: Plan, at: str | None, text: str = "") -> str:
    """A new item: after the item ``at``, or last under the task ``at``."""
    if at is None:
        raise EditError("请先选中一项任务，再添加事项")
    where = place_of(plan, at)
    if where.task is None:
        raise EditError("事项要放在任务之下：请先选中一项任务")
    item = Item(id=_fresh_id(plan), text=text)
    index = len(where.task.items) if where.i is None else where.i + 1
    keep(where.task.items).insert(index, item)
    return item.id


# ---------------------------------------------------------------------------
# Deleting


def delete(plan: Plan, node_id: str) -> str | None:
    """Remove a node with everything under it; returns the id to select next."""
    where = place_of(plan, node_id)
    if where.i is not None:
        siblings: list = where.task.items  # type: ignore[union-attr]
        index, parent = where.i, where.task
    elif where.t is not None:
        siblings, index, parent = where.point.tasks, where.t, where.point
    else:
        siblings, index, parent = plan.points, where.p, None
    del keep(siblings)[index]
    if siblings:
        return siblings[min(index, len(siblings) - 1)].id
    return parent.id if parent is not None else None


# ---------------------------------------------------------------------------
# Moving


def move(plan: Plan, node_id: str, delta: int) -> str:
    """Move a node one place up (-1) or down (+1).

    At the edge of its parent a task moves on into the neighbouring point, and
    an item into the neighbouring task, as in any outliner: a clerk holding the
    key walks the node through the whole plan.
    """
    if delta not in (-1, 1):
        raise ValueError("delta must be -1 or +1")
    where = place_of(plan, node_id)
    if where.i is not None:
        _move_item(plan, where, delta)
    elif where.t is not None:
        _move_task(plan, where, delta)
    else:
        _swap(plan.points, where.p, delta, "要点")
    return node_id


def _swap(siblings: list, index: int, delta: int, noun: str) -> None:
    other = index + delta
    if not 0 <= other < len(siblings):
        raise EditError(f"已是第一个{noun}" if delta < 0 else f"已是最后一个{noun}")
    keep(siblings)[index], siblings[other] = siblings[other], siblings[index]


def _move_task(plan: Plan, where: Place, delta: int) -> None:
    tasks = where.point.tasks
    other = where.t + delta  # type: ignore[operator]
    if 0 <= other < len(tasks):
        _swap(tasks, where.t, delta, "任务")  # type: ignore[arg-type]
        return
    target = where.p + delta
    if not 0 <= target < len(plan.points):
        raise EditError("已是第一项任务" if delta < 0 else "已是最后一项任务")
    task = keep(tasks).pop(where.t)  # type: ignore[arg-type]
    neighbour = keep(plan.points[target].tasks)
    neighbour.insert(len(neighbour) if delta < 0 else 0, task)


def _move_item(plan: Plan, where: Place, delta: int) -> None:
    items = where.task.items  # type: ignore[union-attr]
    other = where.i + delta  # type: ignore[operator]
    if 0 <= other < len(items):
        _swap(items, where.i, delta, "事项")  # type: ignore[arg-type]
        return
    all_tasks = [task for _, task in plan.tasks()]
    target = all_tasks.index(where.task) + delta  # type: ignore[arg-type]
    if not 0 <= target < len(all_tasks):
        raise EditError("已是第一个事项" if delta < 0 else "已是最后一个事项")
    item = keep(items).pop(where.i)  # type: ignore[arg-type]
    neighbour = keep(all_tasks[target].items)
    neighbour.insert(len(neighbour) if delta < 0 else 0, item)


def move_to_point(plan: Plan, node_id: str, point_id: str) -> str:
    """Move a task (with its items) to the end of another point."""
    where = place_of(plan, node_id)
    if where.t is None or where.i is not None:
        raise EditError("只有任务可以移到其他要点下")
    target = place_of(plan, point_id)
    if target.t is not None:
        raise EditError("目标必须是一个要点")
    if target.point is where.point:
        return node_id
    keep(target.point.tasks).append(keep(where.point.tasks).pop(where.t))
    return node_id


# ---------------------------------------------------------------------------
# Task ⇄ item

_SENTENCE_END = "。；;！？!?"


def task_to_item(plan: Plan, node_id: str) -> str:
    """Make a task the last item of the task above it; its id, units and deadline stay.

    The title and text join into the item's text; ``item_to_task`` splits them
    again at the first full stop, so a round trip gives back what was there.
    """
    where = place_of(plan, node_id)
    if where.t is None or where.i is not None:
        raise EditError("只有任务可以转为事项")
    task = where.task
    assert task is not None
    if task.items:
        raise EditError("这项任务下还有事项，不能再转为事项；请先移走或删除它的事项")
    if where.t == 0:
        raise EditError("这是本要点的第一项任务，上面没有可以归入的任务")
    above = where.point.tasks[where.t - 1]
    item = Item(id=task.id, text=_join(task.title, task.text), lead=list(task.lead),
                support=list(task.support), deadline=task.deadline, wording=_closing_wording(task.wording))
    del keep(where.point.tasks)[where.t]
    keep(above.items).append(item)
    return item.id


def item_to_task(plan: Plan, node_id: str) -> str:
    """Make an item a task right after its own task, with everything else kept."""
    where = place_of(plan, node_id)
    if where.i is None:
        raise EditError("只有事项可以转为任务")
    item = where.node
    assert isinstance(item, Item) and where.task is not None
    title, text = _split(item.text)
    task = Task(id=item.id, title=title, text=text, lead=list(item.lead),
                support=list(item.support), deadline=item.deadline, wording=_closing_wording(item.wording))
    del keep(where.task.items)[where.i]
    keep(where.point.tasks).insert(where.t + 1, task)  # type: ignore[operator]
    return task.id


def _closing_wording(wording: Wording | None) -> Wording | None:
    """The office's phrase carried to the node's new kind when it closed the text: its place
    inside the text would not survive the text being cut into title and text (or joined)."""
    if wording is None or wording.at >= 0:
        return None
    return wording.copy()


def toggle_kind(plan: Plan, node_id: str) -> str:
    """Task → item, item → task (one key for both)."""
    where = place_of(plan, node_id)
    if where.i is not None:
        return item_to_task(plan, node_id)
    if where.t is not None:
        return task_to_item(plan, node_id)
    raise EditError("要点不能转为事项；请选中任务或事项")


def _join(title: str, text: str) -> str:
    if not text:
        return title
    if not title:
        return text
    return f"{title}{'' if title[-1] in _SENTENCE_END else '。'}{text}"


def _split(text: str) -> tuple[str, str]:
    match = re.search(f"[{re.escape(_SENTENCE_END)}]", text)
    if match is None:
        return text, ""
    head, rest = text[: match.start()], text[match.end():]
    # keep a question or exclamation mark: only a plain stop was added by _join
    if match.group() not in "。":
        head += match.group()
    return head, rest


# ---------------------------------------------------------------------------
# Duplicating and setting fields


def duplicate(plan: Plan, node_id: str) -> str:
    """A copy of a task (or item) right after it, with fresh ids throughout."""
    where = place_of(plan, node_id)
    if where.t is None:
        raise EditError("只能复制任务或事项")
    taken = {n.id for n in plan.all_nodes()}
    if where.i is not None:
        copy = _clone_item(where.node)  # type: ignore[arg-type]
        copy.id = _unique_id(taken)
        keep(where.task.items).insert(where.i + 1, copy)  # type: ignore[union-attr]
        return copy.id
    task = where.task
    assert task is not None
    clone = _clone_task(task)
    for node in (clone, *clone.items):  # fresh ids for the copies only: the nodes there keep theirs
        node.id = _unique_id(taken)
    keep(where.point.tasks).insert(where.t + 1, clone)
    return clone.id


EDITABLE = {
    Point: ("title", "text"),
    Task: ("title", "text", "lead", "support", "deadline"),
    Item: ("text", "lead", "support", "deadline"),
}


def set_field(plan: Plan, node_id: str, name: str, value: str | list[str]) -> bool:
    """Set one field of a node; returns False when the value was already that."""
    node = place_of(plan, node_id).node
    if name not in EDITABLE[type(node)]:
        raise EditError(f"这个节点没有“{name}”字段")
    if getattr(node, name) == value:
        return False
    assign(node, name, list(value) if isinstance(value, list) else value)
    return True


# ---------------------------------------------------------------------------
# Searching


@dataclass(frozen=True)
class Hit:
    """One occurrence: the node ("" for the [plan] table), the field, where in it, the text around it."""

    node_id: str
    field: str
    snippet: str
    start: int = 0  # offset of the match in the field's text (list fields joined with 、)


_FIELD_ORDER = ("title", "text", "lead", "support", "deadline")
# the [plan] table's fields a clerk writes (the 前言 first: it is searched most)
META_SEARCHED = ("preamble", "title", "issuer", "doc_number", "recipients", "closing", "publicity", "cc", "printer",
                 "notice_title", "letter", "forward_title", "forward_doc_number", "forward_recipients",
                 "forward_letter", "forward_issuer")


# What a clerk calls each field, and how to write it where that is not obvious: the plan form's
# labels and the search dialog's hit lines read this one table, so a field has one name everywhere.
NODE_LABELS: dict[str, tuple[str, str]] = {
    "title": ("标题", ""), "text": ("正文", ""), "lead": ("牵头单位", "用、分隔"), "support": ("配合单位", ""),
    "deadline": ("时限要求", "如 10月底前、三季度末、持续推进"),
}
META_LABELS: dict[str, tuple[str, str]] = {
    "title": ("计划标题", ""), "year": ("年度", ""), "issuer": ("发文机关", ""), "doc_number": ("文号", ""),
    "date": ("成文日期", "如 2027年3月1日"), "recipients": ("主送机关", "用、分隔"),
    "preamble": ("前言", ""), "closing": ("结尾", ""), "style": ("样式", "如 jinan、ningguo；决定编号、时限写法和版式"),
    "publicity": ("附注", "如 此件公开发布"), "cc": ("抄送机关", "用、分隔"), "printer": ("印发机关", ""),
    "print_date": ("印发日期", "如 2027年3月2日"),
    "notice_title": ("通知标题", "原文写法，{title} 处为计划标题；空则由发文机关和标题生成"),
    "letter": ("印发语", "原文写法，{title} 处为计划标题；空则按样式生成"),
    "end_year": ("末年", "多年计划，如 2022—2024 年写 2024；0 为单一年度"),
    "doc_number_at": ("纯文本通知中文号的位置", ""), "masthead": ("版头", ""), "fonts": ("字体", ""),
    "forward_title": ("转发通知标题", "关于转发…的通知"), "forward_doc_number": ("转发文号", ""),
    "forward_recipients": ("转发通知主送", "用、分隔"), "forward_letter": ("转发语", "原文写法"),
    "forward_issuer": ("转发机关", ""), "forward_date": ("转发日期", "如 2027年3月5日"),
}


def field_label(name: str, *, meta: bool, hint: bool = False, also: str = "") -> str:
    """A field's name for a clerk (``meta``: a [plan] field); with ``hint``, how to write it in brackets,
    followed by ``also`` (what only the caller knows, such as the editor's completion key)."""
    label, how = (META_LABELS if meta else NODE_LABELS).get(name, (name, ""))
    how = "；".join(part for part in (how, also) if part) if hint else ""
    return f"{label}（{how}）" if how else label


def searched_fields(plan: Plan) -> Iterator[tuple[str, str, Meta | Node]]:
    """(node id or "", field, owner) of every field search and replace look at, in reading order."""
    for name in META_SEARCHED:
        yield "", name, plan.meta
    for node in plan.nodes():
        for name in _FIELD_ORDER:
            if name in EDITABLE[type(node)]:  # an item's "title" is only the start of its text
                yield node.id, name, node


def search(plan: Plan, query: str, limit: int = 500) -> list[Hit]:
    """Every occurrence of ``query`` (case-insensitive) in the 前言 and every field, in reading order."""
    needle = query.strip().casefold()
    if not needle:
        return []
    hits: list[Hit] = []
    for node_id, name, owner in searched_fields(plan):
        value = getattr(owner, name)
        text = "、".join(value) if isinstance(value, list) else value
        folded = text.casefold()
        at = folded.find(needle)
        while at >= 0:
            hits.append(Hit(node_id, name, _snippet(text, at, len(needle)), at))
            if len(hits) >= limit:
                return hits
            at = folded.find(needle, at + len(needle))
    return hits


def replace_all(plan: Plan, query: str, replacement: str) -> int:
    """Replace every occurrence of ``query`` (exact case) in the fields search looks at; returns how many.

    Unit lists are replaced name by name (a 、 cannot be typed into a name this way).
    """
    if not query:
        return 0
    count = 0
    for _, name, owner in searched_fields(plan):
        value = getattr(owner, name)
        if isinstance(value, list):
            found = sum(v.count(query) for v in value)
            if found:
                count += found
                assign(owner, name, [v.replace(query, replacement) for v in value])
        elif query in value:
            count += value.count(query)
            assign(owner, name, value.replace(query, replacement))
    return count


def _snippet(text: str, at: int, length: int, around: int = 12) -> str:
    start = max(0, at - around)
    end = min(len(text), at + length + around)
    body = text[start:end].replace("\n", " ")
    return ("…" if start else "") + body + ("…" if end < len(text) else "")


# ---------------------------------------------------------------------------
# Undo history


def _clone_item(item: Item) -> Item:
    return Item(item.id, item.text, list(item.lead), list(item.support), item.deadline,
                item.wording.copy() if item.wording else None)


def _clone_task(task: Task) -> Task:
    return Task(task.id, task.title, task.text, list(task.lead), list(task.support), task.deadline,
                [_clone_item(i) for i in task.items], task.wording.copy() if task.wording else None)


def _clone_points(points: list[Point]) -> list[Point]:
    return [Point(p.id, p.title, p.text, [_clone_task(t) for t in p.tasks]) for p in points]


def copy_plan(plan: Plan) -> Plan:
    """A copy of the whole plan, to hand to a thread or keep while the original changes
    (a deep copy by hand: several times faster than copy.deepcopy on big plans)."""
    meta = replace(plan.meta, recipients=list(plan.meta.recipients), cc=list(plan.meta.cc),
                   forward_recipients=list(plan.meta.forward_recipients))
    units = [Unit(u.name, list(u.aliases), u.kind) for u in plan.units]
    attachments = [Attachment(a.title, a.text) for a in plan.attachments]
    return Plan(meta, units, _clone_points(plan.points), _clone_points(plan.body), attachments)


def take_content(plan: Plan, other: Plan) -> None:
    """Make ``plan`` hold ``other``'s content (a recovered plan), as one edit that undo takes back."""
    for name in ("meta", "units", "points", "body", "attachments"):
        assign(plan, name, getattr(other, name))


@dataclass
class FieldEdit:
    """An undo step for one field: its value before (or, on the redo stack, after) the edit.

    Typing is most of what a clerk does; a step per field burst that holds one
    value instead of a copy of the whole plan keeps the first keystroke in a
    field as quick in a 1,000-task plan as in a small one.
    """

    node_id: str | None  # None: the [plan] table
    name: str
    value: object
    selected: str | None
    label: str
    serial: int = 0


# Change: a structural edit (plan.journal); Whole: a change made by hand after History.record
Step = Change | Whole | FieldEdit


def _field_value(plan: Plan, node_id: str | None, name: str) -> object:
    obj = plan.meta if node_id is None else place_of(plan, node_id).node
    value = getattr(obj, name)
    return list(value) if isinstance(value, list) else value


def _set_field_value(plan: Plan, node_id: str | None, name: str, value: object) -> None:
    obj = plan.meta if node_id is None else place_of(plan, node_id).node
    setattr(obj, name, list(value) if isinstance(value, list) else value)


@dataclass
class History:
    """Undo and redo stacks of steps, none of them a copy of the plan.

    ``apply`` runs a structural edit and keeps what it changed (a ``Change``);
    ``record_field`` (typing) keeps one field's value; ``record`` (a change the
    caller makes by hand) keeps every object's fields. The last two are called
    *before* the change. Typing in one field arrives as one change per
    character (an input method commits a burst of them), so calls with the
    same ``coalesce`` key in a row share one step: one undo takes back the
    whole burst of typing in that field, not one character.

    Undo and redo put values back into the same node objects, so ids and
    identities last, and each step costs what its edit touched.
    """

    limit: int = 200
    undo_stack: list[Step] = field(default_factory=list)
    redo_stack: list[Step] = field(default_factory=list)
    _last_key: object = None
    _serials: int = 0

    def apply(self, plan: Plan, label: str, selected: str | None, op: Callable[..., Any], *args: Any) -> Any:
        """Run ``op(plan, *args)`` (an edit of this module) as one undo step; returns its result.

        An exception (EditError) leaves the plan and the history as they were.
        """
        with recording(label, selected) as change:
            result = op(plan, *args)
        self.push(change)
        return result

    def record(self, plan: Plan, label: str, selected: str | None, coalesce: object = None) -> None:
        if coalesce is not None and coalesce == self._last_key:
            return
        self._last_key = coalesce
        self._push(Whole.of(plan, label, selected))

    def record_field(self, plan: Plan, node_id: str | None, name: str, label: str,
                     selected: str | None) -> None:
        """Before ``name`` of a node (None: the plan table) changes by typing."""
        key = ("field", node_id, name)
        if key == self._last_key:
            return
        self._last_key = key
        self._push(FieldEdit(node_id, name, _field_value(plan, node_id, name), selected, label))

    def push(self, step: Step) -> None:
        """Add a step made by the caller (a Change recorded around an edit)."""
        self._push(step)
        self._last_key = None

    def _push(self, step: Step) -> None:
        self._serials += 1
        step.serial = self._serials
        self.undo_stack.append(step)
        del self.undo_stack[: -self.limit]
        self.redo_stack.clear()

    @property
    def serial(self) -> int:
        """The edit the plan is at: the serial of the last step not undone (0: none).

        A step keeps its serial through undo and redo, so a state can be recognised
        again (the one on disk) without comparing plans. Typing that goes on into
        the last step changes the plan without changing this: see break_coalescing.
        """
        return self.undo_stack[-1].serial if self.undo_stack else 0

    def break_coalescing(self) -> None:
        """The next record starts a new undo step even for the same field."""
        self._last_key = None

    def undo(self, plan: Plan, selected: str | None) -> Step | None:
        """Go back one step; returns the step (its ``selected`` and ``label``)."""
        return self._step(plan, selected, self.undo_stack, self.redo_stack, back=True)

    def redo(self, plan: Plan, selected: str | None) -> Step | None:
        return self._step(plan, selected, self.redo_stack, self.undo_stack, back=False)

    def _step(self, plan: Plan, selected: str | None, source: list[Step], target: list[Step],
              back: bool) -> Step | None:
        if not source:
            return None
        step = source.pop()
        if isinstance(step, FieldEdit):
            now = _field_value(plan, step.node_id, step.name)
            target.append(FieldEdit(step.node_id, step.name, now, step.selected, step.label, step.serial))
            _set_field_value(plan, step.node_id, step.name, step.value)
        elif isinstance(step, Change):
            step.swap(back)
            # the same records, now holding the other side; the cursor as it is now goes with them
            target.append(Change(step.label, selected, step.records, step.serial).closed())
        else:
            target.append(Whole.of(plan, step.label, selected, step.serial))
            step.restore()
        self._last_key = None
        return step


def touched_lists(step: Step, plan: Plan) -> list[tuple[list, list]] | None:
    """The lists of the outline (a point's tasks, a task's items) a step changed, each with
    what it held before the step was last done or undone: what a view must look at again.
    None when the step may have changed more (the plan's points, a change made by hand)."""
    if isinstance(step, FieldEdit):
        return []
    if not isinstance(step, Change):
        return None
    out: list[tuple[list, list]] = []
    for target, name, value in step.records:
        if name is None:
            if target is not plan.units and target is not plan.attachments and target is not plan.body:
                out.append((target, value))
        elif name in ("points", "tasks", "items"):
            return None
    return out


def touches_registry(step: Step, plan: Plan) -> bool:
    """Whether a step may have changed what the editor reads deadlines and unit names with
    (the unit registry, the style, the year): only then need they be made again after an
    undo or a redo (at 1,000 tasks, that making was a fifth of an undo's own work)."""
    if isinstance(step, FieldEdit):
        return step.node_id is None and step.name in ("year", "style")
    if not isinstance(step, Change):
        return True
    return any(target is plan or target is plan.meta or target is plan.units or isinstance(target, Unit)
               for target, _, _ in step.records)


def walk(plan: Plan) -> Iterator[tuple[tuple[int, ...], Node]]:
    """Every node with its 1-based indices, in reading order (for numbering)."""
    for p, point in enumerate(plan.points, 1):
        yield (p,), point
        for t, task in enumerate(point.tasks, 1):
            yield (p, t), task
            for i, item in enumerate(task.items, 1):
                yield (p, t, i), item


# ---------------------------------------------------------------------------
# The unit registry ([[units]])


def unit_uses(plan: Plan, name: str) -> int:
    """How many lead/support entries of tasks and items name ``name`` exactly."""
    return sum((*node.lead, *node.support).count(name) for node in plan.nodes() if isinstance(node, (Task, Item)))


def edit_unit(plan: Plan, old: str, name: str, aliases: list[str], kind: str, rename_in_tasks: bool) -> int:
    """Register ``old`` (or update its [[units]] entry) as ``name`` with ``aliases`` and ``kind``.

    With ``rename_in_tasks``, every task and item naming ``old`` names ``name``
    instead; returns how many entries were renamed. The old name is kept as an
    alias when the tasks keep it, so they stay attributed to the unit.
    """
    name = name.strip()
    if not name:
        raise EditError("单位名称不能为空")
    if name != old and any(u.name == name for u in plan.units):
        raise EditError(f"名录中已有“{name}”")
    renamed = 0
    if rename_in_tasks and name != old:
        for node in plan.nodes():
            if isinstance(node, (Task, Item)):
                for key in ("lead", "support"):
                    units = getattr(node, key)
                    if old in units:
                        renamed += units.count(old)
                        assign(node, key, [name if u == old else u for u in units])
    aliases = [a for a in dict.fromkeys(a.strip() for a in aliases) if a and a != name]
    if name != old and not rename_in_tasks and old and old not in aliases and unit_uses(plan, old):
        aliases.append(old)
    entry = next((u for u in plan.units if u.name == old), None)
    if entry is None:
        keep(plan.units).append(Unit(name=name, aliases=aliases, kind=kind.strip()))
    else:
        assign(entry, "name", name)
        assign(entry, "aliases", aliases)
        assign(entry, "kind", kind.strip())
    return renamed


# ---------------------------------------------------------------------------
# The main text's own outline (plan.body, 宁国 style) as editable text


def body_text(plan: Plan) -> str:
    """``plan.body`` written as a clerk reads it: 一、 and （一） headings, each followed by its text."""
    from planwright.zh.numbering import Level, marker

    lines: list[str] = []
    for p, point in enumerate(plan.body, 1):
        lines.append(f"{marker(Level.POINT, p)}{point.title}")
        lines += [point.text] if point.text else []
        for t, task in enumerate(point.tasks, 1):
            lines.append(f"{marker(Level.TASK, t)}{task.title}")
            lines += [task.text] if task.text else []
    return "\n".join(lines)


def set_body_text(plan: Plan, text: str) -> None:
    """Read ``body_text``'s form back into ``plan.body``; nodes keep their ids by position.

    A line starting 一、 is a point, （一） a task under it; other lines are the text
    of the heading above (text before the first heading goes into a point without a title).
    """
    from planwright.zh.numbering import Level, parse_heading

    old_points = list(plan.body)
    points: list[Point] = []
    current: Point | Task | None = None
    for line in text.split("\n"):
        heading = parse_heading(line)
        if heading is not None and heading.level is Level.POINT:
            old = old_points[len(points)] if len(points) < len(old_points) else None
            current = Point(id=old.id if old else new_id(), title=heading.rest)
            points.append(current)
        elif heading is not None and heading.level is Level.TASK:
            if not points:
                points.append(Point(id=old_points[0].id if old_points else new_id()))
            point = points[-1]
            old_point = old_points[len(points) - 1] if len(points) <= len(old_points) else None
            n = len(point.tasks)
            old = old_point.tasks[n] if old_point and n < len(old_point.tasks) else None
            current = Task(id=old.id if old else new_id(), title=heading.rest,
                           items=list(old.items) if old else [])
            point.tasks.append(current)
        elif line.strip():
            if current is None:
                current = Point(id=old_points[0].id if old_points else new_id())
                points.append(current)
            current.text = f"{current.text}\n{line}" if current.text else line
    assign(plan, "body", points)
