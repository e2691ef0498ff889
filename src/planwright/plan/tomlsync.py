"""Saving through tomlkit: the document parsed from the file is brought in line with the model.

Equal values keep their bytes, tables are matched by id (units by name) so a
moved node carries its comments along, inserts and deletes leave every other
table's text alone. Used for what a text patch cannot do (see ``plan.patch``)
and for a file with no text yet read through tomlkit.
"""

from __future__ import annotations

import bisect
import datetime as dt
from typing import TYPE_CHECKING, Any, Iterable

from planwright.plan.model import SCHEMA, Meta, Point, Task, Unit, Wording, field_names
from planwright.plan.schema import (
    DATE_KEYS,
    _ATTACHMENT_TYPES, _ITEM_TYPES, _KEYED_BY_NAME, _POINT_TYPES, _TASK_TYPES, _UNIT_TYPES, _WORDING_TYPES,
    wording_dict,
)
from planwright.plan.tomltext import _block
from planwright.zh.lazyre import lazy_compile

if TYPE_CHECKING:
    import tomlkit
    from tomlkit.items import AoT, Comment, String, StringType, Table, Trivia, Whitespace

    from planwright.plan.store import PlanDocument


def _load_tomlkit() -> None:
    """Import tomlkit on the first save: loading and checking never need it (it is slow to import)."""
    global tomlkit, AoT, Comment, String, StringType, Table, Trivia, Whitespace
    import tomlkit
    from tomlkit.items import AoT, Comment, String, StringType, Table, Trivia, Whitespace


def tomlkit_text(doc: PlanDocument, text: str, stamped: bool = False) -> str:
    """``text`` (the document's, or a patch of it) brought in line with the model through
    tomlkit: tables added, deleted and moved, notes written as comments. ``stamped``: the
    ids given at load are in the text already (a patch wrote them). CRLF is kept."""
    _load_tomlkit()
    toml = tomlkit.parse(text) if text else tomlkit.document()
    if not stamped:
        _stamp_given_ids(toml, doc.given_ids)
    _sync(toml, doc)
    out = tomlkit.dumps(toml)
    if "\r\n" in text and text.count("\n") == text.count("\r\n"):
        # a file from a Windows editor keeps CRLF, new lines included
        out = _LONE_LF.sub("\r\n", out)
    return out


_LONE_LF = lazy_compile(r"(?<!\r)\n")


def _stamp_given_ids(toml: tomlkit.TOMLDocument, given: dict[tuple, str]) -> None:
    """Write the ids that loading gave into the tables they belong to (first key)."""
    for path, node_id in given.items():
        table: Any = toml
        for step in path:
            table = table[step]
        if "id" not in table:
            # reached only when the text could not be patched (the patch writes the id
            # under the header): tomlkit's public API adds it after the other keys
            table.add("id", node_id)
            # indent it like the keys beside it (tables written indented stay so)
            table.value.item("id").trivia.indent = _key_indent(table)


def _key_indent(table: Table) -> str:
    """The indentation of the table's first key other than id."""
    for key, item in table.value.body:
        if key is not None and key.key != "id":
            return item.trivia.indent
    return ""


def _sync(toml: tomlkit.TOMLDocument, doc: PlanDocument) -> None:
    plan = doc.plan
    # a TOMLDocument is itself the Container (its .value is a plain dict)
    if "schema" not in toml:  # a patched text has it first already; tomlkit puts it before the tables
        toml.add("schema", SCHEMA)
    if "plan" not in toml:
        toml.add(tomlkit.nl()) if len(toml.body) > 1 else None
        toml.add("plan", tomlkit.table())
    _sync_fields(toml["plan"], plan.meta, field_names(Meta), always=("title", "style", "year"))
    _comment(toml["plan"], doc.notes.get(None))
    _POOL.clear()
    _POOL.update(_tables_by_id(toml))
    _sync_aot(toml, "units", plan.units, key_of=lambda u: u.name, fill=_fill_unit)
    _sync_aot(toml, "points", plan.points, key_of=lambda n: n.id, fill=lambda t, n: _fill_point(t, n, doc))
    _sync_aot(toml, "body", plan.body, key_of=lambda n: n.id, fill=lambda t, n: _fill_point(t, n, doc))
    _sync_aot(toml, "attachments", plan.attachments, key_of=lambda a: a.title,
              fill=lambda t, a: _sync_fields(t, a, _ATTACHMENT_TYPES, always=("title", "text")))


def _fill_unit(table: Table, unit: Unit) -> None:
    _sync_fields(table, unit, _UNIT_TYPES, always=("name",))


def _fill_point(table: Table, point: Point, doc: PlanDocument) -> None:
    _sync_fields(table, point, _POINT_TYPES, always=("id", "title"))
    _comment(table, doc.notes.get(point.id))
    _sync_aot(table, "tasks", point.tasks, key_of=lambda n: n.id, fill=lambda t, n: _fill_task(t, n, doc))


def _fill_task(table: Table, task: Task, doc: PlanDocument) -> None:
    _sync_fields(table, task, _TASK_TYPES, always=("id", "title"))
    _comment(table, doc.notes.get(task.id))
    _sync_aot(table, "items", task.items, key_of=lambda n: n.id,
              fill=lambda t, n: (_sync_fields(t, n, _ITEM_TYPES, always=("id", "text")),
                                 _comment(t, doc.notes.get(n.id))))


def _comment(table: Table, notes: list[str] | None) -> None:
    for note in notes or ():
        table.add(tomlkit.comment(note))


def _sync_fields(table: Table, obj: Any, names: Iterable[str], always: tuple[str, ...] = ()) -> None:
    """Set each key whose value differs; leave equal ones untouched (keeps bytes).

    ``always`` keys are written into new tables even when empty; a table read
    from the file gets no key the model leaves at its default (no-edit saves
    must not change the file).
    """
    fresh = len(table) == 0
    for name in names:
        value = getattr(obj, name)
        if isinstance(value, Wording) or (value is None and name == "wording"):
            _sync_wording(table, name, value)
            continue
        if name in table:
            old = table[name]
            if _plain(old) != value:
                was_block = isinstance(old, String) and old.as_string().startswith(('"""', "'''"))
                table[name] = _multiline(value) if was_block and isinstance(value, str) else _item(name, value)
        elif (fresh and name in always) or value not in ("", 0, [], None):
            _add_key(table, name, _item(name, value))




def _sync_wording(table: Table, name: str, wording: Wording | None) -> None:
    """The wording key: written as one inline table; dropped when the node has none any more."""
    if wording is None:
        if name in table:
            del table[name]
        return
    if name in table and _same_wording(_plain(table[name]), wording):
        return  # written by hand with defaults spelled out (lead = []): keep its bytes
    wanted = wording_dict(wording)
    inline = tomlkit.inline_table()
    for key, value in wanted.items():
        inline[key] = _item(key, value)
    if name in table:
        table[name] = inline
    else:
        _add_key(table, name, inline)


def _same_wording(written: Any, wording: Wording) -> bool:
    if not isinstance(written, dict) or set(written) - set(_WORDING_TYPES):
        return False
    try:
        return Wording(**written) == wording
    except TypeError:
        return False


def _add_key(table: Table, name: str, item: Any) -> None:
    """Add a key after the table's other keys, indented like the last of them.

    A table read from the file gets its new keys from the patch (after its last
    key, before the comments that belong to the next header); here, through
    tomlkit's public API, only new tables and what a patch could not place.
    """
    body = table.value.body
    last = next((key for key, value in reversed(body)
                 if key is not None and not isinstance(value, (Table, AoT))), None)
    table.add(name, item)
    if last is not None:
        table.value.item(name).trivia.indent = table.value.item(last).trivia.indent


def _plain(item: Any) -> Any:
    value = item.unwrap() if hasattr(item, "unwrap") else item
    if isinstance(value, str) and "\r" in value:
        # tomlkit keeps a CRLF file's line ends inside """ blocks; tomllib (the model) does not
        value = value.replace("\r\n", "\n")
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    return value


def _item(name: str, value: Any) -> Any:
    if name in DATE_KEYS and isinstance(value, str) and value:
        try:
            return tomlkit.date(dt.date.fromisoformat(value).isoformat())
        except ValueError:
            return value  # kept as written; `check` reports it
    if isinstance(value, str) and "\n" in value:
        return _multiline(value)
    if isinstance(value, list):
        array = tomlkit.array()
        array.extend(value)
        return array
    return value


def _multiline(value: str) -> String:
    # Start the block on its own line: easier to edit by hand than """text…
    # (escaped as tomltext writes a fresh file's blocks, which a test holds to tomlkit's own)
    return String(StringType.MLB, value, _block(value)[3:-3], Trivia())


def _sync_aot(parent: Any, key: str, nodes: list, key_of, fill) -> None:
    """Make the array of tables ``parent[key]`` hold ``nodes`` in order.

    Tables are matched by id (units by name), so a moved node carries its
    comments and formatting along; a table whose order and ids already match
    is updated in place and untouched fields keep their bytes.
    """
    existing = parent.get(key) if key in parent else None
    if existing is not None and not isinstance(existing, AoT):
        existing = None  # an inline array: rewrite it as tables below
        del parent[key]
    if not nodes:
        if existing is not None:
            del parent[key]
        return
    wanted = [key_of(n) for n in nodes]
    if existing is not None:
        if [_table_key(t, key) for t in existing] == wanted:
            for table, node in zip(existing, nodes):
                fill(table, node)
        else:
            _edit_in_place(existing, key, nodes, wanted, fill)
        return
    aot = tomlkit.aot()
    for node, k in zip(nodes, wanted):
        table = _POOL.pop(k, None) if key not in _KEYED_BY_NAME else None  # moved here from elsewhere
        table = table if table is not None else tomlkit.table()
        fill(table, node)
        aot.append(table)
    parent.add(key, aot)


def _edit_in_place(existing: AoT, key: str, nodes: list, wanted: list, fill) -> None:
    """Delete, move and insert tables where they go, leaving every other table's bytes alone.

    Rebuilding the array instead would re-render the blank lines between all
    its tables, so one added task would touch lines all over the file. The
    tables that keep their relative order (a longest such run) stay put; the
    others are taken out and put back at their new place.
    """
    position = {k: i for i, k in enumerate(wanted)}
    current = [_table_key(t, key) for t in existing]
    stay = _longest_increasing([position.get(k, -1) for k in current])
    taken: dict = {}
    for index in reversed(range(len(existing))):
        if index not in stay:
            if current[index] in position:
                taken[current[index]] = existing[index]
            del existing[index]
    for index, (node, k) in enumerate(zip(nodes, wanted)):
        if index < len(existing) and _table_key(existing[index], key) == k:
            fill(existing[index], node)
            continue
        table = taken.pop(k, None)
        if table is None and key not in _KEYED_BY_NAME:
            table = _POOL.pop(k, None)  # moved here from another point or task
        if table is None:
            table = tomlkit.table()
        fill(table, node)
        _place_between(existing, index, table)
        existing.insert(index, table)


def _longest_increasing(values: list[int]) -> set[int]:
    """Indices of a longest strictly increasing run of the non-negative values (patience sort)."""
    tails: list[int] = []  # smallest last value of a run of each length
    ends: list[int] = []  # index where that run ends
    parent = [-1] * len(values)
    for i, v in enumerate(values):
        if v < 0:
            continue
        j = bisect.bisect_left(tails, v)
        if j == len(tails):
            tails.append(v)
            ends.append(i)
        else:
            tails[j], ends[j] = v, i
        parent[i] = ends[j - 1] if j else -1
    keep: set[int] = set()
    i = ends[-1] if ends else -1
    while i >= 0:
        keep.add(i)
        i = parent[i]
    return keep


def _place_between(existing: AoT, index: int, table: Table) -> None:
    """Blank lines and comments around a table about to be inserted at ``index``.

    tomlkit keeps the blank line and any comments written above a header at the
    end of the table before it; those belong to the header that follows, so
    they move below the new table, and the table before ends with a blank line.
    """
    tail = _tail(table)
    if index == 0:
        if len(existing):
            tail.add(tomlkit.nl())
        return
    before = _tail(existing[index - 1])
    trailer = []
    body = before.value.body
    while body and body[-1][0] is None and isinstance(body[-1][1], (Comment, Whitespace)):
        trailer.insert(0, body.pop()[1])
    before.add(tomlkit.nl())
    if trailer:  # the new table now ends where the one before used to
        own = tail.value.body
        while own and own[-1][0] is None and isinstance(own[-1][1], Whitespace):
            own.pop()
    for item in trailer:
        tail.add(item)


def _tail(table: Table) -> Table:
    """The table whose text comes last: a task's last item, when it has items."""
    while True:
        body = table.value.body
        if body and isinstance(body[-1][1], AoT) and len(body[-1][1]):
            table = body[-1][1][-1]
        else:
            return table


# Tables of the document being synced, by id: lets a task that moved to
# another point take its comments and formatting along.
_POOL: dict[str, Table] = {}


def _tables_by_id(toml: Any) -> dict[str, Table]:
    found: dict[str, Table] = {}
    for section in ("points", "body"):
        for point in toml.get(section, []) if isinstance(toml.get(section), AoT) else []:
            found.setdefault(point.get("id"), point)
            for task in point.get("tasks", []) if isinstance(point.get("tasks"), AoT) else []:
                found.setdefault(task.get("id"), task)
                for item in task.get("items", []) if isinstance(task.get("items"), AoT) else []:
                    found.setdefault(item.get("id"), item)
    found.pop(None, None)
    return found


def _table_key(table: Table, key: str) -> Any:
    return table.get(_KEYED_BY_NAME[key]) if key in _KEYED_BY_NAME else table.get("id")

