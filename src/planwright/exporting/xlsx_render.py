"""The 分工 table and the per-unit lists as .xlsx (XlsxWriter, written in memory).

Column widths are computed here: XlsxWriter's autofit gives every non-ASCII
character the width of a Latin one and so makes Chinese columns about half as
wide as they need to be (research §3.3). A wide or full-width character counts
2, the rest 1, and long columns are capped and wrapped. Row heights are set
from the wrapped line count, because merged cells are never auto-sized.
"""

from __future__ import annotations

import io
import math
from typing import Sequence

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from planwright.api import Finding
from planwright.exporting.table import HEADER, TableRow
from planwright.exporting.units import ROLE_WORDS, UnitTasks, sheet_names
from planwright.exporting.wording import display_width

FONT = "宋体"
HEAD_FONT = "黑体"
SIZE = 11
LINE_PT = 15  # points per wrapped line of 11 pt 宋体
PAD_PT = 4

# (minimum, maximum) width per column, in Excel character units
TABLE_LIMITS = [(5, 6), (12, 26), (24, 60), (12, 30), (10, 22)]


def text_lines(text: str, width: float) -> int:
    """Lines a wrapped cell takes at `width` character units."""
    usable = max(1.0, width - 1.5)  # cell padding
    return sum(max(1, math.ceil(display_width(line) / usable)) for line in (text or "").split("\n"))


def fit_widths(columns: Sequence[Sequence[str]], limits: Sequence[tuple[int, int]]) -> list[float]:
    """Width of each column: its widest line plus padding, within the limits."""
    widths = []
    for cells, (low, high) in zip(columns, limits):
        widest = max((display_width(line) for cell in cells for line in cell.split("\n")), default=0)
        widths.append(float(min(high, max(low, widest + 2))))
    return widths


CELL_LIMIT = 32767  # characters (UTF-16 units) Excel keeps in one cell
CUT_NOTE = "……（此格超过 Excel 单元格上限 32767 字，以下从略；全文见计划文件）"


class _SayingSheet(Worksheet):
    """A worksheet that never cuts a long text silently: a cell over Excel's limit ends with a
    note saying it was cut (XlsxWriter would drop the rest without a word)."""

    def _write_string(self, row, col, string, cell_format=None):
        if len(string) > CELL_LIMIT // 2 and len(string.encode("utf-16-le")) // 2 > CELL_LIMIT:
            keep = CELL_LIMIT - len(CUT_NOTE.encode("utf-16-le")) // 2
            text = string.encode("utf-16-le")[: keep * 2].decode("utf-16-le", errors="ignore")
            string = text + CUT_NOTE
        return super()._write_string(row, col, string, cell_format)


class _Book:
    """A workbook in memory with the formats both exports use."""

    def __init__(self, title: str, errors: Sequence[Finding]) -> None:
        self.buffer = io.BytesIO()
        self.wb = xlsxwriter.Workbook(self.buffer, {"in_memory": True, "strings_to_numbers": False,
                                                    "strings_to_formulas": False, "strings_to_urls": False})
        self.wb.worksheet_class = _SayingSheet
        note = f"未通过检查：有 {len(errors)} 个错误，按 --allow-errors 导出" if errors else ""
        self.wb.set_properties({"title": title, "comments": note or "planwright 导出"})
        base = {"font_name": FONT, "font_size": SIZE, "border": 1, "text_wrap": True, "valign": "vcenter"}
        self.cell = self.wb.add_format(base)
        self.center = self.wb.add_format({**base, "align": "center"})
        self.head = self.wb.add_format({**base, "font_name": HEAD_FONT, "bold": True, "align": "center",
                                        "bg_color": "#D9D9D9"})
        self.group = self.wb.add_format({**base, "font_name": HEAD_FONT, "bold": True, "bg_color": "#F2F2F2"})
        self.title = self.wb.add_format({"font_name": HEAD_FONT, "font_size": 14, "bold": True,
                                         "valign": "vcenter"})
        self.link = self.wb.add_format({**base, "font_color": "blue", "underline": 1})
        self.warn = self.wb.add_format({"font_name": FONT, "font_size": SIZE, "bold": True,
                                        "font_color": "#C00000", "text_wrap": True, "valign": "top"})

    def print_setup(self, ws, title: str, header_rows: tuple[int, int]) -> None:
        """A4 landscape, one page wide, the header rows repeated on every page, page numbers."""
        ws.set_landscape()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        ws.set_margins(left=0.5, right=0.5, top=0.75, bottom=0.6)
        ws.repeat_rows(*header_rows)
        # the size code goes before the font: a title starting with digits (2027年…)
        # would otherwise run into it (&142027)
        ws.set_header(f'&C&14&"{HEAD_FONT},Bold"{_hf(title)}'[:255])
        ws.set_footer("&C第 &P 页，共 &N 页")

    def findings_sheet(self, errors: Sequence[Finding]) -> None:
        """A sheet listing the errors an --allow-errors export was made with."""
        if not errors:
            return
        ws = self.wb.add_worksheet("检查结果")
        ws.set_tab_color("#C00000")
        ws.write_string(0, 0, f"本文件按 --allow-errors 导出，计划有 {len(errors)} 个错误未改正，仅供核对。", self.warn)
        for c, name in enumerate(("规则", "位置", "说明")):
            ws.write_string(1, c, name, self.head)
        for r, f in enumerate(errors, 2):
            ws.write_string(r, 0, f.rule, self.cell)
            ws.write_string(r, 1, f.where, self.cell)
            ws.write_string(r, 2, f.message, self.cell)
        ws.set_column(0, 0, 16)
        ws.set_column(1, 1, 16)
        ws.set_column(2, 2, 80)

    def close(self) -> bytes:
        self.wb.close()
        return self.buffer.getvalue()


def _hf(text: str) -> str:
    """Header/footer text: & starts a control code there, so it is doubled."""
    return text.replace("&", "&&")


# --- the 分工 table ------------------------------------------------------------------


def table_xlsx(rows: Sequence[TableRow], title: str, errors: Sequence[Finding] = ()) -> bytes:
    """Header in row 1 (frozen, repeated when printed), point rows merged across,
    each task's cell merged down its rows, one numbered row per item."""
    book = _Book(title, errors)
    ws = book.wb.add_worksheet(TABLE_SHEET)
    cells = [row.cells() for row in rows if row.kind == "row"]
    columns = [[HEADER[c]] + [cell[c] for cell in cells] for c in range(5)]
    widths = fit_widths(columns, TABLE_LIMITS)
    for c, width in enumerate(widths):
        ws.set_column(c, c, width)
    for c, name in enumerate(HEADER):
        ws.write_string(0, c, name, book.head)
    ws.set_row(0, LINE_PT + PAD_PT)
    ws.freeze_panes(1, 0)
    r = 1
    task_top = 1
    for row in rows:
        if row.kind == "point":
            ws.merge_range(r, 0, r, 4, row.point, book.group)
            ws.set_row(r, LINE_PT * text_lines(row.point, sum(widths)) + PAD_PT)
            r += 1
            continue
        seq, task, requirement, units, deadline = row.cells()
        ws.write_number(r, 0, row.seq, book.center)
        if row.task_start:
            task_top = r
            if row.task_span > 1:
                ws.merge_range(r, 1, r + row.task_span - 1, 1, task, book.cell)
            else:
                ws.write_string(r, 1, task, book.cell)
        ws.write_string(r, 2, requirement, book.cell)
        ws.write_string(r, 3, units, book.cell)
        ws.write_string(r, 4, deadline, book.center)
        ws.set_row(r, _row_height(row, widths, task_top == r))
        r += 1
    book.print_setup(ws, title, (0, 0))
    book.findings_sheet(errors)
    return book.close()


def _row_height(row: TableRow, widths: Sequence[float], first: bool) -> float:
    seq, task, requirement, units, deadline = row.cells()
    # A task cell merged over several rows shares their height; alone it counts.
    task_lines = text_lines(task, widths[1]) if first and row.task_span == 1 else 1
    lines = max(task_lines, text_lines(requirement, widths[2]), text_lines(units, widths[3]),
                text_lines(deadline, widths[4]))
    return LINE_PT * lines + PAD_PT


TABLE_SHEET = "重点工作任务分工"  # the full title is in the print header and the properties


# --- per-unit lists ---------------------------------------------------------------------

UNIT_HEADER = ("序号", "工作任务", "具体要求", "角色", "时限要求")
UNIT_LIMITS = [(5, 6), (12, 26), (24, 60), (6, 6), (10, 22)]
SUMMARY_HEADER = ("责任单位", "工作表", "牵头任务数", "配合任务数", "最早时限", "最早时限日期", "说明")


def units_xlsx(views: Sequence[UnitTasks], title: str, errors: Sequence[Finding] = ()) -> bytes:
    """A summary sheet (unit, tasks led and supported, earliest deadline) and a sheet per unit."""
    book = _Book(title, errors)
    summary = book.wb.add_worksheet("汇总")
    names = sheet_names([v.unit for v in views], taken=["汇总", "检查结果"])
    _summary(book, summary, views, names, title)
    for view, name in zip(views, names):
        _unit_sheet(book, book.wb.add_worksheet(name.sheet), view, title)
    book.findings_sheet(errors)
    return book.close()


def _summary(book: _Book, ws, views: Sequence[UnitTasks], names, title: str) -> None:
    for c, name in enumerate(SUMMARY_HEADER):
        ws.write_string(0, c, name, book.head)
    ws.freeze_panes(1, 0)
    for r, (view, name) in enumerate(zip(views, names), 1):
        unit = view.unit + (f"（又写作：{'、'.join(view.written)}）" if view.written else "")
        ws.write_string(r, 0, unit, book.cell)
        ws.write_url(r, 1, f"internal:'{name.sheet.replace(chr(39), chr(39) * 2)}'!A1", book.link,
                     string=name.sheet)
        ws.write_number(r, 2, view.led, book.center)
        ws.write_number(r, 3, view.supported, book.center)
        first = view.earliest
        ws.write_string(r, 4, first.deadline if first else "", book.center)
        if first is not None and first.due is not None:
            ws.write_string(r, 5, first.due.isoformat(), book.center)
        else:
            ws.write_string(r, 5, "", book.center)
        ws.write_string(r, 6, name.note, book.cell)
    columns = [[SUMMARY_HEADER[0]] + [v.unit for v in views], [SUMMARY_HEADER[1]] + [n.sheet for n in names]]
    widths = fit_widths(columns, [(10, 40), (10, 34)])
    ws.set_column(0, 0, widths[0])
    ws.set_column(1, 1, widths[1])
    ws.set_column(2, 3, 11)
    ws.set_column(4, 4, 18)
    ws.set_column(5, 5, 14)
    ws.set_column(6, 6, 40 if any(n.note for n in names) else 8)
    book.print_setup(ws, title + " 各单位任务汇总", (0, 0))


def _unit_sheet(book: _Book, ws, view: UnitTasks, title: str) -> None:
    """Row 1: the unit's full name (a sheet name may be cut); row 2: header."""
    ws.merge_range(0, 0, 0, 4, f"责任单位：{view.unit}　牵头 {view.led} 项，配合 {view.supported} 项", book.title)
    ws.set_row(0, 24)
    for c, name in enumerate(UNIT_HEADER):
        ws.write_string(1, c, name, book.head)
    ws.freeze_panes(2, 0)
    cells = [(str(e.seq), e.task, e.requirement, ROLE_WORDS[e.role], e.deadline) for e in view.entries]
    widths = fit_widths([[UNIT_HEADER[c]] + [cell[c] for cell in cells] for c in range(5)], UNIT_LIMITS)
    for c, width in enumerate(widths):
        ws.set_column(c, c, width)
    for r, (entry, cell) in enumerate(zip(view.entries, cells), 2):
        ws.write_number(r, 0, entry.seq, book.center)
        ws.write_string(r, 1, cell[1], book.cell)
        ws.write_string(r, 2, cell[2], book.cell)
        ws.write_string(r, 3, cell[3], book.center)
        ws.write_string(r, 4, cell[4], book.center)
        lines = max(text_lines(cell[c], widths[c]) for c in (1, 2, 4))
        ws.set_row(r, LINE_PT * lines + PAD_PT)
    book.print_setup(ws, f"{title} {view.unit}", (1, 1))
