"""What changed for each responsible unit: its tasks gained, lost, reworded, and deadlines moved.

A unit is known by its canonical name through the registry, so an alias
(区发改局 for 区发展和改革局) and a rename the comparison recognised (the old
name in one version, the new one in the other) are the same unit. Points name
no units and are left out.

``unit_changes(cmp)`` gives every unit's list; ``for_unit(cmp, name)`` the
comparison restricted to one unit's changes, which every renderer prints as
it prints a whole comparison.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from planwright.diffing.result import Change, Comparison
from planwright.zh.units import Registry, normalize_name

GAINED, LOST, REWORDED, DEADLINE = "增加", "减少", "改写", "时限调整"
KINDS = (GAINED, LOST, REWORDED, DEADLINE)
_TEXT_CHANGED = ("reworded", "moved", "merged", "split")


@dataclass
class UnitChanges:
    """One unit's changes; ``kinds[i]`` says what each of ``changes[i]`` was to it."""

    unit: str
    changes: list[Change] = field(default_factory=list)
    kinds: list[tuple[str, ...]] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(kind in k for k in self.kinds)

    def paths(self, kind: str) -> list[str]:
        return [c.where for c, k in zip(self.changes, self.kinds) if kind in k]


def canonical(name: str, registry: Registry | None) -> str:
    """The unit's one name: the registry's, else the name as normalised."""
    return (registry.canonical(name) if registry is not None else None) or normalize_name(name)


def units_of(change: Change, registry: Registry | None) -> tuple[set[str], set[str]]:
    """The canonical units of the change's old and new side, a rename counted as its new name."""
    old = {canonical(u, registry) for r in change.old for u in (*r.lead, *r.support)}
    new = {canonical(u, registry) for r in change.new for u in (*r.lead, *r.support)}
    for delta in (change.lead, change.support):
        for before, after in delta.renamed:
            a, b = canonical(before, registry), canonical(after, registry)
            if a in old:
                old.discard(a)
                old.add(b)
    return old, new


def kinds_for(change: Change, unit: str, old: set[str], new: set[str]) -> tuple[str, ...]:
    """What ``change`` was to ``unit`` (empty when it does not concern it)."""
    out = []
    if unit in new and unit not in old:
        out.append(GAINED)
    elif unit in old and unit not in new:
        out.append(LOST)
    elif unit in old and unit in new:
        if change.status in _TEXT_CHANGED:
            out.append(REWORDED)
        if change.deadline is not None:
            out.append(DEADLINE)
    return tuple(out)


def unit_changes(cmp: Comparison) -> list[UnitChanges]:
    """Every unit with at least one change, most changes first."""
    by_unit: dict[str, UnitChanges] = {}
    for change in cmp.changes:
        if change.level == "point":
            continue
        old, new = units_of(change, cmp.registry)
        for unit in sorted(old | new):
            kinds = kinds_for(change, unit, old, new)
            if kinds:
                entry = by_unit.setdefault(unit, UnitChanges(unit))
                entry.changes.append(change)
                entry.kinds.append(kinds)
    return sorted(by_unit.values(), key=lambda u: (-len(u.changes), u.unit))


def resolve(cmp: Comparison, name: str) -> str:
    """The canonical name a user's unit name stands for; an old name the new plan renamed gives the new one."""
    unit = canonical(name, cmp.registry)
    for change in cmp.changes:
        for delta in (change.lead, change.support):
            for before, after in delta.renamed:
                if canonical(before, cmp.registry) == unit:
                    return canonical(after, cmp.registry)
    return unit


def known_unit(cmp: Comparison, name: str) -> bool:
    """Whether either plan names the unit (by any of its names)."""
    unit = resolve(cmp, name)
    return any(unit in side for c in cmp.changes if c.level != "point" for side in units_of(c, cmp.registry))


def for_unit(cmp: Comparison, name: str) -> Comparison:
    """The comparison as one unit sees it: only the changes that concern it."""
    unit = resolve(cmp, name)
    changes = []
    for change in cmp.changes:
        if change.level == "point":
            continue
        old, new = units_of(change, cmp.registry)
        if kinds_for(change, unit, old, new):
            changes.append(change)
    units = [t for t in cmp.units if canonical(t.unit, cmp.registry) == unit]
    return replace(cmp, changes=changes, units=units, unit=unit)


__all__ = ["DEADLINE", "GAINED", "KINDS", "LOST", "REWORDED", "UnitChanges", "for_unit", "known_unit",
           "resolve", "unit_changes", "units_of"]
