"""Saving field edits as text patches: only the value lines of the changed keys are rewritten.

A save after an edit used to parse the whole file with tomlkit (about a second
for 1,000 tasks). Here the line index built from the text says where each
table and key is; every table still in the model is compared with what the
file holds, and each changed value is written over its old one in the style
tomlkit would write it (basic or \"\"\" strings with the same escaping, arrays of
strings, dates, the wording's inline table). A key that is new in a table goes
after the table's last key with that key's indentation, an id given at load
right under the header; a wording dropped from a node takes its line along.
Every byte outside the rewritten values stays as it was: comments, blank
lines, CRLF.

Which tables differ: with a base (the plan as the text reads, which the editor
keeps from its last save) the model is compared with it node by node — a
dataclass comparison skips every untouched point at once — so a save after one
edit looks at that node's table only; without one, every table is compared with
tomllib's data of the text. The line index comes along with the patch (the
touched tables' keys read again when needed, the headers after them shifted),
so the next save does not scan the file either.

Against a base, outline nodes added or deleted are patched too, where tomlkit's
save puts them (see ``_Patcher.reshape``): a new node in tomltext's layout, a
deleted one's text cut out up to the next header.

Each table a patch touched, and each new node, is read back with tomllib and
compared with the model; any difference, or anything a patch cannot place (a
table without keys, a value it cannot find the end of, an index that does not
fit the data), gives up the patch and leaves the save to tomlkit. What a patch
does not do at all — nodes moved, units or attachments added or deleted,
comments to add, a missing ``[plan]``, and without a base any table added or
deleted — tomlkit finishes on the patched text (``Patched.whole`` is False).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterator

from planwright.plan import tomlread
from planwright.plan.lineindex import LineIndex
from planwright.plan.model import SCHEMA, Item, Plan, Point, Task, Wording
from planwright.plan.reader import _Reader, read_toml
from planwright.plan.schema import (
    DATE_KEYS,
    _ATTACHMENT_TYPES, _ITEM_TYPES, _META_TYPES, _POINT_TYPES, _TASK_TYPES, _UNIT_TYPES, PlanFileError, wording_dict,
)
from planwright.plan.tomltext import _basic, _block, _value, fresh_tables

if TYPE_CHECKING:
    from planwright.plan.store import PlanDocument


@dataclass
class Patched:
    """The text after the patch, and what a save must still do with it."""

    text: str
    # True: the text is the whole save (tables and comments as the model wants them);
    # False: tomlkit must still add, delete or move tables or write comments
    whole: bool
    # (the tomllib table of the old text, what the patched text reads as): applied to the
    # document's data once the text is written, so that the next save starts from it
    updates: list[tuple[dict, dict]] = field(default_factory=list)
    # the line index of ``text`` (the old one with the patched tables rescanned); None: build anew
    lines: LineIndex | None = None
    # nodes were added or deleted: the document's tomllib data no longer fits the text
    reshaped: bool = False


class _CannotPatch(Exception):
    """Something the patch cannot place: the save goes to tomlkit."""


# (table path, its tomllib data (None: compared with the base instead), the model object, the
# keys it may hold, the reader's name for it, the key of its child tables, the base's object
# (None: compared with the data))
_Table = tuple[tuple, "dict | None", Any, dict, str, "str | None", Any]

# The start of a key's line up to its value; a string at a place; the tokens of an array
# or inline table (strings and comments read whole, so a bracket inside them is not
# counted); a bare value (number, date, true/false).
_KEY_EQUALS = re.compile(r"[ \t]*[A-Za-z_][A-Za-z0-9_-]*[ \t]*=[ \t]*")
_STRING_AT = re.compile(LineIndex._STRING)
_BRACKET_TOKENS = re.compile(LineIndex._STRING + r"|#[^\n]*|[\[\]{}]|[^\"'#\[\]{}]+")
_BARE = re.compile(r"[^\s#,\]}]+")


def patch(doc: PlanDocument, compare_all: bool = True) -> Patched | None:
    """The document's text with the model's field edits written in; None when the text
    cannot be patched at all (the save goes to tomlkit as a whole), or, with
    ``compare_all`` False, when it would take comparing every table.

    With ``doc.base`` (a plan equal to what the text reads as), only the tables whose
    node differs from the base's are looked at: a save after one edit costs that
    table, not the plan. Without it, or when the outline's shape changed, every table
    is compared with tomllib's data of the text (read here if the document has none).
    """
    if not doc.text:
        return None
    changes = _changed(doc.plan, doc.base) if doc.base is not None and not doc.given_ids and not doc.notes else None
    if changes is None and not compare_all:
        return None
    if changes is None and doc._read is None:  # saved through tomlkit before: read once, patch from then on
        doc._read = read_toml(doc.text, doc.path)
    try:
        return _Patcher(doc, doc._read).run(changes)
    except (_CannotPatch, PlanFileError, tomlread.TOMLDecodeError, RecursionError, ValueError):
        return None  # ValueError: the index met a header among a table's keys (see LineIndex.keys_of)


def _changed(plan: Plan, base: Plan) -> _Changes | None:
    """What differs from the base: the tables of the nodes whose fields differ (as (path,
    None, node, its keys, name, children, the base's node), paths as in the base), and
    the nodes added to or deleted from an outline list. None when the rest is the whole
    comparison's work: a node moved (within its list or to another), a unit or
    attachment added, deleted or renamed, a node added to a list that had none left."""
    changes = _Changes([], [])
    if plan.meta != base.meta:
        changes.tables.append((("plan",), None, plan.meta, _META_TYPES, "plan", None, base.meta))
    for key, types, name in (("units", _UNIT_TYPES, "name"), ("attachments", _ATTACHMENT_TYPES, "title")):
        nodes, olds = getattr(plan, key), getattr(base, key)
        if nodes == olds:
            continue
        if [getattr(n, name) for n in nodes] != [getattr(o, name) for o in olds]:
            return None
        changes.tables += [((key, i), None, n, types, key, None, o)
                           for i, (n, o) in enumerate(zip(nodes, olds)) if n != o]
    for section in ("points", "body"):
        points, olds = getattr(plan, section), getattr(base, section)
        if points != olds and not changes.compare_list((), section, points, olds, section, plan, base):
            return None
    return changes


# The outline's levels: a list's key → (the keys of its tables, the reader's name suffix, its children's key)
_LEVELS = {"points": (_POINT_TYPES, "", "tasks"), "body": (_POINT_TYPES, "", "tasks"),
           "tasks": (_TASK_TYPES, ".tasks", "items"), "items": (_ITEM_TYPES, ".tasks.items", None)}


@dataclass
class _Changes:
    """What a save against the base must write (see ``_changed``)."""

    tables: list[_Table]
    # ("delete", the node's path in the base) or ("insert", (where, base path), section, node):
    # where is "before" (the list's first node that stays) or "after" (a node that stays,
    # its subtree's end), in the order tomlkit would write them
    ops: list[tuple]
    _ids: tuple[set, set] | None = None

    def compare_list(self, parent: tuple, key: str, nodes: list, olds: list, section: str,
                     plan: Plan, base: Plan) -> bool:
        """Compare one outline list (points, a point's tasks, a task's items) with the base's."""
        types, suffix, children = _LEVELS[key]
        name = section + suffix
        new_ids, old_ids = [n.id for n in nodes], [o.id for o in olds]
        if new_ids == old_ids:
            for i, (node, old) in enumerate(zip(nodes, olds)):
                if node != old and not self.compare_node(parent + (key, i), node, old, types, name, children,
                                                         section, plan, base):
                    return False
            return True
        kept = set(new_ids) & set(old_ids)
        if not kept or [i for i in new_ids if i in kept] != [i for i in old_ids if i in kept]:
            return False  # moved within the list, or nothing left to place new nodes by
        all_new, all_old = self.ids(plan, base)
        if any(i in all_old for i in new_ids if i not in kept) or any(i in all_new for i in old_ids if i not in kept):
            return False  # moved from or to another list: tomlkit carries the table's comments along
        at = {i: n for n, i in enumerate(old_ids)}
        self.ops += [("delete", parent + (key, n)) for n, i in enumerate(old_ids) if i not in kept]
        anchor = ("before", parent + (key, at[next(i for i in new_ids if i in kept)]))
        for node in nodes:
            if node.id in kept:
                n = at[node.id]
                if node != olds[n] and not self.compare_node(parent + (key, n), node, olds[n], types, name,
                                                             children, section, plan, base):
                    return False
                anchor = ("after", parent + (key, n), node)
            else:
                self.ops.append(("insert", anchor, section, node))
        return True

    def compare_node(self, path: tuple, node: Any, old: Any, types: dict, name: str, children: str | None,
                     section: str, plan: Plan, base: Plan) -> bool:
        if any(getattr(node, key) != getattr(old, key) for key in types):
            self.tables.append((path, None, node, types, name, children, old))
        if children is None:
            return True
        kids, old_kids = getattr(node, children), getattr(old, children)
        return kids == old_kids or self.compare_list(path, children, kids, old_kids, section, plan, base)

    def ids(self, plan: Plan, base: Plan) -> tuple[set, set]:
        """Every outline id of the plan and of the base (only when nodes were added or deleted)."""
        if self._ids is None:
            self._ids = tuple({node.id for node in p.all_nodes()} for p in (plan, base))  # type: ignore[assignment]
        return self._ids


class _Patcher:
    """One patch of one document: the edits by table, then the text put together and checked."""

    def __init__(self, doc: PlanDocument, data: dict | None) -> None:
        self.doc = doc
        self.data = data
        self.text = doc.text
        # a file from a Windows editor gets CRLF on the lines a patch writes, as tomlkit's save does
        self.newline = "\r\n" if "\r\n" in self.text and self.text.count("\n") == self.text.count("\r\n") else "\n"
        self.edits: dict[tuple, list[tuple[int, int, str]]] = {}  # by table path: (start, end, new text)
        self.whole = True

    def run(self, changes: _Changes | None = None) -> Patched | None:
        """Patch every table that differs: the ``changes`` found against the base, else all
        tables compared with the data."""
        tables = list(self.tables()) if changes is None else self.with_data(changes.tables)
        for table in tables:
            self.table(*table)
        has_schema = "schema" in self.data if self.data is not None else "schema" in self.index.keys_of(())
        head = "" if has_schema else f"schema = {_basic(SCHEMA)}\n"  # tomlkit puts it first
        ops = changes.ops if changes is not None else []
        if not self.edits and not head and not ops:
            return Patched(self.text, self.whole, lines=self.doc._lines)
        if not self.fits(tables, changes is not None):
            return None
        return self.assemble(head, {t[0]: t for t in tables}, self.reshape(ops))

    def with_data(self, changed: list[_Table]) -> list[_Table]:
        """The tables found against the base, with their tomllib data when the document
        keeps it (it is brought up to date after the save)."""
        if self.data is None:
            return changed
        out = []
        for path, _, obj, types, name, children, old in changed:
            raw: Any = self.data
            for step in path:
                raw = raw[step]
            out.append((path, raw, obj, types, name, children, old))
        return out

    @property
    def index(self) -> LineIndex:
        """The line index of the text, built on the first change found (a save without one needs none)."""
        return self.doc.lines

    # -- which tables are compared with which model objects ------------------------------
    def tables(self) -> Iterator[_Table]:
        plan, data = self.doc.plan, self.data
        raw = data.get("plan")
        if not isinstance(raw, dict):
            raise _CannotPatch("no [plan] table")
        yield ("plan",), raw, plan.meta, _META_TYPES, "plan", None, None
        for key, nodes, types, name in (("units", plan.units, _UNIT_TYPES, "name"),
                                        ("attachments", plan.attachments, _ATTACHMENT_TYPES, "title")):
            raws = data.get(key, [])
            # matched by name, as tomlkit's save does; another order or name is tomlkit's work
            if [r.get(name) for r in raws] == [getattr(n, name) for n in nodes]:
                for i, (table, node) in enumerate(zip(raws, nodes)):
                    yield (key, i), table, node, types, key, None, None
            else:
                self.whole = False
        yield from self.outline()

    def outline(self) -> Iterator[_Table]:
        """Each outline table whose node is still in the model (found by id, wherever it went)."""
        plan, given = self.doc.plan, self.doc.given_ids
        nodes: dict[str, Any] = {}
        wanted, found = [], []
        for section in ("points", "body"):
            for point in getattr(plan, section):
                nodes[point.id] = point
                wanted.append((section, point.id, [(t.id, [i.id for i in t.items]) for t in point.tasks]))
                for task in point.tasks:
                    nodes[task.id] = task
                    nodes.update((item.id, item) for item in task.items)
        for section in ("points", "body"):
            for p, point in enumerate(self.data.get(section, [])):
                path = (section, p)
                pid = point.get("id") or given.get(path)
                shape = []
                yield from self.node(path, point, pid, nodes, Point, _POINT_TYPES, section, "tasks")
                for t, task in enumerate(point.get("tasks", [])):
                    tpath = path + ("tasks", t)
                    tid = task.get("id") or given.get(tpath)
                    yield from self.node(tpath, task, tid, nodes, Task, _TASK_TYPES, f"{section}.tasks", "items")
                    ids = []
                    for i, item in enumerate(task.get("items", [])):
                        ipath = tpath + ("items", i)
                        iid = item.get("id") or given.get(ipath)
                        yield from self.node(ipath, item, iid, nodes, Item, _ITEM_TYPES, f"{section}.tasks.items", None)
                        ids.append(iid)
                    shape.append((tid, ids))
                found.append((section, pid, shape))
        if wanted != found or self.doc.notes:
            self.whole = False

    def node(self, path, raw, node_id, nodes, kind, types, name, children) -> Iterator[_Table]:
        node = nodes.get(node_id)
        if isinstance(node, kind):  # gone, or now another kind of node: tomlkit's work
            yield path, raw, node, types, name, children, None

    def fits(self, tables: list[_Table], from_base: bool) -> bool:
        """The index found a header for every table the data (or the base, which reads
        the same) holds, and no other: each table is where the index says (inline
        tables, dotted keys … are not)."""
        if from_base:
            base = self.doc.base
            count = 1 + len(base.units) + len(base.attachments)
            for point in (*base.points, *base.body):
                count += 1 + len(point.tasks) + sum(len(task.items) for task in point.tasks)
        else:
            count = 1 + sum(len(self.data.get(k, [])) for k in ("units", "attachments"))
            for section in ("points", "body"):
                for point in self.data.get(section, []):
                    count += 1
                    for task in point.get("tasks", []):
                        count += 1 + len(task.get("items", []))
        return count == len(self.index.order) and all(t[0] in self.index.header_at for t in tables)

    # -- one table -------------------------------------------------------------------------
    def table(self, path, raw, obj, types, name, children, old) -> None:
        """The edits that make one table hold the model object's values. The values it
        holds now are the data's, or the base object's (the keys it has: the index's)."""
        if old is None:
            given = self.doc.given_ids.get(path) if "id" not in raw else None
            has, was = raw.__contains__, lambda key: _plain(raw[key])
        else:
            given = None  # a document with ids given at load is not compared with a base
            if path not in self.index.header_at:
                raise _CannotPatch(f"{path}: a table the index did not see")
            has, was = self.index.keys_of(path).__contains__, lambda key: getattr(old, key)
        changed: list[tuple[str, str | None]] = []  # (key, its new value as text; None: the key goes)
        added: list[str] = []
        for key in types:
            value = getattr(obj, key)
            if key == "id" and given:
                continue  # written under the header (give_id)
            if key == "wording":
                if value is None or (has(key) and (_same_wording(raw["wording"], value) if old is None
                                                   else old.wording == value)):
                    if value is None and has(key):
                        changed.append((key, None))
                    continue
                inline = "{" + ", ".join(f"{k} = {_value(k, v, inline=True)}"
                                         for k, v in wording_dict(value).items()) + "}"
                changed.append((key, inline)) if has(key) else added.append(f"{key} = {inline}")
            elif has(key):
                if was(key) != value:
                    changed.append((key, value))
            elif value not in ("", 0, [], None):
                added.append(f"{key} = {_render(key, value)}")
        if not (given or changed or added):
            return
        keys = self.index.keys_of(path) if path in self.index.header_at else {}
        if path not in self.index.header_at or (raw is not None and set(raw) - set(keys) - {children}):
            raise _CannotPatch(f"{path}: a table or key the index did not see")
        edits = [self.give_id(path, keys, given)] if given else []
        for key, value in changed:
            start, end = self.value_span(keys[key])
            if value is None:  # the key goes, and its line (comment included) with it
                edits.append((keys[key], self.line_end(end), ""))
            elif key == "wording":
                edits.append((start, end, value))
            else:
                block = self.text.startswith(('"""', "'''"), start)
                edits.append((start, end, _block(value) if block and isinstance(value, str) else _render(key, value)))
        if added:
            edits.append(self.add_keys(keys, added))
        self.edits[path] = edits

    def give_id(self, path: tuple, keys: dict[str, int], node_id: str) -> tuple[int, int, str]:
        """``id = "…"`` as the table's first key, under its header, indented like the keys below."""
        _, body = self.index.header_at[path]
        if body == 0 or self.text[body - 1] != "\n":
            raise _CannotPatch("a header on the file's last line")
        first = min(keys.values(), default=None)
        indent = self.indent(first) if first is not None else ""
        return body, body, f"{indent}id = {_basic(node_id)}\n"

    def add_keys(self, keys: dict[str, int], lines: list[str]) -> tuple[int, int, str]:
        """New keys after the table's last key (before the blank lines and comments that
        close the table: they belong to the next header), indented like it."""
        if not keys:
            raise _CannotPatch("a table without keys")
        last = max(keys.values())
        _, end = self.value_span(last)
        at = self.line_end(end)
        if self.text[at - 1] != "\n":
            raise _CannotPatch("the last key on the file's last line, without a newline")
        indent = self.indent(last)
        return at, at, "".join(f"{indent}{line}\n" for line in lines)

    # -- where things are in the text -------------------------------------------------------
    def indent(self, line_start: int) -> str:
        text, at = self.text, line_start
        while at < len(text) and text[at] in " \t":
            at += 1
        return text[line_start:at]

    def line_end(self, at: int) -> int:
        """Past the newline of the line holding ``at`` (its comment included)."""
        newline = self.text.find("\n", at)
        return len(self.text) if newline < 0 else newline + 1

    def value_span(self, line_start: int) -> tuple[int, int]:
        """Where the value of the key on the line starting at ``line_start`` begins and ends."""
        m = _KEY_EQUALS.match(self.text, line_start)
        if m is None:
            raise _CannotPatch("no key = on a key's line")
        return m.end(), _value_end(self.text, m.end())

    # -- the new text, checked --------------------------------------------------------------
    def assemble(self, head: str, tables: dict[tuple, _Table], reshape: list[tuple[int, int, str]]) -> Patched:
        """Apply the edits table by table; read each touched table back and compare it with the
        model; then the tables added and deleted (``reshape``)."""
        text, order, pieces, done = self.text, self.index.order, [self.lines(head)], 0
        updates, grown, splices = [], {}, []
        at_of = {path: n for n, path in enumerate(order)} if len(self.edits) > 8 else None
        edited = sorted(self.edits, key=lambda p: self.index.header_at[p][0])
        for path in edited:
            edits = self.edits[path]
            n = at_of[path] if at_of is not None else order.index(path)
            start = self.index.header_at[path][1]
            end = self.index.header_at[order[n + 1]][0] if n + 1 < len(order) else len(text)
            region, at = [], start
            for e_start, e_end, new in sorted(edits, key=lambda e: (e[0], e[1])):
                if e_start < at or e_end > end:
                    raise _CannotPatch("edits overlap or leave their table")
                region += [text[at:e_start], self.lines(new)]
                at = e_end
            region.append(text[at:end])
            new_region = "".join(region)
            read = self.check(tables[path], new_region)
            if tables[path][1] is not None:
                updates.append((tables[path][1], read))
            grown[path] = len(new_region) - (end - start)
            splices.append((start, end, new_region))
        if reshape:
            splices = _merged(splices, reshape)
        for start, end, new in splices:
            if start < done:
                raise _CannotPatch("edits overlap")
            pieces += [text[done:start], new]
            done = end
        pieces.append(text[done:])
        new_text = "".join(pieces)
        # the index follows the patch (a schema line put at the top moves every key, a table
        # added or deleted every table after it: built anew)
        lines = None if head or reshape else self.index.patched(new_text, grown)
        return Patched(new_text, self.whole, updates, lines, reshaped=bool(reshape))

    # -- tables added and deleted -------------------------------------------------------------
    def reshape(self, ops: list[tuple]) -> list[tuple[int, int, str]]:
        """Where the added tables go and which text the deleted ones leave, as tomlkit's save
        puts them: a deleted node takes its subtree's text up to the next header along (the
        blank lines and comments before that header go with it); a node added after one
        that stays goes after the last key of that one's last table, the blank lines and
        comments after it moving below the new table; a node added before the list's first
        that stays goes right before its header, a blank line after it."""
        out = []
        for seq, op in enumerate(ops):
            if op[0] == "delete":
                start = self.index.header_at[op[1]][0]
                out.append((start, self.subtree_end(op[1]), "", seq))
                continue
            (where, *anchor), section, node = op[1], op[2], op[3]
            table = self.lines(self.render(section, node))
            if where == "before":
                at = self.index.header_at[anchor[0]][0]
                out.append((at, at, table + self.newline, seq))
            else:
                at = self.end_of(*anchor)
                out.append((at, at, self.newline + table, seq))
        return [(start, end, text) for start, end, text, _ in sorted(out, key=lambda o: (o[0], o[1] > o[0], o[3]))]

    def subtree_end(self, path: tuple) -> int:
        """Where the text of a node and its children ends: the next header that is not theirs."""
        order, n = self.index.order, self.index.order.index(path) + 1
        while n < len(order) and order[n][:len(path)] == path:
            n += 1
        return self.index.header_at[order[n]][0] if n < len(order) else len(self.text)

    def end_of(self, path: tuple, node: Any) -> int:
        """After the last key of the last table of ``node``'s subtree (as the base holds it:
        children added after that table go there too, before what is added after ``node``)."""
        children = _LEVELS[path[-2]][2]
        kids = getattr(node, children) if children else []
        if kids:
            old = self.doc.base
            for step in range(0, len(path), 2):
                old = getattr(old, path[step])[path[step + 1]]
            old_at = {kid.id: n for n, kid in enumerate(getattr(old, children))}
            for kid in reversed(kids):
                if kid.id in old_at:
                    return self.end_of(path + (children, old_at[kid.id]), kid)
        keys = self.index.keys_of(path)
        if not keys:
            return self.index.header_at[path][1]
        _, end = self.value_span(max(keys.values()))
        return self.line_end(end)

    def render(self, section: str, node: Any) -> str:
        """A new node's tables as tomlkit writes a new table (tomltext's layout), read back and
        compared with the node."""
        if isinstance(node, Point):
            text, prefix = fresh_tables(section, [node]), ""
        elif isinstance(node, Task):
            text, prefix = fresh_tables(section, [Point(id="p", tasks=[node])]), f'[[{section}]]\nid = "p"\n\n'
            text = text[text.index(f"[[{section}.tasks]]"):]
        else:
            text = fresh_tables(section, [Point(id="p", tasks=[Task(id="t", items=[node])])])
            text = text[text.index(f"[[{section}.tasks.items]]"):]
            prefix = f'[[{section}]]\nid = "p"\n\n[[{section}.tasks]]\nid = "t"\n\n'
        read, _ = _Reader(None, LineIndex("")).plan(tomlread.loads(prefix + text))
        got = getattr(read, section)[0]
        got = got if isinstance(node, Point) else got.tasks[0] if isinstance(node, Task) else got.tasks[0].items[0]
        if got != node:
            raise _CannotPatch("a new node reads back as another")
        return text

    def lines(self, new: str) -> str:
        """New text with the file's line ends (the lines a patch writes, and inside \"\"\" blocks)."""
        return new.replace("\n", self.newline) if self.newline != "\n" else new

    def check(self, table: _Table, region: str) -> dict:
        """The table as the patched text reads must be the model's: else no patch."""
        path, raw, obj, types, name, children, _ = table
        read = tomlread.loads(region)
        got = type(obj)(**_Reader(None, self.index).fields(read, path, types, name))
        for key in types:
            if getattr(got, key) != getattr(obj, key):
                raise _CannotPatch(f"{path}.{key} reads back as another value")
        if children and raw is not None and children in raw:
            read[children] = raw[children]
        return read


def _plain(value: Any) -> Any:
    """A tomllib value as the model holds it (a date as its ISO text)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    return value


def _same_wording(written: Any, wording: Wording) -> bool:
    if not isinstance(written, dict):
        return False
    try:
        return Wording(**written) == wording
    except TypeError:
        return False


def _render(name: str, value: Any) -> str:
    """A value as tomlkit writes it for a key set from the model (see tomlsync._item)."""
    if name in DATE_KEYS and isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            return _basic(value)  # kept as written; `check` reports it
    return _value(name, value)


def _value_end(text: str, at: int) -> int:
    """The end of the TOML value starting at ``at``: a string, an array or inline table
    (brackets counted outside strings and comments), or a bare word (number, date, bool)."""
    if at >= len(text):
        raise _CannotPatch("a key without a value")
    first = text[at]
    if first in "\"'":
        m = _STRING_AT.match(text, at)
        if m is None:
            raise _CannotPatch("a string without its end")
        return m.end()
    if first in "[{":
        depth = 0
        for m in _BRACKET_TOKENS.finditer(text, at):
            token = m.group()
            if token in "[{":
                depth += 1
            elif token in "]}":
                depth -= 1
                if depth == 0:
                    return m.end()
        raise _CannotPatch("an array without its end")
    m = _BARE.match(text, at)
    if m is None or m.end() == at:
        raise _CannotPatch("a value the patch does not read")
    return m.end()


def _merged(splices: list[tuple[int, int, str]], reshape: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The tables' rewritten regions and the added and deleted tables, in text order. A table
    added after the last key of a table whose keys were rewritten goes into its new text, as
    far from its end as before (what follows its keys is never rewritten)."""
    regions = sorted(splices)
    out = list(regions)
    for start, end, text in reshape:
        inside = next((n for n, (a, b, _) in enumerate(regions) if a < start < b), None)
        if inside is None:
            out.append((start, end, text))
            continue
        a, b, new = regions[inside]
        cut = len(new) - (b - start)
        regions[inside] = (a, b, new[:cut] + text + new[cut:])
        out = [r for r in out if r[:2] != (a, b)] + [regions[inside]]
    return sorted(out, key=lambda s: (s[0], s[1] > s[0]))
