"""The .docx exports as a person sees them: rendered by LibreOffice to PDF, read with poppler.

These run wherever LibreOffice is installed (`.ci/install-system-deps` installs it
with poppler-utils and Chinese fonts); they are skipped, with the reason
printed, only when LibreOffice or poppler is truly absent.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from sample_plans import YEAR, big_plan, ningguo_plan

from planwright.exporting import export_plan
from planwright.plan.model import Item

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdfinfo", "pdftoppm"))
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed: run .ci/install-system-deps"),
    pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdftotext/pdfinfo/pdftoppm) not installed: "
                                           "run .ci/install-system-deps"),
]

PAGE_NUMBER = re.compile(r"^\s*—\s*(\d+)\s*—\s*$")


def render(data: bytes, tmp: Path, name: str) -> Path:
    """The .docx converted to PDF by LibreOffice, with a private profile (parallel runs)."""
    source = tmp / f"{name}.docx"
    source.write_bytes(data)
    profile = (tmp / "lo-profile").as_uri()
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp), str(source)], check=True, capture_output=True, timeout=180)
    pdf = tmp / f"{name}.pdf"
    assert pdf.exists(), "LibreOffice wrote no PDF"
    return pdf


def pages_of(pdf: Path) -> list[list[str]]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    pages = [[line for line in page.split("\n") if line.strip()] for page in text.split("\f")]
    return [p for p in pages if p]


def page_size(pdf: Path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    w, h = re.search(r"Page size:\s*([\d.]+) x ([\d.]+) pts", info).groups()
    return float(w), float(h)


def squeeze(line: str) -> str:
    return re.sub(r"\s+", "", line)


@pytest.fixture(scope="module")
def notice_pdf(host, tmp_path_factory):
    plan = big_plan(24)
    tmp = tmp_path_factory.mktemp("notice")
    return plan, render(export_plan(plan, "notice-docx", host), tmp, "notice")


def test_pages_are_a4(notice_pdf):
    _, pdf = notice_pdf
    width, height = page_size(pdf)
    assert abs(width - 595.3) < 1 and abs(height - 841.9) < 1


def test_every_page_numbered_at_the_outer_edge(notice_pdf):
    _, pdf = notice_pdf
    pages = pages_of(pdf)
    assert len(pages) >= 4
    for n, page in enumerate(pages, 1):
        m = PAGE_NUMBER.match(page[-1])
        assert m and int(m.group(1)) == n, page[-1]
    # odd pages: number at the right; even pages: at the left
    indent = [len(page[-1]) - len(page[-1].lstrip()) for page in pages]
    assert all(indent[i] > 15 for i in range(0, len(pages), 2)), indent
    assert all(indent[i] < 5 for i in range(1, len(pages), 2)), indent


def test_full_body_pages_hold_22_lines_of_28_characters(notice_pdf):
    _, pdf = notice_pdf
    pages = pages_of(pdf)
    bodies = [page[:-1] for page in pages]  # without the page number
    assert all(len(body) <= 22 for body in bodies)
    # the plan's own pages between its first and last are full
    full = bodies[2:-1]
    assert full and all(len(body) == 22 for body in full), [len(b) for b in bodies]
    lengths = [len(squeeze(line)) for body in full for line in body]
    assert max(lengths) <= 29  # 28, and a closing mark LibreOffice may hang in the margin
    assert sum(n in (28, 29) for n in lengths) > len(lengths) / 2


def test_text_reads_in_order(notice_pdf):
    plan, pdf = notice_pdf
    text = "".join(squeeze(line) for page in pages_of(pdf) for line in page[:-1])
    title = f"样例区人民政府办公室关于印发{YEAR}年样例区政务公开工作要点的通知"
    assert text.index(f"样政办字〔{YEAR}〕7号") < text.index(title) < text.index("各街道办事处，区政府各部门：")
    assert text.index(f"{YEAR}年3月9日") < text.index("（此件公开发布）")
    positions = [text.index(f"（{n}）落实第{i}项公开任务") for i, n in
                 enumerate(["一", "二", "三", "四", "五"], 1)]
    assert positions == sorted(positions)
    assert text.count("（责任单位：区政府各部门）") == len(plan.points[0].tasks)


def test_pages_render_to_images(notice_pdf, tmp_path):
    """The pages as a person looks at them (pdftoppm); kept small, checked for size."""
    _, pdf = notice_pdf
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "2", str(pdf), str(tmp_path / "page")],
                   check=True, capture_output=True)
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == 2
    width, height = _png_size(images[0])
    assert abs(width / height - 210 / 297) < 0.01


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


@pytest.fixture(scope="module")
def attachment_pdf(host, tmp_path_factory):
    plan = ningguo_plan()
    task = plan.points[0].tasks[0]
    task.items = [Item(id=f"r{i}", text=f"第{i}项具体要求：按规定公开相关信息并及时更新。" * 2,
                       lead=["自然资源局"], deadline=f"{YEAR}年{i % 12 + 1}月底") for i in range(1, 41)]
    tmp = tmp_path_factory.mktemp("attach")
    return plan, render(export_plan(plan, "notice-docx", host), tmp, "attach")


def test_attachment_on_its_own_pages_with_repeated_header(attachment_pdf):
    _, pdf = attachment_pdf
    pages = pages_of(pdf)
    first = next(i for i, page in enumerate(pages) if squeeze(page[0]) == "附件")
    assert first > 0
    assert squeeze(pages[first][1]) == f"{YEAR}年样例区政务公开重点工作任务分工"
    table_pages = pages[first:]
    assert len(table_pages) >= 2
    for page in table_pages:
        header = next((line for line in page if "具体要求" in line), None)
        assert header is not None and re.search(r"序号\s+工作任务\s+具体要求\s+责任单位\s+时限要求", header)
    text = "".join(squeeze(line) for page in table_pages for line in page)
    assert "第40项具体要求" in text


def test_table_docx_is_landscape_with_header_on_each_page(host, tmp_path):
    plan = ningguo_plan()
    plan.points[0].tasks[0].items = [Item(id=f"r{i}", text=f"第{i}项任务的具体要求和公开标准。" * 3,
                                          lead=["财政局"], deadline="持续推进") for i in range(1, 61)]
    pdf = render(export_plan(plan, "table-docx", host), tmp_path, "table")
    width, height = page_size(pdf)
    assert abs(width - 841.9) < 1 and abs(height - 595.3) < 1
    pages = pages_of(pdf)
    assert len(pages) >= 2
    assert all(any("具体要求" in line for line in page) for page in pages)
    assert all(PAGE_NUMBER.match(page[-1]) for page in pages)


def test_imprint_rules_span_the_type_area_text_one_character_in(host, tmp_path):
    """版记: the 抄送 and 印发 lines start 1 字 (4号, 14 pt) inside the 28 mm 订口."""
    from sample_plans import jinan_plan

    pdf = render(export_plan(jinan_plan(), "notice-docx", host), tmp_path, "imprint")
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    last = re.search(r"Pages:\s+(\d+)", pages).group(1)
    bbox = subprocess.run(["pdftotext", "-bbox", "-f", last, "-l", last, str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    words = re.findall(r'<word xMin="([\d.]+)"[^>]*>([^<]+)</word>', bbox)
    left = 28 / 25.4 * 72
    starts = {text: float(x) for x, text in words}
    cc = next(x for text, x in starts.items() if text.startswith("抄送："))
    printer = next(x for text, x in starts.items() if text.startswith("样例区人民政府办公室"))
    assert abs(cc - (left + 14)) < 2 and abs(printer - (left + 14)) < 2
    issued = next((x for text, x in starts.items() if text.endswith("印发")), None)
    assert issued is not None and issued > left + 250  # the date sits at the right
