"""A save after field edits patches the value lines of the changed keys, and nothing else.

The patched text must be what the tomlkit save writes (read back, the same data;
byte for byte, the same file), the untouched lines must stay as they were (comments,
blank lines, CRLF), and the patch must give up — leaving the save to tomlkit —
whenever it cannot be sure (a line inside a text block that looks like a key).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planwright.plan import patch as patching
from planwright.plan import store, tomlsync
from planwright.plan.lineindex import LineIndex
from planwright.plan.model import Item, Meta, Plan, Wording, field_names
from test_store_fresh import dates, names, plans, texts, wordings

_META_VALUES = {"year": st.integers(0, 3000), "end_year": st.integers(0, 3000), "date": dates, "print_date": dates,
                "forward_date": dates, "recipients": names, "forward_recipients": names, "cc": names,
                "masthead": st.sampled_from(["", "red", "none"]), "doc_number_at": st.sampled_from(["", "below"]),
                "fonts": st.just("")}
_NODE_VALUES = {"title": texts, "text": texts, "lead": names, "support": names, "deadline": texts}


@st.composite
def edits(draw, plan: Plan) -> list[tuple[str, int, str, object]]:
    """One to four field edits (what, which one, key, value), as the editor makes them."""
    nodes = list(plan.all_nodes())
    out = []
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.sampled_from(["meta", "unit", "attachment", "node", "node"]))
        if where == "unit" and plan.units:
            key = draw(st.sampled_from(["aliases", "kind"]))
            out.append(("unit", draw(st.integers(0, len(plan.units) - 1)), key,
                        draw(names if key == "aliases" else texts)))
        elif where == "attachment" and plan.attachments:
            out.append(("attachment", draw(st.integers(0, len(plan.attachments) - 1)), "text", draw(texts)))
        elif where == "node" and nodes:
            index = draw(st.integers(0, len(nodes) - 1))
            keys = [k for k in (*_NODE_VALUES, "wording") if k in type(nodes[index]).__dataclass_fields__]
            key = draw(st.sampled_from(keys))
            out.append(("node", index, key, draw(wordings() if key == "wording" else _NODE_VALUES[key])))
        else:
            key = draw(st.sampled_from(field_names(Meta)))
            out.append(("meta", 0, key, draw(_META_VALUES.get(key, texts))))
    return out


def _apply(plan: Plan, changes: list[tuple[str, int, str, object]]) -> None:
    for where, index, key, value in changes:
        target = {"meta": lambda: plan.meta, "unit": lambda: plan.units[index],
                  "attachment": lambda: plan.attachments[index],
                  "node": lambda: list(plan.all_nodes())[index]}[where]()
        setattr(target, key, value.copy() if isinstance(value, Wording) else
                list(value) if isinstance(value, list) else value)


def _tables(data: dict, path: tuple = ()):
    """(path, table) of every table in the data, outline tables by position."""
    yield path, data
    for key, value in data.items():
        if isinstance(value, dict) and key != "wording":
            yield from _tables(value, path + (key,))
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            for i, table in enumerate(value):
                yield from _tables(table, path + (key, i))


def _table(data: dict, path: tuple) -> dict:
    for step in path:
        data = data[step]
    return data


def _changed_keys(before: dict, after: dict) -> set[tuple[tuple, str]]:
    """(table path, key) of every key a save added, removed or gave another value."""
    old = dict(_tables(before))
    changed = set()
    for path, table in _tables(after):
        was = old[path]
        for key in set(table) | set(was):
            if not _is_tables(table.get(key, was.get(key))) and table.get(key) != was.get(key):
                changed.add((path, key))
    return changed


def _is_tables(value) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _without(text: str, keys: set[tuple[tuple, str]]) -> str:
    """The text without the lines of these keys (key, value, the rest of its last line)."""
    index = LineIndex(text)
    cuts = []
    for path, key in keys:
        start = index.key_at.get(path, {}).get(key)
        if start is not None:
            value = patching._KEY_EQUALS.match(text, start).end()
            end = text.find("\n", patching._value_end(text, value))
            cuts.append((start, len(text) if end < 0 else end + 1))
    out, at = [], 0
    for start, end in sorted(cuts):
        out.append(text[at:start])
        at = end
    return "".join(out) + text[at:]


_HEADER = re.compile(r"\[\[?(plan|units|points|body|attachments)(\.[a-z]+)*\]\]?")


def _dress(text: str, draw) -> str:
    """A person's file: comments above headers and after header lines, blank lines, maybe CRLF."""
    out = []
    for line in text.split("\n"):
        # a header line, not a line of a multi-line string that happens to open with [
        header = _HEADER.fullmatch(line) is not None
        if header and draw(st.booleans()):
            out.append("# 以下一节")
        if header and draw(st.booleans()):
            line += "  # 说明"
        out.append(line)
    text = "\n".join(out)
    return text.replace("\n", "\r\n") if draw(st.booleans()) else text


def _both(text: str, changes) -> tuple[store.PlanDocument, str, str]:
    """The patched save and the tomlkit save of the same edits on the same text."""
    patched, reference = store.loads(text), store.loads(text)
    for a, b in zip(patched.plan.all_nodes(), reference.plan.all_nodes()):
        b.id = a.id  # ids given at load are random: both documents give the same ones
    reference.given_ids = dict(patched.given_ids)
    for doc in (patched, reference):
        _apply(doc.plan, changes)
    return patched, store.dumps(patched), tomlsync.tomlkit_text(reference, reference.text)


def _dressed_plan_text(plan: Plan, draw) -> str:
    text = _dress(store.dumps(store.new_document(plan)), draw)
    if draw(st.booleans()):  # a file written by hand: no ids, given at load
        text = re.sub(r"^id = .*\r?\n", "", text, flags=re.M)
    return text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(plans(), st.data())
def test_field_edits_are_patched_as_tomlkit_would_write_them(plan: Plan, data) -> None:
    text = _dressed_plan_text(plan, data.draw)
    changes = data.draw(edits(store.loads(text).plan))
    doc, patched, reference = _both(text, changes)
    result = patching.patch(doc)
    assert result is not None and result.whole, "field edits alone are patched"
    assert store.loads(patched).plan == doc.plan
    changed = _changed_keys(tomllib.loads(text), tomllib.loads(patched))
    assert _without(text, changed) == _without(patched, changed)  # every other byte as it was
    for comment in ("# 以下一节", "# 说明"):
        assert patched.count(comment) == text.count(comment)
    assert ("\r\n" in text) == ("\r\n" in patched) and patched.count("\r\n") in (0, patched.count("\n"))
    names = [u.name for u in doc.plan.units] + [a.title for a in doc.plan.attachments]
    if any("\n" in n or "\r" in n for n in names):
        return  # tomlkit reads a \"\"\" name with its CR, takes the unit for another and writes it anew
    assert tomllib.loads(patched) == tomllib.loads(reference)
    if all(key in _table(tomllib.loads(text), path) for path, key in changed):
        # values replaced in place: the very text tomlkit writes (a new key tomlkit's public
        # API can only add after the comments that close a table; the patch puts it before)
        assert patched == reference


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(plans(), st.data())
def test_a_save_against_the_saved_plan_writes_what_comparing_every_table_writes(plan: Plan, data) -> None:
    """The editor hands the plan as last saved (the base): only the nodes that differ from it
    are looked at, and the text is the same as when every table is compared with the file."""
    text = _dress(store.dumps(store.new_document(plan)), data.draw)  # with ids: none given at load
    changes = data.draw(edits(store.loads(text).plan))
    whole, against_base = store.loads(text), store.loads(text)
    against_base.base = store.loads(text).plan
    for doc in (whole, against_base):
        _apply(doc.plan, changes)
    result = patching.patch(against_base)
    assert result is not None and result.whole
    assert result.text == store.dumps(whole)
    if result.text != text:  # the index comes along with the patch: what a scan of the new text finds
        fresh = LineIndex(result.text)
        assert result.lines is not None
        assert (result.lines.order, result.lines.header_at, result.lines.key_at) == \
            (fresh.order, fresh.header_at, fresh.key_at)


HAND_WRITTEN = '''\
schema = "planwright/1"

[plan]
title = "2027年示例镇政务公开工作方案"  # 标题待定
year = 2027
preamble = """
[[points]]
title = "这一行在前言里，不是表头"
"""

# 第一部分
[[points]]
id = "p1aaaa"
title = "加强组织领导"

[[points.tasks]]
id = "t1aaaa"
title = "成立工作专班"
wording = {text = "（镇党政办牵头）", lead = ["镇党政办"]}
lead = ["镇党政办"]

# 第二部分
[[points]]
id = "p2aaaa"
title = "抓好公开落实"
'''


def test_a_line_in_a_text_block_that_looks_like_a_header_is_not_taken_for_one(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    doc = store.load(path)
    doc.plan.points[1].title = "抓好公开落实工作"
    doc.plan.meta.title = "2027年示例镇政务公开工作要点"
    assert patching.patch(doc).whole
    store.save(doc)
    after = path.read_text(encoding="utf-8")
    assert after == HAND_WRITTEN.replace('title = "抓好公开落实"', 'title = "抓好公开落实工作"').replace(
        "工作方案\"  # 标题待定", "工作要点\"  # 标题待定")
    assert store.load(path).plan == doc.plan


def test_a_new_key_goes_after_the_last_key_and_a_dropped_wording_takes_its_line(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    doc = store.load(path)
    task = doc.plan.points[0].tasks[0]
    task.wording, task.deadline = None, "2027年6月底前"
    store.save(doc)
    after = path.read_text(encoding="utf-8")
    assert "wording" not in after
    assert 'lead = ["镇党政办"]\ndeadline = "2027年6月底前"\n\n# 第二部分\n[[points]]' in after
    assert store.load(path).plan == doc.plan


def test_added_and_moved_tables_go_to_tomlkit_after_the_field_edits_are_patched(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    doc = store.load(path)
    doc.plan.points[0].title = "加强组织领导工作"
    doc.plan.points.reverse()
    assert not patching.patch(doc).whole
    store.save(doc)
    after = path.read_text(encoding="utf-8")
    assert store.load(path).plan == doc.plan
    assert after.index('title = "抓好公开落实"') < after.index('title = "加强组织领导工作"')
    assert after.count("# 第一部分") == after.count("# 第二部分") == 1
    assert '"2027年示例镇政务公开工作方案"  # 标题待定' in after


def test_a_save_after_a_save_patches_from_what_the_first_one_wrote(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(HAND_WRITTEN.replace("\n", "\r\n"), encoding="utf-8")
    doc = store.load(path)
    for title in ("一", "二\n两段", "三"):
        doc.plan.points[1].title = title
        assert patching.patch(doc).whole
        store.save(doc)
        assert store.load(path).plan == doc.plan
    raw = path.read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n")
    # a title once written as a block stays one, as tomlkit keeps it
    assert raw.replace('title = """\r\n三"""'.encode(), 'title = "抓好公开落实"'.encode()) == \
        HAND_WRITTEN.replace("\n", "\r\n").encode()


def _token_scan(text: str) -> tuple[list, dict, dict]:
    """The index as a scan of every token finds it (headers and keys in one pass), to hold the
    header scan and the keys read per table to."""
    order, header_at, key_at, counters, keys = [], {}, {(): {}}, {}, None
    keys = key_at[()]
    for m in LineIndex._TOKEN.finditer(text):
        if m.lastgroup == "key":
            keys.setdefault(m.group("key"), m.start())
        elif m.lastgroup in ("aot", "table"):
            path = LineIndex._enter(m.group(m.lastgroup), m.lastgroup == "aot", counters)
            keys = key_at.setdefault(path, {})
            newline = text.find("\n", m.end())
            header_at[path] = (m.start(), len(text) if newline < 0 else newline + 1)
            order.append(path)
    return order, header_at, key_at


_TRICKY = st.lists(st.sampled_from(["\n[[points.tasks]]\n", "\n[plan]\n", 'id = "x"\n', "\n  [[units]]  # 注\n",
                                    '"', "'", '"""', "'''", "#", "\n", "[", "]", "正文", "\\"]), max_size=12).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(plans(), st.data())
def test_the_header_scan_finds_what_a_scan_of_every_token_finds(plan: Plan, data) -> None:
    """Lines inside text blocks that look like headers or keys are not taken for them, by the
    header scan as by a scan of every token; each table's keys are found where that scan finds them."""
    plan.meta.preamble = data.draw(_TRICKY)
    for node in plan.all_nodes():
        node.text = data.draw(_TRICKY)
    text = _dress(store.dumps(store.new_document(plan)), data.draw)
    index = LineIndex(text)
    assert (index.order, index.header_at, index.key_at) == _token_scan(text)


@st.composite
def reshapes(draw, plan: Plan) -> list[tuple]:
    """One to three nodes added or deleted, as the editor's add and delete make them (the
    new ones with their own ids, a title or text, sometimes items)."""
    out = []
    for n in range(draw(st.integers(1, 3))):
        what = draw(st.sampled_from(["add task", "delete task", "add item", "delete item", "add point",
                                     "delete point"]))
        new_id = f"new{n}aa"
        out.append((what, draw(st.integers(0, 50)), draw(st.integers(0, 50)), draw(st.integers(0, 50)), new_id,
                    draw(texts), draw(st.booleans())))
    return out


def _reshape(plan: Plan, changes: list[tuple]) -> None:
    from planwright.plan.model import Point, Task

    for what, a, b, c, new_id, words, with_items in changes:
        points = plan.points
        if what == "add point":
            points.insert(a % (len(points) + 1), Point(id=new_id, title=words,
                                                       tasks=[Task(id=new_id + "t", title=words)] if with_items else []))
        elif what == "delete point" and points:
            points.pop(a % len(points))
        elif what in ("add task", "delete task") and points:
            tasks = points[a % len(points)].tasks
            if what == "add task":
                items = [Item(id=new_id + "i", text=words)] if with_items else []
                tasks.insert(b % (len(tasks) + 1), Task(id=new_id, title=words, deadline=words, items=items))
            elif tasks:
                tasks.pop(b % len(tasks))
        elif what in ("add item", "delete item") and points and points[a % len(points)].tasks:
            tasks = points[a % len(points)].tasks
            items = tasks[b % len(tasks)].items
            if what == "add item":
                items.insert(c % (len(items) + 1), Item(id=new_id, text=words, lead=[words] if with_items else []))
            elif items:
                items.pop(c % len(items))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(plans(), st.data())
def test_nodes_added_and_deleted_are_patched_as_tomlkit_would_write_them(plan: Plan, data) -> None:
    """Tasks, items and points added or deleted (with field edits beside them) are written into
    the text directly when the plan as last saved is known: the very text tomlkit's save writes."""
    text = _dress(store.dumps(store.new_document(plan)), data.draw)
    changes = data.draw(reshapes(store.loads(text).plan))
    edits_too = data.draw(st.lists(st.tuples(st.integers(0, 50), texts), max_size=2))
    patched, reference = store.loads(text), store.loads(text)
    patched.base = store.loads(text).plan
    for doc in (patched, reference):
        _reshape(doc.plan, changes)
        nodes = [n for n in doc.plan.all_nodes() if not n.id.startswith("new")]
        for at, title in edits_too if nodes else ():
            node = nodes[at % len(nodes)]
            setattr(node, "text" if isinstance(node, Item) else "title", title)
    result = patching.patch(patched)
    if result is None or not result.whole:
        return  # a list emptied and filled again: tomlkit's work
    assert store.loads(result.text).plan == patched.plan
    names = [u.name for u in plan.units] + [a.title for a in plan.attachments]
    if any("\n" in n or "\r" in n for n in names):
        return  # tomlkit reads a \"\"\" name with its CR, takes the unit for another and writes it anew
    assert result.text == tomlsync.tomlkit_text(reference, reference.text)
