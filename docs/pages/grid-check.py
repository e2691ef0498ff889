"""Characters a line that LibreOffice sets for the demo notice under each way of asking for 28.

Exports templates/demo.toml as notice-docx, rewrites the document grid and the Normal style
of copies of it, converts them with LibreOffice and counts, from `pdftotext -bbox`, the
characters on the full lines of the plan's pages (a digit counts half). See docs/page-grid.md.

    .venv/bin/python docs/pages/grid-check.py        (from the repository root)
"""

from __future__ import annotations

import html
import re
import statistics
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PT = 72 / 25.4
LEFT, RIGHT = 28 * PT, (28 + 156) * PT
NORMAL_RPR = '<w:rPr><w:spacing w:val="-5"/></w:rPr></w:style>'
SIZE_16 = '<w:sz w:val="32"/><w:szCs w:val="32"/>'

# name: (docGrid attributes, Normal style's run properties, body text size in half-points)
VARIANTS = {
    "as exported: line grid, -0.25 pt spacing": ('w:type="lines" w:linePitch="579"', '<w:spacing w:val="-5"/>', 32),
    "linesAndChars, charSpace -848, Normal size unset": (
        'w:type="linesAndChars" w:linePitch="579" w:charSpace="-848"', "", 32),
    "linesAndChars, charSpace -848, Normal 16 pt": (
        'w:type="linesAndChars" w:linePitch="579" w:charSpace="-848"', SIZE_16, 32),
    "snapToChars, charSpace -848, Normal 16 pt": (
        'w:type="snapToChars" w:linePitch="579" w:charSpace="-848"', SIZE_16, 32),
    "linesAndChars, charSpace -848, Normal 16 pt, -0.25 pt spacing": (
        'w:type="linesAndChars" w:linePitch="579" w:charSpace="-848"', '<w:spacing w:val="-5"/>' + SIZE_16, 32),
    "linesAndChars, charSpace -848, Normal 16 pt, text 15.5 pt": (
        'w:type="linesAndChars" w:linePitch="579" w:charSpace="-848"', SIZE_16, 31),
}


def variant(src: Path, dst: Path, grid: str, normal: str, size: int) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename).decode("utf-8") if item.filename.endswith(".xml") else None
            if item.filename == "word/document.xml":
                data = re.sub(r"<w:docGrid [^>]*/>", f"<w:docGrid {grid}/>", data)
                data = data.replace(SIZE_16, f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>')
            elif item.filename == "word/styles.xml":
                data = data.replace(NORMAL_RPR, f"<w:rPr>{normal}</w:rPr></w:style>", 1)
            zout.writestr(item, data.encode("utf-8") if data is not None else zin.read(item.filename))


def full_lines(pdf: Path) -> tuple[list[float], float]:
    """Characters on each full line of the plan's pages, and the most on any line."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = out.split("<page ")[1:]
    widths, most = [], 0.0
    for page in pages[1:-1]:  # the plan's own pages: not the letter, not the 版记
        rows: dict[float, list] = {}
        for x0, _y0, x1, y1, text in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page):
            key = next((k for k in rows if abs(k - float(y1)) < 3), float(y1))
            rows.setdefault(key, []).append((float(x0), float(x1), html.unescape(text)))
        for words in rows.values():
            most = max(most, sum(1 if ord(c) > 0x2000 else 0.5 for w in words for c in w[2]))
            if min(w[0] for w in words) < LEFT + 3 and max(w[1] for w in words) > RIGHT - 8:
                widths.append(sum(1 if ord(c) > 0x2000 else 0.5 for w in words for c in w[2]))
    return widths, most


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        base = work / "demo.docx"
        subprocess.run(["planwright", "export", "templates/demo.toml", "--format", "notice-docx", "-o", str(base)],
                       check=True, capture_output=True)
        names = {}
        for n, (name, spec) in enumerate(VARIANTS.items()):
            variant(base, work / f"v{n}.docx", *spec)
            names[f"v{n}"] = name
        subprocess.run(["soffice", f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(work), *(str(work / f"{v}.docx") for v in names)],
                       check=True, capture_output=True, timeout=600)
        for v, name in names.items():
            widths, most = full_lines(work / f"{v}.pdf")
            median = f"{statistics.median(widths):g} a full line ({len(widths)} lines)" if widths else "no full line"
            print(f"{name}: {median}; at most {most:g} on a line")
    return 0


if __name__ == "__main__":
    sys.exit(main())
