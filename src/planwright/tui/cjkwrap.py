"""Folding Chinese text to a width in terminal cells, for read-only previews.

Textual and rich wrap at whitespace; in a notice the full-width indent
（"　　"）at the start of a paragraph is whitespace too, so the indent ends up
alone on one line and the paragraph starts on the next. Here a line is folded
by cell width instead, and never past it: a line that would end just before a
closing mark (，。、） and the like, which may not begin a line) gives its last
character to the next line, so the mark follows it there (推入, as typesetters
do when the mark cannot hang in a margin — a terminal has none). An opening
mark（“《 never ends a line.
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size

# may not begin a line (避头): closing marks and pauses
NO_LINE_START = set("，。、；：！？）》」』】〕”’…—·,.;:!?)]}%")
# may not end a line (避尾): opening marks
NO_LINE_END = set("（《「『【〔“‘([{")


def wrap_line(line: str, width: int) -> list[str]:
    """One line folded to at most ``width`` cells, without a closing mark starting a line."""
    if width < 2 or cell_len(line) <= width:
        return [line]
    out: list[str] = []
    current: list[str] = []
    used = 0
    for ch in line:
        w = cell_len(ch)
        if used + w > width and current:
            carried = _carry(current, ch)
            out.append("".join(current[:len(current) - len(carried)]))
            current = carried
            used = sum(cell_len(c) for c in current)
        current.append(ch)
        used += w
    out.append("".join(current))
    return out


def _carry(current: list[str], next_char: str) -> list[str]:
    """The tail of a full line that moves down with ``next_char`` (empty when none need to)."""
    n = len(current)
    if next_char in NO_LINE_START:
        n -= 1  # the last character goes down with the mark …
        while n > 0 and current[n] in NO_LINE_START:
            n -= 1  # … and with the marks before it (”。 ……)
    while n > 0 and current[n - 1] in NO_LINE_END:
        n -= 1  # an opening mark goes down with what it opens
    if n <= 0:
        return []  # a line of nothing but marks: cut it where it is full
    return current[n:]


def wrap(text: str, width: int) -> str:
    return "\n".join(part for line in text.split("\n") for part in wrap_line(line, width))


def fit(text: str, width: int) -> str:
    """``text`` in exactly ``width`` cells: padded, or cut with … so that a cut shows."""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    if width < 2:
        return set_cell_size(text, max(width, 0))
    return set_cell_size(set_cell_size(text, width - 1).rstrip() + "…", width)


def cell_lines(text: str, width: int, most: int = 0) -> list[str]:
    """A table cell's text folded to its column (paragraphs run on); at most ``most`` lines, the last ending in …."""
    lines = wrap_line(" ".join(text.split("\n")), width) if text else [""]
    if most and len(lines) > most:
        lines = lines[:most - 1] + [fit(lines[most - 1] + "…", width).rstrip()]
    return lines


def unit_lines(units: list[str], width: int) -> list[str]:
    """Unit names joined with 、 and folded at names: a name starts a new line rather than break,
    unless it is longer than the column by itself."""
    lines: list[str] = []
    current = ""
    for n, name in enumerate(units):
        piece = name + ("、" if n < len(units) - 1 else "")
        if current and cell_len(current + piece) > width:
            lines.append(current)
            current = ""
        if cell_len(piece) > width:
            *full, current = wrap_line(current + piece, width)
            lines += full
        else:
            current += piece
    return lines + [current] if current or not lines else lines
