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

Each table a patch touched is read back with tomllib and compared with the
model; any difference, or anything a patch cannot place (a table without
keys, a value it cannot find the end of, an index that does not fit the
data), gives up the patch and leaves the save to tomlkit. What a patch does not
do at all — tables added, deleted or moved, comments to add, a missing
``[plan]`` — tomlkit finishes on the patched text (``Patched.whole`` is False).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterator

from planwright.plan.lineindex import LineIndex
from planwright.plan.model import SCHEMA, Item, Point, Task, Wording
from planwright.plan.reader import _Reader
from planwright.plan.schema import (
    DATE_KEYS,
    _ATTACHMENT_TYPES, _ITEM_TYPES, _META_TYPES, _POINT_TYPES, _TASK_TYPES, _UNIT_TYPES, PlanFileError, wording_dict,
)
from planwright.plan.tomltext import _basic, _block, _value

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


class _CannotPatch(Exception):
    """Something the patch cannot place: the save goes to tomlkit."""


# (table path, its tomllib data, the model object, the keys it may hold, the reader's
# name for it, the key of its child tables)
_Table = tuple[tuple, dict, Any, dict, str, "str | None"]

# The start of a key's line up to its value; a string at a place; the tokens of an array
# or inline table (strings and comments read whole, so a bracket inside them is not
# counted); a bare value (number, date, true/false).
_KEY_EQUALS = re.compile(r"[ \t]*[A-Za-z_][A-Za-z0-9_-]*[ \t]*=[ \t]*")
_STRING_AT = re.compile(LineIndex._STRING)
_BRACKET_TOKENS = re.compile(LineIndex._STRING + r"|#[^\n]*|[\[\]{}]|[^\"'#\[\]{}]+")
_BARE = re.compile(r"[^\s#,\]}]+")


def patch(doc: PlanDocument) -> Patched | None:
    """The document's text with the model's field edits written in; None when the text
    cannot be patched at all (the save goes to tomlkit as a whole)."""
    data = doc._read
    if data is None or not doc.text:
        return None
    try:
        return _Patcher(doc, data).run()
    except (_CannotPatch, PlanFileError, tomllib.TOMLDecodeError, RecursionError):
        return None


class _Patcher:
    """One patch of one document: the edits by table, then the text put together and checked."""

    def __init__(self, doc: PlanDocument, data: dict) -> None:
        self.doc = doc
        self.data = data
        self.text = doc.text
        # a file from a Windows editor gets CRLF on the lines a patch writes, as tomlkit's save does
        self.newline = "\r\n" if "\r\n" in self.text and self.text.count("\n") == self.text.count("\r\n") else "\n"
        self.edits: dict[tuple, list[tuple[int, int, str]]] = {}  # by table path: (start, end, new text)
        self.whole = True

    def run(self) -> Patched | None:
        tables = list(self.tables())
        for table in tables:
            self.table(*table)
        head = "" if "schema" in self.data else f"schema = {_basic(SCHEMA)}\n"  # tomlkit puts it first
        if not self.edits and not head:
            return Patched(self.text, self.whole)
        if not self.fits(tables):
            return None
        return self.assemble(head, {t[0]: t for t in tables})

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
        yield ("plan",), raw, plan.meta, _META_TYPES, "plan", None
        for key, nodes, types, name in (("units", plan.units, _UNIT_TYPES, "name"),
                                        ("attachments", plan.attachments, _ATTACHMENT_TYPES, "title")):
            raws = data.get(key, [])
            # matched by name, as tomlkit's save does; another order or name is tomlkit's work
            if [r.get(name) for r in raws] == [getattr(n, name) for n in nodes]:
                for i, (table, node) in enumerate(zip(raws, nodes)):
                    yield (key, i), table, node, types, key, None
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
            yield path, raw, node, types, name, children

    def fits(self, tables: list[_Table]) -> bool:
        """The index found a header for every table the data holds, and no other: each
        table of the data is where the index says (inline tables, dotted keys … are not)."""
        count = 1 + sum(len(self.data.get(k, [])) for k in ("units", "attachments"))
        for section in ("points", "body"):
            for point in self.data.get(section, []):
                count += 1
                for task in point.get("tasks", []):
                    count += 1 + len(task.get("items", []))
        return count == len(self.index.order) and all(t[0] in self.index.header_at for t in tables)

    # -- one table -------------------------------------------------------------------------
    def table(self, path, raw, obj, types, name, children) -> None:
        """The edits that make one table hold the model object's values."""
        given = self.doc.given_ids.get(path) if "id" not in raw else None
        changed: list[tuple[str, str | None]] = []  # (key, its new value as text; None: the key goes)
        added: list[str] = []
        for key in types:
            value = getattr(obj, key)
            if key == "id" and given:
                continue  # written under the header (give_id)
            if key == "wording":
                if value is None or ("wording" in raw and _same_wording(raw["wording"], value)):
                    if value is None and "wording" in raw:
                        changed.append((key, None))
                    continue
                inline = "{" + ", ".join(f"{k} = {_value(k, v, inline=True)}"
                                         for k, v in wording_dict(value).items()) + "}"
                changed.append((key, inline)) if key in raw else added.append(f"{key} = {inline}")
            elif key in raw:
                if _plain(raw[key]) != value:
                    changed.append((key, value))
            elif value not in ("", 0, [], None):
                added.append(f"{key} = {_render(key, value)}")
        if not (given or changed or added):
            return
        keys = self.index.key_at.get(path, {})
        if path not in self.index.header_at or set(raw) - set(keys) - {children}:
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
    def assemble(self, head: str, tables: dict[tuple, _Table]) -> Patched:
        """Apply the edits table by table; read each touched table back and compare it with the model."""
        text, order, pieces, done = self.text, self.index.order, [self.lines(head)], 0
        updates = []
        for n, path in enumerate(order):
            edits = self.edits.get(path)
            if not edits:
                continue
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
            updates.append((tables[path][1], self.check(tables[path], new_region)))
            pieces += [text[done:start], new_region]
            done = end
        pieces.append(text[done:])
        return Patched("".join(pieces), self.whole, updates)

    def lines(self, new: str) -> str:
        """New text with the file's line ends (the lines a patch writes, and inside \"\"\" blocks)."""
        return new.replace("\n", self.newline) if self.newline != "\n" else new

    def check(self, table: _Table, region: str) -> dict:
        """The table as the patched text reads must be the model's: else no patch."""
        path, raw, obj, types, name, children = table
        read = tomllib.loads(region)
        got = type(obj)(**_Reader(None, self.index).fields(read, path, types, name))
        for key in types:
            if getattr(got, key) != getattr(obj, key):
                raise _CannotPatch(f"{path}.{key} reads back as another value")
        if children and children in raw:
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
