"""A new plan file (import, new) is written directly as text, without tomlkit.

What is written must read back, through tomllib and the store's reader, as the very
plan it was written from — whatever the text holds (quotes, backslashes, newlines,
control characters, \"\"\" runs) — carry the notes as comments beside their nodes,
and stay a file that a later edit through tomlkit changes only where it edits.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planwright.plan import store, tomlsync
from planwright.plan.model import (
    DOC_NUMBER_PLACES, FONT_PROFILES, MASTHEADS, Attachment, Item, Meta, Plan, Point, Task, Unit, Wording, field_names,
)

# Nodes get their ids from new_document, unique as a real plan's are.
# Text as notices and people give it, plus what TOML must escape.
_CHARS = st.one_of(
    st.sampled_from(list('政务公开要点（）“”《》、，。：；"\'\\\n\r\t\x00\x1f\x7f{}[]#=$ ') + ['"""', "'''", "\r\n"]),
    st.characters(codec="utf-8", exclude_categories=("Cs",)),
)
texts = st.lists(_CHARS, max_size=8).map("".join)
names = st.lists(texts, max_size=2)
dates = st.one_of(st.just(""), st.dates().map(lambda d: d.isoformat()).filter(lambda d: len(d) == 10))


@st.composite
def wordings(draw):
    if not draw(st.booleans()):
        return None
    return Wording(text=draw(texts), lead=draw(names), support=draw(names), deadline=draw(texts),
                   at=draw(st.integers(min_value=-1, max_value=500)))


@st.composite
def items(draw):
    return Item(text=draw(texts), lead=draw(names),
                support=draw(names), deadline=draw(texts), wording=draw(wordings()))


@st.composite
def tasks(draw):
    return Task(title=draw(texts), text=draw(texts),
                lead=draw(names), support=draw(names), deadline=draw(texts), wording=draw(wordings()),
                items=draw(st.lists(items(), max_size=2)))


@st.composite
def points(draw):
    return Point(title=draw(texts), text=draw(texts),
                 tasks=draw(st.lists(tasks(), max_size=2)))


@st.composite
def plans(draw):
    meta = Meta(title=draw(texts), style=draw(texts), year=draw(st.integers(0, 3000)),
                end_year=draw(st.integers(0, 3000)), issuer=draw(texts), doc_number=draw(texts),
                date=draw(dates), recipients=draw(names), letter=draw(texts), publicity=draw(texts),
                cc=draw(names), printer=draw(texts), print_date=draw(dates), preamble=draw(texts),
                closing=draw(texts))
    units = [Unit(name=draw(texts.filter(bool)), aliases=draw(names), kind=draw(texts))
             for _ in range(draw(st.integers(0, 2)))]
    attachments = [Attachment(title=draw(texts.filter(bool)), text=draw(texts)) for _ in range(draw(st.integers(0, 2)))]
    return Plan(meta=meta, units=units, points=draw(st.lists(points(), max_size=2)),
                body=draw(st.lists(points(), max_size=1)), attachments=attachments)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_a_new_file_reads_back_as_the_plan_it_was_written_from(plan: Plan) -> None:
    doc = store.new_document(plan)
    text = store.dumps(doc)
    tomllib.loads(text)  # valid TOML
    assert store.loads(text).plan == plan


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), st.lists(texts, min_size=1, max_size=3))
def test_notes_become_comments_that_leave_the_plan_alone(plan: Plan, notes: list[str]) -> None:
    doc = store.new_document(plan)
    targets = [None] + [n.id for n in plan.nodes()]
    for i, note in enumerate(notes):
        doc.annotate(targets[i % len(targets)], f"导入提示: {note}")
    text = store.dumps(doc)
    assert store.loads(text).plan == plan
    assert text.count("\n# 导入提示: ") == len(notes)


def _sample_plan() -> Plan:
    task = Task(title="公开预决算", text="按时公开。\n另起一段。", lead=["区财政局"],
                wording=Wording(text="（责任单位：区财政局）", lead=["区财政局"]))
    item = Item(text="每季度更新“进度”。", lead=["区发改局"], support=["区财政局"], deadline="2027年6月底前")
    return Plan(meta=Meta(title="2027年示例区政务公开工作要点", style="jinan", year=2027, date="2027-03-01",
                          recipients=["各街道办事处", "区政府各部门"], preamble="第一段。\n第二段。"),
                units=[Unit(name="区财政局", aliases=["财政局"])],
                points=[Point(title="做好主动公开", tasks=[task, Task(title="公开项目", items=[item])])])


def _every_field_filled() -> Plan:
    """The sample plan with every key of [plan] set, and an attachment: a key the model gains
    and the direct writer forgets shows here."""
    plan = _sample_plan()
    for name in field_names(Meta):
        value = getattr(plan.meta, name)
        if name in ("masthead", "fonts", "doc_number_at"):
            choices = {"masthead": MASTHEADS, "fonts": FONT_PROFILES, "doc_number_at": DOC_NUMBER_PLACES}
            setattr(plan.meta, name, choices[name][0])
        elif name in ("date", "print_date", "forward_date"):
            setattr(plan.meta, name, value or "2027-03-02")
        elif isinstance(value, int):
            setattr(plan.meta, name, value or 2029)
        elif isinstance(value, list):
            setattr(plan.meta, name, value or ["某某单位"])
        elif not value:
            setattr(plan.meta, name, f"{name} 的内容")
    plan.body = [Point(title="正文要点", tasks=[Task(title="正文任务")])]
    plan.attachments = [Attachment(title="有关单位名单", text="甲局、乙局。")]
    return plan


def test_a_new_file_is_what_tomlkit_would_write(tmp_path: Path) -> None:
    """Byte for byte the layout a fresh tomlkit document gets, so later edits through
    tomlkit move no line they do not touch."""
    doc = store.new_document(_every_field_filled())
    doc.annotate(None, "导入提示: 原文没有文号")
    doc.annotate(doc.plan.points[0].tasks[0].id, "导入提示: 单位待核")
    direct = store.dumps(doc)
    assert direct == tomlsync.tomlkit_text(doc, "")
    assert "date = 2027-03-01\n" in direct and 'preamble = """\n第一段。\n第二段。"""' in direct
    assert "[[attachments]]" in direct and "[[body.tasks]]" in direct
    assert store.loads(direct).plan == doc.plan


def test_a_new_file_is_written_without_importing_tomlkit(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "tomlkit", None)  # any import of it now fails
    doc = store.new_document(_sample_plan())
    path = store.save(doc, tmp_path / "plan.toml")
    assert store.load(path).plan == doc.plan


def test_an_edit_after_the_first_save_goes_through_tomlkit_and_touches_its_line(tmp_path: Path) -> None:
    doc = store.new_document(_sample_plan())
    path = store.save(doc, tmp_path / "plan.toml")
    before = path.read_text(encoding="utf-8").splitlines()
    doc.plan.points[0].tasks[1].items[0].deadline = "2027年9月底前"
    store.save(doc)
    after = path.read_text(encoding="utf-8").splitlines()
    assert [a for a, b in zip(after, before) if a != b] == ['deadline = "2027年9月底前"']
    assert len(after) == len(before)


def test_a_template_whose_comments_open_it_is_started_afresh_keeping_them() -> None:
    text = '# 模板说明第一行\n# 第二行\nschema = "planwright/1"\n\n[plan]\ntitle = "示例"\nstyle = "jinan"\nyear = 2027\n'
    doc = store.loads(text)
    assert store.start_afresh(doc)
    written = store.dumps(doc)
    assert written.startswith("# 模板说明第一行\n# 第二行\nschema = ")
    assert store.loads(written).plan == store.loads(text).plan


def test_a_template_with_comments_among_its_tables_keeps_them_through_tomlkit() -> None:
    text = 'schema = "planwright/1"\n\n[plan]\ntitle = "示例"\nstyle = "jinan"\nyear = 2027\n# ---- 正文 ----\n'
    doc = store.loads(text)
    assert not store.start_afresh(doc)
    doc.plan.meta.year = 2028
    assert "# ---- 正文 ----" in store.dumps(doc)
