"""Lead and support units of two versions of a task: added, removed, renamed.

A unit that only changed its name is a rename, not a removal plus an
addition. Two written names are one unit when

1. they are equal as written (after the registry's name normalisation), or
2. the registry maps both to one canonical unit (an alias it knows, or the
   level-prefix fallback 财政局 ↔ 区财政局), or
3. the old name was replaced by a similar-named one: the short form's
   characters appear in order in the long form and both start alike
   (发改委 → 市发展改革委, 人社局 → 区人力资源社会保障局), or their cores
   (without level prefix and generic ending) are close (rapidfuzz ≥ 0.6);
   a name taking the old one's place in the list needs a little less (0.5).

财政局 → 税务局 is not a rename: their cores 财政 / 税务 share nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from rapidfuzz.distance import Indel

from planwright.zh.units import Registry, normalize_name, strip_level_prefix

_ENDINGS = ("委员会", "办公室", "管委会", "分局", "局", "委", "办", "室", "中心", "厅", "部", "处", "会", "院", "所")
SIMILAR = 0.6
SAME_SLOT_SIMILAR = 0.5


@dataclass
class UnitDelta:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.renamed)

    def as_dict(self) -> dict:
        return {"added": list(self.added), "removed": list(self.removed),
                "renamed": [[a, b] for a, b in self.renamed]}


def _core(name: str) -> str:
    core = strip_level_prefix(normalize_name(name))
    for ending in _ENDINGS:
        if core.endswith(ending) and len(core) > len(ending) + 1:
            return core[: -len(ending)]
    return core


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def similar_names(a: str, b: str) -> float:
    """How much two unit names look like one unit renamed or abbreviated, 0..1."""
    ca, cb = _core(a), _core(b)
    if not ca or not cb:
        return 0.0
    short, long = sorted((ca, cb), key=len)
    if len(short) >= 2 and short[0] == long[0] and _subsequence(short, long):
        return 1.0
    return Indel.normalized_similarity(ca, cb)


def unit_delta(old: Sequence[str], new: Sequence[str], registry: Registry | None) -> UnitDelta:
    """Compare two unit lists (as written) through the registry."""
    if list(old) == list(new):
        return UnitDelta()  # most tasks keep their units: no work
    if not old or not new:  # an added or removed task: all its units come or go
        return UnitDelta(added=_dedupe(new), removed=_dedupe(old))
    old_left = _dedupe(old)
    new_left = _dedupe(new)
    # 1. equal as written
    same = {normalize_name(n) for n in new_left} & {normalize_name(o) for o in old_left}
    old_left = [o for o in old_left if normalize_name(o) not in same]
    new_left = [n for n in new_left if normalize_name(n) not in same]
    renamed: list[tuple[str, str]] = []
    # 2. one canonical unit in the registry
    if registry is not None:
        for o in list(old_left):
            canon = registry.canonical(o)
            if canon is None:
                continue
            match = next((n for n in new_left if registry.canonical(n) == canon), None)
            if match is not None:
                renamed.append((o, match))
                old_left.remove(o)
                new_left.remove(match)
    # 3. a similar name, preferably in the same place of the list
    renamed += _similar_pairs(old_left, new_left, list(old), list(new), registry)
    taken_old = {o for o, _ in renamed}
    taken_new = {n for _, n in renamed}
    return UnitDelta(added=[n for n in new_left if n not in taken_new],
                     removed=[o for o in old_left if o not in taken_old],
                     renamed=renamed)


def _similar_pairs(old_left: list[str], new_left: list[str], old_all: list[str], new_all: list[str],
                   registry: Registry | None) -> list[tuple[str, str]]:
    scored = []
    for o in old_left:
        for n in new_left:
            if registry is not None and _registered_apart(o, n, registry):
                continue  # the registry knows them as two different units
            score = similar_names(o, n)
            same_slot = old_all.index(o) == new_all.index(n)
            if score >= SIMILAR or (same_slot and score >= SAME_SLOT_SIMILAR):
                scored.append((-score, not same_slot, old_all.index(o), new_all.index(n), o, n))
    pairs: list[tuple[str, str]] = []
    used_o: set[str] = set()
    used_n: set[str] = set()
    for *_, o, n in sorted(scored):
        if o not in used_o and n not in used_n:
            pairs.append((o, n))
            used_o.add(o)
            used_n.add(n)
    return sorted(pairs, key=lambda p: old_all.index(p[0]))


def _registered_apart(a: str, b: str, registry: Registry) -> bool:
    ca, cb = registry.canonical(a), registry.canonical(b)
    return ca is not None and cb is not None and ca != cb


def _dedupe(names: Sequence[str]) -> list[str]:
    seen: dict[str, None] = {}
    for name in names:
        if name:
            seen.setdefault(name, None)
    return list(seen)
