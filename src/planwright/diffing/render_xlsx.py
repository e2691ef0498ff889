"""The change list as a workbook a clerk can filter: one row per change and unit.

Columns 状态, 单位, 位置, 旧文字, 新文字, 变化内容, with an autofilter and a
frozen header, so that a clerk filters down to one unit (区财政局) or one
status (新增). A change concerning three units is three rows, one for each; a
change naming no unit is one row with the unit cell empty. Column widths
count a Chinese character as two.
"""

from __future__ import annotations

import io
import unicodedata

import xlsxwriter

from planwright.diffing import wording
from planwright.diffing.perunit import kinds_for, units_of
from planwright.diffing.result import Change, Comparison

HEADER = ["状态", "单位", "位置", "旧文字", "新文字", "变化内容"]
_TEXT_COLUMNS = (3, 4, 5)  # wrapped, wide
_MAX_WIDTH = {0: 14, 1: 24, 2: 20, 3: 60, 4: 60, 5: 50}


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def rows(cmp: Comparison) -> list[list[str]]:
    """The change list as rows of text (header not included)."""
    out = []
    for change in cmp.notable():
        if change.level == "point" and not change.has_field_changes and change.status == "unchanged":
            continue
        old, new = units_of(change, cmp.registry)
        facts = wording.change_facts(change)
        units = sorted(old | new)
        if cmp.unit:  # restricted to one unit: only its own row
            units = [u for u in units if u == cmp.unit]
        for unit in units or [""]:
            kinds = kinds_for(change, unit, old, new) if unit else ()
            what = "；".join([*kinds, *facts])
            out.append([change.label, unit, _where(change), change.old_text, change.new_text, what])
    return out


def _where(change: Change) -> str:
    level = wording.LEVEL_LABEL[change.level]
    return f"{level} {change.where}"


def to_xlsx(cmp: Comparison) -> bytes:
    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False,
                                      "strings_to_formulas": False, "strings_to_urls": False})
    ws = wb.add_worksheet("变化清单")
    head = wb.add_format({"bold": True, "bg_color": "#DDDDDD", "border": 1, "valign": "top"})
    plain = wb.add_format({"valign": "top", "border": 1})
    wrapped = wb.add_format({"valign": "top", "border": 1, "text_wrap": True})
    data = rows(cmp)
    widths = [_width(h) + 4 for h in HEADER]  # room for the filter button
    for c, name in enumerate(HEADER):
        ws.write_string(0, c, name, head)
    for r, row in enumerate(data, 1):
        for c, value in enumerate(row):
            ws.write_string(r, c, value, wrapped if c in _TEXT_COLUMNS else plain)
            longest = max((_width(line) for line in value.split("\n")), default=0)
            widths[c] = max(widths[c], min(longest + 2, _MAX_WIDTH[c]))
    for c, width in enumerate(widths):
        ws.set_column(c, c, width)
    ws.autofilter(0, 0, max(len(data), 1), len(HEADER) - 1)
    ws.freeze_panes(1, 0)
    wb.set_properties({"title": wording.heading(cmp)})
    wb.close()
    return buffer.getvalue()
