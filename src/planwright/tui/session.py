"""The editor's state without the screen: the open document, undo, dirty flag, recovery.

Kept free of Textual so that the save flow and the recovery file can be tested
(and reasoned about) on their own; the app only asks this object to do things
and redraws what it reports changed.
"""

from __future__ import annotations

import dataclasses
import os
import re
import stat
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import planwright
from planwright.plan import editing
from planwright.plan import store
from planwright.api import Finding
from planwright.plan.model import Plan
from planwright.plan.patch import patch as patch_text
from planwright.tui import lock
from planwright.tui.recovery import plan_text
from planwright.zh.clean import clean_in_place, toml_may_hold_controls

if TYPE_CHECKING:
    from planwright.host import Host

_CONTROLS = re.compile(r"[\x00-\x1f\x7f]")
RECOVERY_HEADER = "# planwright 恢复文件：编辑器在未保存时自动写下的内容。"

# Every tomlkit dump or save in this process goes through one lock: store's
# table pool is module state, and the recovery writer runs in a thread.
STORE_LOCK = threading.Lock()


class ChangedOnDisk(Exception):
    """The file was changed by someone else since it was opened; the user must choose."""


class ReadOnly(Exception):
    """The plan is open in another editor and this one only looks at it."""


def recovery_path(path: Path, pid: int | None = None) -> Path:
    """``plan.toml`` → ``.plan.toml.recover`` beside it (hidden, same folder, same disk):
    the recovery file of the editor holding the plan's lock. A second editor on the
    same plan writes its own, ``.plan.toml.PID.recover``, so neither destroys the other's."""
    return path.with_name(f".{path.name}.recover" if pid is None else f".{path.name}.{pid}.recover")


def _recovery_pid(path: Path, recovery: Path) -> int | None:
    """The pid in a second editor's recovery file name (None for the lock holder's)."""
    middle = recovery.name[len(f".{path.name}."):-len(".recover")]
    return int(middle) if middle.isdigit() else None


@dataclass
class SaveJob:
    """One save: a copy of the plan as it was when the user asked, and the edit count then."""

    version: int
    plan: Plan = field(repr=False)
    # the plan as the file reads now (see PlanDocument.base), or None: the save compares the whole plan
    base: Plan | None = field(default=None, repr=False)
    serial: int = 0  # the undo history's position then (History.serial)


@dataclass
class Recovery:
    """A recovery file found at open: what it holds and when it was written."""

    path: Path
    plan: Plan
    written: float


class Session:
    """One open plan file and everything the editor knows about it."""

    def __init__(self, doc: store.PlanDocument, host: "Host") -> None:
        # text with terminal escapes (ESC [2J, OSC titles) would reach the screen through
        # the widgets: the editor holds, shows and saves the plan without them (a file
        # whose text cannot hold any is not walked: that walk is 0.1 s of a big plan's start)
        cleaned = (not doc.text or toml_may_hold_controls(doc.text)) and clean_in_place(doc.plan)
        self.doc = doc
        self.host = host
        self.history = editing.History()
        self.dirty = False
        self.version = 0  # bumped on every change: debounced work compares it
        self.selected: str | None = None
        self.findings: list[Finding] = []
        self.closed = False
        # The plan as on disk, taken just before the first edit after an open or a
        # save (not at open: that would cost a copy of every plan opened); undoing
        # back to it means "no unsaved changes".
        self._saved: Plan | None = None
        # The plan the file's text reads as (PlanDocument.base), or None: unknown. A save or a
        # recovery write patches only what differs from it. It changes with doc.text, under
        # STORE_LOCK: the copy above while the text is the one opened (and nothing was
        # cleaned out of the plan), then each save's copy when its text was checked.
        self._base: Plan | None = None
        self._opened_text = not cleaned
        self._saved_serial = 0  # the undo history's position of the state on disk
        # another editor that has this plan open (its lock is live), else None
        self.elsewhere: lock.Holder | None = lock.take(self.path) if doc.path is not None else None
        self.read_only = False  # the user chose to look only: saving is refused

    @classmethod
    def open(cls, path: Path, host: "Host") -> "Session":
        return cls(planwright.load(path), host)

    def release(self) -> None:
        """The editor is done with the file: its lock goes (never another editor's)."""
        lock.release(self.path)

    @property
    def plan(self) -> Plan:
        return self.doc.plan

    @property
    def path(self) -> Path:
        assert self.doc.path is not None
        return self.doc.path

    # -- editing -----------------------------------------------------------
    def apply(self, label: str, op: Callable[..., Any], *args: Any) -> Any:
        """Run one edit from ``editing`` as one undo step (what it changed, not a copy of the plan).

        An EditError leaves both the plan and the history as they were.
        """
        self._keep_saved_state()
        result = self.history.apply(self.plan, label, self.selected, op, *args)
        self.touch()
        return result

    def set_field(self, node_id: str, name: str, value: str | list[str]) -> bool:
        """Typing into a form field; a burst in one field is one undo step."""
        node = editing.place_of(self.plan, node_id).node
        if name not in editing.EDITABLE[type(node)] or getattr(node, name) == value:
            return False
        self._keep_saved_state()
        self.history.record_field(self.plan, node_id, name, f"编辑{_FIELD_WORDS.get(name, name)}", self.selected)
        editing.set_field(self.plan, node_id, name, value)
        self.touch()
        return True

    def set_meta(self, name: str, value: Any) -> bool:
        """Edit a field of the [plan] table (title, year, issuer …)."""
        if getattr(self.plan.meta, name) == value:
            return False
        self._keep_saved_state()
        self.history.record_field(self.plan, None, name, "编辑计划信息", self.selected)
        setattr(self.plan.meta, name, value)
        self.touch()
        return True

    def _keep_saved_state(self) -> None:
        """Before the first edit since the file was read: remember what it holds."""
        if not self.dirty and self._saved is None:
            self._saved = editing.copy_plan(self.plan)
            self._base_is_saved()

    def remember_saved(self, copy: Plan | None = None) -> None:
        """Take the copy of the plan as on disk now (the editor calls this after its first
        frame); ``copy``: one already taken, with no edit since (kept, never changed)."""
        if copy is not None and not self.dirty and self._saved is None:
            self._saved = copy
            self._base_is_saved()
        self._keep_saved_state()

    def _base_is_saved(self) -> None:
        """The copy of the plan as opened is what the text reads as, unless escapes were
        cleaned out of the plan (or a save came first: it gave the base)."""
        with STORE_LOCK:
            if self._opened_text:
                self._base = self._saved

    def undo(self) -> editing.Step | None:
        return self._step(self.history.undo)

    def redo(self) -> editing.Step | None:
        return self._step(self.history.redo)

    def _step(self, move: Callable[[Plan, str | None], editing.Step | None]) -> editing.Step | None:
        """Undo or redo one step; back at the saved state there are no unsaved changes."""
        snap = move(self.plan, self.selected)
        if snap is not None:
            self.touch()
            # the history's position says it, without comparing a plan-sized copy
            self.dirty = self.history.serial != self._saved_serial
        return snap

    def touch(self) -> None:
        self.dirty = True
        self.version += 1

    # -- checking ------------------------------------------------------------
    def check(self) -> list[Finding]:
        """Run the validators of the plan's style, as ``planwright check`` does."""
        self.findings = planwright.check(self.doc, host=self.host)
        return self.findings

    # -- saving ----------------------------------------------------------------
    def save(self, force: bool = False) -> Path:
        """Save through the store, from the calling thread; refuses (ChangedOnDisk) when
        someone else wrote the file, (ReadOnly) when the user chose to only look at a plan
        open in another editor."""
        job = self.begin_save()
        written = self.write_save(job, force=force)
        self.finish_save(job)
        return written

    def begin_save(self) -> SaveJob:
        """On the UI thread: what the save will write (a copy of the plan now, and the edit
        count it stands for), so that editing goes on while a thread writes it."""
        if self.read_only:
            raise ReadOnly(str(self.path))
        self.history.break_coalescing()  # typing from now on is a step of its own: it is not saved
        return SaveJob(self.version, editing.copy_plan(self.plan), self._base,
                       serial=self.history.serial)

    def write_save(self, job: SaveJob, force: bool = False) -> Path:
        """Write ``job`` (from any thread): the changed-on-disk check, the store's save of the
        copy, and the document taking over what was written. A failure leaves the document
        as it was."""
        if not force and self.doc.changed_on_disk():
            raise ChangedOnDisk(str(self.path))
        with STORE_LOCK:
            doc = self.doc
            copy = dataclasses.replace(doc, plan=job.plan, base=job.base, given_ids=dict(doc.given_ids),
                                       notes={k: list(v) for k, v in doc.notes.items()})
            written = planwright.save(copy)
            # the open document now stands for the file as written (ids given at load and
            # notes went into it: the editor adds neither)
            doc.path, doc.text, doc._read, doc._lines = copy.path, copy.text, copy._read, copy._lines
            doc.mtime_ns, doc.digest = copy.mtime_ns, copy.digest
            # what the file now reads as, when the save checked it (else every table is compared next time)
            self._base, self._opened_text = (job.plan if copy.saved_as_read else None), False
            doc.given_ids.clear()
            doc.notes.clear()
        return written

    def finish_save(self, job: SaveJob) -> None:
        """On the UI thread, after ``write_save``: what was written is the saved state; edits
        made while it was written stay unsaved (and undoing them comes back to it)."""
        self._saved = job.plan  # what the file now holds
        self._saved_serial = job.serial
        with STORE_LOCK:
            self.dirty = self.version != job.version and self.plan != job.plan
            if not self.dirty:
                self._discard_recovery_locked()

    def save_as_copy(self, path: Path) -> Path:
        """Write the plan to another file; the open file and its state stay as they are."""
        with STORE_LOCK:
            text = store.dumps(self.doc)
            store.atomic_write(path, text.encode("utf-8"))
        return path

    def reload(self) -> None:
        """Throw away the edits and read the file again (after a change on disk)."""
        fresh = planwright.load(self.path)
        saved = editing.copy_plan(fresh.plan)
        with STORE_LOCK:
            self.doc = fresh
            self.dirty = False
            self._discard_recovery_locked()
            self._base, self._opened_text = saved, False
        self.history = editing.History()
        self._saved = saved
        self._saved_serial = 0
        self.version += 1

    def close(self) -> None:
        """The editor is going away without saving: no recovery file may appear after this."""
        with STORE_LOCK:
            self.closed = True
            self._discard_recovery_locked()
        self.release()

    # -- recovery file -----------------------------------------------------------
    @property
    def recovery_file(self) -> Path:
        """This editor's own recovery file (per editor: see ``recovery_path``)."""
        return recovery_path(self.path, os.getpid() if self.elsewhere is not None else None)

    def _plan_mode(self) -> int | None:
        try:
            return stat.S_IMODE(self.path.stat().st_mode)
        except OSError:
            return None

    def write_recovery_of(self, plan: Plan) -> bool:
        """Write ``plan`` (a copy, safe to use from a thread) as the recovery file.

        Written with ``recovery.plan_text`` (fast), moved into place under the store
        lock and only while there are unsaved edits: a write that finishes after a
        save or a discard must not leave a stale file behind.
        """
        stamp = time.strftime("%Y-%m-%d %H:%M:%S")
        name = _CONTROLS.sub(" ", self.path.name)  # a comment is one line
        text = self._recovery_text(plan, f"{RECOVERY_HEADER}\n# 原文件：{name}；写于 {stamp}\n")
        with STORE_LOCK:
            if self.closed or not self.dirty:
                return False
            # the plan's own mode: a 0600 plan's unsaved text is no more readable than the plan
            store.atomic_write(self.recovery_file, text.encode("utf-8"), mode=self._plan_mode())
        return True

    def _recovery_text(self, plan: Plan, header: str) -> str:
        """The recovery file's text: the plan file's own text with the unsaved field edits
        patched in (the cost of the edits; the file's comments kept), or, after adding,
        deleting or moving nodes, the plan written anew (``plan_text``)."""
        with STORE_LOCK:
            doc = self.doc
            if self._base is not None and doc.text and not doc.given_ids and not doc.notes:
                copy = dataclasses.replace(doc, plan=plan, base=self._base)
                patched = patch_text(copy, compare_all=False)
                if doc._lines is None:
                    doc._lines = copy._lines  # the line index it read serves the next save
                if patched is not None and patched.whole:
                    return header + patched.text
        return plan_text(plan, header)

    def write_recovery(self) -> bool:
        """Write the recovery file now, from the calling thread."""
        return self.write_recovery_of(editing.copy_plan(self.plan))

    def discard_recovery(self) -> None:
        with STORE_LOCK:
            self._discard_recovery_locked()

    def _discard_recovery_locked(self) -> None:
        try:
            self.recovery_file.unlink()
        except FileNotFoundError:
            pass

    def pending_recovery(self) -> Recovery | None:
        """A recovery file left by an editor that did not save (crash, kill, power cut):
        the lock holder's (unless that editor is still running), then any second
        editor's whose process is gone, newest first."""
        for path in self._left_recovery_files():
            try:
                plan = planwright.load(path).plan
            except store.PlanFileError:
                continue  # half a file cannot be offered; it is left for a person to read
            if plan == self.plan:
                _unlink(path)  # nothing in it that the file does not already hold
                continue
            return Recovery(path, plan, path.stat().st_mtime)
        return None

    def _left_recovery_files(self) -> list[Path]:
        found = [] if self.elsewhere is not None else [recovery_path(self.path)]
        pattern = f".{store.glob_escape(self.path.name)}.*.recover"
        try:
            others = sorted(self.path.parent.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
        except OSError:
            others = []
        for path in others:
            pid = _recovery_pid(self.path, path)
            if pid is not None and pid != os.getpid() and not store.pid_alive(pid):
                found.append(path)
        return [path for path in found if path.exists()]

    def apply_recovery(self, recovery: Recovery) -> None:
        """Take the recovered content into the open document (comments of the file stay)."""

        self.apply("恢复未保存的内容", editing.take_content, recovery.plan)
        if recovery.path != self.recovery_file:
            _unlink(recovery.path)  # taken in: from now on this editor's own file keeps it

    def drop_recovery(self, recovery: Recovery) -> None:
        """The user threw away a recovery file that was offered."""
        _unlink(recovery.path)


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


_FIELD_WORDS = {"title": "标题", "text": "正文", "lead": "牵头单位", "support": "配合单位", "deadline": "时限"}
