"""``compare(old, new, registry)``: the pure API behind ``planwright diff`` and the editor."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from rapidfuzz import process
from rapidfuzz.distance import Indel

from planwright.zh import deadlines
from planwright.plan.model import Item, Level, Plan, Point
from planwright.zh.numbering import path_label
from planwright.zh.units import Registry, normalize_name
from planwright.diffing.align import FULL_PAIRS, LEVELS, REVIEW_BELOW, Alignment, Entry, Link, align
from planwright.diffing.result import Change, Comparison, NodeRef, Status, UnitTally
from planwright.diffing.text import normal_form
from planwright.diffing.unitdiff import unit_delta

_TITLE_YEAR = re.compile(r"(?<![0-9])(19[0-9]{2}|20[0-9]{2}|21[0-9]{2})(?=年)")
HINT_FLOOR = 0.2  # below this the closest node on the other side is no hint at all


def plan_year(plan: Plan) -> int:
    """The plan's year, or the first year its title names (0 when neither)."""
    if plan.meta.year:
        return plan.meta.year
    m = _TITLE_YEAR.search(plan.meta.title)
    return int(m.group(1)) if m else 0


def compare(old: Plan, new: Plan, registry: Registry | None = None,
            phrases: Sequence[deadlines.DeadlinePhrase] = ()) -> Comparison:
    """Align two plans and describe every change (see ``result`` for the statuses).

    ``registry`` tells renamed units from removed and added ones; ``phrases``
    are a style's extra deadline phrases.
    """
    old_year, new_year = plan_year(old), plan_year(new)
    delta = new_year - old_year if old_year and new_year else 0
    last = old.meta.end_year or old_year
    old_years = range(old_year - 1, last + 2) if old_year else range(0)
    alignment = align(old, new, old_years, delta)
    builder = _Builder(alignment, registry, delta, new_year, tuple(phrases))
    changes = builder.changes()
    return Comparison(old_title=old.meta.title, new_title=new.meta.title, old_year=old_year,
                      new_year=new_year, changes=changes, units=_tally(changes, registry),
                      ids_trusted=alignment.ids_trusted, registry=registry)


class _Builder:
    def __init__(self, alignment: Alignment, registry: Registry | None, delta: int, new_year: int,
                 phrases: tuple) -> None:
        self.a = alignment
        self.registry = registry
        self.delta = delta
        self.new_year = new_year or None
        self.phrases = phrases
        # Tasks whose body changed shape (text ⇄ items), by side: their items are compared
        # inside the task's own redline, so they are not also listed one by one.
        self.reshaped: dict[str, set[int]] = {"old": set(), "new": set()}

    def ref(self, entry: Entry, body: bool = False) -> NodeRef:
        node = entry.node
        text = entry.body if body and entry.body else entry.text
        title = node.text[:20] if isinstance(node, Item) else (node.title or text[:20])
        if isinstance(node, Point):
            return NodeRef(node.id, _label(entry.index), title, text, (), (), "", node)
        return NodeRef(node.id, _label(entry.index), title, text, tuple(node.lead), tuple(node.support),
                       node.deadline, node)

    def changes(self) -> list[Change]:
        keyed: list[tuple[tuple, Change]] = []
        for level in LEVELS:
            keyed += self._level_changes(level)
        return [c for _, c in sorted(keyed, key=lambda kc: kc[0])]

    # -- one level ---------------------------------------------------------------
    def _level_changes(self, level: Level) -> list[tuple[tuple, Change]]:
        olds = self.a.old.entries[level]
        news = self.a.new.entries[level]
        out: list[tuple[tuple, Change]] = []
        linked_old: set[int] = set()
        linked_new: set[int] = set()
        for link in self.a.links[level]:
            change = self._linked(level, link)
            linked_old.update(link.old)
            linked_new.update(link.new)
            out.append((self._new_key(level, link.new), change))
        loose_old = [o for o in range(len(olds)) if o not in linked_old]
        loose_new = [n for n in range(len(news)) if n not in linked_new]
        hints_old, hints_new = self._hints(olds, news, loose_old, loose_new)
        if level == "item":
            loose_new = [n for n in loose_new if news[n].parent not in self.reshaped["new"]]
            loose_old = [o for o in loose_old if olds[o].parent not in self.reshaped["old"]]
        for n in loose_new:
            entry = news[n]
            ref = self.ref(entry)
            change = Change(level, "added", [], [ref], 0.0,
                            lead=unit_delta([], ref.lead, self.registry),
                            support=unit_delta([], ref.support, self.registry),
                            hint=hints_new.get(n))
            out.append((self._new_key(level, [n]), change))
        for o in loose_old:
            ref = self.ref(olds[o])
            change = Change(level, "removed", [ref], [], 0.0,
                            lead=unit_delta(ref.lead, [], self.registry),
                            support=unit_delta(ref.support, [], self.registry),
                            hint=hints_old.get(o))
            out.append((self._old_key(level, o), change))
        return out

    def _linked(self, level: Level, link: Link) -> Change:
        olds = [self.a.old.entries[level][o] for o in link.old]
        news = [self.a.new.entries[level][n] for n in link.new]
        # A body that went from text to items (or back) is compared whole, items included.
        reshaped = len({bool(e.full) for e in (*olds, *news)}) > 1
        old_refs = [self.ref(e, reshaped) for e in olds]
        new_refs = [self.ref(e, reshaped) for e in news]
        if reshaped:
            self.reshaped["old"].update(link.old)
            self.reshaped["new"].update(link.new)
            same_text = False  # the shape changed even where no word did
            similarity = Indel.normalized_similarity("".join(e.full or e.norm for e in olds),
                                                     "".join(e.full or e.norm for e in news))
        elif len(olds) == len(news) == 1 and olds[0].literal == news[0].literal:
            same_text, similarity = True, 1.0  # the common case: not a character changed
        else:
            new_text = "".join(e.literal for e in news)
            same_text = ("".join(e.norm for e in olds) == "".join(e.norm for e in news)
                         and _years_follow("".join(e.literal for e in olds), new_text, self.delta))
            similarity = 1.0 if same_text else Indel.normalized_similarity("".join(e.shifted for e in olds),
                                                                             new_text)
        status: Status
        if link.kind == "merged":
            status = "merged"
        elif link.kind == "split":
            status = "split"
        elif self._moved(level, link.old[0], link.new[0]):
            status = "moved"
        else:
            status = "unchanged" if same_text else "reworded"
        if len(old_refs) == len(new_refs) == 1:  # the common case, without the unions
            (a,), (b,) = old_refs, new_refs
            lead = unit_delta(a.lead, b.lead, self.registry)
            support = unit_delta(a.support, b.support, self.registry)
        else:
            lead = unit_delta(_union(r.lead for r in old_refs), _union(r.lead for r in new_refs), self.registry)
            support = unit_delta(_union(r.support for r in old_refs), _union(r.support for r in new_refs),
                                 self.registry)
        return Change(
            level, status, old_refs, new_refs, similarity, lead=lead, support=support,
            deadline=self._deadline([r.deadline for r in old_refs], [r.deadline for r in new_refs]),
            review=link.how == "position" or (link.how == "content" and link.score < REVIEW_BELOW),
        )

    def _moved(self, level: Level, o: int, n: int) -> bool:
        if level == "point":
            return False
        parent_level = LEVELS[LEVELS.index(level) - 1]
        old_parent = self.a.old.entries[level][o].parent
        new_parent = self.a.new.entries[level][n].parent
        return new_parent not in self.a.partners(parent_level).get(old_parent, set())

    # -- deadlines ------------------------------------------------------------------
    def _deadline(self, old: list[str], new: list[str]) -> tuple[str, str] | None:
        if len(old) == 1 and len(new) == 1 and old[0] == new[0] and not deadlines.shiftable(old[0]):
            return None  # the common case: 持续推进 → 持续推进
        old_s = "；".join(dict.fromkeys(d.strip() for d in old if d.strip()))
        new_s = "；".join(dict.fromkeys(d.strip() for d in new if d.strip()))
        if not old_s and not new_s:
            return None
        if self._same_deadline(old_s, new_s):
            return None
        return old_s, new_s

    def _same_deadline(self, old: str, new: str) -> bool:
        """Equal once the plans' year difference is applied (also in other words, same day)."""
        try:
            shifted = deadlines.shift(old, self.delta)
        except ValueError:
            shifted = old
        if normal_form(shifted) == normal_form(new):
            return True
        if not old or not new or "；" in old or "；" in new:
            return False
        a = deadlines.parse(shifted, self.new_year, self.phrases)
        b = deadlines.parse(new, self.new_year, self.phrases)
        if a.due is not None and a.due == b.due:
            return True
        return a.kind is b.kind is deadlines.Kind.CONTINUOUS

    # -- ordering: the new plan's reading order, removals after their old neighbour --
    def _new_key(self, level: Level, news: list[int]) -> tuple:
        return (self._reading("new")[(level, min(news))], 0, 0)

    def _old_key(self, level: Level, o: int) -> tuple:
        anchor = self._old_anchor()[(level, o)]
        return (anchor, 1, self._reading("old")[(level, o)])

    def _reading(self, side: str) -> dict[tuple[str, int], int]:
        cache = f"_reading_{side}"
        if not hasattr(self, cache):
            entries = (self.a.old if side == "old" else self.a.new).entries
            order = sorted(((e.index, level, i) for level in LEVELS for i, e in enumerate(entries[level])))
            setattr(self, cache, {(level, i): pos for pos, (_, level, i) in enumerate(order)})
        return getattr(self, cache)

    def _old_anchor(self) -> dict[tuple[str, int], int]:
        """For each old node: the new reading position of the last old node before it that survived."""
        if not hasattr(self, "_anchor"):
            first_new: dict[tuple[str, int], int] = {}
            new_pos = self._reading("new")
            for level in LEVELS:
                for link in self.a.links[level]:
                    pos = min(new_pos[(level, n)] for n in link.new)
                    for o in link.old:
                        first_new[(level, o)] = pos
            anchor, last = {}, -1
            for key, _ in sorted(self._reading("old").items(), key=lambda kv: kv[1]):
                last = first_new.get(key, last)
                anchor[key] = last
            self._anchor = anchor
        return self._anchor

    # -- hints for additions and removals --------------------------------------------
    def _hints(self, olds: list[Entry], news: list[Entry], loose_old: list[int],
               loose_new: list[int]) -> tuple[dict[int, NodeRef], dict[int, NodeRef]]:
        """The closest node on the other side, for a person to check (never for large plans)."""
        if not loose_old or not loose_new or len(loose_old) * len(loose_new) > FULL_PAIRS:
            return {}, {}
        hints_old: dict[int, NodeRef] = {}
        hints_new: dict[int, NodeRef] = {}
        new_norms = [news[n].norm for n in loose_new]
        old_norms = [olds[o].norm for o in loose_old]
        for o in loose_old:
            best = process.extractOne(olds[o].norm, new_norms, scorer=Indel.normalized_similarity,
                                      score_cutoff=HINT_FLOOR)
            if best is not None:
                hints_old[o] = self.ref(news[loose_new[best[2]]])
        for n in loose_new:
            best = process.extractOne(news[n].norm, old_norms, scorer=Indel.normalized_similarity,
                                      score_cutoff=HINT_FLOOR)
            if best is not None:
                hints_new[n] = self.ref(olds[loose_old[best[2]]])
        return hints_old, hints_new


@lru_cache(maxsize=4096)
def _prefix_label(index: tuple[int, ...]) -> str:
    return path_label(index)


def _label(index: tuple[int, ...]) -> str:
    """path_label, with the point/task prefix cached (it costs ~20 µs a call)."""
    if len(index) <= 2:
        return _prefix_label(index)
    return f"{_prefix_label(index[:2])}/{'/'.join(map(str, index[2:]))}"


_YEARS = re.compile(r"(?<![0-9])(?:19|20|21)[0-9]{2}(?![0-9])")


def _years_follow(old: str, new: str, delta: int) -> bool:
    """Each year of the new text is the old one, or the old one moved by the plans' gap.

    (Called on texts equal but for their years: 2021年度 → 2022年度 follows the
    roll-over, a cited 2020年 may stay; 2035 → 2030 is a change.)
    """
    return all(int(n) in (int(o), int(o) + delta) for o, n in zip(_YEARS.findall(old), _YEARS.findall(new)))


def _union(lists) -> list[str]:
    seen: dict[str, None] = {}
    for names in lists:
        for name in names:
            seen.setdefault(name, None)
    return list(seen)


def _canon(name: str, registry: Registry | None) -> str:
    return (registry.canonical(name) if registry is not None else None) or normalize_name(name)


def _tally(changes: list[Change], registry: Registry | None) -> list[UnitTally]:
    """Per unit: the tasks (and items) it gained and lost, renames set aside."""
    tallies: dict[str, UnitTally] = {}
    for change in changes:
        if change.level == "point" or (change.status in ("unchanged", "reworded", "moved")
                                       and not change.lead and not change.support):
            continue  # the same units as written: nothing gained or lost
        old_units = {_canon(u, registry) for r in change.old for u in (*r.lead, *r.support)}
        new_units = {_canon(u, registry) for r in change.new for u in (*r.lead, *r.support)}
        renamed = [(_canon(a, registry), _canon(b, registry))
                   for delta in (change.lead, change.support) for a, b in delta.renamed]
        old_units -= {a for a, _ in renamed}
        new_units -= {b for _, b in renamed}
        new_where = "、".join(r.path for r in change.new)
        old_where = "、".join(r.path for r in change.old)
        for unit in sorted(new_units - old_units):
            tallies.setdefault(unit, UnitTally(unit)).gained.append(new_where)
        for unit in sorted(old_units - new_units):
            tallies.setdefault(unit, UnitTally(unit)).lost.append(old_where)
    return sorted(tallies.values(), key=lambda t: (-(len(t.gained) + len(t.lost)), t.unit))


__all__ = ["compare", "plan_year"]
