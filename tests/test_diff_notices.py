"""``planwright diff`` on published notices: imported in memory, the same report as import + diff.

The two notices are written here in this project's own words, in the shape of
a district's yearly notice (cover letter, then 一、 points and （一） tasks
with their attributions); the second year turns one task's text into items,
rewords another and adds a third.
"""

from __future__ import annotations

import json

OLD = """示范区人民政府办公室关于印发2025年示范区政务公开工作要点的通知
各街道办事处，区政府各部门：
现将《2025年示范区政务公开工作要点》印发给你们，请认真贯彻执行。
示范区人民政府办公室
2025年3月3日
2025年示范区政务公开工作要点
一、做好重点领域信息公开
（一）做好财政信息公开。部门预算和决算在批复后二十日内向社会公开；三公经费细化说明增减原因；专项资金的分配办法和结果逐项列明。（责任单位：区财政局）
（二）做好卫生健康信息公开。按月发布传染病疫情和预防接种安排，公开二级以上医院的门诊时间和预约渠道。（责任单位：区卫生健康局）
二、加强政策解读回应
（一）提升政策解读质量。政策文件和解读材料同步起草同步发布，用图解和问答讲清适用对象和办理方式。（责任单位：区政府办公室）
（二）办好政务服务热线。热线工单按时办结并回访群众，每月公布受理量和办结率。（责任单位：区政务服务中心，2025年12月底前）
"""

NEW = """示范区人民政府办公室关于印发2026年示范区政务公开工作要点的通知
各街道办事处，区政府各部门：
现将《2026年示范区政务公开工作要点》印发给你们，请认真贯彻执行。
示范区人民政府办公室
2026年3月2日
2026年示范区政务公开工作要点
一、做好重点领域信息公开
（一）做好财政信息公开。
1.部门预算和决算在批复后二十日内向社会公开。（责任单位：区财政局）
2.三公经费细化说明增减原因。（责任单位：区财政局）
3.专项资金的分配办法、分配结果和绩效评价逐项列明。（责任单位：区财政局、区审计局）
（二）做好卫生健康信息公开。按月发布传染病疫情和预防接种安排，公开二级以上医院的门诊时间、预约渠道和检查结果互认目录。（责任单位：区卫生健康局）
二、加强政策解读回应
（一）提升政策解读质量。政策文件和解读材料同步起草同步发布，用图解和问答讲清适用对象和办理方式。（责任单位：区政府办公室）
（二）办好政务服务热线。热线工单按时办结并回访群众，每月公布受理量和办结率。（责任单位：区政务服务中心，2026年6月底前）
（三）做好稳就业信息公开。发布重点群体就业帮扶政策清单，公开职业技能培训补贴的申领条件。（责任单位：区人力资源社会保障局）
"""


def _without_ids(report: str) -> dict:
    data = json.loads(report)
    for change in data["changes"]:
        for side in ("old", "new"):
            for ref in change[side]:
                ref.pop("id")
    return data


def test_diff_of_two_notices_is_import_then_diff(cli, tmp_path) -> None:
    old, new = tmp_path / "2025.txt", tmp_path / "2026.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    direct = cli("diff", old, new, "--format", "json")
    assert direct.exit_code == 0, direct.output
    # what the import doubted (or that it doubted nothing) is said on stderr, for each file
    assert direct.stderr.count("读取：") == 2 and "2025.txt" in direct.stderr and "2026.txt" in direct.stderr
    assert "导入提示" in direct.stderr and "2026年6月底前" in direct.stderr  # the attribution it doubted
    assert "未写入文件" in direct.stderr and "注释写在计划文件" not in direct.stderr  # no plan file was written
    for source in (old, new):
        assert cli("import", source).exit_code == 0
    via_files = cli("diff", old.with_suffix(".toml"), new.with_suffix(".toml"), "--format", "json")
    assert via_files.exit_code == 0, via_files.output
    assert _without_ids(direct.stdout) == _without_ids(via_files.stdout)
    summary = json.loads(direct.stdout)["summary"]
    assert summary["added"] >= 1 and summary["reworded"] >= 2


def test_a_notice_whose_task_became_items_is_reworded_not_removed_and_added(cli, tmp_path) -> None:
    old, new = tmp_path / "2025.txt", tmp_path / "2026.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    data = json.loads(cli("diff", old, new, "--format", "json").stdout)
    finance = [c for c in data["changes"] if c["level"] == "task"
               and any(r["title"].startswith("做好财政信息公开") for r in c["new"] + c["old"])]
    assert [c["status"] for c in finance] == ["reworded"]


def test_a_notice_that_cannot_be_read_is_named_without_a_traceback(cli, tmp_path) -> None:
    old, new = tmp_path / "2025.txt", tmp_path / "empty.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_bytes(b"")
    result = cli("diff", old, new)
    assert result.exit_code != 0
    assert "empty.txt" in result.output and "Traceback" not in result.output
