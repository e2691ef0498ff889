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

from bisect import bisect_right
from itertools import accumulate

from rich.cells import cell_len, set_cell_size

# may not begin a line (避头): closing marks and pauses
NO_LINE_START = set("，。、；：！？）》」』】〕”’…—·,.;:!?)]}%")
# may not end a line (避尾): opening marks
NO_LINE_END = set("（《「『【〔“‘([{")


class _CellWidths(dict):
    """Each character's width in cells as rich measures it, looked up at dict speed once met."""

    def __missing__(self, ch: str) -> int:
        width = self[ch] = cell_len(ch)
        return width


_WIDTH = _CellWidths()
_JOINERS = {"\u200d", "\ufe0f"}  # where rich measures a string otherwise than the sum of its characters


def cells(text: str) -> int:
    """``cell_len(text)``, summed from the characters' widths where that is the same (no joiner)."""
    if _JOINERS.intersection(text):
        return cell_len(text)
    return sum(map(_WIDTH.__getitem__, text))


def wrap_line(line: str, width: int) -> list[str]:
    """One line folded to at most ``width`` cells, without a closing mark starting a line.

    Where each line ends is found by bisecting the running widths, not by walking the
    characters one by one: the views fold thousands of cells when they open.
    """
    if width < 2 or 2 * len(line) <= width:
        return [line]  # (no character is wider than 2 cells)
    ends = list(accumulate(map(_WIDTH.__getitem__, line)))  # cells up to and including each character
    if ends[-1] <= width or (_JOINERS.intersection(line) and cell_len(line) <= width):
        return [line]
    out: list[str] = []
    start, base, look = 0, 0, 1  # current line's first index, cells before it, first index that may break
    while True:
        # the first character past the width; the line's first character always stays on it
        k = bisect_right(ends, base + width, max(start + 1, look))
        if k >= len(line):
            out.append(line[start:])
            return out
        current = line[start:k]
        keep = len(current) - len(_carry(current, line[k]))
        out.append(current[:keep])
        start += keep
        base = ends[start - 1] if start else 0
        look = k + 1  # the character that overflowed opens the next line whatever it carries


def _carry(current: str, next_char: str) -> str:
    """The tail of a full line that moves down with ``next_char`` (empty when none need to)."""
    n = len(current)
    if next_char in NO_LINE_START:
        n -= 1  # the last character goes down with the mark …
        while n > 0 and current[n] in NO_LINE_START:
            n -= 1  # … and with the marks before it (”。 ……)
    while n > 0 and current[n - 1] in NO_LINE_END:
        n -= 1  # an opening mark goes down with what it opens
    if n <= 0:
        return ""  # a line of nothing but marks: cut it where it is full
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
    """A table cell's text folded to its column (paragraphs run on); at most ``most`` lines, the last ending in ….

    With ``most``, only a head of the text is folded: a line holds at most ``width`` cells and a
    character at least one, so ``(most + 1) * width`` characters fold to more than ``most``
    lines, and the first ``most`` of them are those of the whole text.
    """
    if not text:
        return [""]
    line = " ".join(text.split("\n"))
    lines = wrap_line(line[:(most + 1) * width] if most else line, width)
    if most and len(lines) <= most and len(line) > (most + 1) * width:
        lines = wrap_line(line, width)  # (zero-width characters: the head did not fill the lines)
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
        if current and cells(current + piece) > width:
            lines.append(current)
            current = ""
        if cells(piece) > width:
            *full, current = wrap_line(current + piece, width)
            lines += full
        else:
            current += piece
    return lines + [current] if current or not lines else lines
