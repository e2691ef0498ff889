"""The recovery file: a plain plan file written fast, many times a minute.

A save keeps a person's formatting and comments (patched lines, tomlkit for the
rest), which is more than a file written every few seconds beside someone typing
needs. A recovery file only has to be read back, so it is written here directly: the same keys as a plan file, strings as TOML basic
strings (JSON's escapes are TOML's), in tens of milliseconds. ``store.load``
reads it like any plan file; restoring copies its content into the open
document, whose own formatting and comments then survive the next save.
"""

from __future__ import annotations

from typing import Iterable

from planwright.plan.model import SCHEMA, Meta, Plan, Point, Wording, field_names
from planwright.zh.clean import json_dumps


def _string(value: str) -> str:
    # a JSON string is a TOML basic string once DEL is escaped too (json_dumps does that)
    return json_dumps(value)


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_string(v) for v in value) + "]"
    if isinstance(value, Wording):
        from planwright.plan.store import wording_dict

        return "{ " + ", ".join(f"{k} = {_value(v)}" for k, v in wording_dict(value).items()) + " }"
    return _string(str(value))


def _pairs(obj: object, names: Iterable[str], always: tuple[str, ...] = ()) -> list[str]:
    lines = []
    for name in names:
        value = getattr(obj, name)
        if name in always or value not in ("", 0, [], None):
            lines.append(f"{name} = {_value(value)}")
    return lines


def _outline(points: list[Point], section: str) -> list[str]:
    out: list[str] = []
    for point in points:
        out += ["", f"[[{section}]]", *_pairs(point, ("id", "title", "text"), ("id", "title"))]
        for task in point.tasks:
            out += ["", f"[[{section}.tasks]]",
                    *_pairs(task, ("id", "title", "text", "lead", "support", "deadline", "wording"), ("id", "title"))]
            for item in task.items:
                out += ["", f"[[{section}.tasks.items]]",
                        *_pairs(item, ("id", "text", "lead", "support", "deadline", "wording"), ("id", "text"))]
    return out


def plan_text(plan: Plan, header: str = "") -> str:
    """The plan as plan-file text (no comments of the original survive: see module doc)."""
    meta_names = field_names(Meta)
    out = [header.rstrip("\n")] if header else []
    out += [f"schema = {_string(SCHEMA)}", "", "[plan]",
            *_pairs(plan.meta, meta_names, ("title", "style", "year"))]
    for unit in plan.units:
        out += ["", "[[units]]", *_pairs(unit, ("name", "aliases", "kind"), ("name",))]
    out += _outline(plan.points, "points")
    out += _outline(plan.body, "body")
    for attachment in plan.attachments:
        out += ["", "[[attachments]]", *_pairs(attachment, ("title", "text"), ("title", "text"))]
    return "\n".join(out) + "\n"

