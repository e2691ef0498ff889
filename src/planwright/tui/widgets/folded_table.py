"""A DataTable for the read-only views, filled in one step with cells already folded.

The 分工 table (F10) holds a row per task or item: ~1,800 rows at 1,000 tasks.
``DataTable.add_row`` costs tens of microseconds a row, and on the next idle the
table measures every cell to size its columns, although these columns have fixed
widths and each row already knows its height from the folding (cjkwrap): that
took most of a second. ``FoldedTable.set_rows`` / ``append_rows`` file the rows
in the table's own stores directly and set the scrollable size from the known
heights; the table then draws only the lines on screen, as it always does. The look and the
rest of DataTable's behaviour (cursor, zebra stripes, keys, row selection) are
DataTable's own.

Drawing a cell is done here too (``_render_cell``): DataTable hands each cell to
rich (a Text wrapped again, padded, styled, cut into lines), about 0.2 ms a cell,
so a screen of 34 lines × 7 columns took 50 ms before the view's first frame and
again after every batch of rows. A folded cell's lines are already cut to the
column, so they become the same segments directly: padding, the text in its
style, the row's and the cursor's styles over it. Cells that rich would treat
otherwise (a control character or tab, a line wider than its column, a header)
still go through DataTable's own drawing; a test draws every cell both ways.

It relies on DataTable's private stores (``_data``, ``rows``, ``_row_locations``,
``_update_count``) of the pinned Textual version; the view tests read the drawn
table, so a change there shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual._types import SegmentLines
from textual.color import Color
from textual.css.styles import RenderStyles
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widgets import DataTable
from textual.widgets._data_table import DuplicateKey, Row, RowKey

from planwright.tui.cjkwrap import _WIDTH

# what rich's Text strips, expands or measures otherwise than its characters: drawn by DataTable
_UNPLAIN = re.compile("[\x00-\x1f\x7f\u200d\ufe0f]")


class Folded:
    """A cell's lines, folded to its column; drawn as one rich Text (user text: never markup)."""

    __slots__ = ("lines", "style", "justify", "_widths")

    def __init__(self, lines: list[str], style: str = "", justify: str = "left") -> None:
        self.lines, self.style, self.justify = lines, style, justify
        self._widths: list[int] | None = None

    def widths(self) -> list[int] | None:
        """Each line's width in cells, or None when a line is not ordinary text (drawn by rich)."""
        if self._widths is None:
            if any(_UNPLAIN.search(line) for line in self.lines):
                return None
            self._widths = [sum(map(_WIDTH.__getitem__, line)) for line in self.lines]
        return self._widths

    def __rich__(self) -> Text:
        return Text("\n".join(self.lines), self.style, justify=self.justify)  # type: ignore[arg-type]

    def __str__(self) -> str:
        return "\n".join(self.lines)

    @property
    def height(self) -> int:
        return len(self.lines)


class _PaintedStyles:
    """A component's styles during one paint, its rich style read once (the rest passed through)."""

    def __init__(self, styles: RenderStyles) -> None:
        self._styles = styles
        self.rich_style = styles.rich_style

    def __getattr__(self, name: str) -> object:
        return getattr(self._styles, name)


FoldedRow = tuple[str, Sequence[Folded], int]  # key, one cell per column, height in lines


class FoldedTable(DataTable):
    """DataTable with fixed-width columns whose rows come in batches (``set_rows``, ``append_rows``)."""

    _lines = 0  # the rows' height in lines, header not counted
    _painting: tuple[Style, tuple[Color, Color], dict] | None = None  # see render_lines

    def render_lines(self, crop: Region) -> list[Strip]:
        """Draw, with the table's styles and background looked up once for the whole paint.

        DataTable reads ``rich_style``, ``background_colors`` and its rows' component
        styles for every line, and each read walks the DOM to the screen: a third of a
        repaint's time.
        """
        self._painting = (super().rich_style, super().background_colors, {})
        try:
            return super().render_lines(crop)
        finally:
            self._painting = None

    def on_unmount(self) -> None:
        """Let go of the rows and the lines drawn as the view closes.

        A closed screen is a cycle of widgets, freed only by a full collection of the
        garbage collector; the rows it held (tens of thousands of objects at 1,000 tasks)
        would wait for it too, and bring it on in the middle of the next view's opening.
        Dropped here, they are freed at once.
        """
        self._clear_caches()
        self._data.clear()
        self.rows.clear()

    def get_component_styles(self, *names: str) -> RenderStyles:
        if self._painting is None:
            return super().get_component_styles(*names)
        known = self._painting[2]
        if names not in known:
            known[names] = _PaintedStyles(super().get_component_styles(*names))
        return known[names]

    @property
    def rich_style(self) -> Style:
        return self._painting[0] if self._painting else super().rich_style

    @property
    def background_colors(self) -> tuple[Color, Color]:
        return self._painting[1] if self._painting else super().background_colors

    def set_rows(self, rows: Iterable[FoldedRow]) -> None:
        """Replace every row; the cursor goes back to the first, as after ``clear``."""
        self.clear()
        self._new_rows.clear()
        self._lines = 0
        self.append_rows(rows)

    def append_rows(self, rows: Iterable[FoldedRow]) -> None:
        """Add rows after the last; the cursor and the scroll stay where they are."""
        columns = [column.key for column in self.ordered_columns]
        first = index = self.row_count
        for key, cells, height in rows:
            row_key = RowKey(key)
            if row_key in self.rows:
                raise DuplicateKey(f"The row key {key!r} already exists.")
            self._row_locations[row_key] = index
            self._data[row_key] = dict(zip(columns, cells))
            self.rows[row_key] = Row(row_key, height)
            self._lines += height
            index += 1
        if index == first:
            return
        # nothing to measure: the columns have fixed widths and the rows their heights
        self._require_update_dimensions = False
        self._update_count += 1
        width = sum(column.get_render_width(self) for column in self.ordered_columns)
        self.virtual_size = Size(width + self._row_label_column_width,
                                 self._lines + (self.header_height if self.show_header else 0))
        self.cursor_coordinate = self.cursor_coordinate
        if first == 0 and self.columns and self.show_cursor and self.cursor_type != "none":
            self._highlight_cursor()
        self.refresh()

    def _render_cell(self, row_index: int, column_index: int, base_style: Style, width: int,
                     cursor: bool = False, hover: bool = False) -> SegmentLines:
        """A folded cell's lines as segments, as DataTable's rich rendering would draw them."""
        if row_index < 0 or column_index < 0 or self.fixed_rows or self.fixed_columns:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        row_key = self._row_locations.get_key(row_index)
        column_key = self._column_locations.get_key(column_index)
        cell = self._data.get(row_key, {}).get(column_key) if row_key is not None else None
        pad = self.cell_padding
        inner = width - 2 * pad
        row = self.rows.get(row_key) if row_key is not None else None
        widths = cell.widths() if isinstance(cell, Folded) else None
        if widths is None or row is None or inner < 1 or max(widths) > inner:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        key = (row_key, column_key, base_style, cursor, hover, self._show_hover_cursor,
               self._update_count, self._pseudo_class_state)
        lines = self._cell_render_cache.get(key)
        if lines is None:
            lines = self._cell_render_cache[key] = self._folded_lines(
                cell, widths, row.height, row_index, column_index, base_style, width, pad, cursor, hover)
        return lines

    def _folded_lines(self, cell: Folded, widths: list[int], height: int, row_index: int, column_index: int,
                      base_style: Style, width: int, pad: int, cursor: bool, hover: bool) -> SegmentLines:
        component, post = self._get_styles_to_render_cell(
            False, False, False, hover, cursor, self.show_cursor, self._show_hover_cursor,
            self.cursor_foreground_priority == "css", self.cursor_background_priority == "css")
        pre = base_style + Style.from_meta({"row": row_index, "column": column_index}) + component
        outer = pre + post if post else pre  # padding and blank lines
        text_style = Style.parse(cell.style) if cell.style else None
        inner_style = (pre + text_style + post if post else pre + text_style) if text_style else outer
        inner = width - 2 * pad
        margin = Segment(" " * pad, outer) if pad else None
        blank = [Segment(" " * width, outer)]
        out: SegmentLines = []
        for n in range(height):
            if n >= len(cell.lines):
                out.append(blank)
                continue
            line = cell.lines[n]
            if cell.justify == "right":
                line = line.rstrip()  # as rich justifies to the right
                line = " " * (inner - sum(map(_WIDTH.__getitem__, line))) + line
            else:
                line = line + " " * (inner - widths[n])
            text = Segment(line, inner_style)
            out.append([margin, text, margin] if margin else [text])
        return out
