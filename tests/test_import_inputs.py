"""Inputs of every kind: encodings, saved web pages, Word documents, and what is refused.

The tests build their own files (text in their own words); a refusal must
name the file and the reason, exit 2 and write no plan file.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planwright.plan import store
from planwright.importing import ImportError_, import_file, import_text

NOTICE = """示例区人民政府办公室关于印发2024年示例区政务公开工作要点的通知
各街道办事处，区政府各部门：
现将《2024年示例区政务公开工作要点》印发给你们，请认真抓好落实。
示例区人民政府办公室
2024年2月20日
2024年示例区政务公开工作要点
一、推进重点领域公开
（一）公开财政资金信息。细化部门预算公开内容。（责任单位：区财政局，各街道办事处）
（二）公开重大项目信息。按月更新建设进展。（责任单位：区发展改革局）
"""


# ---------------------------------------------------------------------------
# Encodings


@pytest.mark.parametrize("encoding, shown", [
    ("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8（带 BOM）"), ("gb18030", "GB18030/GBK"), ("gbk", "GB18030/GBK"),
])
def test_text_encodings_are_detected_and_reported(tmp_path, host, encoding: str, shown: str) -> None:
    source = tmp_path / "notice.txt"
    source.write_bytes(NOTICE.encode(encoding))
    result = import_file(source, host=host)
    assert result.encoding == shown
    assert f"编码 {shown}" in result.report_lines()[0]
    plan = result.doc.plan
    assert plan.meta.title == "2024年示例区政务公开工作要点"
    assert plan.points[0].tasks[0].lead == ["区财政局", "各街道办事处"]


# ---------------------------------------------------------------------------
# Saved web pages

PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>通知_示例区人民政府</title>
<script>var outline = "一、不是正文";</script><style>p {{ margin: 0 }}</style></head>
<body>
<div class="top">欢迎访问示例区人民政府网站！</div>
<div id="nav"><ul><li><a href="/">首页</a></li><li><a href="/gk">政务公开</a></li>
<li><a href="/hd">政民互动</a></li><li><a href="/fw">办事服务</a></li></ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/gk">政务公开</a> &gt; 通知公告</div>
<table class="xxgk">
<tr><td>索引号：</td><td>000000000/2024-00012</td><td>发布机构：</td><td>示例区人民政府办公室</td></tr>
<tr><td>发文字号：</td><td>示政办字〔2024〕3号</td><td>成文日期：</td><td>2024-02-20</td></tr>
</table>
<div class="article">
<h1>示例区人民政府办公室关于印发2024年示例区政务公开工作要点的通知</h1>
<div class="info">发布时间：2024-02-26 09:00 来源：区政府办 浏览次数：128</div>
<div class="TRS_Editor">
<p>各街道办事处，区政府各部门：</p>
<p>&nbsp;&nbsp;现将《2024年示例区政务公开工作要点》印发给你们，请认真抓好落实。</p>
<p style="text-align:right">示例区人民政府办公室</p>
<p style="text-align:right">2024年2月20日</p>
<p>（此件公开发布）</p>
<p align="center"><strong>2024年示例区政务公开工作要点</strong></p>
<p>　　一、推进重点领域公开</p>
<p>　　（一）公开财政资金信息。细化部门预算公开内容，按 luckybet娱乐官网 规定时限公开决算。（责任单位：区财政局，各街道办事处）</p>
<p>　　（二）公开重大项目信息。按月更新重点项目<br>建设进展。（责任单位：区发展改革局、区住建局等有关部门）</p>
</div>
<div class="share">分享到：<a>微信</a> <a>微博</a></div>
<div><a href="javascript:print()">【打印本页】</a> <a>【关闭窗口】</a></div>
<div class="ewm">扫一扫在手机打开当前页</div>
</div>
<div class="footer"><p>版权所有：示例区人民政府 网站标识码：0000000000</p></div>
</body></html>
"""


@pytest.mark.parametrize("charset, codec", [("utf-8", "utf-8"), ("gbk", "gbk")])
def test_saved_page_keeps_the_article_and_drops_the_site(tmp_path, host, charset: str, codec: str) -> None:
    source = tmp_path / "notice.html"
    source.write_bytes(PAGE.format(charset=charset).encode(codec))
    result = import_file(source, host=host)
    plan = result.doc.plan
    meta = plan.meta
    assert (meta.title, meta.issuer, meta.date) == ("2024年示例区政务公开工作要点", "示例区人民政府办公室", "2024-02-20")
    assert meta.doc_number == "示政办字〔2024〕3号"  # from the page's index block: the article prints none
    assert meta.recipients == ["各街道办事处", "区政府各部门"] and meta.publicity == "此件公开发布"
    first, second = plan.points[0].tasks
    assert first.text == "细化部门预算公开内容，按规定时限公开决算。"  # injected spam cut out
    assert second.text == "按月更新重点项目建设进展。"  # a <br> inside a sentence
    assert second.lead == ["区发展改革局", "区住建局"]
    everything = repr(plan)
    for debris in ("首页", "索引号", "分享", "打印", "扫一扫", "版权", "luckybet", "不是正文", "浏览"):
        assert debris not in everything
    assert "广告文字 1 处" in "\n".join(result.report_lines())


def test_single_file_web_archive(tmp_path, host) -> None:
    from email.message import EmailMessage

    archive = EmailMessage()
    archive["MIME-Version"] = "1.0"
    archive.set_content(PAGE.format(charset="utf-8"), subtype="html", cte="quoted-printable")
    source = tmp_path / "notice.mht"
    source.write_bytes(archive.as_bytes())
    plan = import_file(source, host=host).doc.plan
    assert plan.meta.title == "2024年示例区政务公开工作要点"
    assert [t.title for t in plan.points[0].tasks] == ["公开财政资金信息", "公开重大项目信息"]


def test_saved_page_with_a_task_table(tmp_path, host) -> None:
    page = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>
<div class="content"><p>示例镇2024年政务公开工作任务分工</p>
<table border="1">
<thead><tr><th>序号</th><th>重点任务</th><th>具体措施</th><th>责任科室</th><th>完成时限</th></tr></thead>
<tbody>
<tr><td colspan="5">一、主动公开</td></tr>
<tr><td>1</td><td rowspan="2">（一）公开财政信息</td><td>公开镇级预算和决算。</td><td>财政所</td><td>2024年9月底</td></tr>
<tr><td>2</td><td>公开惠农补贴发放结果。</td><td>农业服务中心、财政所</td><td>每季度</td></tr>
<tr><td colspan="5">二、回应关切</td></tr>
<tr><td>3</td><td>（一）办理群众诉求</td><td>对转办件限时办结并回访。</td><td>党政办</td><td>收到转办件后5个工作日内</td></tr>
</tbody></table></div></body></html>"""
    source = tmp_path / "table.htm"
    source.write_bytes(page.encode("gbk"))
    result = import_file(source, host=host)
    plan = result.doc.plan
    assert result.encoding == "GB18030/GBK"
    assert plan.meta.title == "示例镇2024年政务公开工作任务分工"
    assert [p.title for p in plan.points] == ["主动公开", "回应关切"]
    task = plan.points[0].tasks[0]
    assert task.title == "公开财政信息"  # the merged cell spans both rows
    assert [(i.lead, i.deadline) for i in task.items] == [(["财政所"], "2024年9月底"),
                                                         (["农业服务中心", "财政所"], "每季度")]
    assert plan.points[1].tasks[0].items[0].deadline == "收到转办件后5个工作日内"


# ---------------------------------------------------------------------------
# Word documents


def _write_docx(path: Path, paragraphs: list[str], rows: list[list[str]] | None = None,
                after: list[str] = ()) -> None:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if rows:
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
        for r, row in enumerate(rows):
            if row[0].startswith(("一、", "二、")):  # a heading row spanning the table
                table.cell(r, 0).merge(table.cell(r, len(row) - 1)).text = row[0]
    for text in after:
        document.add_paragraph(text)
    document.save(path)


def test_docx_paragraphs_and_task_table(tmp_path, host) -> None:
    source = tmp_path / "notice.docx"
    paragraphs = [line for line in NOTICE.splitlines()] + ["附件：重点工作任务分工", "重点工作任务分工"]
    rows = [["序号", "工作任务", "具体要求", "责任单位", "完成时限"],
            ["一、推进重点领域公开", "", "", "", ""],
            ["1", "（一）公开财政资金信息", "部门预算公开到项级科目。", "区财政局", "2024年6月底"],
            ["2", "（一）公开财政资金信息", "公开“三公”经费使用情况。", "区直各部门（牵头）、各街道办事处", "2024年7月底"]]
    _write_docx(source, paragraphs, rows, after=["抄送：区委办公室。"])
    result = import_file(source, host=host)
    plan = result.doc.plan
    assert result.encoding == "" and result.report_lines()[0].endswith("（Word 文档）")
    assert plan.meta.title == "2024年示例区政务公开工作要点" and plan.meta.cc == ["区委办公室"]
    (task,) = [t for _, t in plan.tasks()]
    assert [(i.lead, i.support) for i in task.items] == [(["区财政局"], []), (["区直各部门"], ["各街道办事处"])]
    # the main text's own outline is kept apart from the table's
    assert [t.title for t in plan.body[0].tasks] == ["公开财政资金信息", "公开重大项目信息"]


def test_docx_whose_attached_table_ends_the_document_has_no_doubt_about_it(tmp_path, host) -> None:
    """GB/T 9704 layout, as planwright's own notice-docx writes it: 附件说明 under the text,
    then a page that starts with 附件 and the table's title, the table last of all."""
    source = tmp_path / "attached.docx"
    paragraphs = [*NOTICE.splitlines(), "附件：重点工作任务分工", "附件", "重点工作任务分工"]
    rows = [["序号", "工作任务", "具体要求", "责任单位", "完成时限"],
            ["一、推进重点领域公开", "", "", "", ""],
            ["1", "（一）公开财政资金信息", "部门预算公开到项级科目。", "区财政局", "2024年6月底"]]
    _write_docx(source, paragraphs, rows)
    result = import_file(source, host=host)
    assert not [line for line in result.report_lines() if "附件" in line]
    (task,) = [t for _, t in result.doc.plan.tasks()]
    assert [i.lead for i in task.items] == [["区财政局"]]


def test_docx_table_with_a_two_row_header_and_units_one_per_line(tmp_path, host) -> None:
    source = tmp_path / "two-rows.docx"
    rows = [["序号", "工作任务", "责任单位", "责任单位", "完成时限"],
            ["", "", "牵头单位", "配合单位", ""],
            ["1", "公开年度报告。按时发布政府信息公开年报。", "区政府办", "区直各部门\n各街道", "2024年1月31日前"]]
    _write_docx(source, ["示例区政务公开任务分工"], rows)
    result = import_file(source, host=host)
    (task,) = [t for _, t in result.doc.plan.tasks()]
    assert (task.title, task.text) == ("公开年度报告", "按时发布政府信息公开年报。")
    assert (task.lead, task.support, task.deadline) == (["区政府办"], ["区直各部门", "各街道"], "2024年1月31日前")
    assert not any("没有任务内容" in w for w in result.warnings)


def test_docx_cell_with_a_whole_attribution(tmp_path, host) -> None:
    source = tmp_path / "cell.docx"
    rows = [["工作任务", "具体要求", "责任单位", "时限要求"],
            ["一、做好公开", "", "", ""],
            ["（一）公开政策", "政策文件同步解读。", "市政府办牵头，各乡镇配合", "2024年10月底"]]
    _write_docx(source, ["示例市政务公开重点工作任务分工"], rows)
    result = import_file(source, style="ningguo", host=host)
    item = result.doc.plan.points[0].tasks[0].items[0]
    assert (item.lead, item.support) == (["市政府办"], ["各乡镇"])


def test_docx_signature_in_a_layout_table_is_read(tmp_path, host) -> None:
    source = tmp_path / "signed.docx"
    document = docx.Document()
    for text in NOTICE.splitlines()[:3]:
        document.add_paragraph(text)
    box = document.add_table(rows=2, cols=1)  # offices often align the signature with a table
    box.cell(0, 0).text, box.cell(1, 0).text = "示例区人民政府办公室", "2024年2月20日"
    for text in NOTICE.splitlines()[5:]:
        document.add_paragraph(text)
    document.save(source)
    meta = import_file(source, host=host).doc.plan.meta
    assert (meta.issuer, meta.date, meta.title) == ("示例区人民政府办公室", "2024-02-20", "2024年示例区政务公开工作要点")


def test_docx_automatic_list_numbering_is_read(tmp_path, host) -> None:
    source = tmp_path / "numbered.docx"
    document = docx.Document()
    for text in ("示例街道2024年政务公开工作要点", "一、公开重点工作", "（一）公开民生实事。按季度公布进度。（责任单位：街道党政办）"):
        document.add_paragraph(text)
    document.add_paragraph("公开社区服务事项清单。", style="List Number")  # Word draws "1." itself
    document.add_paragraph("公开社区办事指南。", style="List Number")
    document.save(source)
    (task,) = [t for _, t in import_file(source, host=host).doc.plan.tasks()]
    assert task.text == "按季度公布进度。"
    assert [i.text for i in task.items] == ["公开社区服务事项清单。", "公开社区办事指南。"]


# ---------------------------------------------------------------------------
# Refusals: the file, the reason, exit 2, nothing written


def _zip_without_word(path: Path, member: str = "readme.txt") -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(member, "not a word document")
    path.write_bytes(buffer.getvalue())


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "文件是空的"),
    ("blank.txt", b"  \n\n \r\n", "文件是空的"),
    ("data.txt", bytes(range(256)) * 20, "二进制"),
    ("fake.docx", "这是一段文字，不是 Word 文档。".encode(), "不是有效的 .docx 文件"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ".docx"),
    ("notice.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
    ("table.xlsx", None, "Excel"),
    ("plain.txt", "会议纪要\n今天讨论了几件事情，没有编号。\n".encode(), "没有找到提纲"),
    ("junk.html", b"<html><body><div id='nav'><a href='/'>\xe9\xa6\x96\xe9\xa1\xb5</a></div></body></html>",
     "没有可导入的文字"),
])
def test_bad_input_is_refused_clearly(cli, tmp_path, name: str, content: bytes | None, reason: str) -> None:
    source = tmp_path / name
    if content is None:  # an office file that is not a Word document
        _zip_without_word(source, "xl/workbook.xml")
    else:
        source.write_bytes(content)
    out = tmp_path / "plan.toml"
    result = cli("import", source, "-o", out)
    assert result.exit_code == 2
    assert str(source) in result.output and reason in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_notice_whose_plan_is_only_an_attached_file_imports_the_header_and_says_so(cli, tmp_path) -> None:
    """Issue 11, class 5: the notice is imported, the plan is named as not in the file."""
    source = tmp_path / "notice-only.txt"
    source.write_text(NOTICE.split("2024年示例区政务公开工作要点\n一、")[0] + "附件：工作要点.docx\n", encoding="utf-8")
    out = tmp_path / "plan.toml"
    result = cli("import", source, "-o", out)
    assert result.exit_code == 0, result.output
    assert "《2024年示例区政务公开工作要点》不在文件中" in result.output
    saved = out.read_text(encoding="utf-8")
    assert 'issuer = "示例区人民政府办公室"' in saved and "[[points]]" not in saved
    assert "# 导入提示: 计划《2024年示例区政务公开工作要点》不在文件中" in saved


def test_text_that_is_neither_a_plan_nor_a_notice_is_still_refused(cli, tmp_path) -> None:
    source = tmp_path / "letter.txt"
    source.write_text("各街道办事处：\n请于本周五前报送材料。\n示例区人民政府办公室\n2024年2月20日\n", encoding="utf-8")
    result = cli("import", source, "-o", tmp_path / "plan.toml")
    assert result.exit_code == 2 and "没有找到提纲" in result.output


def test_zip_that_is_not_a_word_document_is_refused(tmp_path) -> None:
    source = tmp_path / "archive.docx"
    _zip_without_word(source)
    with pytest.raises(ImportError_) as caught:
        import_file(source)
    assert str(source) in str(caught.value) and "Word" in str(caught.value)


def test_missing_file_and_directory_are_refused(cli, tmp_path) -> None:
    result = cli("import", tmp_path / "nothere.txt", "-o", tmp_path / "plan.toml")
    assert result.exit_code == 2 and "nothere.txt: 文件不存在" in result.output
    with pytest.raises(ImportError_, match="目录"):
        import_file(tmp_path)


# ---------------------------------------------------------------------------
# Debris in text copied from a page


def test_page_furniture_in_copied_text_goes_nowhere(tmp_path, host) -> None:
    text = """欢迎访问示例区人民政府网站！
您当前所在的位置：网站首页 > 政务公开 > 通知公告
索引号：000000/2024-1 组配分类：通知
发布机构：示例区人民政府办公室 发文字号：示政办〔2024〕2号
【字体：大 中 小】
""" + NOTICE.replace("细化部门预算公开内容。", "细化部门预算公开内容，依托APP平台推送。") + """
打印本页 关闭窗口
扫一扫在手机打开当前页
上一篇：示例区开展政务公开培训
Baidu
"""
    source = tmp_path / "copied.txt"
    source.write_text(text, encoding="utf-8")
    result = import_file(source, host=host)
    plan = result.doc.plan
    assert plan.meta.doc_number == "示政办〔2024〕2号"  # kept from the index block it came in
    first, second = plan.points[0].tasks
    assert first.text == "细化部门预算公开内容，依托APP平台推送。"  # an honest latin name stays
    assert second.text == "按月更新建设进展。"
    assert result.warnings == []
    assert "网页杂项：删去 9 行" in result.report_lines()


# ---------------------------------------------------------------------------
# Any mixture of notice-like lines: a plan or a clear refusal, never a crash

_FRAGMENTS = [
    "一、推进重点领域公开", "（一）公开财政资金信息。细化预算公开。", "（责任单位：区财政局）", "1.整合政务新媒体。",
    "（2）安排专人维护；", "责任单位：县教育局、各乡镇(街道)。", "序号", "工作任务", "具体要求", "责任单位", "时限要求",
    "12", "县财政局", "2024年6月底", "持续推进", "附件：", "抄送：区委办公室。", "示例区人民政府办公室", "2024年2月20日",
    "（此件公开发布）", "各街道办事处，区政府各部门：", "扫一扫在手机打开当前页", "（市审计局牵头落实，各区配合落实）",
    "關於印發2024年工作要點的通知", "按 luckybet娱乐官网 规定", "(―)加强指导", "—、强化监督", "1.26个领域梳理(2024年7月31日前)。",
    "", "  ", "（", "）", "：", "。",
]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=30))
def test_any_mixture_of_lines_imports_or_is_refused_clearly(host, lines: list[str]) -> None:
    try:
        result = import_text("\n".join(lines), host=host)
    except ImportError_ as refused:
        assert str(refused).startswith("<text>: ")
        return
    # a plan, or a notice whose plan is not in the text, said so in an 导入提示
    assert result.doc.plan.points or any("不在文件中" in w or "没有提纲" in w for w in result.warnings)
    store.dumps(result.doc)  # and the plan it gives can be written
