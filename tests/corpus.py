"""Where the shared corpus lives (../shared beside the checkout, read at run time) and plans rebuilt from it.

A plain module, not a test module: test modules import their paths and builders from
here (collection needs them for parametrize and skipif), never from one another.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from planwright.plan.model import Item, Meta, Plan, Point, Task
from planwright.zh.units import split_trailing_attribution

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
TRUTH = SHARED / "truth"
CORPUS = sorted(p.stem for p in SEEDS.glob("*.txt"))

_MARK = r"[（(][一二三四五六七八九十]+[）)]"


def corpus_available() -> bool:
    return SEEDS.is_dir() and TRUTH.is_dir()


# The 2021 plans of two corpus documents: their structure from ../shared/truth, their
# texts read from ../shared/seeds (the comparison tests edit them into a 2022 plan).


def huaiyin_2021() -> Plan:
    """Jinan style: 4 points, 21 tasks with text and （责任单位：…）."""
    truth = json.loads((TRUTH / "huaiyin-2021-yaodian.json").read_text("utf-8"))
    lines = _lines("huaiyin-2021-yaodian.txt")
    meta = truth["plan"]
    plan = Plan(meta=Meta(title=meta["title"], year=meta["year"], style="jinan", issuer=meta["issuer"]))
    for p in truth["points"]:
        point = Point(title=p["title"])
        for t in p["tasks"]:
            head = re.compile(_MARK + re.escape(t["title"]) + "。?")
            line = next(line for line in lines if head.match(line))
            body, _ = split_trailing_attribution(head.sub("", line, count=1))
            point.tasks.append(Task(title=t["title"], text=body, lead=list(t["lead"]),
                                    support=list(t["support"]), deadline=t["deadline"]))
        plan.points.append(point)
    plan.ensure_ids()
    return plan


def ningguo_2021() -> Plan:
    """Ningguo style: 5 points, 17 task headings, 43 table rows (items) with units and 时限."""
    truth = json.loads((TRUTH / "ningguo-2021-yaodian.json").read_text("utf-8"))
    lines = _lines("ningguo-2021-yaodian.txt")
    meta = truth["plan"]
    plan = Plan(meta=Meta(title=meta["title"], year=meta["year"], style="ningguo", issuer=meta["issuer"]))
    for p in truth["points"]:
        point = Point(title=p["title"])
        for t in p["tasks"]:
            task = Task(title=t["title"])
            for row in t["items"]:
                text = [line for line in lines if line.startswith(row["text_head"])][-1]  # the table's cell
                task.items.append(Item(text=text, lead=list(row["lead"]), support=list(row["support"]),
                                       deadline=row["deadline"]))
            point.tasks.append(task)
        plan.points.append(point)
    plan.ensure_ids()
    return plan


def _lines(name: str) -> list[str]:
    return [line.strip("\u3000 \t\r") for line in (SEEDS / name).read_text("utf-8").splitlines()]
