"""Plan files: TOML ⇄ model.

Reading is fast (``tomllib``, and a line index built by one scan of the text).
A file opened and saved with no edit stays byte-identical, an edit touches only
its own lines, and comments a person wrote survive: field edits are patched
into the text where the line index says their keys are, and checked by reading
the touched tables back (``plan.patch``); with the plan as last saved at hand
(``PlanDocument.base``, which the editor keeps) only the nodes that differ are
looked at, and nodes added or deleted are patched in too. tomlkit is parsed only
for what a patch cannot do (nodes moved, comments to write).

    doc = store.load("plan.toml")      # PlanDocument; doc.plan is the model
    doc.plan.points[0].title = "…"
    store.save(doc)                    # atomic: write beside, fsync, rename

The parts live in their own modules (schema, lineindex, reader, patch, tomltext,
tomlsync, files); this one holds the document and the public calls, and names
what callers import from it.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planwright.plan.files import (
    TMP_SUFFIX, OutputExists, OutputRefused, atomic_write, check_output_path, current_umask, glob_escape,
    pid_alive, real_target, remove_stale_temps,
)
from planwright.plan.lineindex import LineIndex, _LazyLines
from planwright.plan.model import SCHEMA, Item, Meta, Plan, Point, Task, field_names
from planwright.plan.reader import _Reader, read_toml
from planwright.plan.schema import SCHEMA_PREFIX, SCHEMA_VERSION, PlanFileError, wording_dict
from planwright.plan.tomlsync import tomlkit_text
from planwright.plan.tomltext import fresh_text
from planwright.zh.lazyre import lazy_compile

if TYPE_CHECKING:  # a new file (import, new) is written without the patch machinery
    from planwright.plan.patch import Patched

# What callers import from the store (the parts live in the modules above).
__all__ = [
    "MAX_PLAN_BYTES", "SCHEMA", "SCHEMA_PREFIX", "SCHEMA_VERSION", "TMP_SUFFIX", "LineIndex", "OutputExists",
    "OutputRefused", "PlanDocument", "PlanFileError", "atomic_write", "check_output_path", "current_umask",
    "dumps", "fresh_text", "glob_escape", "load", "loads", "new_document", "pid_alive", "plan_to_dict",
    "real_target", "remove_stale_temps", "save", "start_afresh", "wording_dict",
]


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
    bom: bool = False  # the file began with a UTF-8 byte-order mark; saving keeps it
    # ids given at load to nodes that had none, by their position in the file
    given_ids: dict[tuple, str] = field(default_factory=dict)
    notes: dict[str | None, list[str]] = field(default_factory=dict)
    preface: str = ""  # comment lines to open a new file with (a template's explanation)
    # A plan equal to what ``text`` reads as, when the caller keeps one (the editor keeps
    # the plan as last saved): a save then compares ``plan`` with it, node by node, and
    # patches only the tables that differ, instead of comparing every table with the
    # file's data. It must never be ``plan`` itself, nor change while a save runs; a
    # save leaves it None (the caller gives the next one).
    base: Plan | None = field(default=None, repr=False)
    # True after a save whose text was checked to read as ``plan`` (a patch): a copy of
    # ``plan`` taken then may be the next save's ``base``
    saved_as_read: bool = False
    # What tomllib read from ``text`` (kept from load, not copied: it costs
    # nothing there); the model it gives is compared with ``plan`` at save time.
    _read: dict | None = field(default=None, repr=False)
    _lines: "LineIndex | None" = field(default=None, repr=False)
    # the bytes as last read or written, until their digest is first asked for (see ``digest``)
    _unhashed: bytes | None = field(default=None, repr=False, compare=False)
    _digest: str | None = field(default=None, repr=False)

    @property
    def digest(self) -> str | None:
        """sha256 of the bytes as last read or written: an outside edit that keeps the
        modification time (cp -p, rsync -t) changes the content, not the time. Computed
        when first asked for: a command that reads or writes a plan once and ends never
        asks, and need not load hashlib (OpenSSL) for it."""
        if self._unhashed is not None:
            self._digest, self._unhashed = _digest(self._unhashed), None
        return self._digest

    @digest.setter
    def digest(self, value: str | None) -> None:
        self._digest, self._unhashed = value, None

    def _remember_bytes(self, data: bytes) -> None:
        self._digest, self._unhashed = None, data

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
    import hashlib

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
    doc._remember_bytes(raw)
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



def loads(text: str, path: str | os.PathLike | None = None) -> PlanDocument:
    """Parse plan-file text (see ``load``)."""
    data = read_toml(text, path)
    # The line index is built only when a message needs a line (a load error
    # here, a finding later, via doc.lines): `diff` of two large plans never does.
    plan, given = _Reader(path, _LazyLines(text)).plan(data)
    return PlanDocument(plan=plan, path=Path(path) if path else None, text=text, given_ids=given, _read=data)


# ---------------------------------------------------------------------------
# Saving


def dumps(doc: PlanDocument) -> str:
    """The text a save would write."""
    return _render(doc)[0]


def _render(doc: PlanDocument) -> tuple[str, Patched | None]:
    """The text a save would write, and the patch it came from (None: written otherwise).

    Field edits are patched into the text (``plan.patch``); tomlkit finishes
    what a patch does not do (tables added, deleted or moved, notes) on the
    patched text, or does it all when the text cannot be patched.
    """
    if not doc.text:  # a new file (import, new): nothing to keep, no tomlkit
        return fresh_text(doc), None
    from planwright.plan.patch import patch

    patched = patch(doc)  # reads the text's data (doc._read) only when it must compare every table
    if patched is not None and patched.whole:
        return patched.text, patched
    if patched is None and _unedited(doc):
        return doc.text, None
    return tomlkit_text(doc, patched.text if patched else doc.text, stamped=patched is not None), None


def start_afresh(doc: PlanDocument) -> bool:
    """Let *doc* (read from a template) be saved as a new file, written directly, when every
    comment of its text stands above its first key: those lines open the new file. A text
    with comments among its tables keeps them through tomlkit instead. Returns whether it did."""
    lines = doc.text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")), len(lines))
    if any(line.lstrip().startswith("#") for line in lines[first:]):
        return False
    doc.preface = "\n".join(line.rstrip() for line in lines[:first] if line.strip())
    doc.text, doc._read, doc._lines = "", None, None
    doc.given_ids.clear()
    return True



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
    text, patched = _render(doc)
    data = ("\ufeff" + text if doc.bom else text).encode("utf-8")
    atomic_write(target, data)
    if text != doc.text:
        if patched is not None and not patched.reshaped and doc._read is not None and "schema" in doc._read:
            for table, read in patched.updates:  # the data now reads as the patched text does
                table.clear()
                table.update(read)
        else:
            doc._read = None  # read again from the new text by the next save that needs it
    # a patch brings the line index along (only its tables scanned again); else built when needed
    doc.path, doc.text, doc._lines = target, text, patched.lines if patched is not None else None
    doc.base, doc.saved_as_read = None, patched is not None
    doc.given_ids.clear()
    doc.notes.clear()
    doc.mtime_ns = target.stat().st_mtime_ns
    doc._remember_bytes(data)
    return target


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
