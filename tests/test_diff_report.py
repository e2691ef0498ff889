"""What `planwright diff` shows and writes: the exact JSON shape, the reports, bad input."""

from __future__ import annotations

import copy
import io
import json
import re
from pathlib import Path

import pytest
from docx import Document
from rich.console import Console

from planwright.diffing import compare, to_docx, to_html, to_json, to_markdown, to_rich
from planwright.plan.model import Item, Meta, Plan, Point, Task
from planwright.plan.store import new_document, save

LONG_ITEM = "每季度更新一次政务公开目录，标注信息来源、责任科室和更新时间，过期信息及时归档。"


def old_plan() -> Plan:
    plan = Plan(meta=Meta(title="2021年示例区政务公开工作要点", year=2021, style="jinan"), points=[
        Point(title="公开重点领域信息", tasks=[
            Task(title="做好财政预决算信息公开", lead=["发改委", "区财政局"], deadline="2021年10月底",
                 text="部门预算、决算在批复后二十日内公开，三公经费500万元以上的部门说明增减原因。"),
            Task(title="做好卫生健康信息发布", lead=["区卫生健康局"],
                 text="及时发布传染病防控和疫苗接种安排，公开医疗机构服务时间和就医指引。"),
        ]),
        Point(title="夯实公开基础", tasks=[
            Task(title="规范公开目录", items=[Item(text=LONG_ITEM, lead=["区政府办公室"], deadline="2021年12月底")]),
        ]),
    ])
    plan.ensure_ids()
    return plan


def new_plan(old: Plan) -> Plan:
    new = copy.deepcopy(old)
    new.meta.title, new.meta.year = "2022年示例区政务公开工作要点", 2022
    finance = new.points[0].tasks[0]
    finance.text = finance.text.replace("500", "600")
    finance.lead = ["区发展改革委", "区财政局"]
    finance.deadline = "2022年9月底"
    new.points[0].tasks.pop()  # removed
    new.points[1].tasks.append(Task(title="办好<政务>热线 & “问政”", lead=["区12345热线办"],
                                    text="热线工单按时办结，每月公布受理量和满意度。"))
    new.points[1].tasks[0].items[0].deadline = "2022年12月底"
    return new


@pytest.fixture()
def pair() -> tuple[Plan, Plan]:
    old = old_plan()
    return old, new_plan(old)


@pytest.fixture()
def files(tmp_path: Path, pair) -> tuple[Path, Path]:
    old, new = pair
    paths = tmp_path / "2021.toml", tmp_path / "2022.toml"
    for plan, path in zip(pair, paths):
        save(new_document(plan), path)
    return paths


# -- JSON ---------------------------------------------------------------------------

UNIT_KEYS = {"added", "removed", "renamed"}


def test_json_has_exactly_the_agreed_shape(pair) -> None:
    data = json.loads(to_json(compare(*pair)))
    assert set(data) == {"summary", "changes"}
    assert list(data["summary"]) == ["unchanged", "reworded", "moved", "added", "removed", "merged", "split"]
    assert all(isinstance(v, int) for v in data["summary"].values())
    for change in data["changes"]:
        assert set(change) == {"level", "status", "old", "new", "text_similarity", "lead", "support", "deadline"}
        assert change["level"] in ("point", "task", "item")
        assert change["status"] in data["summary"]
        for ref in change["old"] + change["new"]:
            assert set(ref) == {"id", "path", "title"} and all(isinstance(v, str) for v in ref.values())
        assert isinstance(change["text_similarity"], float) and 0 <= change["text_similarity"] <= 1
        for units in (change["lead"], change["support"]):
            assert set(units) == UNIT_KEYS
            assert all(isinstance(pair_, list) and len(pair_) == 2 for pair_ in units["renamed"])
        assert change["deadline"] is None or set(change["deadline"]) == {"old", "new"}
    assert sum(data["summary"].values()) == len(data["changes"])


def test_json_content_of_each_kind_of_change(pair) -> None:
    old, new = pair
    data = json.loads(to_json(compare(old, new)))
    by_status = {}
    for change in data["changes"]:
        by_status.setdefault((change["level"], change["status"]), []).append(change)
    reworded = by_status["task", "reworded"][0]
    assert reworded["old"] == [{"id": old.points[0].tasks[0].id, "path": "一/（一）", "title": "做好财政预决算信息公开"}]
    assert reworded["lead"] == {"added": [], "removed": [], "renamed": [["发改委", "区发展改革委"]]}
    assert reworded["deadline"] == {"old": "2021年10月底", "new": "2022年9月底"}
    assert 0.9 < reworded["text_similarity"] < 1
    removed = by_status["task", "removed"][0]
    assert removed["new"] == [] and removed["old"][0]["path"] == "一/（二）"
    added = by_status["task", "added"][0]
    assert added["old"] == [] and added["new"][0]["path"] == "二/（二）"
    item = by_status["item", "unchanged"][0]
    assert item["new"][0]["title"] == LONG_ITEM[:20] and item["deadline"] is None
    assert item["new"][0]["path"] == "二/（一）/1"


# -- the command --------------------------------------------------------------------


def test_diff_prints_json_and_writes_every_format(cli, files, tmp_path: Path) -> None:
    old, new = files
    result = cli("diff", old, new, "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["summary"]["reworded"] == 1
    for fmt, name in (("json", "d.json"), ("md", "d.md"), ("html", "d.html"), ("docx", "d.docx"), ("text", "d.txt")):
        out = tmp_path / name
        assert cli("diff", old, new, "--format", fmt, "-o", out).exit_code == 0
        assert out.stat().st_size > 0
    assert "\x1b[" not in (tmp_path / "d.txt").read_text("utf-8")  # no colour codes in a file
    assert "[-500-]{+600+}" in (tmp_path / "d.txt").read_text("utf-8")


def test_diff_text_in_the_terminal_lists_the_summary_first(cli, files) -> None:
    result = cli("diff", *files)
    assert result.exit_code == 0
    out = result.stdout
    assert out.index("概要") < out.index("变化明细")
    assert "更名 发改委 → 区发展改革委" in out


@pytest.mark.parametrize("content", ["schema = \"planwright/1\"\n[plan\ntitle = 1\n", "[plan]\nyear = \"二〇二二\"\n"])
def test_bad_input_names_the_file_and_writes_nothing(cli, files, tmp_path: Path, content: str) -> None:
    old, _ = files
    broken = tmp_path / "broken.toml"
    broken.write_text(content, "utf-8")
    out = tmp_path / "report.html"
    result = cli("diff", str(old), str(broken), "--format", "html", "-o", str(out))
    assert result.exit_code == 2
    assert "broken.toml" in result.stderr
    assert not out.exists() and not list(tmp_path.glob(".report.html*"))


def test_an_unwritable_output_is_named(cli, files, tmp_path: Path) -> None:
    out = tmp_path / "no-such-folder" / "report.html"
    result = cli("diff", *map(str, files), "--format", "html", "-o", str(out))
    assert result.exit_code == 2 and "report.html" in result.stderr and "Traceback" not in result.output


def test_docx_needs_an_output_file(cli, files) -> None:
    result = cli("diff", *map(str, files), "--format", "docx")
    assert result.exit_code == 2 and "-o" in result.stderr


def test_output_may_not_overwrite_an_input(cli, files) -> None:
    old, new = files
    before = new.read_bytes()
    result = cli("diff", str(old), str(new), "--format", "json", "-o", str(new))
    assert result.exit_code == 2 and new.read_bytes() == before


# -- the reports ----------------------------------------------------------------------


def test_html_is_self_contained_and_escapes_every_plan_string(pair) -> None:
    old, new = pair
    new.meta.title = "2022年<script>alert('x')</script>要点"
    page = to_html(compare(old, new))
    assert "<script" not in page and "&lt;script&gt;" in page
    assert "办好&lt;政务&gt;热线 &amp; “问政”" in page
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", page)  # nothing fetched from elsewhere
    assert "<del>500</del><ins>600</ins>" in page
    assert page.index("概要") < page.index("变化明细")


def test_markdown_redline_and_escaping(pair) -> None:
    old, new = pair
    new.points[0].tasks[0].title = "做好财政*预决算*信息公开"
    md = to_markdown(compare(old, new))
    assert "~~500~~<ins>600</ins>" in md
    assert "财政\\*预决算\\*信息" in md and "办好&lt;政务&gt;热线 &amp; “问政”" in md
    assert md.index("## 概要") < md.index("## 变化明细")


def test_docx_redline_is_coloured_runs(pair) -> None:
    doc = Document(io.BytesIO(to_docx(compare(*pair))))
    runs = [run for p in doc.paragraphs for run in p.runs]
    deleted = [r for r in runs if r.font.strike]
    inserted = [r for r in runs if r.font.underline]
    assert any(r.text == "500" for r in deleted) and any(r.text == "600" for r in inserted)
    assert all(r.font.color.rgb is not None for r in deleted + inserted)
    assert doc.tables, "summary table"
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "牵头单位：更名 发改委 → 区发展改革委" in text


def test_terminal_cells_fold_and_never_truncate(pair) -> None:
    old, new = pair
    new.points[1].tasks[0].items[0].lead = ["区政府办公室", "区行政审批服务局政务公开科"]
    console = Console(width=36, record=True, file=io.StringIO())
    console.print(to_rich(compare(old, new)))
    out = console.export_text()
    assert "…" not in out
    flat = re.sub(r"[\s│┃┡┩┏┓┗┛━─╇╋┼┬┴├┤┌┐└┘]", "", out)
    assert "区行政审批服务局政务公开科" in flat
    assert "部门预算、决算在批复后二十日内公开" in flat


def _docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_a_text_unchanged_but_for_its_units_or_deadline_is_called_an_adjustment(pair) -> None:
    old, _ = pair
    new = copy.deepcopy(old)
    new.meta.year = 2022
    new.points[0].tasks[0].deadline = "2022年10月底"  # the year's roll-over: no change
    new.points[0].tasks[1].support = ["区审计局"]  # 卫生健康: text as it was, one more support unit
    new.points[1].tasks[0].items[0].deadline = "2022年6月底"  # the item: only its deadline moved
    cmp = compare(old, new)
    # the JSON keeps the agreed statuses: the text is unchanged
    data = json.loads(to_json(cmp))
    assert {c["status"] for c in data["changes"]} == {"unchanged"}
    assert data["summary"]["unchanged"] == len(data["changes"])

    console = Console(width=120, record=True, file=io.StringIO())
    console.print(to_rich(cmp))
    reports = {"text": console.export_text(), "md": to_markdown(cmp), "html": to_html(cmp),
               "docx": _docx_text(to_docx(cmp))}
    for name, report in reports.items():
        flat = re.sub(r"<[^>]+>|[\\*#【】]", " ", report)
        assert re.search(r"单位调整\s*·?\s*任务 一/（二） 做好卫生健康信息发布", flat), name
        assert re.search(r"时限调整\s*·?\s*事项 二/（一）/1", flat), name
        assert not re.search(r"未变\s*·?\s*任务 一/（二）", flat), name
        assert "配合单位：增加 区审计局" in flat, name
        assert "时限：2021年12月底 → 2022年6月底" in flat, name
        assert "变化明细（2 处）" in flat, name
        assert "其中单位或时限调整 2" in flat, name  # the 合计 row
    # neither is among the plainly unchanged ones
    md = reports["md"]
    quiet = md[md.index("## 未变"):].split("\n## ", 1)[0]  # up to the per-unit section after it
    assert "卫生健康" not in quiet and "二/（一）/1" not in quiet


def test_units_and_deadline_together_read_as_one_adjustment(pair) -> None:
    old, _ = pair
    new = copy.deepcopy(old)
    new.meta.year = 2022
    task = new.points[0].tasks[1]
    task.support, task.deadline = ["区审计局"], "2022年3月底"
    assert "### 单位、时限调整 · 任务 一/（二） 做好卫生健康信息发布" in to_markdown(compare(old, new))
