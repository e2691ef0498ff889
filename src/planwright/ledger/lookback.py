"""回头看: what last year's ledger says was not completed, for the next year's plan.

When a plan is rolled over (``planwright new --from LAST``) and its ledger
lies beside it, every task whose units did not report it 已完成 is named, so
that the office carries it on or drops it on purpose rather than by default.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from planwright.ledger.model import COMPLETED, Ledger, ledger_path, load_ledger, rollup, tasks_of
from planwright.plan.model import Plan
from planwright.zh import deadlines


@dataclass(frozen=True)
class Unfinished:
    node_id: str
    path: str
    message: str


def unfinished(plan: Plan, ledger: Ledger, phrases: Sequence[deadlines.DeadlinePhrase] = ()) -> list[Unfinished]:
    """Each task not completed by its units' reports, with its state and what they said stood in the way."""
    out = []
    for task in tasks_of(plan, phrases):
        reports = ledger.of(task.id)
        state, percent = rollup(task, reports)
        if state == COMPLETED:
            continue
        problems = "；".join(dict.fromkeys(r.problems for r in reports if r.problems))
        said = f"，存在问题：{problems}" if problems else ""
        out.append(Unfinished(task.id, task.path, f"回头看：上年台账中未完成（{state}，{percent}%{said}），"
                                                  "请决定继续推进或删去"))
    return out


def look_back(plan_path: Path, plan: Plan, phrases: Sequence[deadlines.DeadlinePhrase] = ()) -> list[Unfinished] | None:
    """The unfinished tasks when a ledger lies beside ``plan_path``; None when there is none."""
    path = ledger_path(plan_path)
    if not path.exists():
        return None
    return unfinished(plan, load_ledger(path), phrases)
