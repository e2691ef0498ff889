"""The corpus's family: notices of other places and years, in the same styles and their neighbours.

Each notice under tests/data/family/ was written for these tests in its own words (no sentence
of a real notice); each imitates where real notices put their parts — a 文号 over a title split
across lines, （牵头单位：…；责任单位：…；完成时限：…） blocks, （A牵头，B负责落实） after
sentence groups, 1. 2. tasks directly under 一、, （1） and ① items, tables with 责任科室 or
牵头单位/配合单位 columns as Word files and flattened one cell per line, traditional characters,
a page cut short, a saved web page with its furniture and injected spam, a two-year plan.

Next to each notice, ``<name>.json`` is its expected structure in the format of
../shared/truth/SCHEMA.md, written by hand from the notice (not from an import). Every
import must score ≥ 0.95 with ../shared/tools/score-import; a few things are also checked directly.
The .docx files and their flattened copies are made by ``build_tables.py`` beside them.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from corpus import SHARED

DATA = Path(__file__).resolve().parent / "data" / "family"
SCORER = SHARED / "tools" / "score-import"
NOTICES = sorted(p.name for p in DATA.iterdir() if p.suffix in (".txt", ".html", ".docx"))


@pytest.fixture(scope="module")
def imported(cli, tmp_path_factory) -> dict[str, tuple[Path, dict, str]]:
    """Each family notice imported once through the command: (plan file, its data, what it printed)."""
    out_dir = tmp_path_factory.mktemp("family")
    done = {}
    for name in NOTICES:
        out = out_dir / f"{Path(name).stem}.toml"
        result = cli("import", DATA / name, "-o", out)
        assert result.exit_code == 0, result.output
        done[Path(name).stem] = (out, tomllib.loads(out.read_text(encoding="utf-8")), result.output)
    return done


def truth(stem: str) -> dict:
    return json.loads((DATA / f"{stem}.json").read_text(encoding="utf-8"))


def score(plan: Path, stem: str) -> tuple[float, str]:
    proc = subprocess.run([sys.executable, str(SCORER), str(plan), str(DATA / f"{stem}.json"), "--verbose"],
                          capture_output=True, text=True, check=True)
    return float(proc.stdout.strip().splitlines()[-1].split()[-1]), proc.stdout


def tasks(data: dict) -> dict[str, dict]:
    return {t["title"]: t for p in data["points"] for t in p.get("tasks", [])}


def test_every_notice_has_its_truth() -> None:
    assert len(NOTICES) >= 10
    for name in NOTICES:
        data = truth(Path(name).stem)
        assert data["source"] == name and data["points"]


@pytest.mark.skipif(not SCORER.is_file(), reason="../shared/tools/score-import is not beside the checkout")
@pytest.mark.parametrize("name", NOTICES)
def test_family_import_scores_at_least_095(imported, name: str) -> None:
    stem = Path(name).stem
    value, report = score(imported[stem][0], stem)
    assert value >= 0.95, report


@pytest.mark.parametrize("name", NOTICES)
def test_family_meta_matches_truth(imported, name: str) -> None:
    stem = Path(name).stem
    meta, expected = imported[stem][1]["plan"], truth(stem)["plan"]
    for key in ("title", "issuer", "doc_number", "publicity"):
        assert meta.get(key, "") == expected[key], key
    assert str(meta.get("date", "")) == expected["date"]
    assert meta.get("recipients", []) == expected["recipients"]
    assert (meta["year"], meta.get("end_year") or meta["year"]) == (expected["year"], expected["end_year"])


def test_title_wrapped_over_two_lines_is_not_preamble(imported) -> None:
    meta = imported["f01-qinghe-shi-2022"][1]["plan"]
    assert meta["title"] == "2022年青河市政务公开工作要点"
    assert meta["preamble"].startswith("今年是落实")  # not the two lines of the title
    assert "文件" not in imported["f01-qinghe-shi-2022"][2]  # the red header is the issuer's, no doubt


def test_labelled_fields_in_any_order_and_without_separators(imported) -> None:
    by_title = tasks(imported["f02-dongling-qu-2023"][1])
    first = by_title["落实解读同步机制"]  # （完成时限：…；牵头单位：…；责任单位：…）
    assert (first["lead"], first["support"], first["deadline"]) == (["区政府办公室"], ["各政策起草部门"], "长期")
    spaced = by_title["做好乡村振兴信息公开"]  # fields set apart by spaces, not ；
    assert (spaced["lead"], spaced["support"], spaced["deadline"]) == \
        (["区农业农村局"], ["各镇人民政府", "街道办事处"], "三季度末")
    assert by_title["用好政务公开专区"]["deadline"] == "9月底前"  # 时间节点：
    assert "无法解析" not in imported["f02-dongling-qu-2023"][2]


def test_sentence_groups_become_items_and_spam_is_cut(imported) -> None:
    _, data, output = imported["f03-binhai-2021"]
    task = tasks(data)["推进市场主体服务信息公开"]
    assert [i.get("lead") for i in task["items"]] == [["市财政局"], ["市工业和信息化局"], ["市营商局"]]
    assert task["items"][1]["support"] == ["市中小企业服务中心"]
    assert task["items"][1]["text"].startswith("依托企业服务平台，")
    assert "亚博" in output  # the report names what was cut
    page = imported["f12-nanhu-qu-2023"][1]
    text = json.dumps(page, ensure_ascii=False, default=str)
    assert "开云" not in text and "bet365" not in text and "投注" not in text
    assert "威尼斯人" not in text  # hidden in a display:none span


def test_chinese_numeral_date_typed_with_a_latin_o(imported) -> None:
    _, data, output = imported["f04-songxi-xian-2022"]
    assert str(data["plan"]["date"]) == "2022-04-06"
    assert "通知开头未能归类" not in output


def test_item_levels_are_read_per_task(imported) -> None:
    by_title = tasks(imported["f05-linquan-qu-2023"][1])
    assert len(by_title["做好涉企政策公开"]["items"]) == 3  # 1. 2. 3.
    circled = by_title["做好民生领域信息公开"]["items"]  # ①②③ beside them in the same point
    assert [i["deadline"] for i in circled] == ["2023年上半年", "每季度末", "2023年10月底前"]


def test_units_closing_a_list_of_items_belong_to_the_task(imported) -> None:
    by_title = tasks(imported["f05-linquan-qu-2023"][1])
    task = by_title["加强回应关切"]
    assert task["lead"] == ["区委宣传部", "区政府办公室", "区直各部门"]
    assert all(not i.get("lead") for i in task["items"]) and len(task["items"]) == 3
    column = by_title["完善政府信息公开专栏"]
    assert (column["lead"], column["deadline"]) == (["区政府办公室"], "2023年12月底")


@pytest.mark.parametrize("stem", ["f06-changning-wsj-2022", "f07-changning-wsj-2022-flat"])
def test_table_with_responsible_office_column(imported, stem: str) -> None:
    data = imported[stem][1]
    assert [p["title"] for p in data["points"]] == ["重点领域信息公开", "政务公开基础工作"]
    row = tasks(data)["公开基本公共卫生服务项目的服务内容、服务对象和经费补助标准"]
    assert (row["lead"], row["deadline"]) == (["基层卫生科", "妇幼健康科"], "三季度末")
    assert [p["title"] for p in data["body"]] == ["突出重点领域公开", "提升公开工作水平"]


@pytest.mark.parametrize("stem", ["f08-qingyuan-xian-2023", "f09-qingyuan-xian-2023-flat"])
def test_table_whose_category_cell_is_merged_down(imported, stem: str) -> None:
    data = imported[stem][1]
    assert [p["title"] for p in data["points"]] == ["政策发布解读", "重点领域公开", "平台建设"]
    assert [len(p["tasks"]) for p in data["points"]] == [3, 3, 2]
    row = tasks(data)["规范政府网站和政务新媒体内容发布，落实信息发布审核制度"]
    assert (row["lead"], row["support"], row["deadline"]) == \
        (["县政府办公室"], ["县大数据中心", "各乡镇人民政府"], "长期")


def test_traditional_characters_keep_their_print(imported) -> None:
    by_title = tasks(imported["f10-fengyang-xian-2021-trad"][1])
    task = by_title["加強輿情回應"]
    assert (task["lead"], task["support"], task["deadline"]) == (["縣委宣傳部"], ["縣直各部門"], "長期")


def test_page_cut_short_keeps_what_it_has_and_says_so(imported) -> None:
    _, data, output = imported["f11-heshan-qu-2022-cut"]
    assert str(data["plan"]["date"]) == "2022-04-28"  # signature and date on one line
    assert data["plan"]["issuer"] == "河山区人民政府办公室"
    assert tasks(data)["公开就业信息"]["text"].endswith("重点群体开展")
    assert "页面可能不完整" in output


def test_two_year_plan_with_dated_schedule(imported) -> None:
    data = imported["f13-yunling-2022-2023"][1]
    assert (data["plan"]["year"], data["plan"]["end_year"]) == (2022, 2023)
    schedule = tasks(data)["2022年任务"]["items"]
    assert [i["deadline"] for i in schedule] == ["2022年4月底前", "2022年9月底前"]


def test_recipients_wrapped_inside_a_name_and_attachment_before_the_plan(imported) -> None:
    _, data, output = imported["f14-xishan-qu-2022"]
    assert data["plan"]["recipients"][-1] == "有关驻区单位"
    assert "未能归类" not in output and "附件" not in output


def test_built_tables_are_up_to_date(tmp_path) -> None:
    """The flattened copies are what build_tables.py writes (the .docx files are built the same way)."""
    sys.path.insert(0, str(DATA))
    try:
        import build_tables
    finally:
        sys.path.remove(str(DATA))
    out = tmp_path / "flat.txt"
    build_tables._flat(out, build_tables.HEAD_08, "", build_tables.COLUMNS_08, build_tables.ROWS_08,
                       build_tables.FOOT_08, merged_first=True)
    assert out.read_text(encoding="utf-8") == (DATA / "f09-qingyuan-xian-2023-flat.txt").read_text(encoding="utf-8")


def test_attribution_clauses_no_pattern_knew_as_a_whole(imported) -> None:
    by_title = tasks(imported["f03-binhai-2021"][1])
    dated = by_title["推进统计信息公开"]  # （A负责落实，一季度末前完成）
    assert (dated["lead"], dated["deadline"]) == (["市统计局"], "一季度末前")
    three = by_title["推进食品安全信息公开"]  # （A牵头，B配合，C负责落实）
    assert (three["lead"], three["support"]) == (["市市场监管局"], ["市卫生健康委", "各区市县政府"])
    assert "无法解析" not in imported["f03-binhai-2021"][2]


def test_label_lines_one_under_another_are_one_attribution(imported) -> None:
    _, data, output = imported["f15-taoyuan-qu-2024"]
    by_title = tasks(data)
    assert all(not t.get("items") for t in by_title.values())  # not an item per line
    task = by_title["推行涉企政策精准推送"]
    assert (task["lead"], task["support"], task["deadline"]) == \
        (["区工业和信息化局"], ["区发展改革局", "区市场监管局"], "每季度末")
    assert by_title["深化财政信息公开"]["support"] == ["区政府各部门", "各镇街"]  # 和 before 各镇街
    assert "页面可能不完整" not in output  # a task ending in 完成时限：… is complete


def test_flat_table_with_a_two_row_header_and_units_one_per_line(imported) -> None:
    data = imported["f16-jinshui-xian-2023-flat"][1]
    rows = list(tasks(data).values())
    assert [(r["lead"], r.get("support")) for r in rows][:1] == [(["县司法局"], ["县直各单位"])]
    assert rows[0]["title"].endswith("并同步更新政策文件库")  # the cell wrapped onto a second line
    assert (rows[3].get("support"), rows[3]["deadline"]) == (["各乡镇人民政府", "县民政局"], "年内")
    assert (rows[4]["lead"], rows[4].get("support", []), rows[4]["deadline"]) == (["县教育局"], [], "8月底前")


def test_units_ending_in_zhenjie_are_units() -> None:
    """units.py: 镇街 / 街镇 (towns and subdistricts together) end a unit name, so 和 before them splits."""
    from planwright.zh.units import looks_like_unit, split_units

    assert looks_like_unit("各镇街") and looks_like_unit("各街镇")
    assert split_units("区财政局和各镇街") == ["区财政局", "各镇街"]
    assert split_units("市住房和城乡建设局") == ["市住房和城乡建设局"]


def test_square_brackets_and_an_unlabelled_deadline(host) -> None:
    from planwright.importing import import_text

    text = """示例区人民政府办公室关于印发2022年示例区政务公开工作要点的通知
各街道办事处，区政府各部门：
现将《2022年示例区政务公开工作要点》印发给你们，请认真贯彻落实。
示例区人民政府办公室
2022年3月1日
2022年示例区政务公开工作要点
一、做好财政公开
（一）公开预算。按时公开预算报表。【责任单位：区财政局】
（二）公开审计结果。按时公开审计报告。（区审计局负责，区财政局配合）
（三）公开债务信息。按时公开债务限额。（区财政局负责落实，9月底前完成）
（四）公开项目清单。按时公开项目进展。【责任单位：区发改局；完成时限：2022年6月底】"""
    result = import_text(text, host=host)
    got = [(t.lead, t.support, t.deadline) for _, t in result.doc.plan.tasks()]
    assert got == [(["区财政局"], [], ""), (["区审计局"], ["区财政局"], ""), (["区财政局"], [], "9月底前"),
                   (["区发改局"], [], "2022年6月底")]
    assert not result.warnings  # nothing unparsed, and 】 ends the page as well as ）


def test_tab_separated_rows_missing_their_merged_cells(imported) -> None:
    """A web table copied as text: a rowspan cell (类别) is printed in its first row only, an empty
    last cell not at all; each cell goes under the column it reads like."""
    data = imported["f17-shiquan-shi-2023-tabbed"][1]
    assert [len(p["tasks"]) for p in data["points"]] == [3, 3, 2]
    rows = list(tasks(data).values())
    assert (rows[1]["lead"], rows[1]["deadline"]) == (["市工业和信息化局", "市行政审批服务局"], "2023年6月底前")
    assert (rows[5]["lead"], rows[5].get("deadline", "")) == (["市教育局"], "")


def test_flat_table_whose_task_cell_follows_the_row_number(imported) -> None:
    """序号 | 重点工作 | 具体工作措施 | 牵头责任部门 | 配合责任单位 | 完成时间节点, flattened: captions the
    reader knows by their words, and a 重点工作 cell printed once over the rows it spans."""
    _, data, output = imported["f18-baihe-xian-2022-flat"]
    assert "ningguo" in output
    first = data["points"][0]["tasks"]
    assert [t["title"] for t in first] == ["规范政策文件公开", "做实政策解读工作"]
    assert [(i["lead"], i.get("deadline")) for i in first[0]["items"]] == \
        [(["县政府办公室"], "长期"), (["县政府办公室"], "每季度末")]
