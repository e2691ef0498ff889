"""The ledger as data and as a file beside the plan (``2027.toml`` → ``2027.ledger.toml``).

The plan's published text never changes because of progress: what units report
lives in its own file, keyed by the plan's node ids, one report per unit and
task (a task two units share keeps both reports). A task's state is rolled up
from its units' reports. The file is TOML, read with ``tomllib`` and written
whole and atomically, so that a crash leaves the old ledger or the new one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import tomlkit

from planwright.plan import tomlread
from planwright.exporting.table import table_rows
from planwright.plan.model import Plan
from planwright.plan.store import atomic_write
from planwright.zh import deadlines
from planwright.zh.numbering import path_label

SCHEMA = "planwright-ledger/1"
NOT_STARTED, IN_PROGRESS, COMPLETED, CANNOT = "未开始", "推进中", "已完成", "无法按期完成"
STATES = (NOT_STARTED, IN_PROGRESS, COMPLETED, CANNOT)


class LedgerError(Exception):
    """A ledger file that cannot be read; the message names the file and the place."""


@dataclass
class Report:
    """One unit's report on one task, as that unit returned it."""

    unit: str
    state: str = NOT_STARTED
    percent: int = 0
    progress: str = ""  # 进展情况
    problems: str = ""  # 存在问题
    next_steps: str = ""  # 下步打算
    evidence: str = ""  # 佐证材料: 文号, links, file names
    updated: str = ""  # when the unit filled it in (ISO date-time of the return)
    source: str = ""  # the returned file's name, or 手工录入 for one typed in the editor

    def content(self) -> tuple:
        """What the unit said, without when and where from (two returns agree when these match)."""
        return (self.state, self.percent, self.progress, self.problems, self.next_steps, self.evidence)


@dataclass
class Ledger:
    """Every unit's reports, by node id and then by unit name."""

    plan_title: str = ""
    reports: dict[str, dict[str, Report]] = field(default_factory=dict)

    def of(self, node_id: str) -> list[Report]:
        return list(self.reports.get(node_id, {}).values())

    def put(self, node_id: str, report: Report) -> None:
        self.reports.setdefault(node_id, {})[report.unit] = report

    def held(self, node_id: str, unit: str) -> Report | None:
        return self.reports.get(node_id, {}).get(unit)


@dataclass(frozen=True)
class LedgerTask:
    """A row of the ledger: a task, or an item with its own row in the 分工 table."""

    id: str
    path: str  # 二/（三）/2
    point: str  # 一、title
    title: str  # （一）title
    text: str  # 具体要求
    lead: tuple[str, ...]
    support: tuple[str, ...]
    deadline: str  # as written
    due: dt.date | None
    seq: int
    point_id: str = ""

    @property
    def units(self) -> tuple[str, ...]:
        return self.lead + self.support

    def sheet_text(self) -> str:
        """The 工作任务 cell: the task's heading and its requirement, as sent to units."""
        return "\n".join(part for part in (self.title, self.text) if part)


def ledger_path(plan_path: str | Path) -> Path:
    """The ledger file beside a plan: ``2027.toml`` → ``2027.ledger.toml``."""
    plan_path = Path(plan_path)
    return plan_path.with_name(plan_path.stem + ".ledger.toml")


def tasks_of(plan: Plan, phrases: Sequence[deadlines.DeadlinePhrase] = ()) -> list[LedgerTask]:
    """The plan's rows of work (tasks, or their items where they have rows), in reading order."""
    year = plan.meta.year or None
    out = []
    point_ids = {}
    for row in table_rows(plan):
        if row.kind == "point":
            point_ids[row.point] = row.node_id
            continue
        where = plan.locate(row.node_id)
        due = deadlines.parse(row.deadline, year, phrases).due if row.deadline else None
        out.append(LedgerTask(id=row.node_id, path=path_label(where) if where else "", point=row.point,
                              title=row.task, text=row.requirement, lead=row.lead, support=row.support,
                              deadline=row.deadline, due=due, seq=row.seq, point_id=point_ids.get(row.point, "")))
    return out


def rollup(task: LedgerTask, reports: Sequence[Report]) -> tuple[str, int]:
    """A task's (state, percent) from its units' reports.

    The lead units' reports decide (all units' when the task names no lead, or
    no lead unit has reported): done when every one of them says 已完成; 无法按期完成
    when any says so; 推进中 once any has started; the percent is their mean.
    """
    if not reports:
        return NOT_STARTED, 0
    by_unit = {r.unit: r for r in reports}
    if any(unit in by_unit for unit in task.lead):
        # a lead unit that has not reported yet counts as not started
        said = [(by_unit[u].state, by_unit[u].percent) if u in by_unit else (NOT_STARTED, 0) for u in task.lead]
    else:
        said = [(r.state, r.percent) for r in reports]
    states = [state for state, _ in said]
    percents = [percent for _, percent in said]
    percent = round(sum(percents) / len(percents))
    if all(s == COMPLETED for s in states):
        return COMPLETED, 100
    if CANNOT in states:
        return CANNOT, percent
    if any(s in (IN_PROGRESS, COMPLETED) for s in states) or percent > 0:
        return IN_PROGRESS, percent
    return NOT_STARTED, percent


# --- the file -------------------------------------------------------------------------

_FIELDS = ("state", "percent", "progress", "problems", "next_steps", "evidence", "updated", "source")


def load_ledger(path: str | Path) -> Ledger:
    """The ledger in ``path``; an empty one when there is no such file yet."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Ledger()
    except OSError as exc:
        raise LedgerError(f"{path}: 无法读取台账 (cannot read the ledger): {exc.strerror or exc}") from None
    try:
        data = tomlread.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomlread.TOMLDecodeError) as exc:
        raise LedgerError(f"{path}: 台账文件无法解析 (not a ledger file): {exc}") from None
    if data.get("schema") != SCHEMA:
        raise LedgerError(f"{path}: 不是 planwright 台账（schema 应为 {SCHEMA}）(not a ledger file)")
    ledger = Ledger(plan_title=str(data.get("plan", "")))
    for node_id, units in (data.get("reports") or {}).items():
        for unit, entry in units.items():
            if not isinstance(entry, dict):
                raise LedgerError(f"{path}: reports.{node_id}.{unit} 应为表 (should be a table)")
            values = {k: entry[k] for k in _FIELDS if k in entry}
            try:
                ledger.put(node_id, Report(unit=unit, **values))
            except TypeError as exc:
                raise LedgerError(f"{path}: reports.{node_id}.{unit}: {exc}") from None
    return ledger


def dumps_ledger(ledger: Ledger) -> str:
    doc = tomlkit.document()
    doc.add(tomlkit.comment("planwright 台账：各单位报送的进展，按任务编号（计划中的节点 id）与单位存放。"))
    doc.add(tomlkit.comment("计划正文不因进展而改动；请用 planwright ledger collect 汇入，勿手工改动编号。"))
    doc["schema"] = SCHEMA
    doc["plan"] = ledger.plan_title
    reports = tomlkit.table(is_super_table=True)
    for node_id in sorted(ledger.reports):
        per_unit = tomlkit.table(is_super_table=True)
        for unit, report in sorted(ledger.reports[node_id].items()):
            entry = tomlkit.table()
            for name in _FIELDS:
                value = getattr(report, name)
                entry[name] = tomlkit.string(value, multiline="\n" in value) if isinstance(value, str) else value
            per_unit[unit] = entry
        reports[node_id] = per_unit
    doc["reports"] = reports
    return tomlkit.dumps(doc)


def save_ledger(ledger: Ledger, path: str | Path) -> Path:
    """Write the whole ledger atomically (old or new on disk, never half)."""
    path = Path(path)
    atomic_write(path, dumps_ledger(ledger).encode("utf-8"))
    return path
