"""Per-unit task lists: which rows of the 分工 table each responsible unit leads or supports.

`unit_view` groups the table's rows by canonical unit (aliases folded through
the registry), so that 财政局 and 区财政局 get one list. `sheet_names` turns
unit names into worksheet names Excel accepts, and says which ones it had to
change and why, so the change is shown rather than hidden.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Literal, Sequence

from planwright.zh import deadlines, roles
from planwright.plan.model import Plan
from planwright.zh.units import Registry, normalize_name
from planwright.exporting.table import division

Role = Literal["lead", "support"]
ROLE_WORDS = roles.PRINTED


@dataclass(frozen=True)
class UnitEntry:
    role: Role
    seq: int  # the row's 序号 in the 分工 table
    point: str
    task: str
    requirement: str
    deadline: str
    due: dt.date | None
    node_id: str


# An entry as ``unit_view`` keeps it until asked: UnitEntry's fields, the requirement not yet
# stripped. One tuple serves every unit of a row in a role.
_Kept = tuple[Role, int, str, str, str, str, "dt.date | None", str]


@dataclass
class UnitTasks:
    unit: str  # canonical name (as written when the registry does not know it)
    written: list[str] = field(default_factory=list)  # other names it was written as
    kept: list[_Kept] = field(default_factory=list, repr=False)

    @functools.cached_property
    def entries(self) -> list[UnitEntry]:
        """The unit's rows, made when first asked for: the editor's view lists every unit
        but shows one unit's rows at a time, and making them all was most of its opening."""
        # positional: keywords cost as much again as the entry itself
        return [UnitEntry(role, seq, point, task, text.strip(), deadline, due, node_id)
                for role, seq, point, task, text, deadline, due, node_id in self.kept]

    @property
    def led(self) -> int:
        return sum(k[0] == "lead" for k in self.kept)

    @property
    def supported(self) -> int:
        return sum(k[0] == "support" for k in self.kept)

    @property
    def earliest(self) -> UnitEntry | None:
        dated = [e for e in self.entries if e.due is not None]
        return min(dated, key=lambda e: (e.due, e.seq)) if dated else None


def unit_view(plan: Plan, registry: Registry | None = None,
              phrases: Sequence[deadlines.DeadlinePhrase] = ()) -> list[UnitTasks]:
    """One list per unit, in order of first mention; lead before support within a row."""
    *_, done = unit_view_steps(plan, registry, phrases)
    return done  # type: ignore[return-value]  # the last step is the lists


STEP_ROWS = 200  # rows of the table per step of unit_view_steps: well under a millisecond


def unit_view_steps(plan: Plan, registry: Registry | None = None,
                    phrases: Sequence[deadlines.DeadlinePhrase] = (),
                    rows: int = STEP_ROWS) -> Iterator[list[UnitTasks] | None]:
    """``unit_view`` a step at a time: None after every ``rows`` rows, the lists at the end.
    The editor makes them between keys; the plan must not change until the last step."""
    registry = registry if registry is not None else Registry(plan.units)
    views: dict[str, UnitTasks] = {}
    year = plan.meta.year or None
    # a plan names a few dozen units and writes a few dozen deadline phrases thousands of times
    canonical: dict[str, str] = {}
    due_of: dict[str, dt.date | None] = {"": None}
    for n, (seq, point, task, node, owner, deadline, _) in enumerate(division(plan), 1):
        if n % rows == 0:
            yield None
        if owner is None:
            continue  # a point's row
        due = due_of.get(deadline, _UNPARSED)
        if due is _UNPARSED:
            due = due_of[deadline] = deadlines.parse(deadline, year, phrases).due
        seen: set[str] = set()
        for role, names in (("lead", owner.lead), ("support", owner.support)):
            kept = None  # one (immutable) entry serves every unit of the row in this role
            for name in names:
                canon = canonical.get(name)
                if canon is None:
                    canon = canonical[name] = registry.canonical(name) or normalize_name(name)
                if not canon or canon in seen:
                    continue  # a unit listed twice in one row counts once, as its first role
                seen.add(canon)
                view = views.get(canon)
                if view is None:
                    view = views[canon] = UnitTasks(canon)
                if name != canon and name not in view.written:
                    view.written.append(name)
                if kept is None:
                    # the node's text and id now: the entries are made later, the plan may be edited meanwhile
                    kept = (role, seq, point, task, node.text, deadline, due, node.id)
                view.kept.append(kept)  # type: ignore[arg-type]
    yield list(views.values())


_UNPARSED = object()


# --- worksheet names -------------------------------------------------------------

SHEET_MAX = 31
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
RESERVED_SHEETS = {"history"}  # Excel keeps this name for itself


@dataclass(frozen=True)
class SheetName:
    unit: str
    sheet: str
    note: str  # why the name differs from the unit's ("" when it does not)


def sheet_names(units: Iterable[str], taken: Iterable[str] = ()) -> list[SheetName]:
    """Valid, unique (case-insensitively, as Excel compares) worksheet names for units.

    Characters Excel forbids (/ \\ : * ? [ ]) become full-width look-alikes or
    ＿, names are cut to 31 characters, and a name that clashes after that gets
    a ～2, ～3 … suffix. Every change is explained in `note`.
    """
    used = {t.lower() for t in taken}
    out: list[SheetName] = []
    for unit in units:
        notes: list[str] = []
        name = _BAD_SHEET_CHARS.sub(lambda m: _REPLACE[m.group()], unit).strip("'") or "单位"
        if name != unit:
            notes.append("含工作表名不允许的字符（/ \\ : * ? [ ] 或首尾单引号），已替换")
        if len(name) > SHEET_MAX:
            name = name[:SHEET_MAX]
            notes.append(f"超过 {SHEET_MAX} 个字符，已截短")
        if name.lower() in RESERVED_SHEETS:
            name = name + "～"
            notes.append("与 Excel 保留名重名，已加后缀")
        base, n = name, 1
        while name.lower() in used:
            n += 1
            suffix = f"～{n}"
            name = base[: SHEET_MAX - len(suffix)] + suffix
        if n > 1:
            notes.append("与其他单位的工作表重名，已加序号")
        used.add(name.lower())
        out.append(SheetName(unit=unit, sheet=name, note="；".join(notes)))
    return out


_REPLACE = {"/": "／", "\\": "＼", ":": "：", "*": "＊", "?": "？", "[": "［", "]": "］"}
