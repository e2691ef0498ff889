"""The GB/T 9704 page of notice-docx as a clerk sees it: rendered by LibreOffice, read back from the PDF.

Positions come from ``pdftotext -bbox`` (points from the page's top-left corner),
colours from the page image (``pdftoppm``). Each document is rendered once per
module: rendering is slow. Skipped, with the reason, only where LibreOffice or
poppler is missing (`.ci/install-system-deps` installs both).
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from sample_plans import jinan_plan, ningguo_plan

from planwright.exporting import export_plan
from planwright.plan.model import Item, Task
from planwright.plan import store

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdftoppm"))
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed: run .ci/install-system-deps"),
    pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed: run .ci/install-system-deps"),
]

DEMO = Path(__file__).resolve().parents[1] / "templates" / "demo.toml"
PT_PER_MM = 72 / 25.4
TOP = 37 * PT_PER_MM  # the 版心's top edge
BOTTOM = (297 - 35) * PT_PER_MM  # and its bottom edge
LEFT, RIGHT = 28 * PT_PER_MM, (28 + 156) * PT_PER_MM


@dataclass(frozen=True)
class Line:
    top: float
    bottom: float
    left: float
    right: float
    text: str


def render_all(docs: dict[str, bytes], tmp: Path) -> dict[str, Path]:
    """Every .docx converted to PDF in one LibreOffice run (a private profile: tests may run in parallel)."""
    for name, data in docs.items():
        (tmp / f"{name}.docx").write_bytes(data)
    profile = (tmp / "lo-profile").as_uri()
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp), *(str(tmp / f"{name}.docx") for name in docs)],
                   check=True, capture_output=True, timeout=300)
    pdfs = {name: tmp / f"{name}.pdf" for name in docs}
    assert all(p.exists() for p in pdfs.values()), "LibreOffice wrote no PDF"
    return pdfs


def pages(pdf: Path) -> list[list[Line]]:
    """Each page's lines of text, top to bottom, built from the words' boxes."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True,
                         text=True).stdout
    result = []
    for page in out.split("<page ")[1:]:
        words = [(float(x0), float(y0), float(x1), float(y1), html.unescape(t)) for x0, y0, x1, y1, t in
                 re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
                            page)]
        rows: dict[float, list] = {}
        for word in words:
            key = next((k for k in rows if abs(k - word[3]) < 3), word[3])
            rows.setdefault(key, []).append(word)
        lines = []
        for key in sorted(rows):
            ws = sorted(rows[key])
            lines.append(Line(min(w[1] for w in ws), max(w[3] for w in ws), ws[0][0], max(w[2] for w in ws),
                              "".join(w[4] for w in ws)))
        result.append(lines)
    return result


def red_rows(pdf: Path, page: int) -> list[tuple[float, float, float]]:
    """(y, left x, right x) in points of each pixel row holding red, at 72 dpi."""
    data = subprocess.run(["pdftoppm", "-r", "72", "-f", str(page), "-l", str(page), str(pdf)],
                          check=True, capture_output=True).stdout
    magic, size, _depth, pixels = data.split(b"\n", 3)
    assert magic == b"P6"
    width, height = map(int, size.split())
    rows = []
    for y in range(height):
        row = pixels[y * width * 3:(y + 1) * width * 3]
        red = [x for x in range(width) if row[3 * x] > 180 and row[3 * x + 1] < 90 and row[3 * x + 2] < 90]
        if red:
            rows.append((float(y), float(min(red)), float(max(red))))
    return rows


def body(page: list[Line]) -> list[Line]:
    """A page's lines without its page number."""
    return [line for line in page if not re.fullmatch(r"—\d+—", line.text)]


UNITS = ["区人大常委会办公室", "区发展和改革委员会", "区自然资源和规划局", "区市场监督管理局"]


def long_table():
    """Three points of many rows each, long unit names: pages break all through the table."""
    plan = ningguo_plan()
    point = plan.points[0]
    plan.points = []
    for p in range(3):
        rows = [Item(id=f"r{p}{i}", text=f"第{i}项具体要求：按规定公开相关信息并及时更新。" * (1 + i % 3),
                     lead=[UNITS[i % 4]], support=[UNITS[(i + 1) % 4]], deadline="2027年10月底")
                for i in range(1, 13)]
        plan.points.append(replace(point, id=f"p{p}", title=f"第{p + 1}方面的重点工作",
                                   tasks=[Task(id=f"t{p}", title="做好信息公开", items=rows)]))
    return plan


def ends_on_an_even_page(demo):
    """The demo with a longer closing: its text ends low on page 8, with no room for the 版记."""
    more = "\n".join(["各单位要按季度报送落实情况，区政府办公室汇总后在政府网站公开，接受社会监督。"] * 18)
    return replace(demo, meta=replace(demo.meta, closing=demo.meta.closing + "\n" + more))


@pytest.fixture(scope="module")
def demo():
    return store.load(DEMO).plan


@pytest.fixture(scope="module")
def rendered(host, demo, tmp_path_factory):
    meta = demo.meta
    variants = {
        "red": demo,
        "preprinted": replace(demo, meta=replace(meta, masthead="preprinted")),
        "none": replace(demo, meta=replace(meta, masthead="none")),
        "no_number": replace(demo, meta=replace(meta, doc_number="")),
        "short_issuer": replace(demo, meta=replace(meta, issuer="示例区政府", date="2027-12-15", masthead="none")),
        "long_title": replace(demo, meta=replace(meta, title="示例区基层政务公开标准化规范化工作实施方案(2027-2029年)",
                                                 masthead="none")),
    }
    variants["jinan"] = jinan_plan()  # a short notice: the 版记 shares its last, even page
    attached = ningguo_plan()
    attached.meta.cc, attached.meta.printer = ["区委办公室"], "样例区人民政府办公室"
    attached.meta.print_date = attached.meta.date
    variants["attached"] = attached  # the 版记 after the 附件's table
    variants["long_table"] = long_table()
    variants["blank_between"] = ends_on_an_even_page(demo)
    docs = {name: export_plan(plan, "notice-docx", host, allow_errors=True) for name, plan in variants.items()}
    return render_all(docs, tmp_path_factory.mktemp("page"))


# --- 版头 --------------------------------------------------------------------------------


def test_red_masthead_and_rule_on_page_one(rendered, demo):
    first = body(pages(rendered["red"])[0])
    mark, number = first[0], first[1]
    assert mark.text == "示例区人民政府办公室文件"
    red = red_rows(rendered["red"], 1)
    # the 标志's red ink starts 35 mm below the 版心's top and is centred
    ink = [r for r in red if r[0] < number.top]
    assert abs(ink[0][0] - (TOP + 35 * PT_PER_MM)) < 2 * PT_PER_MM
    assert abs((min(r[1] for r in ink) + max(r[2] for r in ink)) / 2 - (LEFT + RIGHT) / 2) < 2 * PT_PER_MM
    # 发文字号 two lines under it, centred; the red rule about 4 mm under the 发文字号, 156 mm wide
    assert number.text == demo.meta.doc_number
    assert abs((number.left + number.right) / 2 - (LEFT + RIGHT) / 2) < 3
    rule = [r for r in red if r[0] > number.bottom]
    assert rule and all(r[2] - r[1] > 150 * PT_PER_MM for r in rule)
    assert 2 * PT_PER_MM < rule[0][0] - number.bottom < 6 * PT_PER_MM
    assert abs(rule[0][1] - LEFT) < 2 and abs(rule[0][2] - RIGHT) < 2
    # and the title two blank lines under the rule
    title = first[2]
    assert title.text.startswith("示例区人民政府办公室") and 45 < title.top - rule[-1][0] < 75


def test_preprinted_paper_keeps_the_space_and_prints_no_red(rendered):
    red, printed = body(pages(rendered["red"])[0]), body(pages(rendered["preprinted"])[0])
    assert not red_rows(rendered["preprinted"], 1)
    assert printed[0].text == red[1].text  # the 发文字号 first, where the red paper leaves it room
    assert abs(printed[0].top - red[1].top) < 1
    assert [(line.text, round(line.top)) for line in printed[1:]] == [(line.text, round(line.top)) for line in red[2:]]


def test_a_plan_without_a_doc_number_gets_the_same_head(rendered):
    red, bare = body(pages(rendered["red"])[0]), body(pages(rendered["no_number"])[0])
    assert bare[0].text == red[0].text and bare[1].text == red[2].text
    assert abs(bare[1].top - red[2].top) < 1  # the title where it would be
    assert [r for r in red_rows(rendered["no_number"], 1) if r[2] - r[1] > 150 * PT_PER_MM]


def test_no_masthead_starts_with_the_doc_number(rendered, demo):
    first = body(pages(rendered["none"])[0])
    assert first[0].text == demo.meta.doc_number and first[0].top < TOP + 10
    assert not red_rows(rendered["none"], 1)


# --- 标题 --------------------------------------------------------------------------------


def title_of(page: list[Line]) -> list[Line]:
    """The title's lines: those set in 2号 (taller boxes than 3号 text) on the first page."""
    return [line for line in body(page) if line.bottom - line.top > 24 and "文件" not in line.text]


@pytest.mark.parametrize("name", ["red", "long_title"])
def test_title_lines_end_between_words_and_balance(cut_inside, rendered, name):
    lines = [line.text for line in title_of(pages(rendered[name])[0])]
    assert len(lines) >= 2 and "".join(lines).endswith("的通知")
    assert not cut_inside(lines), lines
    widths = [sum(1 if ord(c) > 0x2000 else 0.5 for c in line) for line in lines]
    assert max(widths) - min(widths) <= 6, lines


def test_the_period_in_a_title_is_printed_full_width(rendered):
    text = "".join(line.text for line in title_of(pages(rendered["long_title"])[0]))
    assert "（2027—2029年）" in text and "(" not in text and "-" not in text


# --- 署名 and 成文日期 --------------------------------------------------------------------

CHAR = 15.75  # points: one 字 of 3号 text as set (28 to the 156 mm line)


def signature_lines(pdf: Path, issuer: str) -> tuple[Line, Line]:
    for page in pages(pdf):
        lines = body(page)
        for sign, date in zip(lines, lines[1:]):
            if sign.text == issuer and re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", date.text):
                return sign, date
    raise AssertionError("no 署名 line over a date")


def test_signature_two_characters_in_and_the_date_two_right_of_it(rendered, demo):
    """GB/T 9704 7.3.5.2, no seal: 署名 右空二字; the date's first character 2 字 right of the 署名's."""
    sign, date = signature_lines(rendered["red"], demo.meta.issuer)
    assert abs((RIGHT - sign.right) - 2 * CHAR) < 4
    assert abs((date.left - sign.left) - 2 * CHAR) < 4


def test_a_date_longer_than_the_signature_is_two_characters_in(rendered):
    sign, date = signature_lines(rendered["short_issuer"], "示例区政府")
    assert date.text == "2027年12月15日"
    # 2 字 in from the right with half-width digits, as 仿宋 sets them (7 字: 3 characters, 8 digits);
    # the stand-in face of a machine without 仿宋 has wider digits, so the start is what is measured
    assert abs(date.left - (RIGHT - 2 * CHAR - 7 * CHAR)) < 4
    assert abs((date.left - sign.left) - 2 * CHAR) < 4


# --- 版记 --------------------------------------------------------------------------------


def dark_rows(pdf: Path, page: int) -> list[float]:
    """y in points of each pixel row with a long dark run: the 版记's rules."""
    data = subprocess.run(["pdftoppm", "-r", "72", "-f", str(page), "-l", str(page), str(pdf)],
                          check=True, capture_output=True).stdout
    _magic, size, _depth, pixels = data.split(b"\n", 3)
    width, height = map(int, size.split())
    rows = []
    for y in range(height):
        row = pixels[y * width * 3:(y + 1) * width * 3]
        if sum(1 for x in range(width) if max(row[3 * x:3 * x + 3]) < 140) > 150 * PT_PER_MM:
            rows.append(float(y))
    return rows


@pytest.mark.parametrize("name", ["red", "jinan", "attached", "blank_between"])
def test_imprint_at_the_foot_of_an_even_last_page(rendered, name):
    pdf = rendered[name]
    last = len(pages(pdf))
    assert last % 2 == 0
    lines = body(pages(pdf)[-1])
    assert lines[-1].text.endswith("印发") and any(line.text.startswith("抄送：") for line in lines)
    assert lines[-1].bottom > BOTTOM - 30 * PT_PER_MM  # within the last 30 mm
    rules = dark_rows(pdf, last)
    assert len(rules) >= 3 and BOTTOM - 30 * PT_PER_MM < rules[-1] < BOTTOM + 2  # the last rule at the edge


def test_the_blank_page_before_the_imprint_and_the_imprint_page_carry_no_number(rendered):
    """Text ending on an even page with no room left: a blank page, then the 版记 on the
    next even page; neither carries a page number (GB/T 9704 §7.5). The blank page is in
    the PDF, so that a double-sided print puts the 版记 on the back of a sheet."""
    all_pages = pages(rendered["blank_between"])
    assert len(all_pages) % 2 == 0
    text_end, blank, imprint = all_pages[-3:]
    assert text_end[-1].text == f"—{len(all_pages) - 2}—"  # the text's last page is even and numbered
    assert blank == []
    assert imprint[-1].text.endswith("印发") and not any(re.fullmatch(r"—\d+—", line.text) for line in imprint)


def test_a_wrapped_cc_line_continues_after_the_colon(rendered):
    lines = body(pages(rendered["red"])[-1])
    first = next(i for i, line in enumerate(lines) if line.text.startswith("抄送："))
    head, more = lines[first], lines[first + 1]
    assert not more.text.endswith("印发")  # the demo's 抄送 takes two lines
    assert abs(more.left - (head.left + 3 * 13.75)) < 3  # under the first name, not under 抄
    assert abs(head.left - (LEFT + 14)) < 2  # 1 字 in from the 版心's edge


# --- the 分工 table ----------------------------------------------------------------------


def test_no_point_row_ends_a_table_page_and_no_name_or_date_is_cut(rendered):
    all_pages = [body(page) for page in pages(rendered["long_table"])]
    start = next(i for i, page in enumerate(all_pages) if page and page[0].text == "附件")
    table_pages = all_pages[start:]
    assert len(table_pages) >= 3
    for page in table_pages[:-1]:
        assert not re.match(r"[一二三四五六七八九十]+、", page[-1].text), page[-1].text  # a point row alone
    lines = [line.text for page in table_pages for line in page]
    for name in UNITS:
        assert any(name in line for line in lines), name  # whole on one line
        parts = [line for line in lines if name[:3] in line and name not in line]
        assert not parts, parts
    dates = [line for line in lines if "2027年1" in line]
    assert dates and all("2027年10月底" in line for line in dates), dates


# --- the text ----------------------------------------------------------------------------

HEADING = re.compile(r"[一二三四五六七八九十]+、\S{2,30}")


@pytest.mark.parametrize("name", ["red", "jinan", "attached"])
def test_no_heading_is_the_last_line_of_a_page(rendered, name):
    for page in pages(rendered[name])[:-1]:
        lines = body(page)
        assert lines and not HEADING.fullmatch(lines[-1].text), lines[-1].text


def test_full_lines_hold_28_characters_with_their_punctuation(rendered, demo, host):
    """The plan's own pages: every line that is not a paragraph's last holds 28 字 (27 to 29 with
    half-width digits and a hanging closing mark), no line starts with a closing mark, and every
    full-width mark of the plan's text is printed."""
    all_pages = [body(page) for page in pages(rendered["red"])]
    text_pages = all_pages[1:-1]
    full = [line for page in text_pages for line in page if line.left < LEFT + 3 and line.right > RIGHT - 8]
    assert len(full) > 40
    for line in full:
        width = sum(1 if ord(c) > 0x2000 else 0.5 for c in line.text)
        assert 26.5 <= width <= 29, line.text
    assert not [line.text for page in text_pages for line in page if line.text[0] in "，。；：、）》”"]
    printed = "".join(line.text for page in all_pages for line in page)
    source = export_plan(demo, "notice-txt", host, allow_errors=True).decode("utf-8")
    for mark in "，。；、：":
        assert printed.count(mark) == source.count(mark), mark
