"""The editor's state without the screen: the open document, undo, dirty flag, recovery.

Kept free of Textual so that the save flow and the recovery file can be tested
(and reasoned about) on their own; the app only asks this object to do things
and redraws what it reports changed.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import planwright
from planwright.plan import editing
from planwright.plan import store
from planwright.api import Finding
from planwright.plan.model import Plan
from planwright.tui.recovery import plan_text

if TYPE_CHECKING:
    from planwright.host import Host

RECOVERY_HEADER = "# planwright 恢复文件：编辑器在未保存时自动写下的内容。"

# Every tomlkit dump or save in this process goes through one lock: store's
# table pool is module state, and the recovery writer runs in a thread.
STORE_LOCK = threading.Lock()


class ChangedOnDisk(Exception):
    """The file was changed by someone else since it was opened; the user must choose."""


def recovery_path(path: Path) -> Path:
    """``plan.toml`` → ``.plan.toml.recover`` beside it (hidden, same folder, same disk)."""
    return path.with_name(f".{path.name}.recover")


@dataclass
class Recovery:
    """A recovery file found at open: what it holds and when it was written."""

    path: Path
    plan: Plan
    written: float


class Session:
    """One open plan file and everything the editor knows about it."""

    def __init__(self, doc: store.PlanDocument, host: "Host") -> None:
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

    @classmethod
    def open(cls, path: Path, host: "Host") -> "Session":
        return cls(planwright.load(path), host)

    @property
    def plan(self) -> Plan:
        return self.doc.plan

    @property
    def path(self) -> Path:
        assert self.doc.path is not None
        return self.doc.path

    # -- editing -----------------------------------------------------------
    def apply(self, label: str, op: Callable[..., Any], *args: Any) -> Any:
        """Run one edit from ``editing`` with an undo step (a snapshot) before it.

        An EditError leaves both the plan and the history as they were.
        """
        self._keep_saved_state()
        before = editing.snapshot(self.plan, self.selected, label)
        result = op(self.plan, *args)
        self.history.push(before)
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

    def remember_saved(self) -> None:
        """Take the copy of the plan as on disk now (the editor calls this after its first frame)."""
        self._keep_saved_state()

    def undo(self) -> editing.Step | None:
        return self._step(self.history.undo)

    def redo(self) -> editing.Step | None:
        return self._step(self.history.redo)

    def _step(self, move: Callable[[Plan, str | None], editing.Step | None]) -> editing.Step | None:
        """Undo or redo one step; back at the saved state there are no unsaved changes."""
        snap = move(self.plan, self.selected)
        if snap is not None:
            self.touch()
            self.dirty = self._saved is None or self.plan != self._saved
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
        """Save through the store; refuses (ChangedOnDisk) when someone else wrote the file."""
        if not force and self.doc.changed_on_disk():
            raise ChangedOnDisk(str(self.path))
        with STORE_LOCK:
            written = planwright.save(self.doc)
            self.dirty = False
            self._discard_recovery_locked()
        self.history.break_coalescing()
        self._saved = editing.copy_plan(self.plan)
        return written

    def save_as_copy(self, path: Path) -> Path:
        """Write the plan to another file; the open file and its state stay as they are."""
        with STORE_LOCK:
            text = store.dumps(self.doc)
            store.atomic_write(path, text.encode("utf-8"))
        return path

    def reload(self) -> None:
        """Throw away the edits and read the file again (after a change on disk)."""
        fresh = planwright.load(self.path)
        with STORE_LOCK:
            self.doc = fresh
            self.dirty = False
            self._discard_recovery_locked()
        self.history = editing.History()
        self._saved = editing.copy_plan(self.plan)
        self.version += 1

    def close(self) -> None:
        """The editor is going away without saving: no recovery file may appear after this."""
        with STORE_LOCK:
            self.closed = True
            self._discard_recovery_locked()

    # -- recovery file -----------------------------------------------------------
    @property
    def recovery_file(self) -> Path:
        return recovery_path(self.path)

    def write_recovery_of(self, plan: Plan) -> bool:
        """Write ``plan`` (a copy, safe to use from a thread) as the recovery file.

        Written with ``recovery.plan_text`` (fast), moved into place under the store
        lock and only while there are unsaved edits: a write that finishes after a
        save or a discard must not leave a stale file behind.
        """
        stamp = time.strftime("%Y-%m-%d %H:%M:%S")
        text = plan_text(plan, f"{RECOVERY_HEADER}\n# 原文件：{self.path.name}；写于 {stamp}\n")
        with STORE_LOCK:
            if self.closed or not self.dirty:
                return False
            store.atomic_write(self.recovery_file, text.encode("utf-8"))
        return True

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
        """A recovery file left by an editor that did not save (crash, kill, power cut)."""
        path = self.recovery_file
        if not path.exists():
            return None
        try:
            plan = planwright.load(path).plan
        except store.PlanFileError:
            return None  # half a file cannot be offered; it is left for a person to read
        if plan == self.plan:
            self.discard_recovery()  # nothing in it that the file does not already hold
            return None
        return Recovery(path, plan, path.stat().st_mtime)

    def apply_recovery(self, recovery: Recovery) -> None:
        """Take the recovered content into the open document (comments of the file stay)."""

        def op(plan: Plan) -> None:
            plan.meta, plan.units = recovery.plan.meta, recovery.plan.units
            plan.points, plan.body = recovery.plan.points, recovery.plan.body

        self.apply("恢复未保存的内容", op)


_FIELD_WORDS = {"title": "标题", "text": "正文", "lead": "牵头单位", "support": "配合单位", "deadline": "时限"}
