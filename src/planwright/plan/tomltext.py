"""TOML values and whole plan files written directly as text, in tomlkit's layout.

A plan that has no file yet has no formatting or comments of a person to keep,
so it is written here without tomlkit (importing and running tomlkit cost most
of an import's time). The layout is the one tomlkit gives a fresh document —
the same keys in the same order, a key left out at its default unless the
table always shows it, long text as a triple-quoted block, notes as comments after a
table's keys — so that a later edit through tomlkit changes only its own lines.
The patch save writes its values with the same functions.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any, Iterable

from planwright.plan.model import SCHEMA, Meta, Point, Wording, field_names
from planwright.plan.schema import (
    DATE_KEYS,
    _ATTACHMENT_TYPES, _ITEM_TYPES, _POINT_TYPES, _TASK_TYPES, _UNIT_TYPES, wording_dict,
)
from planwright.zh.lazyre import lazy_compile

if TYPE_CHECKING:
    from planwright.plan.store import PlanDocument


def fresh_text(doc: PlanDocument) -> str:
    """The plan file of *doc* as TOML text (read back by tomllib, it is the model)."""
    plan = doc.plan
    out = [f"{doc.preface}\n" if doc.preface else "", f"schema = {_basic(SCHEMA)}\n"]
    out.append("\n[plan]\n")
    out += _keys(plan.meta, field_names(Meta), ("title", "style", "year"))
    out += _comments(doc.notes.get(None))
    for unit in plan.units:
        out.append("\n[[units]]\n")
        out += _keys(unit, _UNIT_TYPES, ("name",))
    for section in ("points", "body"):
        out += _outline(section, getattr(plan, section), doc.notes)
    for attachment in plan.attachments:
        out.append("\n[[attachments]]\n")
        out += _keys(attachment, _ATTACHMENT_TYPES, ("title", "text"))
    return "".join(out)



def fresh_tables(section: str, points: list[Point]) -> str:
    """New points' tables (their tasks' and items' too) as a new file has them, from the
    first header on: what tomlkit writes for tables added to a file (``plan.patch``)."""
    return "".join(_outline(section, points, {}))[1:]


def _outline(section: str, points: list[Point], notes: dict[str | None, list[str]]) -> list[str]:
    out = []
    for point in points:
        out.append(f"\n[[{section}]]\n")
        out += _keys(point, _POINT_TYPES, ("id", "title"))
        out += _comments(notes.get(point.id))
        for task in point.tasks:
            out.append(f"\n[[{section}.tasks]]\n")
            out += _keys(task, _TASK_TYPES, ("id", "title"))
            out += _comments(notes.get(task.id))
            for item in task.items:
                out.append(f"\n[[{section}.tasks.items]]\n")
                out += _keys(item, _ITEM_TYPES, ("id", "text"))
                out += _comments(notes.get(item.id))
    return out


def _keys(obj: Any, names: Iterable[str], always: tuple[str, ...]) -> list[str]:
    lines = []
    for name in names:
        value = getattr(obj, name)
        if isinstance(value, Wording):
            inline = ", ".join(f"{k} = {_value(k, v, inline=True)}" for k, v in wording_dict(value).items())
            lines.append(f"{name} = {{{inline}}}\n")
        elif name in always or value not in ("", 0, [], None):
            lines.append(f"{name} = {_value(name, value)}\n")
    return lines


def _value(name: str, value: Any, inline: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_basic(v) for v in value) + "]"
    if name in DATE_KEYS and value:
        try:
            return dt.date.fromisoformat(value).isoformat()  # a TOML date, as tomlkit writes it
        except ValueError:
            pass  # kept as written; `check` reports it
    if "\n" in value and not inline:
        return _block(value)
    return _basic(value)


# TOML basic strings: backslash and quote escaped, control characters as escapes.
_BASIC_ESCAPES = {"\\": "\\\\", '"': '\\"', "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
_NEEDS_ESCAPE = lazy_compile(r'[\\"\x00-\x1f\x7f]')
_BLOCK_ESCAPE = lazy_compile(r'\\|"{3,}|[\x00-\x08\x0b-\x1f\x7f]')  # \r too: a parser may read \r\n as \n


def _escape(ch: str) -> str:
    return _BASIC_ESCAPES.get(ch) or f"\\u{ord(ch):04x}"


def _basic(text: str) -> str:
    return f'"{_NEEDS_ESCAPE.sub(lambda m: _escape(m.group()), text)}"'


def _block(text: str) -> str:
    """A multi-line basic string starting on its own line (the newline after the opening quotes is not part of it)."""
    def escape(m: re.Match) -> str:
        found = m.group()
        if found.startswith('"'):
            return '\\"' * len(found)  # no run of three quotes may stand inside
        return _escape(found)
    core = text.rstrip('"')  # quotes just before the closing delimiter would join it: escaped
    body = _BLOCK_ESCAPE.sub(escape, core) + '\\"' * (len(text) - len(core))
    return f'"""\n{body}"""'


def _comments(notes: list[str] | None) -> list[str]:
    return [f"# {note}\n" for note in notes or ()]

