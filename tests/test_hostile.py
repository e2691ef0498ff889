"""Hostile and clumsy input (issue 14): control characters and terminal escapes, damaged or
malicious .docx, HTML and TOML nested past any real file, and what each writer makes of them.

Every case asserts what the user sees: a plan that checks and exports, or one line naming the
file with exit status 2 and nothing written.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import planwright
from planwright.plan import store
from planwright.zh.clean import clean_line, clean_text, terminal_safe

NOTICE = """样例县人民政府办公室关于印发样例县2027年政务公开工作要点的通知

各乡镇人民政府，县政府各部门：
现将《样例县2027年政务公开工作要点》印发给你们，请认真抓好落实。

样例县人民政府办公室
2027年3月9日

样例县2027年政务公开工作要点

一、做好重点领域信息公开
（一）公开财政预算决算。按时在网站上发布预决算说明{x}。（责任单位：县财政局）
（二）公开涉企政策。集中发布惠企政策并解读{x}。（责任单位：县发展改革局）
二、提升政务公开质效
（三）办好政府开放日活动{x}。（责任单位：县政府办公室）
"""

# what no plan, file or terminal may carry; tab and newline are text
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
HOSTILE = ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\r", "\x1b[2J", "\x1b]0;pwned\x07", "\x1b[31m",
           "\x1bc", "\x7f", "\x85", "\x9b31m", "\u2028", "\x1b", "\x1b]", "\x1b[", "\x1bP1;2|x\x1b\\"]


# -- the cleaning helper ------------------------------------------------------------------


@given(st.lists(st.sampled_from([*HOSTILE, "a", "中", " ", "\t", "\n", "[", "]", "；"]), max_size=30).map("".join))
def test_cleaned_text_has_no_control_characters_and_keeps_the_words(text):
    out = clean_text(text)
    assert not _CONTROL.search(out)
    assert "\x1b" not in out
    if "\x1b" not in text:  # (inside a real escape sequence a character is the sequence's)
        assert out.count("中") == text.count("中")  # nothing of the text itself is lost
    assert clean_text(out) == out  # cleaning twice changes nothing
    assert "\n" not in clean_line(text) and not _CONTROL.search(terminal_safe(text))


def test_an_escape_sequence_goes_whole_not_only_its_escape_character():
    assert clean_text("甲\x1b[2J乙\x1b]0;标题\x07丙") == "甲乙丙"
    assert clean_text("一\r二\r\n三") == "一\n二\n三"


# -- import → save → load → check → every export ---------------------------------------------


def _well_formed_parts(data: bytes) -> None:
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(archive.read(name))  # raises on a control character


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(HOSTILE), min_size=1, max_size=4).map("".join))
def test_control_characters_never_survive_import_and_every_export_reads_back(tmp_path, cli, hostile):
    notice = tmp_path / "notice.txt"
    # a long letter first: a NUL in the first 4 KB is (rightly) refused as a binary file
    # (and long enough that a dozen controls stay under the 1 % that marks a file as binary)
    padded = NOTICE.replace("请认真抓好落实。", "请认真抓好落实。" * 2000)
    notice.write_text(padded.replace("{x}", hostile), encoding="utf-8")
    plan = tmp_path / "plan.toml"
    result = cli("import", notice, "-o", plan, "--force")
    assert result.exit_code == 0, result.output
    text = plan.read_text(encoding="utf-8")
    assert not _CONTROL.search(text.replace("\n", "")), "a control character was written into the plan"
    assert "\\u001b" not in text and "\\u0000" not in text
    assert cli("check", plan).exit_code in (0, 1)  # findings, not a refusal of the file
    for fmt, suffix in (("notice-docx", "docx"), ("table-xlsx", "xlsx"), ("units", "xlsx"),
                        ("md", "md"), ("ics", "ics"), ("notice-txt", "txt")):
        target = tmp_path / f"out-{fmt}.{suffix}"
        done = cli("export", plan, "--format", fmt, "-o", target, "--force", "--allow-errors")
        assert done.exit_code == 0, done.output
        data = target.read_bytes()
        if suffix in ("docx", "xlsx"):
            _well_formed_parts(data)
        else:
            assert "\x1b" not in data.decode("utf-8")


def test_a_plan_edited_by_hand_with_escaped_controls_round_trips_checks_and_exports_clean(tmp_path, cli):
    plan = tmp_path / "plan.toml"
    plan.write_text(
        'schema = "planwright/1"\n[plan]\ntitle = "样例县2027年政务公开工作要点\\u001b[2J\\u0000"\nyear = 2027\n'
        'style = "jinan"\nissuer = "样例县\\r人民政府办公室"\n'
        '[[points]]\ntitle = "做好信息公开"\n[[points.tasks]]\ntext = "公开预算\\u0007。"\nlead = ["县财政局\\u001b]0;x\\u0007"]\n'
        'deadline = "2027年6月底前\\r"\n',
        encoding="utf-8")
    doc = store.load(plan)
    store.save(doc, tmp_path / "again.toml")
    assert store.load(tmp_path / "again.toml").plan == doc.plan  # the store keeps what it was given
    assert cli("check", plan).exit_code in (0, 1)
    for fmt, suffix in (("notice-docx", "docx"), ("table-xlsx", "xlsx"), ("table-docx", "docx"), ("units", "xlsx"),
                        ("md", "md"), ("ics", "ics"), ("notice-txt", "txt")):
        target = tmp_path / f"out-{fmt}.{suffix}"
        assert cli("export", plan, "--format", fmt, "-o", target, "--allow-errors").exit_code == 0
        data = target.read_bytes()
        if suffix in ("docx", "xlsx"):
            _well_formed_parts(data)
        else:
            assert not _CONTROL.search(data.decode("utf-8").replace("\r\n", "\n").replace("\n", "")), fmt
    shown = cli("diff", plan, tmp_path / "again.toml").output + cli("check", plan).output
    assert "\x1b" not in shown and "\x07" not in shown
    report = tmp_path / "diff.docx"
    assert cli("diff", plan, tmp_path / "again.toml", "--format", "docx", "-o", report).exit_code == 0
    _well_formed_parts(report.read_bytes())


def test_a_lone_carriage_return_cannot_end_an_ics_line():
    from planwright.exporting.calendar import escape

    assert "\r" not in escape("标题\rEND:VEVENT\rBEGIN:VEVENT")


def test_the_markdown_signature_is_inert_html():
    from planwright.exporting.markdown import render_markdown
    from planwright.exporting.notice import Block, Run

    out = render_markdown([Block(kind="signature", runs=(Run("<img src=x onerror=alert(1)>"),))])
    assert "<img" not in out and "&lt;img" in out


def test_escape_sequences_in_a_file_name_do_not_reach_the_terminal(tmp_path, cli):
    result = cli("check", tmp_path / "\x1b[2J\x1b]0;x\x07plan.toml")
    assert result.exit_code == 2
    assert "\x1b" not in result.output and "\x07" not in result.output


# -- hostile .docx ------------------------------------------------------------------------------


def _docx(change=lambda name, data: data) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("样例县2027年政务公开工作要点")
    document.add_paragraph("做好重点领域信息公开", style="List Number")
    document.add_paragraph("公开财政预算决算。（责任单位：县财政局）", style="List Number 2")
    buf = io.BytesIO()
    document.save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, change(info.filename, zin.read(info.filename)))
    return out.getvalue()


def _in(part: str, edit):
    return lambda name, data: edit(data) if name == part else data


_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
           b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>')
_NUMPR = b'<w:numPr><w:ilvl w:val="%s"/><w:numId w:val="%s"/></w:numPr>'

HOSTILE_DOCX = {
    "inflates to 300 MB": _in("word/document.xml", lambda d: d.replace(b"<w:body>", b"<w:body>" + b" " * 300 * 2**20)),
    "malformed XML": _in("word/document.xml", lambda d: d[: len(d) // 2]),
    "billion laughs": _in("word/document.xml", lambda d: _LAUGHS + d.split(b"?>", 1)[1].replace(b"<w:t>", b"<w:t>&c;", 1)),
    'w:start="abc"': _in("word/numbering.xml", lambda d: re.sub(rb'w:start w:val="\d+"', b'w:start w:val="abc"', d)),
    "ilvl=12": _in("word/document.xml", lambda d: d.replace(b"</w:pPr>", _NUMPR % (b"12", b"1") + b"</w:pPr>", 1)),
    "non-numeric numId": _in("word/document.xml", lambda d: d.replace(b"</w:pPr>", _NUMPR % (b"0", b"x1") + b"</w:pPr>", 1)),
}


@pytest.mark.parametrize("case", HOSTILE_DOCX)
def test_a_hostile_docx_is_one_line_refusal_and_nothing_written(tmp_path, cli, case):
    source = tmp_path / "notice.docx"
    source.write_bytes(_docx(HOSTILE_DOCX[case]))
    target = tmp_path / "plan.toml"
    result = cli("import", source, "-o", target)
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "notice.docx" in lines[0], result.stderr
    assert not target.exists()


def test_the_untouched_docx_imports(tmp_path, cli):
    source = tmp_path / "notice.docx"
    source.write_bytes(_docx())
    assert cli("import", source, "-o", tmp_path / "plan.toml").exit_code == 0


# -- nesting and odd values ---------------------------------------------------------------------


@pytest.mark.parametrize("opening", ["<span>" * 700, "<font>" * 400 + "<span>" * 400, "<div>" * 5000])
def test_html_nested_past_any_real_page_is_read(tmp_path, cli, opening):
    body = NOTICE.replace("{x}", "").replace("\n", "<br>\n")
    source = tmp_path / "notice.html"
    source.write_text(f"<html><body>{opening}{body}</body></html>", encoding="utf-8")
    result = cli("import", source, "-o", tmp_path / "plan.toml")
    assert result.exit_code == 0, result.output
    plan = store.load(tmp_path / "plan.toml").plan
    assert [t.lead for _, t in plan.tasks()] == [["县财政局"], ["县发展改革局"], ["县政府办公室"]]


@pytest.mark.parametrize("text, says", [
    ('schema = "planwright/1"\nx = ' + "[" * 5000 + "]" * 5000 + "\n", "嵌套"),
    ('schema = "planwright/1"\nx = ' + "{a=" * 3000 + "1" + "}" * 3000 + "\n", "嵌套"),
    ('schema = "planwright/²"\n', "schema"),
])
def test_a_plan_file_nested_too_deep_or_with_an_odd_schema_is_refused_in_one_line(tmp_path, cli, text, says):
    plan = tmp_path / "plan.toml"
    plan.write_text(text, encoding="utf-8")
    result = cli("check", plan)
    assert result.exit_code == 2
    assert says in result.stderr and "plan.toml" in result.stderr and len(result.stderr.splitlines()) == 1


# -- plugins that misbehave -------------------------------------------------------------------


@pytest.fixture
def fresh_plugins(monkeypatch):
    from planwright import host as plugins

    for name in [m for m in sys.modules if m.startswith("plugin_fixtures.pf_")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setattr(plugins, "_HOSTS", {})
    yield plugins
    for name in [m for m in sys.modules if m.startswith("plugin_fixtures.pf_")]:
        del sys.modules[name]


def _third_party(monkeypatch, plugins, *modules: str) -> None:
    from plugin_fixtures import entry_point

    real = list(plugins._entry_points())
    monkeypatch.setattr(plugins, "_entry_points", lambda: real + [entry_point(m) for m in modules])


def test_a_plugin_calling_sys_exit_at_import_is_skipped_with_a_warning(fresh_plugins):
    from plugin_fixtures import host_with

    host = host_with("pf_exits_at_import", "pf_ruyi")
    assert host.info("pf_exits_at_import").status == "failed"
    assert any("pf_exits_at_import" in w and "sys.exit" in w for w in host.warnings)
    assert [s.name for s in host.styles] == ["ruyi"]


def test_hooks_returning_the_wrong_types_are_skipped_naming_the_plugin(fresh_plugins):
    from plugin_fixtures import host_with

    host = host_with("pf_wrong_types", "pf_ruyi")
    assert [s.name for s in host.styles] == ["ruyi"]
    assert all(hasattr(t, "style") for t in host.templates)
    assert {"WT-001", "WT-002"} <= {r.id for r in host.rules}
    warnings = "\n".join(host.warnings)
    for hook in ("planwright_styles", "planwright_templates", "planwright_validators"):
        assert f"pf_wrong_types 的 {hook}" in warnings


def test_a_rule_yielding_junk_or_an_unknown_severity_is_reported_and_counted(fresh_plugins, monkeypatch, cli, tmp_path):
    _third_party(monkeypatch, fresh_plugins, "pf_wrong_types")
    plan = tmp_path / "plan.toml"
    plan.write_text('schema = "planwright/1"\n\n[plan]\ntitle = "2027年示例区政务公开工作要点"\nyear = 2027\n',
                    encoding="utf-8")
    result = cli("check", plan)
    out = result.stdout
    assert "一条真正的发现" in out  # the good finding of the same rule is kept
    assert "不是 Finding" in out and "WT-001" in out  # the junk is reported, not a traceback
    assert "级别写错的发现" in out and "'fatal'" in out  # an unknown severity is shown, as a warning
    assert result.exit_code == 1  # WT-001's real error counts


# -- limits of the formats written, and outputs that fail ------------------------------------


def test_a_cell_over_excels_limit_says_it_was_cut(tmp_path):
    from openpyxl import load_workbook

    from sample_plans import jinan_plan

    plan = jinan_plan()
    long_text = "按月公开低保对象名单并接受监督。" * 3000  # 48,000 characters
    plan.points[0].tasks[0].text = long_text
    data = planwright.export(plan, "table-xlsx", allow_errors=True).data
    path = tmp_path / "table.xlsx"
    path.write_bytes(data)
    cells = [c.value for row in load_workbook(path).active.iter_rows() for c in row if isinstance(c.value, str)]
    cut = [v for v in cells if v.startswith("按月公开低保对象名单")]
    assert cut and len(cut[0]) <= 32767
    assert "超过 Excel 单元格上限" in cut[0]


def test_a_deadline_on_the_last_day_of_year_9999_is_a_calendar_event():
    from sample_plans import jinan_plan

    plan = jinan_plan()
    plan.points[0].tasks[0].deadline = "9999年12月31日前"
    text = planwright.export(plan, "ics", allow_errors=True).data.decode("utf-8")
    assert "DTSTART;VALUE=DATE:99991231" in text
    assert text.count("BEGIN:VEVENT") == text.count("END:VEVENT")


def _to_dev_full(folder: Path, planwright_exe: Path, args: tuple[str, ...]) -> subprocess.CompletedProcess:
    """``planwright ARGS`` on a sample plan with standard output on a full disk."""
    from sample_plans import jinan_plan

    plan = folder / "plan.toml"
    planwright.save(jinan_plan(), plan)
    with open("/dev/full", "w") as full:
        done = subprocess.run([str(planwright_exe), *(a.format(plan=plan) for a in args)],
                              stdout=full, stderr=subprocess.PIPE, text=True)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    return done


@pytest.mark.parametrize("args", [("export", "{plan}", "--format", "notice-txt"), ("check", "{plan}"),
                                  ("export", "{plan}", "--format", "json")])
def test_standard_output_that_cannot_be_written_is_one_line(tmp_path, planwright_exe, args):
    done = _to_dev_full(tmp_path, planwright_exe, args)
    assert done.stderr.strip().count("\n") == 0 and "标准输出" in done.stderr


@pytest.mark.parametrize("args", [("ledger", "status", "{plan}"), ("ledger", "status", "{plan}", "--format", "json"),
                                  ("ledger", "report", "{plan}", "--format", "md")])
def test_the_ledger_commands_say_so_when_standard_output_cannot_be_written(tmp_path, planwright_exe, args):
    done = _to_dev_full(tmp_path, planwright_exe, args)
    assert "标准输出" in done.stderr.strip().splitlines()[-1]  # (after a warning about the holiday calendar, if any)


def test_an_output_that_is_a_link_to_a_device_is_written_through_not_replaced(tmp_path, cli):
    from sample_plans import jinan_plan

    plan = tmp_path / "plan.toml"
    planwright.save(jinan_plan(), plan)
    link = tmp_path / "out.txt"
    link.symlink_to(os.devnull)
    result = cli("export", plan, "--format", "notice-txt", "-o", link, "--force")
    assert result.exit_code == 0, result.output
    assert link.is_symlink()  # a rename over it would have put a file where the link was


def test_the_editor_holds_and_shows_a_plan_without_terminal_escapes(tmp_path, host):
    from planwright.tui.session import Session

    plan = tmp_path / "plan.toml"
    plan.write_text('schema = "planwright/1"\n[plan]\ntitle = "样例\\u001b[2J县\\u001b]0;x\\u0007要点"\nyear = 2027\n'
                    '[[points]]\ntitle = "做好\\u001b[31m信息公开"\n[[points.tasks]]\ntext = "公开预算。"\n'
                    'lead = ["县财政局\\u001b]2;pwned\\u0007"]\n', encoding="utf-8")
    session = Session.open(plan, host)
    assert session.plan.meta.title == "样例县要点"
    assert session.plan.points[0].title == "做好信息公开"
    assert session.plan.points[0].tasks[0].lead == ["县财政局"]
