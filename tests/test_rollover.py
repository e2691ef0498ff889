"""`planwright new --from LAST.toml --year Y`: last year's plan moved into the new year."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from corpus import TRUTH, corpus_available

from planwright.plan import store
from planwright.zh.deadlines import Kind, parse
from planwright.diffing import compare
from planwright.plan.model import Item, Meta, Plan, Point, Task, Unit
from planwright.plan.rollover import roll_over

LAST = """\
schema = "planwright/1"

[plan]
title = "2021年示例区政务公开工作要点"
style = "jinan"
year = 2021
issuer = "示例区人民政府办公室"
doc_number = "示政办字〔2021〕4号"
date = 2021-06-23
preamble = "2021年全区政务公开工作，要在2020年试点基础上全面推开。"
closing = "各单位于2021年12月10日前报送落实情况。"

[[units]]
name = "区财政局"
aliases = ["财政局"]

# 这一条是经办人写的备注
[[points]]
id = "pnt001"
title = "做好重点领域信息公开"

[[points.tasks]]
id = "tsk001"
title = "做好财政预决算公开"
text = "部门预算、决算在批复后二十日内公开。"
lead = ["区财政局"]
support = ["各街道办事处"]
deadline = "2021年10月底"

[[points.tasks]]
id = "tsk002"
title = "推进标准化成果落实"
text = "巩固2020年标准化试点成果，2021年底前完成目录修订。"
lead = ["区政府办公室"]
deadline = "明年春节前"

[[points.tasks.items]]
id = "itm001"
text = "每季度更新一次公开目录。"
lead = ["区政府办公室"]
deadline = "每季度末"

[[points.tasks.items]]
id = "itm002"
text = "完成专区改造。"
lead = ["区政务服务中心"]
deadline = "二〇二一年十二月底"

[[points.tasks.items]]
id = "itm003"
text = "试点延续两年。"
lead = ["区政务服务中心"]
deadline = "2021-2022年"
"""


@pytest.fixture()
def last(tmp_path: Path) -> Path:
    path = tmp_path / "2021.toml"
    path.write_text(LAST, "utf-8")
    return path


def test_roll_over_keeps_ids_and_units_and_moves_every_dated_deadline(cli, last: Path, tmp_path: Path) -> None:
    out = tmp_path / "2022.toml"
    result = cli("new", "--from", last, "--year", 2022, "-o", out)
    assert result.exit_code == 0, result.output
    old, rolled = store.load(last).plan, store.load(out).plan
    assert [n.id for n in rolled.nodes()] == [n.id for n in old.nodes()]
    assert rolled.units == old.units
    assert [(t.lead, t.support) for _, t in rolled.tasks()] == [(t.lead, t.support) for _, t in old.tasks()]
    deadlines = [n.deadline for n in rolled.nodes() if isinstance(n, (Task, Item))]
    assert deadlines == ["2022年10月底", "明年春节前", "每季度末", "二〇二二年十二月底", "2022-2023年"]


def test_roll_over_updates_the_year_and_clears_the_issue_details(cli, last: Path, tmp_path: Path) -> None:
    out = tmp_path / "2022.toml"
    assert cli("new", "--from", last, "--year", 2022, "-o", out).exit_code == 0
    meta = store.load(out).plan.meta
    assert (meta.title, meta.year) == ("2022年示例区政务公开工作要点", 2022)
    assert meta.preamble == "2022年全区政务公开工作，要在2020年试点基础上全面推开。"  # 2020 is a past fact
    assert meta.closing == "各单位于2022年12月10日前报送落实情况。"
    assert (meta.doc_number, meta.date) == ("", "")
    assert (meta.issuer, meta.style) == ("示例区人民政府办公室", "jinan")
    text = out.read_text("utf-8")
    assert "# 这一条是经办人写的备注" in text  # a person's comment survives


def test_roll_over_lists_every_place_it_could_not_move(cli, last: Path, tmp_path: Path) -> None:
    out = tmp_path / "2022.toml"
    result = cli("new", "--from", last, "--year", 2022, "-o", out)
    lines = [line for line in result.output.splitlines() if "提示：" in line]
    assert any("一/（二）" in line and "明年春节前" in line and "无法识别" in line for line in lines)
    assert any("一/（二）" in line and "2020、2021" in line and "文字" in line for line in lines)
    assert any("前言" in line and "2020" in line for line in lines)
    assert any("前言" in line and "已改为 2022" in line for line in lines)
    assert "处需要人工确认" in result.output
    # the same notes stay in the new file, beside their nodes
    text = out.read_text("utf-8")
    assert text.count("# 滚动提示：") == len(lines)


def test_year_defaults_to_the_next_one(cli, last: Path, tmp_path: Path) -> None:
    out = tmp_path / "next.toml"
    assert cli("new", "--from", last, "-o", out).exit_code == 0
    assert store.load(out).plan.meta.year == 2022


@pytest.mark.parametrize("year", [2021, 2019])
def test_a_year_not_after_the_plans_is_refused(cli, last: Path, tmp_path: Path, year: int) -> None:
    out = tmp_path / "same.toml"
    result = cli("new", "--from", last, "--year", year, "-o", out)
    assert result.exit_code == 2
    assert "2021.toml" in result.stderr and not out.exists()


def test_a_broken_plan_file_is_named_and_nothing_is_written(cli, tmp_path: Path) -> None:
    broken = tmp_path / "last.toml"
    broken.write_text('schema = "planwright/1"\n[plan]\nyear = "去年"\n', "utf-8")
    out = tmp_path / "new.toml"
    result = cli("new", "--from", broken, "--year", 2022, "-o", out)
    assert result.exit_code == 2 and "last.toml" in result.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == [broken]


def test_a_plan_without_any_year_is_refused(cli, tmp_path: Path) -> None:
    bare = tmp_path / "bare.toml"
    bare.write_text('schema = "planwright/1"\n[plan]\ntitle = "示例区政务公开工作要点"\n', "utf-8")
    result = cli("new", "--from", bare, "--year", 2022, "-o", tmp_path / "out.toml")
    assert result.exit_code == 2 and "bare.toml" in result.stderr and "year" in result.stderr


def test_a_multi_year_plan_moves_as_a_whole() -> None:
    plan = Plan(meta=Meta(title="示例市数字政府建设三年行动计划（2020—2022年）", year=2020, end_year=2022),
                points=[Point(title="建设一网通办", tasks=[Task(title="上线统一平台", deadline="2022年底")])])
    notes = roll_over(plan, 2023)
    assert (plan.meta.year, plan.meta.end_year) == (2023, 2025)
    assert plan.meta.title == "示例市数字政府建设三年行动计划（2023—2025年）"
    assert plan.points[0].tasks[0].deadline == "2025年底"
    assert notes == []


def test_a_title_without_the_year_is_pointed_out() -> None:
    plan = Plan(meta=Meta(title="示例区政务公开工作要点", year=2021))
    notes = roll_over(plan, 2022)
    assert [n.field for n in notes] == ["title"]


def test_a_style_phrase_is_not_reported_as_unreadable() -> None:
    from planwright.api import DeadlinePhrase

    plan = Plan(meta=Meta(title="2021年要点", year=2021),
                points=[Point(title="甲", tasks=[Task(title="乙", deadline="随人代会")])])
    assert [n.field for n in roll_over(copy.deepcopy(plan), 2022)] == ["deadline"]
    phrase = DeadlinePhrase(name="with-congress", pattern="随人代会", kind=Kind.RELATIVE)
    assert roll_over(plan, 2022, [phrase]) == []


@pytest.mark.skipif(not corpus_available(), reason="needs ../shared/truth")
@pytest.mark.parametrize("name", ["huaiyin-2021-yaodian", "ningguo-2021-yaodian"])
def test_corpus_plans_roll_over_and_compare_as_unchanged(cli, name: str, tmp_path: Path) -> None:
    """Every dated deadline lands in the new year, and the comparison sees no change."""
    truth = json.loads((TRUTH / f"{name}.json").read_text("utf-8"))
    plan = Plan(meta=Meta(title=truth["plan"]["title"], year=truth["plan"]["year"]), units=[Unit(name="财政局")])
    for p in truth["points"]:
        point = Point(title=p["title"])
        for t in p["tasks"]:
            task = Task(title=t["title"], lead=t["lead"], support=t["support"], deadline=t["deadline"])
            task.items = [Item(text=i["text_head"], lead=i["lead"], support=i["support"], deadline=i["deadline"])
                          for i in t["items"]]
            point.tasks.append(task)
        plan.points.append(point)
    last = tmp_path / "last.toml"
    store.save(store.new_document(plan), last)
    out = tmp_path / "next.toml"
    assert cli("new", "--from", last, "-o", out).exit_code == 0
    old, rolled = store.load(last).plan, store.load(out).plan
    for node in rolled.nodes():
        if isinstance(node, (Task, Item)) and node.deadline:
            due = parse(node.deadline, 2022)
            assert due.due is None or due.due.year == 2022, node.deadline
    cmp = compare(old, rolled)
    assert set(cmp.summary) and cmp.summary["unchanged"] == len(cmp.changes)
    assert all(c.deadline is None for c in cmp.changes)


THREE_YEAR = """\
schema = "planwright/1"

[plan]
title = "示例市数字政府建设三年行动计划（2020—2022年）"
style = "jiangshan"
year = 2020
end_year = 2022

[[points]]
id = "pnt001"
title = "建设一网通办"

[[points.tasks]]
id = "tsk001"
title = "上线统一平台"
lead = ["市大数据发展管理局"]
deadline = "2022年底"
"""


def test_a_multi_year_plan_defaults_to_the_next_period(cli, tmp_path: Path) -> None:
    last = tmp_path / "jiangshan-2020-2022.toml"
    last.write_text(THREE_YEAR, "utf-8")
    out = tmp_path / "next.toml"
    result = cli("new", "--from", last, "-o", out)
    assert result.exit_code == 0, result.output
    assert "滚动到 2023 年" in result.stdout
    meta = store.load(out).plan.meta
    assert (meta.year, meta.end_year) == (2023, 2025)
    assert meta.title == "示例市数字政府建设三年行动计划（2023—2025年）"
    assert store.load(out).plan.points[0].tasks[0].deadline == "2025年底"


def test_rolling_a_plan_whose_style_is_not_installed_warns_and_still_writes(cli, last: Path, tmp_path: Path) -> None:
    last.write_text(LAST.replace('style = "jinan"', 'style = "wuzhen"'), "utf-8")
    out = tmp_path / "2022.toml"
    result = cli("new", "--from", last, "-o", out)
    assert result.exit_code == 0, result.output
    warning = [line for line in result.stderr.splitlines() if "wuzhen" in line]
    assert len(warning) == 1 and "没有安装" in warning[0]
    assert "jinan" in warning[0] and "dalian" in warning[0]  # the styles there are
    assert store.load(out).plan.meta.style == "wuzhen"


def test_an_installed_style_rolls_over_without_a_warning(cli, last: Path, tmp_path: Path) -> None:
    result = cli("new", "--from", last, "-o", tmp_path / "2022.toml")
    assert result.exit_code == 0 and "没有安装" not in result.stderr
