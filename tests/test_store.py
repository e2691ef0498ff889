"""Plan files: a save with no edit keeps every byte, an edit touches only its lines,
comments stay, saves are atomic, and bad files are refused naming the file and line.

Line endings: a file written with CRLF (Notepad, WPS) is kept CRLF, lines added by
an edit included; a UTF-8 byte-order mark is kept too.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planwright.plan import store
from planwright.plan.model import Item, Meta, Plan, Point, Task, Unit
from planwright.plan.store import PlanFileError

# A plan written by hand: comments everywhere, a """ block, a ''' block, an array over
# several lines, indented sub-tables, a TOML date, ids present.
HAND = '''\
# 示例区2027年政务公开工作要点（手工整理）
schema = "planwright/1"

[plan]
title = "2027年示例区政务公开工作要点"  # 与正式发文一致
style = "jinan"
year = 2027
issuer = "示例区人民政府办公室"
doc_number = "示政办字〔2027〕3号"
date = 2027-03-01
recipients = [
  "各街道办事处",  # 街道在前
  "区政府各部门",
]
publicity = "此件公开发布"
preamble = """
全区政务公开工作要紧扣“放管服”改革，
以公开促落实，反斜杠\\\\也照写。"""

[[units]]
name = "区财政局"
aliases = ["财政局"]

# ---------- 一、主动公开 ----------
[[points]]
id = "pt0001"
title = "聚焦重点领域，做好主动公开"

  [[points.tasks]]
  id = "tk0001"
  # 这项任务去年由区财政局牵头，今年不变
  title = "做好预决算公开"
  text = """
部门预算、决算批复后20日内公开。
完成率[50%]以上的单位要说明原因。"""
  lead = ["区财政局"]  # 牵头
  support = ["区政府各部门"]
  deadline = "2027年10月底前"

    [[points.tasks.items]]
    id = "it0001"
    text = '原样写的 \\n 不是换行'
    lead = ["区财政局"]

  [[points.tasks]]
  id = "tk0002"
  title = "做好重大项目公开"
  lead = ["区发展和改革局"]
  deadline = "持续推进"

# ---------- 二、回应关切 ----------
[[points]]
id = "pt0002"
title = "回应社会关切"

  [[points.tasks]]
  id = "tk0003"
  title = "做好政策解读"
  lead = ["区政府办公室"]
'''

# The same kind of file without any id, as another tool or a person would write it.
NO_IDS = '''\
schema = "planwright/1"

[plan]
title = "2027年示例镇政务公开工作方案"
year = 2027

[[points]]
title = "加强组织领导"  # 第一部分

[[points.tasks]]
title = "成立工作专班"
text = "由镇党政办牵头。"

[[points.tasks.items]]
text = "明确分管领导"

[[points]]
title = "抓好公开落实"
'''

MINIMAL = 'schema = "planwright/1"\n\n[plan]\ntitle = "计划"\nyear = 2027\n'

BODY = HAND + '''
[[body]]
id = "bd0001"
title = "正文的第一部分"

[[body.tasks]]
id = "bd0002"
title = "正文的一项任务"
'''


def write(tmp_path: Path, data: str | bytes, name: str = "plan.toml") -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def resaved(path: Path) -> bytes:
    store.save(store.load(path))
    return path.read_bytes()


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """(removed, added) lines between two texts."""
    removed, added = [], []
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


# -- no edit: no change -----------------------------------------------------------------

@pytest.mark.parametrize("text", [HAND, MINIMAL, BODY], ids=["hand", "minimal", "body"])
def test_save_without_edit_is_byte_identical(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, text)
    assert resaved(path) == text.encode("utf-8")


@pytest.fixture()
def no_tomlkit(monkeypatch):
    """Any tomlkit parse fails the test: a save with no edit must not need one (~1.3 s per MB)."""
    import tomlkit

    def refuse(*_a, **_k):
        raise AssertionError("tomlkit parsed the file for a save with no edit")

    monkeypatch.setattr(tomlkit, "parse", refuse)


@pytest.mark.parametrize("text", [HAND, BODY, HAND.replace("\n", "\r\n"), "\ufeff" + HAND],
                         ids=["hand", "body", "crlf", "bom"])
def test_save_without_edit_writes_the_text_back_without_tomlkit(tmp_path: Path, no_tomlkit, text: str) -> None:
    path = write(tmp_path, text)
    assert resaved(path) == text.encode("utf-8")
    doc = store.load(path)
    doc.plan.points[0].title += "（改）"
    doc.plan.points[0].title = doc.plan.points[0].title.removesuffix("（改）")  # changed back: no edit
    store.save(doc, tmp_path / "copy.toml")
    assert (tmp_path / "copy.toml").read_bytes() == text.encode("utf-8")


@pytest.mark.parametrize("edit", [
    lambda p: setattr(p.points[0].tasks[0], "deadline", "2027年6月底"),
    lambda p: p.points[0].tasks[0].lead.append("区审计局"),
    lambda p: p.points.reverse(),
    lambda p: setattr(p.meta, "year", 2028),
    lambda p: p.units.pop(),
], ids=["deadline", "unit", "order", "year", "registry"])
def test_every_edit_is_still_written(tmp_path: Path, edit) -> None:
    path = write(tmp_path, HAND)
    doc = store.load(path)
    edit(doc.plan)
    expected = store.load(path).plan
    edit(expected)
    store.save(doc)
    assert path.read_text("utf-8") != HAND and store.load(path).plan == expected
    # and the saves after it: the file keeps what was written, and a further edit lands
    store.save(doc)
    assert store.load(path).plan == expected
    doc.plan.meta.closing = "以上工作请抓好落实。"
    store.save(doc)
    assert store.load(path).plan.meta.closing == "以上工作请抓好落实。"


def test_ids_given_at_load_and_notes_are_written_by_a_save_with_no_edit(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL + '\n[[points]]\ntitle = "没有编号的要点"\n')
    doc = store.load(path)
    store.save(doc)
    assert 'id = "' in path.read_text("utf-8")
    doc = store.load(path)
    doc.annotate(doc.plan.points[0].id, "经办人请核对")
    store.save(doc)
    assert "# 经办人请核对" in path.read_text("utf-8")


def test_crlf_file_stays_crlf(tmp_path: Path) -> None:
    data = HAND.replace("\n", "\r\n").encode("utf-8")
    path = write(tmp_path, data)
    assert resaved(path) == data
    doc = store.load(path)
    doc.plan.points[1].tasks[0].deadline = "2027年6月底前"  # a new line
    doc.plan.points[0].tasks[0].text += "\n另起一段。"  # a longer block
    store.save(doc)
    out = path.read_bytes()
    assert out.count(b"\n") == out.count(b"\r\n")
    assert store.load(path).plan.points[0].tasks[0].text.endswith("原因。\n另起一段。")


def test_byte_order_mark_is_kept(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + HAND.encode("utf-8")
    path = write(tmp_path, data)
    assert resaved(path) == data


def test_file_without_ids_gets_them_as_first_keys_and_nothing_else(tmp_path: Path) -> None:
    path = write(tmp_path, NO_IDS)
    doc = store.load(path)
    store.save(doc)
    after = path.read_text(encoding="utf-8")
    removed, added = changed_lines(NO_IDS, after)
    assert removed == []
    assert len(added) == 4 and all(re.fullmatch(r'id = "[a-z2-9]{6}"', line) for line in added)
    lines = after.splitlines()
    for number, line in enumerate(lines):
        if line.startswith("[["):
            assert lines[number + 1].startswith("id = ")  # the first key of every table
    assert [n.id for n in store.load(path).plan.nodes()] == [n.id for n in doc.plan.nodes()]
    assert resaved(path) == after.encode("utf-8")  # and from then on it is stable


def test_ids_in_indented_tables_are_indented_alike(tmp_path: Path) -> None:
    text = HAND.replace('  id = "tk0002"\n', "")
    path = write(tmp_path, text)
    store.save(store.load(path))
    removed, added = changed_lines(text, path.read_text(encoding="utf-8"))
    assert removed == [] and len(added) == 1 and re.fullmatch(r'  id = "\w{6}"', added[0])


# -- edits touch only their lines -----------------------------------------------------------

def test_an_edit_changes_only_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, HAND)
    doc = store.load(path)
    doc.plan.points[0].tasks[1].title = "做好重大建设项目公开"
    store.save(doc)
    removed, added = changed_lines(HAND, path.read_text(encoding="utf-8"))
    assert removed == ['  title = "做好重大项目公开"']
    assert added == ['  title = "做好重大建设项目公开"']


def test_several_edits_touch_only_their_lines(tmp_path: Path) -> None:
    path = write(tmp_path, HAND)
    doc = store.load(path)
    task = doc.plan.points[0].tasks[1]
    task.support = ["区财政局"]  # a key the table did not have
    task.deadline = "2027年底前"
    doc.plan.meta.doc_number = "示政办字〔2027〕4号"
    store.save(doc)
    removed, added = changed_lines(HAND, path.read_text(encoding="utf-8"))
    assert sorted(removed) == sorted(['doc_number = "示政办字〔2027〕3号"', '  deadline = "持续推进"'])
    assert sorted(added) == sorted(['doc_number = "示政办字〔2027〕4号"', '  support = ["区财政局"]',
                                    '  deadline = "2027年底前"'])


def test_a_new_task_adds_lines_and_changes_none(tmp_path: Path) -> None:
    path = write(tmp_path, HAND)
    doc = store.load(path)
    doc.plan.points[1].tasks.append(Task(title="做好政策问答", lead=["区政府办公室"], deadline="持续推进"))
    doc.plan.ensure_ids()
    store.save(doc)
    after = path.read_text(encoding="utf-8")
    removed, added = changed_lines(HAND, after)
    assert removed == []
    assert [line.strip() for line in added if line.strip()][0] == "[[points.tasks]]"
    assert store.load(path).plan.points[1].tasks[1].title == "做好政策问答"


def comment_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if "#" in line]


def test_comments_survive_edits(tmp_path: Path) -> None:
    path = write(tmp_path, HAND)
    doc = store.load(path)
    task = doc.plan.points[0].tasks[0]
    task.title, task.lead, task.deadline = "做好预算决算公开", ["区财政局"], "2027年9月底前"
    doc.plan.meta.title = "2027年示例区政务公开工作要点（修订）"
    store.save(doc)
    after = path.read_text(encoding="utf-8")
    originals = [c for c in comment_lines(HAND) if not c.startswith("title =")]
    for comment in originals:
        assert comment in after
    assert "# 与正式发文一致" in after  # the inline comment on the edited line stays on it
    assert re.search(r'^title = ".*（修订）"\s+# 与正式发文一致$', after, re.M)


def test_a_moved_task_keeps_its_comments(tmp_path: Path) -> None:
    path = write(tmp_path, HAND)
    doc = store.load(path)
    moved = doc.plan.points[0].tasks.pop(0)
    doc.plan.points[1].tasks.append(moved)
    store.save(doc)
    after = path.read_text(encoding="utf-8")
    loaded = store.load(path).plan
    assert [t.id for t in loaded.points[1].tasks] == ["tk0003", "tk0001"]
    assert loaded.points[1].tasks[1] == moved
    # the comment inside its table and the inline one moved with it, after point two's heading
    second_point = after.index('id = "pt0002"')
    assert after.index("# 这项任务去年由区财政局牵头，今年不变") > second_point
    assert after.index('lead = ["区财政局"]  # 牵头') > second_point
    assert after.count("这项任务去年由区财政局牵头") == 1
    for comment in comment_lines(HAND):
        assert comment in after


def test_multiline_text_stays_a_block(tmp_path: Path) -> None:
    path = write(tmp_path, HAND)
    doc = store.load(path)
    doc.plan.points[0].tasks[0].text = "部门预算批复后20日内公开。\n决算同样办理。"
    doc.plan.points[0].tasks[1].text = "第一行\n第二行"  # new text with a line break
    store.save(doc)
    after = path.read_text(encoding="utf-8")
    assert 'text = """\n部门预算批复后20日内公开。\n决算同样办理。"""' in after
    assert 'text = """\n第一行\n第二行"""' in after
    assert store.load(path).plan.points[0].tasks[1].text == "第一行\n第二行"


def test_a_literal_string_edited_keeps_its_meaning(tmp_path: Path) -> None:
    path = write(tmp_path, HAND)
    doc = store.load(path)
    assert doc.plan.points[0].tasks[0].items[0].text == "原样写的 \\n 不是换行"
    doc.plan.points[0].tasks[0].items[0].text += "，改过"
    store.save(doc)
    assert store.load(path).plan.points[0].tasks[0].items[0].text == "原样写的 \\n 不是换行，改过"


# -- atomic saves ------------------------------------------------------------------------------

@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_failed_save_leaves_the_file_and_no_temp_file(tmp_path: Path, monkeypatch, failing: str) -> None:
    path = write(tmp_path, HAND)
    doc = store.load(path)
    doc.plan.meta.title = "改了一半"

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, boom)
    with pytest.raises(OSError):
        store.save(doc)
    monkeypatch.undo()
    assert path.read_text(encoding="utf-8") == HAND
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.toml"]


def test_save_keeps_the_file_mode(tmp_path: Path) -> None:
    path = write(tmp_path, HAND)
    path.chmod(0o600)
    doc = store.load(path)
    doc.plan.meta.title = "新标题"
    store.save(doc)
    assert path.stat().st_mode & 0o777 == 0o600


# -- bad files ----------------------------------------------------------------------------------

def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.mark.parametrize(("edit", "needle", "words"), [
    (('title = "做好政策解读"', 'title = "做好政策解读'), 'title = "做好政策解读', "TOML 语法错误"),
    (('lead = ["区政府办公室"]', 'lead = "区政府办公室"'), 'lead = "区政府办公室"', "“lead” 应为文本列表"),
    (("year = 2027", 'year = "2027"'), 'year = "2027"', "“year” 应为整数"),
    (("year = 2027", "year = 2027\ntitel = \"错拼\""), "titel", "[plan] 中有未知的键 (unknown key) “titel”"),
    (('  deadline = "持续推进"', '  leader = ["区发展和改革局"]'), "leader",
     "[points.tasks] 中有未知的键 (unknown key) “leader”"),
    (('    lead = ["区财政局"]', "    owner = 1"), "owner", "[points.tasks.items] 中有未知的键"),
    (("year = 2027", 'year = 2027\nmasthead = "blue"'), "masthead", "“masthead” 应为 red / preprinted / none 之一"),
    (("year = 2027", 'year = 2027\nfonts = "mac"'), "fonts", "“fonts” 应为 gbt9704 / windows 之一"),
    (('schema = "planwright/1"', 'schema = "planwright/2"'), "schema", "请升级 planwright"),
    (('schema = "planwright/1"', 'schema = "other/1"'), "schema", "不是 planwright 计划文件"),
])
def test_bad_files_are_refused_with_file_and_line(tmp_path: Path, edit, needle: str, words: str) -> None:
    old, new = edit
    assert old in HAND
    text = HAND.replace(old, new, 1)
    path = write(tmp_path, text)
    with pytest.raises(PlanFileError) as info:
        store.load(path)
    err = info.value
    assert err.path == str(path) and err.line == line_of(text, needle)
    assert words in err.message
    assert str(err).startswith(f"{path}:{err.line}: ")


def test_masthead_and_fonts_are_read_and_kept(tmp_path: Path) -> None:
    path = write(tmp_path, HAND.replace("year = 2027", 'year = 2027\nmasthead = "preprinted"\nfonts = "windows"', 1))
    doc = store.load(path)
    assert (doc.plan.meta.masthead, doc.plan.meta.fonts) == ("preprinted", "windows")
    doc.plan.meta.masthead = "none"
    store.save(doc)
    again = store.load(path).plan.meta
    assert (again.masthead, again.fonts) == ("none", "windows")


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    data = HAND.encode("utf-8").replace("聚焦重点领域".encode("utf-8"), "聚焦重点领域".encode("gbk"))
    path = write(tmp_path, data)
    with pytest.raises(PlanFileError) as info:
        store.load(path)
    assert info.value.line == line_of(HAND, "聚焦重点领域") and "UTF-8" in info.value.message


def test_a_gbk_file_is_named_for_what_it_looks_like(tmp_path: Path) -> None:
    path = write(tmp_path, HAND.encode("gbk"))
    with pytest.raises(PlanFileError) as info:
        store.load(path)
    message = info.value.message
    assert "不是 UTF-8 编码的文本" in message and "GBK/GB18030" in message
    assert "请用 UTF-8 编码另存 (save it as UTF-8)" in message


def test_bytes_in_no_known_encoding_get_the_hint_but_no_guess(tmp_path: Path) -> None:
    path = write(tmp_path, b'schema = "planwright/1"\ntitle = "\xff\xfe\xff"\n')
    with pytest.raises(PlanFileError) as info:
        store.load(path)
    assert info.value.line == 2 and "请用 UTF-8 编码另存" in info.value.message
    assert "GBK" not in info.value.message


@pytest.mark.parametrize(("text", "needle", "words"), [
    ('[plan]\ntitle = "甲"\nyear = 2027\ntitle = "乙"\n', 'title = "乙"', "键 “title” 重复 (key written twice)；第 2 行已写过"),
    ('[plan]\npreamble = """\n一\n"""\npreamble = """\nyear = 1\n二\n"""\n', 'preamble = """\nyear',
     "键 “preamble” 重复 (key written twice)；第 2 行已写过"),
    ('[plan]\ntitle = "甲"\n\n[plan]\nyear = 2027\n', "[plan]\nyear", "表 [plan] 重复 (table written twice)"),
], ids=["key", "multi-line value", "table"])
def test_written_twice_is_said_in_words_at_the_second_one(tmp_path: Path, text: str, needle: str, words: str) -> None:
    with pytest.raises(PlanFileError) as info:
        store.loads(text, "plan.toml")
    assert info.value.message == words
    assert info.value.line == text[:text.index(needle)].count("\n") + 1


@pytest.mark.parametrize("kind", ["missing", "directory"])
def test_unreadable_paths(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "plan.toml"
    if kind == "directory":
        path.mkdir()
    with pytest.raises(PlanFileError) as info:
        store.load(path)
    assert info.value.path == str(path) and info.value.line is None


def test_a_bad_date_is_a_syntax_error_on_its_line(tmp_path: Path) -> None:
    text = HAND.replace("date = 2027-03-01", "date = 2027-02-30")
    path = write(tmp_path, text)
    with pytest.raises(PlanFileError) as info:
        store.load(path)
    assert info.value.line == line_of(text, "date = 2027-02-30")


# -- random plans round-trip ---------------------------------------------------------------------

_ALPHABET = st.sampled_from(list("政务公开工作要点财政局街道“”‘’《》（）〔〕、，。：；") +
                            list("abcXYZ019 \"'\\[]%#=.{}") + ["\n", "\t", "完成率[50%]", '"""', "'''"])
TEXT = st.lists(_ALPHABET, max_size=12).map("".join)
LINE = TEXT.map(lambda s: s.replace("\n", ""))
NAMES = st.lists(LINE.filter(bool), max_size=3)


@st.composite
def plans(draw) -> Plan:
    items = st.builds(Item, text=TEXT, lead=NAMES, support=NAMES, deadline=LINE)
    tasks = st.builds(Task, title=LINE, text=TEXT, lead=NAMES, support=NAMES, deadline=LINE,
                      items=st.lists(items, max_size=2))
    points = st.builds(Point, title=LINE, text=TEXT, tasks=st.lists(tasks, max_size=3))
    day = draw(st.one_of(st.just(""), st.dates().map(lambda d: d.isoformat())))
    meta = Meta(title=draw(LINE), style=draw(LINE), year=draw(st.integers(0, 3000)), date=day,
                recipients=draw(NAMES), preamble=draw(TEXT), closing=draw(TEXT))
    units = draw(st.lists(st.builds(Unit, name=LINE.filter(bool), aliases=NAMES), max_size=2,
                          unique_by=lambda u: u.name))
    return Plan(meta=meta, units=units, points=draw(st.lists(points, max_size=3)),
                body=draw(st.lists(points, max_size=1)))


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=plans())
def test_random_plans_round_trip(tmp_path: Path, plan: Plan) -> None:
    path = tmp_path / "random.toml"
    doc = store.new_document(plan)
    store.save(doc, path)
    first = path.read_bytes()
    assert store.load(path).plan == plan
    assert resaved(path) == first


# -- structural edits touch only their own lines --------------------------------------

STRUCTURE = '''\
schema = "planwright/1"

[plan]
title = "2027年结构编辑测试计划"
style = "jinan"
year = 2027

[[points]]
id = "p1p1p1"
title = "第一个要点"

[[points.tasks]]
id = "t1t1t1"
title = "任务甲"
lead = ["区财政局"]

[[points.tasks.items]]
id = "i1i1i1"
text = "事项一"

# 这条注释写给任务乙
[[points.tasks]]
id = "t2t2t2"
title = "任务乙"

[[points.tasks]]
id = "t3t3t3"
title = "任务丙"

[[points]]
id = "p2p2p2"
title = "第二个要点"

[[points.tasks]]
id = "t4t4t4"
title = "任务丁"
'''


def _changed(before: str, after: str) -> list[str]:
    import difflib

    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_inserting_a_task_adds_its_lines_and_keeps_the_comment_above_its_header() -> None:
    from planwright.plan.model import Task

    doc = store.loads(STRUCTURE)
    doc.plan.points[0].tasks.insert(1, Task(id="newtsk", title="新任务"))
    out = store.dumps(doc)
    assert _changed(STRUCTURE, out) == ["+[[points.tasks]]", '+id = "newtsk"', '+title = "新任务"', "+"]
    # the comment about 任务乙 still stands right above 任务乙's header
    assert '# 这条注释写给任务乙\n[[points.tasks]]\nid = "t2t2t2"' in out
    assert store.loads(out).plan == doc.plan


def test_swapping_two_tasks_moves_only_one_of_them() -> None:
    doc = store.loads(STRUCTURE)
    tasks = doc.plan.points[0].tasks
    tasks[1], tasks[2] = tasks[2], tasks[1]
    out = store.dumps(doc)
    moved = ["[[points.tasks]]", 'id = "t3t3t3"', 'title = "任务丙"', ""]
    changed = _changed(STRUCTURE, out)
    assert sorted(changed) == sorted(["+" + x for x in moved] + ["-" + x for x in moved])
    assert store.loads(out).plan == doc.plan


def test_appending_an_item_and_a_task_at_the_end_of_the_file() -> None:
    from planwright.plan.model import Item, Task

    doc = store.loads(STRUCTURE)
    doc.plan.points[0].tasks[0].items.append(Item(id="newitm", text="事项二"))
    doc.plan.points[1].tasks.append(Task(id="lastts", title="任务戊"))
    out = store.dumps(doc)
    assert sorted(_changed(STRUCTURE, out)) == sorted([
        "+[[points.tasks.items]]", '+id = "newitm"', '+text = "事项二"', "+",
        "+", "+[[points.tasks]]", '+id = "lastts"', '+title = "任务戊"'])
    assert out.endswith('title = "任务戊"\n')
    assert store.loads(out).plan == doc.plan
