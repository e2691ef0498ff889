"""The recovery file and the save flow of the editor's session (no Textual)."""

from __future__ import annotations

import os

import pytest

from planwright.plan import editing
from planwright.plan import store
from planwright.plan.model import Attachment, Point, Wording
from planwright.host import Host
from planwright.tui.recovery import plan_text
from planwright.tui.session import ChangedOnDisk, Session, recovery_path



@pytest.fixture(scope="module")
def host():
    return Host()


def test_plan_text_reads_back_as_the_same_plan(sample):
    plan = store.loads(sample).plan
    plan.find("tk1aaa").text = 'tab\there "quoted" back\\slash\nnew line \x01\x7f 完成率[50%]'
    plan.meta.end_year = 2028
    again = store.loads(plan_text(plan, "# header\n")).plan
    assert again == plan


# what a paste or an import can leave in a field: quotes of both kinds and three in a row,
# backslashes, line breaks of every kind, tabs, control characters, DEL and C1 controls
HOSTILE = 'a "quoted" and \'\'\' and """ back\\slash \\n\nnew line\r\nCRLF\ttab \x01\x1b[31m\x7f\x85 完成率[50%]"'


def test_the_recovery_file_is_the_plan_file_a_new_plan_gets_and_reads_back_equal(sample):
    plan = store.loads(sample).plan
    meta = plan.meta
    meta.title, meta.preamble, meta.notice_title, meta.date = HOSTILE, HOSTILE, HOSTILE, "2027-03-01"
    meta.recipients, meta.end_year = [HOSTILE, "区政府各部门"], 2028
    plan.units[0].aliases = [HOSTILE]
    task = plan.find("tk1aaa")
    task.title, task.text, task.lead, task.deadline = HOSTILE, HOSTILE, [HOSTILE], HOSTILE
    task.wording = Wording(text=HOSTILE, lead=[HOSTILE], at=-1)
    plan.body = [Point(id="bd1aaa", title=HOSTILE, text=HOSTILE)]
    plan.attachments = [Attachment(HOSTILE, HOSTILE)]

    text = plan_text(plan, "# 恢复文件\n# 原文件：plan.toml\n")
    assert store.loads(text).plan == plan
    # exactly what the store writes for the same plan as a new file, after the header
    assert text == "# 恢复文件\n# 原文件：plan.toml\n" + store.dumps(store.new_document(plan))


def test_a_recovery_file_reads_back_when_the_plan_file_name_holds_a_line_break(sample, tmp_path, host):
    path = tmp_path / "计划\n2027.toml"
    path.write_text(sample, encoding="utf-8")
    session = Session.open(path, host)
    session.set_field("tk1aaa", "title", HOSTILE)
    assert session.write_recovery()
    assert store.load(session.recovery_file).plan == session.plan


def test_session_save_keeps_comments_and_removes_the_recovery_file(write_sample, tmp_path, host):
    path = write_sample(tmp_path)
    session = Session.open(path, host)
    session.set_field("pt2aaa", "title", "夯实平台基础（改）")
    assert session.write_recovery()
    assert recovery_path(path).exists()
    session.save()
    assert not recovery_path(path).exists()
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# 编辑器测试用计划") and "夯实平台基础（改）" in text


def test_a_recovery_write_after_save_or_close_is_refused(write_sample, tmp_path, host):
    path = write_sample(tmp_path)
    session = Session.open(path, host)
    session.set_field("pt2aaa", "title", "x")
    copy = editing.copy_plan(session.plan)
    session.save()
    assert not session.write_recovery_of(copy)
    session.set_field("pt2aaa", "title", "y")
    session.close()
    assert not session.write_recovery()
    assert not recovery_path(path).exists()


def test_pending_recovery_equal_to_the_file_is_dropped(sample, write_sample, tmp_path, host):
    path = write_sample(tmp_path)
    recovery_path(path).write_text(plan_text(store.loads(sample).plan), encoding="utf-8")
    session = Session.open(path, host)
    assert session.pending_recovery() is None
    assert not recovery_path(path).exists()


def test_broken_recovery_file_is_left_alone(write_sample, tmp_path, host):
    path = write_sample(tmp_path)
    recovery_path(path).write_text("schema = \n", encoding="utf-8")
    assert Session.open(path, host).pending_recovery() is None
    assert recovery_path(path).exists()  # for a person to look at, not deleted


def test_save_refuses_when_the_file_changed_on_disk(sample, write_sample, tmp_path, host):
    path = write_sample(tmp_path)
    session = Session.open(path, host)
    session.set_field("pt2aaa", "title", "mine")
    path.write_text(sample.replace("夯实平台基础", "theirs"), encoding="utf-8")
    os.utime(path, ns=(1, 1))
    with pytest.raises(ChangedOnDisk):
        session.save()
    session.save(force=True)
    assert store.load(path).plan.find("pt2aaa").title == "mine"


def test_failed_edit_leaves_no_undo_step(write_sample, tmp_path, host):
    session = Session.open(write_sample(tmp_path), host)
    with pytest.raises(editing.EditError):
        session.apply("转换", editing.toggle_kind, "pt1aaa")
    assert session.history.undo_stack == [] and not session.dirty


def test_undoing_back_to_the_saved_state_is_not_dirty(write_sample, tmp_path, host):
    session = Session.open(write_sample(tmp_path), host)
    session.apply("删除", editing.delete, "pt1aaa")
    session.set_field("pt2aaa", "title", "改")
    assert session.dirty
    session.undo()
    assert session.dirty
    session.undo()
    assert not session.dirty
    session.redo()
    assert session.dirty
    session.save()
    session.undo()
    assert session.dirty  # the file now holds the deletion


def test_redo_back_to_what_was_saved_is_clean(write_sample, tmp_path, host):
    session = Session.open(write_sample(tmp_path), host)
    session.set_field("pt2aaa", "title", "改")
    session.save()
    session.undo()
    assert session.dirty
    session.redo()
    assert not session.dirty
