"""Ctrl+S writes in a thread: keys keep working while the file is written.

What was on screen when Ctrl+S was pressed is what the file gets; edits typed
during the save stay unsaved (marked so) until the next save; a second Ctrl+S
during a save writes once more afterwards; a save that fails says so and keeps
every edit. The write is held up with an event so that each test knows exactly
what happens during it.
"""

from __future__ import annotations

import errno
import threading
from pathlib import Path

from textual.widgets import Input

from planwright.plan import store

SIZE = (140, 40)


class HeldWrites:
    """``store.atomic_write`` that waits, while ``held``, until the test lets it go, when it
    writes the plan (the recovery file beside it is written as usual)."""

    def __init__(self, monkeypatch, plan: Path) -> None:
        self.plan = plan
        self.real = store.atomic_write
        self.started = threading.Event()
        self.go = threading.Event()
        self.held = True
        self.written: list[bytes] = []
        monkeypatch.setattr(store, "atomic_write", self)

    def __call__(self, target, data: bytes, mode=None) -> None:
        if Path(target) != self.plan:
            return self.real(target, data, mode)
        self.started.set()
        if self.held:
            assert self.go.wait(30), "the test never let the save finish"
        self.written.append(data)
        self.real(target, data, mode)

    def release(self) -> None:
        self.held = False
        self.go.set()


async def _wait_for(pilot, event: threading.Event) -> None:
    for _ in range(600):
        if event.is_set():
            return
        await pilot.pause(0.05)
    raise AssertionError("the save never started")


async def _into_title(pilot, app, select) -> Input:
    await select(pilot, app, "tk3aaa")
    field = app.editor.form.query_one("#title", Input)
    field.focus()
    await pilot.press("end")
    return field


async def _held_save(pilot, app, select, type_text, monkeypatch, path: Path, typed: str) -> tuple[Input, str, HeldWrites]:
    """Type ``typed`` at the end of a task title, press Ctrl+S and come back once the
    plan's write has started (and waits): the title field, its text before, the writes."""
    field = await _into_title(pilot, app, select)
    before = field.value
    await type_text(pilot, typed)
    writes = HeldWrites(monkeypatch, path)
    await pilot.press("ctrl+s")
    await _wait_for(pilot, writes.started)
    return field, before, writes


def _title_on_disk(path: Path) -> str:
    return store.load(path).plan.find("tk3aaa").title


async def test_keys_typed_during_a_save_are_kept_and_stay_unsaved(
        write_sample, make_app, settle, select, type_text, tmp_path, monkeypatch):
    path = write_sample(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        field, before, writes = await _held_save(pilot, app, select, type_text, monkeypatch, path, "甲")
        await type_text(pilot, "乙丙")  # the file is being written: the keys still arrive, in order
        assert field.value == before + "甲乙丙"
        assert app.session.plan.find("tk3aaa").title == before + "甲乙丙"
        writes.release()
        await settle(pilot, app)
        assert _title_on_disk(path) == before + "甲"  # what was on screen at Ctrl+S
        assert app.session.dirty and app.title.endswith("*")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert _title_on_disk(path) == before + "甲乙丙"
        assert not app.session.dirty and not app.title.endswith("*")


async def test_the_saved_message_is_drawn(write_sample, make_app, settle, select, type_text, tmp_path):
    path = write_sample(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await _into_title(pilot, app, select)
        await type_text(pilot, "甲")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        await pilot.pause(0.1)
        toasts = [str(toast.render()) for toast in app.screen.query("Toast")]
        assert any(f"已保存 {path.name}" in text for text in toasts), toasts


async def test_a_second_ctrl_s_during_a_save_writes_once_more_afterwards(
        write_sample, make_app, settle, select, type_text, tmp_path, monkeypatch):
    path = write_sample(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        field, before, writes = await _held_save(pilot, app, select, type_text, monkeypatch, path, "一")
        await type_text(pilot, "二")
        await pilot.press("ctrl+s")
        await type_text(pilot, "三")
        await pilot.press("ctrl+s")  # two more presses during the save: one more save
        writes.release()
        await settle(pilot, app)
        await settle(pilot, app)
        assert len(writes.written) == 2
        assert _title_on_disk(path) == before + "一二三"
        assert not app.session.dirty
        assert store.load(path).plan == app.session.plan


async def test_a_failing_save_says_so_and_keeps_the_edits(
        write_sample, make_app, settle, select, type_text, tmp_path, monkeypatch):
    path = write_sample(tmp_path)
    original = path.read_bytes()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        field = await _into_title(pilot, app, select)
        before = field.value
        await type_text(pilot, "甲")

        def full(target, *args, **kwargs):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(store, "atomic_write", full)
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert path.read_bytes() == original
        assert any("保存失败" in n.message and "No space left" in n.message for n in app._notifications)
        assert app.session.dirty and app.title.endswith("*")
        await type_text(pilot, "乙")  # the editor goes on
        monkeypatch.undo()
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert _title_on_disk(path) == before + "甲乙"
        assert not app.session.dirty


def test_saves_in_a_row_patch_against_the_saved_plan_and_write_every_edit(tmp_path, write_sample, host,
                                                                          monkeypatch) -> None:
    """The session hands the plan as last saved to the store: each save writes its own edit and
    the ones before stay; the file reads back as the plan every time."""
    from planwright.plan import patch as patching
    from planwright.tui.session import Session

    path = write_sample(tmp_path)
    session = Session.open(path, host)
    bases = []
    real_changed = patching._changed
    monkeypatch.setattr(patching, "_changed", lambda plan, base: bases.append(base) or real_changed(plan, base))
    for n, title in enumerate(["第一次改的标题", "第二次改的标题", "第三次改的标题"]):
        task = session.plan.points[0].tasks[n % len(session.plan.points[0].tasks)]
        assert session.set_field(task.id, "title", title)
        session.save()
        assert not session.dirty
        assert store.load(path).plan == session.plan
        assert f'title = "{title}"' in path.read_text(encoding="utf-8")
    assert len(bases) == 3 and all(base is not None for base in bases)
    assert "# " in path.read_text(encoding="utf-8")  # the sample's comment stays


def test_a_plan_cleaned_of_escapes_at_open_is_saved_clean(tmp_path, write_sample, sample, host) -> None:
    """The plan held is not what the file reads as (escapes were taken out at open): the first
    save compares every table with the file, so the cleaned text is written too."""
    from planwright.tui.session import Session

    path = tmp_path / "plan.toml"
    dirty = store.loads(sample)
    first = dirty.plan.points[0]
    path.write_text(sample.replace(f'title = "{first.title}"', f'title = "{first.title}\\u001b[2J"', 1),
                    encoding="utf-8")
    assert "\x1b" in store.load(path).plan.points[0].title
    session = Session.open(path, host)
    session.remember_saved()
    task = session.plan.points[0].tasks[0]
    session.set_field(task.id, "title", task.title + "改")
    session.save()
    assert store.load(path).plan == session.plan
    assert "\x1b" not in store.load(path).plan.points[0].title


def test_the_recovery_file_is_the_plan_file_with_the_unsaved_edits(tmp_path, write_sample, host) -> None:
    """After field edits the recovery file is the file's own text with the edits patched in (its
    comments kept); after a task is added it is the plan written anew. Either way it reads back
    as the plan in the editor, and offering it at the next open finds the edits."""
    from planwright.plan import editing
    from planwright.tui.session import RECOVERY_HEADER, Session

    path = write_sample(tmp_path)
    session = Session.open(path, host)
    session.remember_saved()
    task = session.plan.points[0].tasks[0]
    session.set_field(task.id, "title", "恢复文件里的新标题")
    assert session.write_recovery()
    text = session.recovery_file.read_text(encoding="utf-8")
    assert text.startswith(RECOVERY_HEADER)
    assert text.endswith(path.read_text(encoding="utf-8").replace(
        f'title = "{store.load(path).plan.points[0].tasks[0].title}"', 'title = "恢复文件里的新标题"', 1))
    assert store.load(session.recovery_file).plan == session.plan
    session.apply("添加任务", editing.add_task, task.id)
    assert session.write_recovery()
    assert store.load(session.recovery_file).plan == session.plan
    session.release()
    again = Session.open(path, host)
    found = again.pending_recovery()
    assert found is not None and found.plan == session.plan
