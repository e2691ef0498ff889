"""Folding Chinese text to a width in terminal cells, for read-only previews.

Textual and rich wrap at whitespace; in a notice the full-width indent
（"　　"）at the start of a paragraph is whitespace too, so the indent ends up
alone on one line and the paragraph starts on the next. Here a line is folded
by cell width instead, and a closing punctuation mark never starts a line (it
stays at the end of the line above, one cell over, as typesetters allow).
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size

# may not begin a line (避头): closing marks and pauses
NO_LINE_START = set("，。、；：！？）》」』】〕”’…—·,.;:!?)]}%")


def wrap_line(line: str, width: int) -> list[str]:
    """One line folded to ``width`` cells (a mark that may not start a line hangs)."""
    if width < 2 or cell_len(line) <= width:
        return [line]
    out: list[str] = []
    current, used = "", 0
    for ch in line:
        w = cell_len(ch)
        if used + w > width and current and ch not in NO_LINE_START:
            out.append(current)
            current, used = "", 0
        current += ch
        used += w
    out.append(current)
    return out


def wrap(text: str, width: int) -> str:
    return "\n".join(part for line in text.split("\n") for part in wrap_line(line, width))


def fit(text: str, width: int) -> str:
    """``text`` in exactly ``width`` cells: padded, or cut with … so that a cut shows."""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    if width < 2:
        return set_cell_size(text, max(width, 0))
    return set_cell_size(set_cell_size(text, width - 1).rstrip() + "…", width)
