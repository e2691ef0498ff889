"""Plan files: TOML ⇄ model.

Reading is fast (``tomllib``, and a line index built by one scan of the text);
writing goes through ``tomlkit`` so that a file opened and saved with no edit
stays byte-identical, an edit touches only its own lines, and comments a person
wrote survive. The tomlkit document is parsed only when a save needs it: a
save with no edit (the model equal to what the text reads as, no ids given at
load, no notes to add) writes the text back as read, without tomlkit.

    doc = store.load("plan.toml")      # PlanDocument; doc.plan is the model
    doc.plan.points[0].title = "…"
    store.save(doc)                    # atomic: write beside, fsync, rename
"""

from __future__ import annotations

import bisect
import datetime as dt
import errno
import hashlib
import os
import re
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from planwright.plan.model import (
    FONT_PROFILES, MASTHEADS, SCHEMA, Attachment, Item, Meta, Plan, Point, Task, Unit, Wording, _unique_id, field_names,
)
from planwright.zh.lazyre import lazy_compile

if TYPE_CHECKING:
    import tomlkit
    from tomlkit.items import AoT, Comment, String, StringType, Table, Trivia, Whitespace


def _load_tomlkit() -> None:
    """Import tomlkit on the first save: loading and checking never need it (it is slow to import)."""
    global tomlkit, AoT, Comment, String, StringType, Table, Trivia, Whitespace
    import tomlkit
    from tomlkit.items import AoT, Comment, String, StringType, Table, Trivia, Whitespace


SCHEMA_PREFIX = "planwright/"
SCHEMA_VERSION = 1


class PlanFileError(Exception):
    """A plan file that cannot be used: says which file, where, and why."""

    def __init__(self, path: str | os.PathLike | None, message: str, line: int | None = None):
        self.path = str(path) if path is not None else "<plan>"
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


# ---------------------------------------------------------------------------
# The document


@dataclass
class PlanDocument:
    """A plan and the file it came from.

    ``text`` is the file as last read or written; ``plan`` is the model that
    the rest of planwright edits. ``notes`` holds comments to write next to
    nodes on the next save (the importer's ``# 导入提示: …``).
    """

    plan: Plan
    path: Path | None = None
    text: str = ""
    mtime_ns: int | None = None
    # sha256 of the bytes as last read or written: an outside edit that keeps the
    # modification time (cp -p, rsync -t) changes the content, not the time
    digest: str | None = None
    bom: bool = False  # the file began with a UTF-8 byte-order mark; saving keeps it
    # ids given at load to nodes that had none, by their position in the file
    given_ids: dict[tuple, str] = field(default_factory=dict)
    notes: dict[str | None, list[str]] = field(default_factory=dict)
    preface: str = ""  # comment lines to open a new file with (a template's explanation)
    _toml: tomlkit.TOMLDocument | None = field(default=None, repr=False)
    # What tomllib read from ``text`` (kept from load, not copied: it costs
    # nothing there); the model it gives is compared with ``plan`` at save time.
    _read: dict | None = field(default=None, repr=False)
    _lines: "LineIndex | None" = field(default=None, repr=False)

    def annotate(self, node_id: str | None, note: str) -> None:
        """Attach a comment to a node (None: the plan table) for the next save; a comment is
        one line without control characters (TOML allows no others in it)."""
        self.notes.setdefault(node_id, []).append(_COMMENT_UNSAFE.sub(" ", note))

    @property
    def lines(self) -> "LineIndex":
        if self._lines is None:
            self._lines = LineIndex(self.text)
        return self._lines

    def line_of(self, indices: tuple[int, ...], key: str | None = None, section: str = "points") -> int | None:
        """The file line of a node (1-based indices as in ``Plan.locate``), as last read."""
        return self.lines.line_of(section, tuple(i - 1 for i in indices), key)

    def changed_on_disk(self) -> bool:
        """True when the file was changed by someone else since we read or wrote it:
        its content differs (a hash, so that a copy keeping the old time is seen),
        or, for a document read without one, its modification time."""
        if self.path is None or (self.mtime_ns is None and self.digest is None):
            return False
        try:
            if self.digest is not None:
                return _digest(self.path.read_bytes()) != self.digest
            return self.path.stat().st_mtime_ns != self.mtime_ns
        except FileNotFoundError:
            return True
        except OSError:
            return True  # cannot be read now: not what we wrote, the user must choose


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_COMMENT_UNSAFE = lazy_compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def new_document(plan: Plan, path: str | os.PathLike | None = None) -> PlanDocument:
    """A document for a plan that has no file yet (import, new, tests)."""
    plan.ensure_ids()
    return PlanDocument(plan=plan, path=Path(path) if path else None)


# ---------------------------------------------------------------------------
# Loading


# A year's plan is some 100 KB; a file a hundred times larger is not one, and is refused
# before it is parsed (docs/guarantees.md).
MAX_PLAN_BYTES = 16 * 2**20


def load(path: str | os.PathLike) -> PlanDocument:
    """Read a plan file. Raises PlanFileError with the file and line on bad input."""
    path = Path(path)
    try:
        raw = path.read_bytes()
        stat = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise PlanFileError(path, "符号链接指向的文件不存在 (dangling symlink)") from None
        raise PlanFileError(path, "文件不存在 (file not found)") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise PlanFileError(path, "符号链接成环，无法读取 (symlink loop)") from None
        raise PlanFileError(path, f"无法读取 (cannot read): {exc.strerror}") from None
    except IsADirectoryError:
        raise PlanFileError(path, "这是一个目录，不是计划文件 (is a directory)") from None
    except OSError as exc:
        raise PlanFileError(path, f"无法读取 (cannot read): {exc.strerror}") from None
    if len(raw) > MAX_PLAN_BYTES:
        raise PlanFileError(path, f"文件过大（{len(raw) // 2**20} MB），计划文件不超过 {MAX_PLAN_BYTES // 2**20} MB "
                                  f"(too large for a plan file)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PlanFileError(path, _not_utf8(raw), line) from None
    doc = loads(text, path)
    doc.mtime_ns = stat.st_mtime_ns
    doc.digest = _digest(raw)
    doc.bom = raw.startswith(b"\xef\xbb\xbf")
    return doc


_CJK = lazy_compile("[\u4e00-\u9fff]")


def _not_utf8(raw: bytes) -> str:
    """Why a file is not read, and what to do; names GBK when the bytes read as Chinese in it."""
    message = "不是 UTF-8 编码的文本 (not UTF-8 text)"
    try:
        looks_gbk = bool(_CJK.search(raw.decode("gb18030")))
    except UnicodeDecodeError:
        looks_gbk = False
    if looks_gbk:
        message += "：看起来是 GBK/GB18030 编码（记事本、WPS 的“ANSI”） (looks like GBK/GB18030)"
    return message + "；请用 UTF-8 编码另存 (save it as UTF-8)"


_TOML_AT = lazy_compile(r"\(at line (\d+), column (\d+)\)")
_TOML_AT_END = lazy_compile(r"\(at end of document\)")
_TWICE_TABLE = lazy_compile(r"Cannot declare \((.*)\) twice")
_KEY_START = lazy_compile(r"^\s*([A-Za-z0-9_-]+|\"[^\"]*\")\s*[.=]")


def loads(text: str, path: str | os.PathLike | None = None) -> PlanDocument:
    """Parse plan-file text (see ``load``)."""
    if not text or text.isspace():  # tomllib reads it as a plan with nothing in it; `check` would list what is missing
        raise PlanFileError(path, "文件是空的 (empty file)")
    try:
        data = tomllib.loads(text)
    except RecursionError:  # arrays or inline tables nested thousands deep
        raise PlanFileError(path, "TOML 嵌套层数过多，不是计划文件 (nested too deeply)") from None
    except tomllib.TOMLDecodeError as exc:
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
    # The line index is built only when a message needs a line (a load error
    # here, a finding later, via doc.lines): `diff` of two large plans never does.
    plan, given = _Reader(path, _LazyLines(text)).plan(data)
    return PlanDocument(plan=plan, path=Path(path) if path else None, text=text, given_ids=given, _read=data)


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
            data = tomllib.loads("\n".join(lines[number - 1:end]))
        except tomllib.TOMLDecodeError:
            continue
        if data:  # the first key read is the one on this line (dicts keep their order)
            return number, next(iter(data))
    return None


class _LazyLines:
    """A LineIndex made on first use."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._index: LineIndex | None = None

    def __getattr__(self, name: str):
        if self._index is None:
            self._index = LineIndex(self._text)
        return getattr(self._index, name)


# The table names down an outline: section, then its tasks, then their items.
_OUTLINE_KEYS = {"points": ("points", "tasks", "items"), "body": ("body", "tasks", "items")}


class LineIndex:
    """Where each table header and key sits in the file, from one scan.

    Maps a table path such as ("points", 1, "tasks", 0) to its header line, so
    that findings and load errors can name the line without a second parser.
    """

    _HEADER = lazy_compile(r"^\s*\[\[\s*([A-Za-z_.\s]+?)\s*\]\]|^\s*\[\s*([A-Za-z_.]+)\s*\]")
    _KEY = lazy_compile(r"^\s*([A-Za-z_][A-Za-z0-9_-]*)\s*=")

    def __init__(self, text: str) -> None:
        self.headers: dict[tuple, int] = {}
        self.keys: dict[tuple, dict[str, int]] = {(): {}}
        counters: dict[str, int] = {}
        current: tuple = ()
        for number, line in enumerate(text.splitlines(), 1):
            if "[" in line[:4] or line.lstrip().startswith("["):
                m = self._HEADER.match(line)
                if m:
                    current = self._enter(m.group(1) or m.group(2), bool(m.group(1)), counters)
                    self.headers[current] = number
                    self.keys.setdefault(current, {})
                    continue
            k = self._KEY.match(line)
            if k:
                self.keys.setdefault(current, {}).setdefault(k.group(1), number)

    @staticmethod
    def _enter(name: str, is_array: bool, counters: dict[str, int]) -> tuple:
        parts = [p.strip() for p in name.split(".")]
        path: list = []
        for depth, part in enumerate(parts):
            dotted = ".".join(parts[: depth + 1])
            path.append(part)
            if depth == len(parts) - 1:
                if is_array:
                    counters[dotted] = counters.get(dotted, -1) + 1
                    # a new parent element restarts the numbering of its children
                    for other in list(counters):
                        if other.startswith(dotted + "."):
                            del counters[other]
                    path.append(counters[dotted])
            elif dotted in counters:
                path.append(counters[dotted])
        return tuple(path)

    def line_of(self, section: str, indices: tuple[int, ...], key: str | None = None) -> int | None:
        names = _OUTLINE_KEYS.get(section)
        path: tuple = (section,) if names is None else ()
        if names:
            for name, index in zip(names, indices):
                path += (name, index)
        if key is not None:
            line = self.keys.get(path, {}).get(key)
            if line:
                return line
        return self.headers.get(path)


# Which keys each table may hold, in the order a save writes them, and what type each must be.
_STR, _INT, _LIST, _DATE = "文本 (string)", "整数 (integer)", "文本列表 (list of strings)", "日期 (date)"
_WORDING = "行内表 (inline table) { text = …, lead = […], support = […] }"
_META_TYPES = {
    "title": _STR, "style": _STR, "year": _INT, "end_year": _INT, "issuer": _STR,
    "doc_number": _STR, "date": _DATE, "recipients": _LIST, "letter": _STR, "publicity": _STR,
    "cc": _LIST, "printer": _STR, "print_date": _DATE, "preamble": _STR, "closing": _STR,
    "masthead": _STR, "fonts": _STR,
}
# Keys whose text must be one of a few words.
_META_CHOICES = {"masthead": MASTHEADS, "fonts": FONT_PROFILES}
_UNIT_TYPES = {"name": _STR, "aliases": _LIST, "kind": _STR}
_ITEM_TYPES = {"id": _STR, "text": _STR, "lead": _LIST, "support": _LIST, "deadline": _STR, "wording": _WORDING}
_TASK_TYPES = {"id": _STR, "title": _STR, "text": _STR, "lead": _LIST, "support": _LIST, "deadline": _STR,
               "wording": _WORDING}
# The keys of a wording (the attribution as printed) and their types; text is required.
_WORDING_TYPES = {"text": _STR, "lead": _LIST, "support": _LIST, "deadline": _STR, "at": _INT}
_POINT_TYPES = {"id": _STR, "title": _STR, "text": _STR}
_ATTACHMENT_TYPES = {"title": _STR, "text": _STR}
_TOP_KEYS = ("schema", "plan", "units", "points", "body", "attachments")


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
        value = data.get(key, [])
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
            if key == children:
                continue
            kind = types.get(key)
            if kind is None:
                allowed = ", ".join([*types, *([children] if children else [])])
                self.fail(where, key, f"[{name}] 中有未知的键 (unknown key) “{key}”；可用的键：{allowed}")
            out[key] = self.value(value, kind, where, key, name)
        return out

    def value(self, value: Any, kind: str, where: tuple, key: str, name: str) -> Any:
        if kind == _WORDING:
            return self.wording(value, where, key, name)
        ok = {
            _STR: isinstance(value, str),
            _INT: isinstance(value, int) and not isinstance(value, bool),
            _LIST: isinstance(value, list) and all(isinstance(v, str) for v in value),
            _DATE: isinstance(value, (dt.date, str)) and not isinstance(value, dt.datetime),
        }[kind]
        if not ok:
            self.fail(where, key, f"[{name}] 的 “{key}” 应为{kind}，实为 {_describe(value)}")
        if kind == _DATE and isinstance(value, dt.date):
            return value.isoformat()
        return list(value) if kind == _LIST else value

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


# ---------------------------------------------------------------------------
# Saving


def dumps(doc: PlanDocument) -> str:
    """The text a save would write."""
    if _unedited(doc):
        return doc.text
    if not doc.text and doc._toml is None:  # a new file (import, new): nothing to keep, no tomlkit
        return fresh_text(doc)
    _load_tomlkit()
    toml = _toml_of(doc)
    _sync(toml, doc)
    text = tomlkit.dumps(toml)
    if "\r\n" in doc.text and doc.text.count("\n") == doc.text.count("\r\n"):
        # a file from a Windows editor keeps CRLF, new lines included
        text = _LONE_LF.sub("\r\n", text)
    return text


_LONE_LF = lazy_compile(r"(?<!\r)\n")


# ---------------------------------------------------------------------------
# A new file, written directly as text
#
# A plan that has no file yet has no formatting or comments of a person to keep,
# so it is written here without tomlkit (importing and running tomlkit cost most
# of an import's time). The layout is the one tomlkit gives a fresh document —
# the same keys in the same order, a key left out at its default unless the
# table always shows it, long text as a """ block, notes as comments after a
# table's keys — so that a later edit through tomlkit changes only its own lines.


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
        for point in getattr(plan, section):
            out.append(f"\n[[{section}]]\n")
            out += _keys(point, _POINT_TYPES, ("id", "title"))
            out += _comments(doc.notes.get(point.id))
            for task in point.tasks:
                out.append(f"\n[[{section}.tasks]]\n")
                out += _keys(task, _TASK_TYPES, ("id", "title"))
                out += _comments(doc.notes.get(task.id))
                for item in task.items:
                    out.append(f"\n[[{section}.tasks.items]]\n")
                    out += _keys(item, _ITEM_TYPES, ("id", "text"))
                    out += _comments(doc.notes.get(item.id))
    for attachment in plan.attachments:
        out.append("\n[[attachments]]\n")
        out += _keys(attachment, _ATTACHMENT_TYPES, ("title", "text"))
    return "".join(out)


def start_afresh(doc: PlanDocument) -> bool:
    """Let *doc* (read from a template) be saved as a new file, written directly, when every
    comment of its text stands above its first key: those lines open the new file. A text
    with comments among its tables keeps them through tomlkit instead. Returns whether it did."""
    lines = doc.text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")), len(lines))
    if any(line.lstrip().startswith("#") for line in lines[first:]):
        return False
    doc.preface = "\n".join(line.rstrip() for line in lines[:first] if line.strip())
    doc.text, doc._read, doc._toml, doc._lines = "", None, None, None
    doc.given_ids.clear()
    return True


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
    if name in ("date", "print_date") and value:
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


def _unedited(doc: PlanDocument) -> bool:
    """True when a save would give back ``doc.text`` unchanged: nothing to add to it
    (no ids given at load, no notes) and the model equal to the one the text reads as.

    The model is rebuilt from the tomllib data kept at load (~20 ms for 1,000
    tasks) and compared field by field: far cheaper than tomlkit's parse of
    the text (~1.3 s), and load pays nothing for it.
    """
    if doc._read is None or doc.given_ids or doc.notes or not doc.text:
        return False
    read, _ = _Reader(doc.path, _LazyLines(doc.text)).plan(doc._read)
    return read == doc.plan


def save(doc: PlanDocument, path: str | os.PathLike | None = None) -> Path:
    """Write the plan atomically; returns the path written."""
    target = Path(path) if path is not None else doc.path
    if target is None:
        raise PlanFileError(None, "没有给出保存路径 (no path to save to)")
    text = dumps(doc)
    data = ("\ufeff" + text if doc.bom else text).encode("utf-8")
    atomic_write(target, data)
    if text != doc.text:
        doc._read = None  # read from the old text: the model is now compared with what tomlkit holds
    doc.path, doc.text, doc._lines = target, text, None
    doc.given_ids.clear()
    doc.notes.clear()
    doc.mtime_ns = target.stat().st_mtime_ns
    doc.digest = _digest(data)
    return target


class OutputRefused(Exception):
    """An output path that must not be written: an input, a folder, a missing folder."""


class OutputExists(OutputRefused):
    """The output file exists: it is replaced only when the user says so."""


def check_output_path(path: Path, *inputs: Path | None, replace: bool = False) -> None:
    """The one rule for a file about to be written (CLI and editor alike): never one of
    the inputs (the open plan, last year's plan), not even asked to replace; never a
    folder or in a folder that is missing; an existing file only when ``replace``.
    Compared through symlinks, so a link to the plan is the plan."""
    try:
        for source in inputs:
            if source is not None and _same_file(path, source):
                raise OutputRefused(f"{path}: 输出文件就是输入文件，不能覆盖；请另起文件名 (output would overwrite an input)")
        parent = path.parent if str(path.parent) else Path(".")
        if not parent.is_dir():
            raise OutputRefused(f"{path}: 目录 {parent} 不存在 (no such directory)")
        if path.is_dir():
            raise OutputRefused(f"{path}: 是一个目录，请给出文件名 (is a directory)")
        real_target(path)  # a symlink loop is refused here, before any work
        if path.exists() and not replace:
            raise OutputExists(f"{path}: 文件已存在 (exists)")
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise OutputRefused(f"{path}: 符号链接成环 (symlink loop)") from None
        raise OutputRefused(f"{path}: 无法使用 (cannot use): {exc.strerror or exc}") from None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet): compare the names they resolve to
        return os.path.realpath(a) == os.path.realpath(b)


TMP_SUFFIX = ".tmp"


def atomic_write(target: str | os.PathLike, data: bytes, mode: int | None = None) -> None:
    """Write beside, flush, fsync, rename: the target is either old or new, never half.

    A symlink is written through (the real file gets the data, the link stays a
    link). ``mode`` is the file's mode when given; else an existing file keeps
    its own and a new one gets what the umask allows. The temporary file is named ``.NAME.PID.xxxx.tmp`` and removed on
    any exception, a signal included; one left by a killed process of ours
    (its pid no longer running) is removed on the next write beside it.
    """
    target = real_target(Path(target))
    directory = target.parent if str(target.parent) else Path(".")
    remove_stale_temps(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=TMP_SUFFIX, dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        else:
            try:
                os.chmod(tmp, target.stat().st_mode & 0o777)
            except FileNotFoundError:
                os.chmod(tmp, 0o666 & ~current_umask())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def real_target(path: Path) -> Path:
    """The file a write to ``path`` must replace: a symlink's target (followed to the end),
    so that the link stays; a loop is an OSError (ELOOP) naming the path."""
    if not path.is_symlink():
        return path
    try:
        return Path(os.path.realpath(path, strict=True))
    except FileNotFoundError:
        return Path(os.path.realpath(path))  # a dangling link: write the file it names
    except OSError as exc:
        raise OSError(errno.ELOOP, "符号链接成环 (symlink loop)", str(path)) from exc


def current_umask() -> int:
    """The process's umask, read without changing it where the system allows (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    old = os.umask(0o022)
    os.umask(old)
    return old


_TEMP_NAME = lazy_compile(r"\.(?P<name>.+)\.(?P<pid>\d+)\.[A-Za-z0-9_]+\.tmp$")


def remove_stale_temps(target: Path) -> list[Path]:
    """Remove ``.NAME.PID.xxxx.tmp`` files beside ``target`` that a process of ours left
    when it was killed (its pid is no longer running); returns what was removed."""
    directory = target.parent if str(target.parent) else Path(".")
    removed = []
    try:
        candidates = list(directory.glob(f".{glob_escape(target.name)}.*{TMP_SUFFIX}"))
    except OSError:
        return removed
    for tmp in candidates:
        match = _TEMP_NAME.match(tmp.name)
        if match is None or match["name"] != target.name or pid_alive(int(match["pid"])):
            continue
        try:
            tmp.unlink()
            removed.append(tmp)
        except OSError:
            pass
    return removed


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine (ours or another user's)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _toml_of(doc: PlanDocument) -> tomlkit.TOMLDocument:
    if doc._toml is None:
        doc._toml = tomlkit.parse(doc.text) if doc.text else tomlkit.document()
        _stamp_given_ids(doc._toml, doc.given_ids)
    return doc._toml


def _stamp_given_ids(toml: tomlkit.TOMLDocument, given: dict[tuple, str]) -> None:
    """Write the ids that loading gave into the tables they belong to (first key)."""
    for path, node_id in given.items():
        table: Any = toml
        for step in path:
            table = table[step]
        if "id" not in table:
            table.value._insert_at(0, "id", node_id)
            # indent it like the keys below it (tables written indented stay so)
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
    if "schema" not in toml:
        if len(toml.body):
            toml._insert_at(0, "schema", SCHEMA)
        else:
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
                was_block = isinstance(old, String) and old.type in (StringType.MLB, StringType.MLL)
                table[name] = _multiline(value) if was_block and isinstance(value, str) else _item(name, value)
        elif (fresh and name in always) or value not in ("", 0, [], None):
            _add_key(table, name, _item(name, value))


def wording_dict(wording: Wording) -> dict:
    """A wording's keys as the file writes them: text first, then what is not at its default."""
    out: dict[str, Any] = {"text": wording.text}
    for name in ("lead", "support", "deadline"):
        if getattr(wording, name):
            out[name] = list(getattr(wording, name)) if name != "deadline" else wording.deadline
    if wording.at >= 0:
        out["at"] = wording.at
    return out


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
    """Add a key after the table's last key, before the blank lines and comments that
    close it (those belong to the next table)."""
    body = table.value.body
    last = next((key for key, value in reversed(body)
                 if key is not None and not isinstance(value, (Table, AoT))), None)
    if last is None:
        table.add(name, item)
        return
    table.value._insert_after(last, name, item)
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
    if name in ("date", "print_date") and isinstance(value, str) and value:
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
    # tomlkit doubles a leading newline to protect it; escaping behind a stand-in
    # character avoids that, since the newline added here does the same job
    escaped = tomlkit.string("x" + value, multiline=True)._original[1:]
    return String(StringType.MLB, value, "\n" + escaped, Trivia())


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


# Tables matched by a name of their own rather than an id (they are not outline nodes).
_KEYED_BY_NAME = {"units": "name", "attachments": "title"}


# ---------------------------------------------------------------------------
# Plain data (JSON export): the same keys as the TOML file


def plan_to_dict(plan: Plan) -> dict:
    """The plan as plain data with the plan file's keys (``schema``, ``plan``, ``units``, ``points``…)."""
    meta = {name: getattr(plan.meta, name) for name in field_names(Meta)}
    out: dict[str, Any] = {"schema": SCHEMA, "plan": meta,
                           "units": [{"name": u.name, "aliases": list(u.aliases), "kind": u.kind} for u in plan.units],
                           "points": [_point_dict(p) for p in plan.points]}
    if plan.body:
        out["body"] = [_point_dict(p) for p in plan.body]
    if plan.attachments:
        out["attachments"] = [{"title": a.title, "text": a.text} for a in plan.attachments]
    return out


def _point_dict(point: Point) -> dict:
    return {"id": point.id, "title": point.title, "text": point.text,
            "tasks": [{"id": t.id, "title": t.title, "text": t.text, "lead": list(t.lead),
                       "support": list(t.support), "deadline": t.deadline, **_wording_entry(t),
                       "items": [{"id": i.id, "text": i.text, "lead": list(i.lead),
                                  "support": list(i.support), "deadline": i.deadline, **_wording_entry(i)}
                                 for i in t.items]}
                      for t in point.tasks]}


def _wording_entry(node: Task | Item) -> dict:
    return {"wording": wording_dict(node.wording)} if node.wording is not None else {}
