"""The main screen: the plan tree, the selected node's form, and the findings.

This screen only translates keys and widget messages into calls on the
Session (which calls the same core functions as the CLI) and redraws what
changed. Slow work runs away from the keyboard on a copy of the plan: the
validators in a child process (``checker``), the recovery file in a thread.
"""

from __future__ import annotations

import gc
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Tree

from planwright.plan import editing
from planwright.plan.editing import EditError
from planwright.plan.model import Item, Plan, Point, Task
from planwright.plan.store import PlanFileError
from planwright.rules.engine import registry_for
from planwright.tui import commands
from planwright.tui.ahead import UnitsAhead
from planwright.tui.checker import Checker, ThreadChecker
from planwright.tui.screens.choice import ChoiceDialog
from planwright.tui.session import ChangedOnDisk, ReadOnly, SaveJob, Session
from planwright.tui.snapshot import Pickled, as_plan, pieces
from planwright.tui.warm import warm_views
from planwright.tui.widgets.findings_list import FindingsList
from planwright.tui.widgets.footer import Footer
from planwright.tui.widgets.header import Header
from planwright.tui.widgets.in_order import InOrderKeys
from planwright.tui.widgets.node_form import NodeForm
from planwright.tui.widgets.plan_tree import ROOT, PlanTree
from planwright.zh import deadlines
from planwright.zh.clean import clean_line
from planwright.zh.numbering import path_label

if TYPE_CHECKING:
    from planwright.api import Finding

# The work an edit starts away from the keyboard (the validators, the recovery file) begins
# with a copy of the plan on this thread, and it is the bigger for a bigger plan: it waits
# for a pause in the keys, as an editor's linting and autosave do, so that a key's frame
# does not pay for it.
CHECK_DELAY = 0.6  # seconds without a key or an edit before the validators run (a steady hand's keys
                   # come 0.3–0.5 s apart: a check started between two of them is spoilt by the second)
RECOVERY_QUIET = 1.0  # seconds without a key or an edit before the recovery file is written …
RECOVERY_LATEST = 5.0  # … and at the latest this long after an edit, however fast the typing
GC_IDLE = 3.0  # seconds without a key before the edits' garbage is collected
GC_FULL_IDLE = 30.0  # … before a full collection (the heap frozen after the first screen too)
GC_NO_AUTO_FULL = 1_000_000  # the oldest generation's threshold while the editor runs (see _collector_on)
UNITS_AHEAD_AFTER = 0.6  # seconds after the last edit (not key: F10, arrows change nothing) before
                         # the per-unit lists are made ahead (tui/ahead)
PICTURE_SLICE = 0.002  # seconds of pickling the plan (see _picture_step) between two looks at the keys
PICTURE_PAUSE = 0.001
TICK = 0.25  # how often the delays above are looked at


class EditorScreen(Screen[None]):
    """Tree left, form right, findings below, keys in the footer."""

    # Escape from a field goes back to the tree (not a priority binding: dialogs
    # and the palette keep their own Escape; see commands._FIELD_KEYS).
    BINDINGS = commands.bindings()
    COMMANDS = {commands.PlanCommands}  # the palette's editor commands, over this screen only

    def __init__(self, session: Session, checker: Checker | None = None) -> None:
        super().__init__(id="editor")
        self.session = session
        self.checker: Checker = checker or ThreadChecker(session.host)
        self._last_edit = 0.0
        self._checked_version = -1
        self._recovered_version = 0
        self._unrecovered_since: float | None = None  # the first tick that saw an edit not yet in the recovery file
        # the picture of the plan being pickled between keys (see snapshot): its edit count,
        # its steps, and whether it goes to the validators and to the recovery file
        self._picture: tuple[int, Iterator[Pickled | None], bool, bool] | None = None
        self._units_ahead = UnitsAhead()
        self.checks_shown = 0  # how many check results have reached the screen
        self._last_key = 0.0
        self._garbage = False  # structural edits since the last collection
        self._frozen_garbage = False  # … since the last full collection
        self._full_collect_after = GC_IDLE  # the start's garbage goes at the first pause
        self._thresholds: tuple[int, ...] | None = None  # the collector's, before the editor's
        self._saving = False  # a save is being written in its thread
        self._save_again = False  # Ctrl+S pressed meanwhile: save again when it is done
        self._after_save: list[Callable[[], None]] = []  # what waits for the save (quitting)
        self._shown_once = False  # the screen has been resumed (shown) before
        self._first_frame_held = True  # no frame of this screen shown yet (see "The first frame")

    # -- layout ----------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header(icon="")
        with Horizontal(id="main"):
            yield PlanTree(id="tree")
            yield NodeForm(id="form")
        yield FindingsList(id="findings")
        yield Footer()

    @property
    def tree(self) -> PlanTree:
        return self.query_one("#tree", PlanTree)

    @property
    def form(self) -> NodeForm:
        return self.query_one(NodeForm)

    @property
    def plan(self) -> Plan:
        return self.session.plan

    def on_mount(self) -> None:
        self.query_one("#findings").border_title = "检查结果"
        self.query_one("#form").border_title = "内容"
        self.query_one("#tree").border_title = "目录"
        self._configure_parsers()
        first = self.plan.points[0].id if self.plan.points else ROOT
        self.tree.rebuild(self.plan, keep_cursor=first)
        self.tree.focus()
        self.update_title()
        self.set_interval(TICK, self._tick)
        self.query_one(FindingsList).border_title = "检查中……"
        # the first check waits for the first frame: the screen comes before the findings
        self.call_after_refresh(self._after_first_paint)

    def _after_first_paint(self) -> None:
        """What the first screen need not wait for. One copy of the plan as read serves
        the first check and the saved state (undoing back to it means "saved")."""
        copy = editing.copy_plan(self.plan)
        self._start_check(copy)
        self.session.remember_saved(copy)
        self.form.build_meta()
        self.call_after_refresh(self._collector_on)

    def _collector_on(self) -> None:
        """After the first screen: what it holds is frozen (never walked again) and the
        collector, which ``planwright edit`` holds off while the editor starts, runs again.
        The start's own garbage goes at the first pause in the typing (``_collect_when_idle``).

        The oldest generation is never collected on Python's own schedule: that walks every
        object made since the freeze (the tree's rows, Textual's caches) and came in the middle
        of a key's frame at 100–300 ms with a 5,000-task plan. It is collected when idle."""
        gc.freeze()
        self._thresholds = gc.get_threshold()
        young, middle = self._thresholds[:2]
        gc.set_threshold(young, middle, GC_NO_AUTO_FULL)
        gc.enable()
        self._frozen_garbage = True
        warm_views()  # F10/F11's modules, so that their first open does not import them

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Screen's own handler. The first resume comes right after the mount,
        # which styled every widget; restyling the whole screen again (Textual does on every
        # resume, for what changed while another screen was on top) was a tenth of the first frame.
        if not self._shown_once:
            self._shown_once = True
            event.refresh_styles = False

    # The first frame. Textual holds every frame until the app has started, and the app's
    # start lasts until this screen is mounted and laid out, so the first layout's frame (the
    # whole screen) was rendered only to be thrown away, and whatever waited "after refresh"
    # (the rest of the tree's rows, the [plan] form, the first check, the key bar) ran before
    # the frame that was shown: together a fifth of the start. Until the first frame is shown,
    # a frame asked for while frames are held is not rendered (what it would have drawn stays
    # marked, and the first frame draws it) and the after-refresh callbacks wait for that frame.
    def _compositor_refresh(self) -> None:
        if self._first_frame_held:
            if self.app._batch_count:
                self._repaint_required = True  # a frame is owed once the start is over
                return
            self._repaint_required = False  # this one draws all that was held back
            super()._compositor_refresh()
            self._release_first_frame()
            return
        super()._compositor_refresh()

    async def _invoke_and_clear_callbacks(self) -> None:
        if not self._first_frame_held:  # else kept for after the first frame
            await super()._invoke_and_clear_callbacks()

    def on_screen_suspend(self) -> None:
        # a dialog came up first (a recovery file, a lock): what waits for this screen's
        # first frame need not wait for the dialog to go
        self._release_first_frame()

    def _release_first_frame(self) -> None:
        if self._first_frame_held:
            self._first_frame_held = False
            if self._callbacks:
                self.call_later(self._invoke_and_clear_callbacks)

    def on_unmount(self) -> None:
        self.checker.close()
        gc.unfreeze()
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)

    # A full collection walks every object: with a 1,000-task plan, its undo
    # snapshots and its tree, that is a pause of a tenth of a second or more,
    # and Python starts one whenever it likes — in the middle of typing. So the
    # objects alive after the first screen are frozen (never walked again), and
    # the garbage of structural edits (old tree nodes hold cycles) is collected
    # only after a few seconds without a key, then frozen in turn: that walks only
    # what was made since the last freeze. What the frozen heap itself let go of
    # (a row of the first screen, deleted) waits for a longer pause and a full
    # collection, which at 5,000 tasks takes most of a second.
    def _collect_when_idle(self, quiet: float) -> None:
        if self._frozen_garbage and quiet >= self._full_collect_after:
            self._frozen_garbage = self._garbage = False
            self._full_collect_after = GC_FULL_IDLE
            gc.unfreeze()
            gc.collect()
            gc.freeze()
        elif self._garbage and quiet >= GC_IDLE:
            self._garbage = False
            self._frozen_garbage = True
            gc.collect()
            gc.freeze()

    def on_key(self) -> None:
        self._last_key = time.monotonic()

    def _quiet(self, now: float) -> float:
        """Seconds since the last key or edit (a key typed into a field stops there, its edit counts)."""
        return now - max(self._last_key, self._last_edit)

    def _configure_parsers(self) -> None:
        """Deadline phrases of the plan's style and its year; the unit registry for hints."""
        plan, host = self.plan, self.session.host
        phrases = tuple(host.phrases_for(plan.meta.style or None))
        year = plan.meta.year or None

        def parse(phrase: str) -> deadlines.Deadline:
            return deadlines.parse(phrase, year, phrases)

        self.tree.deadline_parser = parse
        self.form.deadline_parser = parse
        registry = registry_for(plan, host)
        self.form.registry = registry
        names = registry.names() + [a for u in registry for a in u.aliases]
        for field in ("#lead", "#support"):
            self.form.query_one(field).set_names(names)  # type: ignore[attr-defined]

    def update_title(self) -> None:
        name = self.session.path.name
        self.app.title = f"{name}{' *' if self.session.dirty else ''}"
        self.app.sub_title = "有未保存的修改" if self.session.dirty else "已保存"
        set_terminal_title(self.app, f"planwright — {name}{' （未保存）' if self.session.dirty else ''}")

    # -- selection ---------------------------------------------------------------
    @on(Tree.NodeHighlighted, "#tree")
    def _highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        if event.node is not self.tree.cursor_node:
            # the cursor has moved on (the tree's mount highlights the root before on_mount
            # puts the cursor on the first point): filling the form for it would be wasted
            return
        self.show_selected(event.node.data)

    @on(Tree.NodeSelected, "#tree")
    def _selected(self, event: Tree.NodeSelected[str]) -> None:
        self.show_selected(event.node.data)
        self.form.focus_field(None)

    def show_selected(self, node_id: str | None, refill: bool = False) -> None:
        """Fill the form for a node; ``refill`` when the model changed under the form (undo)."""
        self.session.selected = None if node_id in (None, ROOT) else node_id
        if node_id in (None, ROOT):
            if refill or self.form.node is not self.plan.meta:
                self.form.show_meta(self.plan.meta)
            return
        node = self.tree.node_of(node_id)  # type: ignore[arg-type]
        if node is None:
            return
        if node is self.form.node and not refill:
            # already shown: refilling would overwrite a value typed but not yet applied
            return
        self.form.show_node(node_id, node, _where(node, self.tree.indices_of(node_id)))  # type: ignore[arg-type]

    # -- edits from the form -------------------------------------------------------
    @on(NodeForm.FieldEdited)
    def _field_edited(self, event: NodeForm.FieldEdited) -> None:
        self._apply_edit(event.node_id, event.field, event.value)

    def _apply_edit(self, node_id: str | None, name: str, value: Any) -> None:
        """One field's new value: a node's (by id), or the [plan] table's (None)."""
        if node_id is None:
            if self.session.set_meta(name, value):
                if name in ("year", "style"):
                    self._configure_parsers()
                    self.tree.sync(self.plan, keep_cursor=ROOT)  # every deadline reads anew
                self.tree.refresh_node(ROOT)
                self._edited()
            return
        self._set_field(node_id, name, value)

    def _set_field(self, node_id: str, name: str, value: Any) -> None:
        try:
            changed = self.session.set_field(node_id, name, value)
        except EditError:
            return  # the node went away under a stale event
        if changed:
            self.tree.refresh_node(node_id)
            self._edited()

    async def action_in_order(self, action: str) -> None:
        """A command's key: run ``action`` behind the characters typed before it.

        Inside a text field the action is queued in the field (see bindings()); the
        field's own edits are then put into the model first (apply_form)."""
        self._last_key = time.monotonic()  # a command key in a field stops there: on_key never sees it
        focused = self.app.focused
        if isinstance(focused, InOrderKeys) and focused.screen is self:
            focused.post_message(InOrderKeys.Run(self, action))
        else:
            await self.run_action(action)

    def apply_form(self) -> None:
        """Put into the model what the form shows and its queued edits have not yet brought:
        a command (add, undo, save …) runs in order with the keys typed before it."""
        for node_id, name, value in self.form.unapplied():
            self._apply_edit(node_id, name, value)

    def _edited(self) -> None:
        self._last_edit = time.monotonic()
        if self.app.sub_title.startswith("有") != self.session.dirty:
            self.update_title()

    # -- structural edits -------------------------------------------------------------
    def edit(self, label: str, op: Callable[..., Any], *args: Any, done: str = "") -> str | None:
        """Apply one structural edit, update the tree's changed rows and select the node it returns."""
        self.apply_form()
        try:
            target = self.session.apply(label, op, *args)
        except EditError as exc:
            self.notify(str(exc), title="无法" + label, severity="warning", markup=False)
            return None
        lists = editing.touched_lists(self.session.history.undo_stack[-1], self.plan)
        self.tree.sync(self.plan, keep_cursor=target or ROOT, lists=lists)
        self._garbage = True
        self.show_selected(target or ROOT, refill=True)  # now: the next keystroke belongs here
        self._edited()
        self.update_title()
        if done:
            self.notify(done, timeout=3, markup=False)
        return target

    @property
    def current(self) -> str | None:
        node_id = self.tree.cursor_id
        return None if node_id in (None, ROOT) else node_id

    def action_add_point(self) -> None:
        if self.edit("新增要点", editing.add_point, self.current):
            self.form.focus_field("title")

    def action_add_task(self) -> None:
        if self.edit("新增任务", editing.add_task, self.current):
            self.form.focus_field("title")

    def action_add_item(self) -> None:
        if self.edit("新增事项", editing.add_item, self.current):
            self.form.focus_field("text")

    def action_delete(self) -> None:
        node_id = self.current
        if node_id is None:
            self.notify("请先在目录中选中要删除的要点、任务或事项", severity="warning", markup=False)
            return
        node = self.tree.node_of(node_id)
        where = _where(node, self.tree.indices_of(node_id)) if node else ""
        self.edit("删除", editing.delete, node_id, done=f"已删除 {where}（Ctrl+Z 撤销）")
        self.tree.focus()

    def action_move(self, delta: int) -> None:
        if self.current is not None:
            self.edit("移动", editing.move, self.current, delta)

    def action_toggle_kind(self) -> None:
        if self.current is not None:
            self.edit("转换", editing.toggle_kind, self.current)

    def action_duplicate(self) -> None:
        if self.current is not None:
            self.edit("复制", editing.duplicate, self.current, done="已复制到下方")

    def action_move_to(self) -> None:
        node_id = self.current
        if node_id is None or not isinstance(self.tree.node_of(node_id), Task):
            self.notify("请先选中一项任务", severity="warning", markup=False)
            return
        from planwright.tui.screens.pick_point import PickPointDialog

        def chosen(point_id: str | None) -> None:
            if point_id:
                self.edit("移到其他要点", editing.move_to_point, node_id, point_id)

        self.app.push_screen(PickPointDialog(self.plan), chosen)

    # -- undo -----------------------------------------------------------------------
    def action_undo(self) -> None:
        self.apply_form()
        self._step(self.session.undo(), "撤销", "没有可以撤销的编辑")

    def action_redo(self) -> None:
        self.apply_form()
        self._step(self.session.redo(), "重做", "没有可以重做的编辑")

    def _step(self, snap: editing.Step | None, verb: str, nothing: str) -> None:
        if snap is None:
            self.notify(nothing, timeout=2, markup=False)
            return
        if isinstance(snap, editing.FieldEdit) and snap.name not in ("year", "style"):
            # one field went back: repaint its row, no need to rebuild the tree
            target = snap.node_id or ROOT
            self.tree.refresh_node(target)
            self.tree.select_id(target)
            self.show_selected(target, refill=True)
        else:
            if editing.touches_registry(snap, self.plan):
                self._configure_parsers()
            lists = editing.touched_lists(snap, self.plan)
            self.tree.sync(self.plan, keep_cursor=snap.selected or ROOT, lists=lists)
            self._garbage = True
            self.show_selected(snap.selected or ROOT, refill=True)
        self._edited()
        self.update_title()
        if not self.session.dirty:
            self.session.discard_recovery()  # back to what the file holds
        self.notify(f"已{verb}：{snap.label}" + ("（与已保存的内容相同）" if not self.session.dirty else ""),
                    timeout=2, markup=False)

    # -- checking -----------------------------------------------------------------------
    def _tick(self) -> None:
        """Four times a second: after a pause in the keys, run the validators, write the
        recovery file (also in the middle of a long burst of typing), collect garbage."""
        now = time.monotonic()
        quiet = self._quiet(now)
        self._collect_when_idle(quiet)
        version = self.session.version
        check = version != self._checked_version and quiet >= CHECK_DELAY
        recover = False
        if not self.session.dirty or version == self._recovered_version:
            self._unrecovered_since = None
        else:
            if self._unrecovered_since is None:
                self._unrecovered_since = now
            recover = quiet >= RECOVERY_QUIET or now - self._unrecovered_since >= RECOVERY_LATEST
        if (check or recover) and self._picture is None:
            self._picture = (version, pieces(self.plan), check, recover)
            self._picture_step()
        # not after the picture: a pause that runs the validators is the one F11 often follows
        if now - self._last_edit >= UNITS_AHEAD_AFTER and self._units_ahead.wanted(self._plan_state()):
            from planwright.tui.screens.units import units_steps

            self._units_ahead.start(self._plan_state(), units_steps(self.plan, self.session.host))
            self._units_step()

    def _plan_state(self) -> tuple[int, int]:
        return self.session.version, id(self.plan)

    def _units_step(self) -> None:
        """Make more of the per-unit lists; keys typed meanwhile go first (see _picture_step)."""
        if self._units_ahead.step(self._plan_state(), PICTURE_SLICE):
            self.set_timer(PICTURE_PAUSE, self._units_step)

    def _picture_step(self) -> None:
        """Pickle one more piece of the plan; the keys typed meanwhile go first. One picture
        serves both the validators and the recovery file (neither changes it). An edit in
        between spoils it: the next pause takes another."""
        if self._picture is None:
            return
        version, steps, check, recover = self._picture
        if self.session.version != version:
            self._picture = None
            return
        until = time.perf_counter() + PICTURE_SLICE
        while (done := next(steps)) is None:
            if time.perf_counter() >= until:
                # a timer, not call_later: the event loop then waits on its input for a moment,
                # and the terminal's reader thread gets the GIL for a key at once (between
                # back-to-back callbacks it waited for Python's 5 ms thread switches, three or
                # four of them per key)
                self.set_timer(PICTURE_PAUSE, self._picture_step)
                return
        self._picture = None
        if check:
            self._start_check(done, version)
        if recover:
            self._recovered_version = version
            self._unrecovered_since = None
            self._write_recovery(done)

    def _start_check(self, plan: Plan | Pickled | None = None, version: int | None = None) -> None:
        """Send a copy of the plan (``plan``, one already taken at edit count ``version``, or
        now) to the checker; findings come back when it is done."""
        self._checked_version = version = self.session.version if version is None else version
        plan = plan or editing.copy_plan(self.plan)
        app = self.app

        def done(findings: list["Finding"] | None, error: str | None) -> None:
            if not app.is_running:
                return  # the editor closed while the check ran
            try:
                app.call_from_thread(self._show_findings, findings, error, version)
            except RuntimeError:
                pass  # closed in between

        self.checker.submit(plan, done)

    def _show_findings(self, findings: list["Finding"] | None, error: str | None, version: int) -> None:
        if findings is None:
            self._checker_failed(error or "")
            return
        if version < self.session.version and self._checked_version != version:
            return  # a newer check is on its way
        self.session.findings = findings
        self.checks_shown += 1
        self.tree.set_marks(findings)
        self.query_one(FindingsList).show_findings(findings)

    def _checker_failed(self, error: str) -> None:
        """A child process that cannot check: go on checking in a thread."""
        if isinstance(self.checker, ThreadChecker):
            self.notify(f"检查规则运行出错：{error}", severity="error", timeout=8, markup=False)
            return
        self.checker.close()
        self.checker = ThreadChecker(self.session.host)
        self._start_check()

    def action_check(self) -> None:
        self._start_check()
        self.notify("已重新检查", timeout=2, markup=False)

    @on(FindingsList.JumpTo)
    def _jump(self, event: FindingsList.JumpTo) -> None:
        self.jump_to(event.finding.node_id or ROOT, event.finding.field)

    def jump_to(self, node_id: str, field: str | None = None) -> None:
        if not self.tree.select_id(node_id):
            self.notify("找不到这个位置（可能已被删除）", severity="warning", markup=False)
            return
        self.show_selected(node_id)
        self.form.focus_field(field)

    # -- recovery -------------------------------------------------------------------------
    # a description of its own: by default Textual writes the repr of every argument into it
    @work(thread=True, exclusive=True, group="recovery", description="recovery file")
    def _write_recovery(self, plan: Plan | Pickled) -> None:
        try:
            self.session.write_recovery_of(as_plan(plan))
        except OSError as exc:  # a full disk must not stop the editing
            self.app.call_from_thread(self.notify, f"无法写恢复文件：{exc}", severity="warning", markup=False)

    # -- saving and quitting -------------------------------------------------------------------
    def action_save(self) -> None:
        self.save_then(None)

    def save_then(self, after: Callable[[], None] | None, force: bool = False) -> None:
        """Save in a thread, keys working meanwhile; when the file changed on disk, ask
        first. ``after`` runs once saved. Asked again while a save is being written, the
        editor writes once more when it is done, with what is on screen by then."""
        if after is not None:
            self._after_save.append(after)
        self.apply_form()  # the last characters typed before Ctrl+S are saved with the rest
        if self._saving:
            self._save_again = True
            return
        try:
            job = self.session.begin_save()
        except ReadOnly:
            self._after_save.clear()
            self.notify("只读打开（此计划正在另一个编辑器中），未保存", severity="warning", timeout=8, markup=False)
            return
        self._saving = True
        self._write_save(job, force)

    @work(thread=True, group="save")
    def _write_save(self, job: SaveJob, force: bool) -> None:
        try:
            written = self.session.write_save(job, force=force)
        except ChangedOnDisk:
            self.app.call_from_thread(self._save_failed, None)
        except Exception as exc:  # a full disk, a folder made read-only: the edits stay in the editor
            self.app.call_from_thread(self._save_failed, exc)
        else:
            self.app.call_from_thread(self._save_written, job, written)

    def _save_written(self, job: SaveJob, written: Path) -> None:
        self.session.finish_save(job)
        self._saving = False
        if self._save_again:  # a Ctrl+S during the save: write what the screen holds now
            self._save_again = False
            if self.session.dirty:
                self.save_then(None)
                return
        self._recovered_version = job.version
        self._saved(written, self._take_afters())

    def _save_failed(self, error: Exception | None) -> None:
        """The save did not happen (None: the file changed on disk, the user chooses)."""
        self._saving = self._save_again = False
        after = self._take_afters()
        if error is None:
            self._ask_changed_on_disk(after)
        else:
            self.notify(f"保存失败：{error}", severity="error", timeout=8, markup=False)
            self.update_title()

    def _take_afters(self) -> Callable[[], None] | None:
        afters, self._after_save = self._after_save, []
        return (lambda: [run() for run in afters]) if afters else None

    def _saved(self, written: Path, after: Callable[[], None] | None) -> None:
        self.update_title()
        # raised right after a frame: its time runs from a moment the screen is drawn, not
        # from before a busy stretch (a big plan's findings arriving) it would expire in
        self.call_after_refresh(self.notify, f"已保存 {written.name}", timeout=3, markup=False)
        if after is not None:
            after()

    def _ask_changed_on_disk(self, after: Callable[[], None] | None) -> None:
        def answer(choice: str | None) -> None:
            # a file now invalid, a full disk: a message, the edits still in the editor
            try:
                act(choice)
            except PlanFileError as exc:
                self.notify(f"无法重新载入，编辑器中的内容未动：{exc}", severity="error", timeout=10, markup=False)
            except OSError as exc:
                self.notify(f"保存失败，编辑器中的内容未动：{exc.strerror or exc}", severity="error",
                            timeout=10, markup=False)

        def act(choice: str | None) -> None:
            if choice == "overwrite":
                self.save_then(after, force=True)
            elif choice == "reload":
                self.session.reload()
                self.after_reload("已重新载入磁盘上的版本")
            elif choice == "copy":
                copy = _mine_path(self.session.path)
                self.session.save_as_copy(copy)
                self.notify(f"你的修改已另存为 {copy.name}；原文件未动", timeout=8, markup=False)

        self.app.push_screen(ChoiceDialog(
            "文件已被修改",
            f"{self.session.path.name} 在打开之后被其他程序或其他人改动过。\n"
            "覆盖：用你的版本替换磁盘上的版本。\n重新载入：放弃你的修改，读入磁盘上的版本。\n"
            "另存副本：把你的版本存为另一个文件，两份都保留。",
            [("copy", "另存副本"), ("overwrite", "覆盖"), ("reload", "重新载入"), ("cancel", "取消")],
            danger="overwrite"), answer)

    def use_session(self, session: Session) -> None:
        """Edit another file in this screen (after 由本计划生成新年度计划)."""
        self.session = session
        self._checked_version = -1
        self._recovered_version = session.version
        self.tree._folded.clear()
        self.after_reload(f"已打开 {session.path.name}")

    def after_reload(self, message: str) -> None:
        """The whole plan was replaced (recovery, reload): redraw everything."""
        self._configure_parsers()
        target = self.session.selected if self.session.selected and self.plan.find(self.session.selected) else ROOT
        self.tree.rebuild(self.plan, keep_cursor=target)
        self.show_selected(target, refill=True)
        self._edited()
        self.update_title()
        self._start_check()
        self.notify(message, timeout=5, markup=False)

    def action_quit(self) -> None:
        if isinstance(self.app.screen, ChoiceDialog):
            return  # already asking
        if not self.session.dirty:
            self._exit()
            return

        def answer(choice: str | None) -> None:
            if choice == "save":
                self.save_then(self._exit)
            elif choice == "discard":
                self.session.close()
                self._exit()

        self.app.push_screen(ChoiceDialog(
            "有未保存的修改", f"{self.session.path.name} 有未保存的修改。退出前要保存吗？",
            [("save", "保存并退出"), ("discard", "不保存"), ("cancel", "取消")], danger="discard"), answer)

    def _exit(self) -> None:
        self.app.exit()

    # -- focus and help --------------------------------------------------------------
    def action_focus_tree(self) -> None:
        self.tree.focus()

    TREE_WIDTHS = (16, 24, 34, 46, 60)  # percent of the screen; Ctrl+←/→ in the tree steps through them

    def action_tree_width(self, step: int = 0) -> None:
        """Narrow (-1) or widen (1) the tree; 0 (the palette) steps narrower, round to the widest.

        At 80 columns the form needs the room a 46% tree takes.
        """
        tree = self.tree
        current = tree.styles.width.value if tree.styles.width and tree.styles.width.unit.name == "PERCENT" else 46
        widths = self.TREE_WIDTHS
        index = min(range(len(widths)), key=lambda n: abs(widths[n] - current))
        target = (index - 1) % len(widths) if step == 0 else max(0, min(len(widths) - 1, index + step))
        tree.styles.width = f"{widths[target]}%"

    def action_focus_findings(self) -> None:
        self.query_one(FindingsList).focus()

    def action_help(self) -> None:
        from planwright.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_search(self) -> None:
        from planwright.tui.screens.search import Replace, SearchDialog

        def chosen(answer: editing.Hit | Replace | None) -> None:
            if isinstance(answer, Replace):
                self.replace_all(answer.query, answer.replacement)
            elif answer is not None:
                self.jump_to(answer.node_id or ROOT, answer.field)

        self.app.push_screen(SearchDialog(self.plan), chosen)

    def replace_all(self, query: str, replacement: str) -> None:
        """Replace every occurrence in the plan: one undo step, the form and tree redrawn."""
        if not editing.search(self.plan, query, limit=1):
            return
        counted: list[int] = []

        def op(plan: Plan) -> str | None:
            counted.append(editing.replace_all(plan, query, replacement))
            return self.current

        if self.edit("全部替换", op) is not None or counted:
            self.notify(f"已替换 {counted[0] if counted else 0} 处“{query}”→“{replacement}”（Ctrl+Z 撤销）",
                        timeout=4, markup=False)

    # -- views (each its own screen) ----------------------------------------------------------
    def action_notice(self) -> None:
        from planwright.tui.screens.notice import NoticeScreen

        self.app.push_screen(NoticeScreen(self.plan, self.session.host))

    def action_table(self) -> None:
        from planwright.tui.screens.table import TableScreen

        self.app.push_screen(TableScreen(self.plan, self.tree.deadline_parser), self._jump_back)

    def apply_unit_edit(self, edit: Any) -> bool:
        """A unit registered or edited in the unit view (one undo step); False when refused."""
        target = self.current or ROOT

        def op(plan: Plan) -> str:
            self._renamed = editing.edit_unit(plan, edit.old, edit.name, edit.aliases, edit.kind,
                                              edit.rename_in_tasks)
            return target

        self._renamed = 0
        if self.edit("登记单位", op) is None:
            return False
        self._configure_parsers()  # the registry feeds completion and hints
        renamed = f"，{self._renamed} 处任务已改名" if self._renamed else ""
        self.notify(f"已登记“{edit.name}”{renamed}（Ctrl+Z 撤销）", timeout=4, markup=False)
        return True

    def action_body(self) -> None:
        from planwright.tui.screens.body import BodyScreen

        def done(text: str | None) -> None:
            if text is not None:
                target = self.current or ROOT
                self.edit("编辑正文提纲", lambda plan: (editing.set_body_text(plan, text), target)[1],
                          done=f"正文提纲已更新：{len(self.plan.body)} 个要点（Ctrl+Z 撤销）")

        self.app.push_screen(BodyScreen(self.plan), done)

    def action_agenda(self) -> None:
        from planwright.tui.screens.agenda import AgendaScreen

        self.app.push_screen(AgendaScreen(self.plan, self.tree.deadline_parser), self._jump_back)

    def action_ledger(self) -> None:
        from planwright.tui.screens.ledger import LedgerScreen

        phrases = self.session.host.phrases_for(self.plan.meta.style or None)
        self.app.push_screen(LedgerScreen(self.plan, self.session.path, phrases), self._jump_back)

    def action_units(self) -> None:
        from planwright.tui.screens.units import UnitsScreen

        units = self._units_ahead.lists(self._plan_state())
        self.app.push_screen(UnitsScreen(self.plan, self.session.host, units), self._jump_back)

    def action_compare(self) -> None:
        from planwright.tui.screens.compare import CompareScreen
        from planwright.tui.screens.open_file import OpenFileDialog

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.app.push_screen(CompareScreen(path, self.plan, self.session.host, self.session.path.name),
                                    self._jump_back)

        self.app.push_screen(OpenFileDialog("选择要对比的计划文件（通常是上一年度）", self.session.path.resolve().parent,
                                            exclude=self.session.path), chosen)

    def action_export(self) -> None:
        from planwright.tui.screens.export import ExportDialog

        self.app.push_screen(ExportDialog(self.session))

    def action_new_year(self) -> None:
        from planwright.tui.screens.new_year import NewYearDialog

        self.app.push_screen(NewYearDialog(self.session))

    def _jump_back(self, node_id: str | None) -> None:
        """Views dismiss with a node id when the user picked a row to edit."""
        if node_id:
            self.jump_to(node_id)


def _where(node: Point | Task | Item | None, indices: tuple[int, ...]) -> str:
    kind = {Point: "要点", Task: "任务", Item: "事项"}.get(type(node), "")
    return f"{kind} {path_label(indices)}" if indices else kind


def _mine_path(path: Path) -> Path:
    candidate = path.with_name(f"{path.stem}（我的修改）{path.suffix}")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}（我的修改{n}）{path.suffix}")
        n += 1
    return candidate


def set_terminal_title(app: Any, title: str) -> None:
    """Put the file name in the terminal's window title (OSC 2); skipped when headless."""
    driver = getattr(app, "_driver", None)  # no public API for this in Textual 8.2.8
    if driver is None or app.is_headless:
        return
    try:
        driver.write(f"\x1b]2;{clean_line(title)}\x07")  # a BEL in a file name would end it early
    except Exception:  # a title is a nicety; never let it break the editor
        pass
