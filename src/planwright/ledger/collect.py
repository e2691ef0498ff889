"""Reading returned workbooks into the ledger, and saying what could not be taken.

A unit's return may have been re-saved in WPS, its columns reordered or rows
added: columns are found by their header words, rows by their 任务编号. What
cannot be taken is never dropped or overwritten in silence; it becomes an
``Issue`` the clerk reads: a task text the unit changed, an id the plan no
longer has, a task of another unit, a sheet from another plan or unit, a
return older than the ledger's, two returns of one unit that disagree, a
value that is not a state or a percentage. openpyxl is imported here only,
because no other command reads .xlsx.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from planwright.ledger.model import COMPLETED, IN_PROGRESS, SCHEMA, STATES, Ledger, Report
from planwright.ledger.sheets import FILL_COLUMNS, HEADER, MARK_SHEET, unit_tasks
from planwright.plan.model import Plan
from planwright.zh import deadlines

CLERK, UNUSABLE = "clerk", "unusable"
_FIELD_OF = {"完成状态": "state", "完成进度（%）": "percent", "进展情况": "progress", "存在问题": "problems",
             "下步打算": "next_steps", "佐证材料": "evidence"}


@dataclass(frozen=True)
class Issue:
    file: str
    where: str  # 第 5 行, or "" for the whole file
    message: str
    severity: str = CLERK  # CLERK: needs the clerk; UNUSABLE: the file could not be read

    def line(self) -> str:
        place = f"{self.file}" + (f" {self.where}" if self.where else "")
        return f"{place}：{self.message}"


@dataclass
class Returned:
    """One returned workbook as read: whose, when, and its rows (row number → values by header)."""

    file: str
    unit: str
    plan: str
    updated: str
    rows: list[tuple[int, dict[str, str | float | None]]]


@dataclass
class Collected:
    ledger: Ledger
    taken: list[tuple[str, str, str]] = field(default_factory=list)  # (file, node id, unit)
    unchanged: int = 0
    issues: list[Issue] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        if any(i.severity == UNUSABLE for i in self.issues):
            return 2
        return 1 if self.issues else 0


def _norm_head(text: Any) -> str:
    text = re.sub(r"\s+", "", str(text or ""))
    return text.replace("(", "（").replace(")", "）").replace("％", "%")


def read_return(name: str, data: bytes) -> Returned:
    """The workbook's marker, time and rows; ValueError with a one-line reason when unusable."""
    from openpyxl import load_workbook  # only collect reads .xlsx

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ValueError(f"不是可读的 .xlsx 工作簿 (not a readable workbook): {exc}") from None
    try:
        if MARK_SHEET not in wb.sheetnames:
            raise ValueError("没有 planwright 下发标记（不是 ledger send 下发的表）(no send marker)")
        mark = {str(r[0]): str(r[1] or "") for r in wb[MARK_SHEET].iter_rows(values_only=True, max_col=2)
                if r and r[0] is not None}
        if mark.get("schema") != SCHEMA:
            raise ValueError(f"下发标记的版本不是 {SCHEMA} (unknown marker)")
        modified = wb.properties.modified
        updated = modified.replace(microsecond=0).isoformat() if modified else ""
        for ws in wb.worksheets:
            if ws.title == MARK_SHEET:
                continue
            rows = _rows(ws)
            if rows is not None:
                return Returned(name, mark.get("unit", ""), mark.get("plan", ""), updated, rows)
        raise ValueError("找不到表头（任务编号、完成状态……）(no header row)")
    finally:
        wb.close()


def _rows(ws) -> list[tuple[int, dict]] | None:
    """Rows under the header, by header word; None when the sheet has no header row."""
    columns: dict[int, str] | None = None
    out = []
    wanted = {_norm_head(h): h for h in HEADER}
    for r, values in enumerate(ws.iter_rows(values_only=True), 1):
        if columns is None:
            found = {c: wanted[_norm_head(v)] for c, v in enumerate(values) if _norm_head(v) in wanted}
            if "任务编号" in found.values() and any(h in found.values() for h in FILL_COLUMNS):
                columns = found
            elif r > 20:
                return None
            continue
        row = {name: values[c] if c < len(values) else None for c, name in columns.items()}
        out.append((r, row))
    return out if columns is not None else None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _percent(value: Any) -> int | None:
    """0–100 from 60, 60.0, "60", "60%", or 0.6 when the cell is formatted as a percentage."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = str(value).strip().rstrip("%％").strip()
        try:
            number = float(text)
        except ValueError:
            return -1
    if 0 < number < 1 and not isinstance(value, str):
        number *= 100  # a percentage-formatted cell holds 0.6 for 60 %
    if not 0 <= number <= 100:
        return -1
    return round(number)


def _report(unit: str, ret: Returned, row: dict) -> tuple[Report | None, str]:
    """The unit's report from one row, or None and why not (or None and "" when the row is blank)."""
    values = {f: _text(row.get(h)) for h, f in _FIELD_OF.items() if f != "percent"}
    percent = _percent(row.get("完成进度（%）"))
    if not any(values.values()) and percent is None:
        return None, ""
    state = values.pop("state")
    if percent == -1:
        return None, f"完成进度“{_text(row.get('完成进度（%）'))}”不是 0–100 的数字"
    if state and state not in STATES:
        return None, f"完成状态“{state}”不是 {'/'.join(STATES)} 之一"
    if not state:
        state = COMPLETED if percent == 100 else IN_PROGRESS
    if percent is None:
        percent = 100 if state == COMPLETED else 0
    return Report(unit=unit, state=state, percent=percent, updated=ret.updated, source=ret.file, **values), ""


def collect(plan: Plan, ledger: Ledger, files: Sequence[tuple[str, bytes]],
            phrases: Sequence[deadlines.DeadlinePhrase] = ()) -> Collected:
    """Take every report the returns hold that can be taken; list the rest as issues."""
    result = Collected(ledger)
    per_unit = unit_tasks(plan, phrases)
    known = {t.id: t for tasks in per_unit.values() for _, t in tasks}
    candidates: dict[tuple[str, str], list[Report]] = {}
    for name, data in files:
        try:
            ret = read_return(name, data)
        except ValueError as exc:
            result.issues.append(Issue(name, "", str(exc), UNUSABLE))
            continue
        if ret.plan != plan.meta.title:
            result.issues.append(Issue(name, "", f"这是另一份计划的表（{ret.plan or '无标题'}），未汇入"))
            continue
        if ret.unit not in per_unit:
            result.issues.append(Issue(name, "", f"计划中没有单位“{ret.unit}”的任务，未汇入"))
            continue
        own = {t.id: t for _, t in per_unit[ret.unit]}
        for r, row in ret.rows:
            _take_row(result, ret, r, row, own, known, candidates)
    _merge(result, candidates)
    return result


def _take_row(result: Collected, ret: Returned, r: int, row: dict, own: dict, known: dict,
              candidates: dict) -> None:
    where = f"第 {r} 行"
    node_id = _text(row.get("任务编号"))
    report, why = _report(ret.unit, ret, row)
    if report is None and not why:
        return  # a blank row: nothing to take
    if not node_id:
        result.issues.append(Issue(ret.file, where, "新增的行没有任务编号，未汇入；请核对是哪项任务"))
        return
    if node_id not in known:
        result.issues.append(Issue(ret.file, where, f"任务编号 {node_id} 在计划中已不存在，未汇入"))
        return
    if node_id not in own:
        result.issues.append(Issue(ret.file, where, f"任务 {node_id} 不是{ret.unit}的任务（是{'、'.join(known[node_id].units)}的），未汇入"))
        return
    if "工作任务" in row and _text(row.get("工作任务")) != own[node_id].sheet_text():
        result.issues.append(Issue(ret.file, where, f"任务 {node_id} 的工作任务文字与计划不一致（锁定列被改动，或计划已修改），"
                                                    "未汇入；请核对后重新下发或手工录入"))
        return
    if report is None:
        result.issues.append(Issue(ret.file, where, f"任务 {node_id}：{why}，未汇入"))
        return
    candidates.setdefault((node_id, ret.unit), []).append(report)


def _merge(result: Collected, candidates: dict[tuple[str, str], list[Report]]) -> None:
    for (node_id, unit), reports in candidates.items():
        if len({r.content() for r in reports}) > 1:
            files = "、".join(r.source for r in reports)
            result.issues.append(Issue(files, "", f"{unit}对任务 {node_id} 的两份报送不一致，均未汇入；请与该单位核实"))
            continue
        report = max(reports, key=lambda r: r.updated)
        held = result.ledger.held(node_id, unit)
        if held is not None and held.content() == report.content():
            result.unchanged += 1
            continue
        if held is not None and held.updated and report.updated and report.updated < held.updated:
            result.issues.append(Issue(report.source, "", f"{unit}对任务 {node_id} 的报送（{report.updated}）早于台账中已有的"
                                                          f"（{held.updated}，{held.source}），未覆盖"))
            continue
        result.ledger.put(node_id, report)
        result.taken.append((report.source, node_id, unit))
