"""Reading a plan file: tomllib's data turned into the model, refusing what does not fit.

Every refusal is a PlanFileError naming the file and, through the line index,
the line; tomllib's own syntax errors are put in the same words.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from typing import Any

from planwright.plan import tomlread
from planwright.plan.lineindex import LineIndex
from planwright.plan.model import SCHEMA, Attachment, Item, Meta, Plan, Point, Task, Unit, Wording, _unique_id
from planwright.plan.schema import (
    _ATTACHMENT_TYPES, _DATE, _INT, _ITEM_TYPES, _LIST, _META_CHOICES, _META_TYPES, _POINT_TYPES, _STR,
    _TASK_TYPES, _TOP_KEYS, _UNIT_TYPES, _WORDING, _WORDING_TYPES, SCHEMA_PREFIX, SCHEMA_VERSION,
    PlanFileError,
)
from planwright.zh.lazyre import lazy_compile

_TOML_AT = lazy_compile(r"\(at line (\d+), column (\d+)\)")
_TOML_AT_END = lazy_compile(r"\(at end of document\)")
_TWICE_TABLE = lazy_compile(r"Cannot declare \((.*)\) twice")
_KEY_START = lazy_compile(r"^\s*([A-Za-z0-9_-]+|\"[^\"]*\")\s*[.=]")


def read_toml(text: str, path: str | os.PathLike | None = None) -> dict:
    """tomllib's data of ``text``; a syntax error is a PlanFileError with its line, in words."""
    if not text or text.isspace():  # tomllib reads it as a plan with nothing in it; `check` would list what is missing
        raise PlanFileError(path, "文件是空的 (empty file)")
    try:
        return tomlread.loads(text)
    except RecursionError:  # arrays or inline tables nested thousands deep
        raise PlanFileError(path, "TOML 嵌套层数过多，不是计划文件 (nested too deeply)") from None
    except tomlread.TOMLDecodeError as exc:
        msg = str(exc)
        m = _TOML_AT.search(msg)
        line = int(m.group(1)) if m else (text.count("\n") + 1 if _TOML_AT_END.search(msg) else None)
        plain = _TOML_AT.sub("", _TOML_AT_END.sub("", msg)).strip()
        twice = _TWICE_TABLE.match(plain)
        if twice:
            name = ".".join(re.findall(r"'([^']*)'", twice.group(1)))
            raise PlanFileError(path, f"表 [{name}] 重复 (table written twice)", line) from None
        if plain.startswith("Cannot overwrite a value") and line:
            message, line = _written_twice(text, line)
            raise PlanFileError(path, message, line) from None
        raise PlanFileError(path, f"TOML 语法错误 (syntax error): {plain}", line) from None


def _written_twice(text: str, line: int) -> tuple[str, int]:
    """tomllib's "Cannot overwrite a value" in words: which key, on which line, first written where.

    tomllib names the line where the second value ends. Its key is on the
    nearest line above that starts a key/value which, read on its own up to
    there, is valid TOML (a line inside a multi-line string that looks like a
    key is not). Runs only on a broken file.
    """
    lines = text.splitlines()
    header = LineIndex._HEADER.match(lines[line - 1]) if line <= len(lines) else None
    if header:
        name = re.sub(r"\s+", "", header.group(1) or header.group(2))
        return f"表 [{name}] 与前面写过的键重名 (key written twice)", line
    second = _key_at(lines, line, line)
    if second is None:
        return "键重复 (key written twice)", line
    start, key = second
    first = None
    for number in range(start - 1, 0, -1):
        if LineIndex._HEADER.match(lines[number - 1]):
            break
        found = _key_at(lines, number, start - 1, exact=True)
        if found is not None and found[1] == key:
            first = number
            break
    where = f"；第 {first} 行已写过" if first else ""
    return f"键 “{key}” 重复 (key written twice){where}", start


def _key_at(lines: list[str], last: int, end: int, exact: bool = False) -> tuple[int, str] | None:
    """(line, key) of the key/value starting at ``last`` (or the nearest line above it
    that starts one) whose text up to line ``end`` reads as TOML."""
    for number in ([last] if exact else range(last, 0, -1)):
        if LineIndex._HEADER.match(lines[number - 1]):
            return None
        if not _KEY_START.match(lines[number - 1]):
            continue
        try:
            data = tomlread.loads("\n".join(lines[number - 1:end]))
        except tomlread.TOMLDecodeError:
            continue
        if data:  # the first key read is the one on this line (dicts keep their order)
            return number, next(iter(data))
    return None


class _Reader:
    """Turns the tomllib dict into the model, refusing what does not fit."""

    def __init__(self, path, lines: LineIndex) -> None:
        self.path = path
        self.lines = lines
        self.given: dict[tuple, str] = {}

    def fail(self, table: tuple, key: str | None, message: str):
        line = self.lines.keys.get(table, {}).get(key) if key else None
        raise PlanFileError(self.path, message, line or self.lines.headers.get(table))

    def plan(self, data: dict) -> tuple[Plan, dict[tuple, str]]:
        self.check_schema(data)
        for key in data:
            if key not in _TOP_KEYS:
                self.fail((), key, f"未知的键 (unknown key) “{key}”；可用的键：{', '.join(_TOP_KEYS)}")
        meta = Meta(**self.fields(data.get("plan", {}), ("plan",), _META_TYPES, "plan"))
        for key, allowed in _META_CHOICES.items():
            value = getattr(meta, key)
            if value and value not in allowed:
                self.fail(("plan",), key, f"[plan] 的 “{key}” 应为 {' / '.join(allowed)} 之一，实为 “{value}”")
        units = [Unit(**self.fields(u, ("units", i), _UNIT_TYPES, "units"))
                 for i, u in enumerate(self.array(data, "units", ()))]
        for i, unit in enumerate(units):
            if not unit.name:
                self.fail(("units", i), None, "单位缺少名称 (unit without a name)")
        attachments = [Attachment(**self.fields(a, ("attachments", i), _ATTACHMENT_TYPES, "attachments"))
                       for i, a in enumerate(self.array(data, "attachments", ()))]
        plan = Plan(meta=meta, units=units,
                    points=self.points(data, "points"), body=self.points(data, "body"), attachments=attachments)
        self.give_ids(plan)
        return plan, self.given

    def check_schema(self, data: dict) -> None:
        schema = data.get("schema", SCHEMA)
        if not isinstance(schema, str) or not schema.startswith(SCHEMA_PREFIX):
            self.fail((), "schema", f"不是 planwright 计划文件：schema = {schema!r} (not a planwright plan file)")
        version = schema[len(SCHEMA_PREFIX):]
        if not (version.isascii() and version.isdigit()):  # "²".isdigit() is True, int("²") fails
            self.fail((), "schema", f"无法识别的 schema 版本 {schema!r} (unknown schema)")
        if int(version) > SCHEMA_VERSION:
            self.fail((), "schema", f"文件格式 {schema} 比本程序支持的 {SCHEMA} 更新，请升级 planwright "
                                    f"(written by a newer planwright; please upgrade)")

    def array(self, data: dict, key: str, table: tuple) -> list:
        value = data.get(key)
        if value is None:  # most tasks have no items
            return []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.fail(table, key, f"“{key}” 应为表数组 [[{key}]] (must be an array of tables)")
        return value

    def points(self, data: dict, section: str) -> list[Point]:
        out = []
        for p, raw in enumerate(self.array(data, section, ())):
            where = (section, p)
            point = Point(**self.fields(raw, where, _POINT_TYPES, section, children="tasks"))
            for t, raw_task in enumerate(self.array(raw, "tasks", where)):
                twhere = where + ("tasks", t)
                task = Task(**self.fields(raw_task, twhere, _TASK_TYPES, f"{section}.tasks", children="items"))
                for i, raw_item in enumerate(self.array(raw_task, "items", twhere)):
                    iwhere = twhere + ("items", i)
                    task.items.append(Item(**self.fields(raw_item, iwhere, _ITEM_TYPES, f"{section}.tasks.items")))
                point.tasks.append(task)
            out.append(point)
        return out

    def fields(self, raw: Any, where: tuple, types: dict[str, str], name: str, children: str | None = None) -> dict:
        if not isinstance(raw, dict):
            self.fail(where, None, f"[{name}] 应为表 (must be a table)")
        out = {}
        for key, value in raw.items():
            kind = types.get(key)
            if kind is _STR and isinstance(value, str):  # most keys: taken as they are
                out[key] = value
                continue
            if key == children:
                continue
            if kind is None:
                allowed = ", ".join([*types, *([children] if children else [])])
                self.fail(where, key, f"[{name}] 中有未知的键 (unknown key) “{key}”；可用的键：{allowed}")
            out[key] = self.value(value, kind, where, key, name)
        return out

    def value(self, value: Any, kind: str, where: tuple, key: str, name: str) -> Any:
        # one test per kind, the common kinds first: this runs for every key of a plan
        if kind == _STR:
            if isinstance(value, str):
                return value
        elif kind == _LIST:
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                return list(value)  # the model's own list, not the one kept with the read data
        elif kind == _WORDING:
            return self.wording(value, where, key, name)
        elif kind == _INT:
            if isinstance(value, int) and not isinstance(value, bool):
                return value
        elif kind == _DATE:
            if isinstance(value, str):
                return value
            if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
                return value.isoformat()
        self.fail(where, key, f"[{name}] 的 “{key}” 应为{kind}，实为 {_describe(value)}")

    def wording(self, value: Any, where: tuple, key: str, name: str) -> Wording:
        """``wording = { text = "（…）", lead = […], support = […] }``: the attribution as printed."""
        if not isinstance(value, dict) or not isinstance(value.get("text"), str):
            self.fail(where, key, f"[{name}] 的 “{key}” 应为{_WORDING}，实为 {_describe(value)}")
        out = {}
        for part, raw in value.items():
            kind = _WORDING_TYPES.get(part)
            if kind is None:
                self.fail(where, key, f"[{name}] 的 “{key}” 中有未知的键 (unknown key) “{part}”；"
                                      f"可用的键：{', '.join(_WORDING_TYPES)}")
            ok = isinstance(raw, int) and not isinstance(raw, bool) if kind == _INT else \
                isinstance(raw, str) if kind == _STR else isinstance(raw, list) and all(isinstance(v, str) for v in raw)
            if not ok:
                self.fail(where, key, f"[{name}] 的 “{key}.{part}” 应为{kind}，实为 {_describe(raw)}")
            out[part] = list(raw) if kind == _LIST else raw
        return Wording(**out)

    def give_ids(self, plan: Plan) -> None:
        """Plan.ensure_ids, remembering each given id by the table path it goes into."""
        seen = {n.id for n in plan.all_nodes() if n.id}
        for section, points in (("points", plan.points), ("body", plan.body)):
            for path, node in _nodes_with_paths(section, points):
                if not node.id:
                    node.id = _unique_id(seen)
                    self.given[path] = node.id


def _nodes_with_paths(section: str, points: list[Point]):
    for p, point in enumerate(points):
        yield (section, p), point
        for t, task in enumerate(point.tasks):
            yield (section, p, "tasks", t), task
            for i, item in enumerate(task.items):
                yield (section, p, "tasks", t, "items", i), item


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"布尔值 {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"数字 {value}"
    if isinstance(value, str):
        return f"文本 {value!r}"
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "表"
    return type(value).__name__

