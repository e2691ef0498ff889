"""Alignment quality on many random year-over-year edits of corpus plans.

The hand-written pairs (test_diff_quality) check each kind of change once;
here a seeded editor applies them at random to the 槐荫 (task level) and 宁国
(row level) plans: light and heavy rewording with sentences from the other
corpus documents, drops, additions, moves, splits and merges, renumbering
and fresh ids. The ground truth is kept while editing; the score is the F1 of
the links (old id, new id) and the share of linked nodes with the right status.
"""

from __future__ import annotations

import copy
import json
import random
import re
from dataclasses import dataclass, field

import pytest
from corpus import SEEDS, TRUTH, corpus_available, huaiyin_2021, ningguo_2021

from planwright.diffing import compare
from planwright.plan.model import Item, Plan, Task
from planwright.zh.numbering import strip_heading

pytestmark = pytest.mark.skipif(not corpus_available(), reason="needs ../shared/seeds and ../shared/truth")

SEEDS_PER_STYLE = 12


def _pool() -> list[str]:
    """Sentences of the documents that are not edited here (dalian, jiangshan, huangbu)."""
    out = []
    for name in ("dalian-2016-yaodian", "jiangshan-2020-2022-xingdong", "huangbu-2018-fangan"):
        truth = json.loads((TRUTH / f"{name}.json").read_text("utf-8"))
        lines = [strip_heading(line.strip("\u3000 \t\r")) for line in (SEEDS / truth["source"]).read_text("utf-8").splitlines()]
        for p in truth["points"]:
            for t in p["tasks"]:
                for line in lines:
                    if line.startswith(t["title"]) and len(line) > len(t["title"]) + 20:
                        out.append(line)
                        break
    return out


def _clauses(text: str) -> list[str]:
    return re.findall(r"[^，；。,;]+[，；。,;]?", text)


@dataclass
class Truth:
    links: set[tuple[str, str]] = field(default_factory=set)  # (old id, new id)
    status: dict[tuple[frozenset, frozenset], str] = field(default_factory=dict)


class Editor:
    """Edits the nodes of one level (tasks or items) of a copy of a plan, remembering where each came from."""

    def __init__(self, old: Plan, level: str, seed: int) -> None:
        self.rng = random.Random(seed)
        self.level = level
        self.pool = _pool()
        self.old = old
        self.new = copy.deepcopy(old)
        self.new.meta.year += 1
        for node in self.new.all_nodes():
            node.origin = [node.id]  # type: ignore[attr-defined]
            node.id = ""
        self.truth = Truth()

    def containers(self) -> list[list]:
        if self.level == "task":
            return [p.tasks for p in self.new.points]
        return [t.items for p in self.new.points for t in p.tasks]

    def text_of(self, node) -> str:
        return node.text

    def reword(self, node, share: float) -> None:
        """Replace about ``share`` of the clauses by clauses of other documents.

        A text of one or two clauses keeps its first part and takes a foreign
        clause: rewording never replaces the whole text.
        """
        parts = _clauses(node.text)
        foreign = self.rng.choice(_clauses(self.rng.choice(self.pool)))
        if len(parts) < 3:
            keep = max(6, round(len(node.text) * (1 - share)))
            node.text = node.text[:keep] + foreign
        else:
            count = min(len(parts) - 1, max(1, round(len(parts) * share)))
            for i in self.rng.sample(range(len(parts)), count):
                parts[i] = self.rng.choice(_clauses(self.rng.choice(self.pool)))
            node.text = "".join(parts)
        node.status = "reworded"  # type: ignore[attr-defined]

    def run(self) -> Plan:
        rng = self.rng
        containers = self.containers()
        moves, merges, splits = [], [], []
        for box in containers:
            for node in list(box):
                node.status = "unchanged"  # type: ignore[attr-defined]
                r = rng.random()
                if r < 0.07:
                    box.remove(node)
                elif r < 0.22:
                    self.reword(node, 0.2)
                elif r < 0.30:
                    self.reword(node, 0.6)
                    if isinstance(node, Task) and rng.random() < 0.5:
                        node.title = node.title[: len(node.title) // 2] + "工作"
                elif r < 0.35:
                    moves.append((box, node))
                elif r < 0.39 and len(_clauses(node.text)) >= 4:
                    splits.append((box, node))
                elif r < 0.43:
                    merges.append((box, node))
        for box, node in moves:
            if node in box and len(containers) > 1:
                box.remove(node)
                target = rng.choice([b for b in containers if b is not box])
                target.insert(rng.randint(0, len(target)), node)
                node.status = "moved"
        for box, node in splits:
            if node in box and node.status == "unchanged":
                parts = _clauses(node.text)
                cut = len(parts) // 2
                second = copy.deepcopy(node)
                node.text, second.text = "".join(parts[:cut]), "".join(parts[cut:])
                node.status = second.status = "split"
                box.insert(box.index(node) + 1, second)
        for box, node in merges:
            if node in box and node.status == "unchanged":
                i = box.index(node)
                if i + 1 < len(box) and box[i + 1].status == "unchanged":
                    other = box.pop(i + 1)
                    node.text = node.text + other.text
                    node.origin = node.origin + other.origin
                    node.status = "merged"
        for _ in range(max(1, sum(map(len, containers)) * 8 // 100)):
            text = rng.choice(self.pool)
            node = Task(title=text[:12], text=text[12:]) if self.level == "task" else Item(text=text)
            node.origin, node.status = [], "added"
            box = rng.choice(containers)
            box.insert(rng.randint(0, len(box)), node)
        self.new.ensure_ids()
        self._record()
        return self.new

    def _record(self) -> None:
        groups: dict[tuple, list] = {}
        for box in self.containers():
            for node in box:
                key = ("added", id(node)) if node.status == "added" else tuple(node.origin)
                groups.setdefault(key, []).append(node)
        old_nodes = {n.id for n in self._level_nodes(self.old)}
        seen_old = set()
        for key, nodes in groups.items():
            origin = nodes[0].origin
            for o in origin:
                seen_old.add(o)
                for n in nodes:
                    self.truth.links.add((o, n.id))
            status = nodes[0].status
            self.truth.status[(frozenset(origin), frozenset(n.id for n in nodes))] = status
        for o in old_nodes - seen_old:
            self.truth.status[(frozenset([o]), frozenset())] = "removed"

    def _level_nodes(self, plan: Plan):
        for point in plan.points:
            for task in point.tasks:
                if self.level == "task":
                    yield task
                else:
                    yield from task.items


def _score(old: Plan, new: Plan, level: str, truth: Truth) -> tuple[float, float, list]:
    cmp = compare(old, new)
    links = {(o.id, n.id) for c in cmp.changes if c.level == level for o in c.old for n in c.new}
    tp = len(links & truth.links)
    precision = tp / len(links) if links else 1.0
    recall = tp / len(truth.links) if truth.links else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    got = {(frozenset(r.id for r in c.old), frozenset(r.id for r in c.new)): c.status
           for c in cmp.changes if c.level == level}
    right = sum(got.get(k) == s for k, s in truth.status.items())
    wrong = [(s, got.get(k)) for k, s in truth.status.items() if got.get(k) != s]
    return f1, right / len(truth.status), wrong


def evaluate(builder, level: str, seeds: range) -> tuple[float, float, list]:
    f1s, accs, wrong = [], [], []
    for seed in seeds:
        old = builder()
        editor = Editor(old, level, seed)
        new = editor.run()
        f1, acc, bad = _score(old, new, level, editor.truth)
        f1s.append(f1)
        accs.append(acc)
        wrong += bad
    return sum(f1s) / len(f1s), sum(accs) / len(accs), wrong


@pytest.mark.parametrize("builder, level", [(huaiyin_2021, "task"), (ningguo_2021, "item")], ids=["jinan-tasks", "ningguo-rows"])
def test_random_edits_are_aligned(builder, level: str) -> None:
    f1, accuracy, wrong = evaluate(builder, level, range(SEEDS_PER_STYLE))
    assert f1 >= 0.95, wrong
    assert accuracy >= 0.90, wrong


if __name__ == "__main__":  # figures for the report: python tests/test_diff_evolution.py
    import collections

    for builder, level in ((huaiyin_2021, "task"), (ningguo_2021, "item")):
        f1, acc, wrong = evaluate(builder, level, range(50))
        print(f"{builder.__name__:8} {level}: link F1 {f1:.3f}, status accuracy {acc:.3f}")
        print("   misses (expected, got):", collections.Counter(wrong).most_common(8))
