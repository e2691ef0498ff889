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

It relies on DataTable's private stores (``_data``, ``rows``, ``_row_locations``,
``_update_count``) of the pinned Textual version; the view tests read the drawn
table, so a change there shows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.text import Text
from textual.geometry import Size
from textual.widgets import DataTable
from textual.widgets._data_table import DuplicateKey, Row, RowKey


class Folded:
    """A cell's lines, folded to its column; drawn as one rich Text (user text: never markup)."""

    __slots__ = ("lines", "style", "justify")

    def __init__(self, lines: list[str], style: str = "", justify: str = "left") -> None:
        self.lines, self.style, self.justify = lines, style, justify

    def __rich__(self) -> Text:
        return Text("\n".join(self.lines), self.style, justify=self.justify)  # type: ignore[arg-type]

    def __str__(self) -> str:
        return "\n".join(self.lines)

    @property
    def height(self) -> int:
        return len(self.lines)


FoldedRow = tuple[str, Sequence[Folded], int]  # key, one cell per column, height in lines


class FoldedTable(DataTable):
    """DataTable with fixed-width columns whose rows come in batches (``set_rows``, ``append_rows``)."""

    _lines = 0  # the rows' height in lines, header not counted

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
