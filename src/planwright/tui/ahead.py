"""The per-unit lists (F11) made ahead of time, a slice at a time between the keys.

Opening the unit view walks every row of the 分工 table to group it by unit: a
quarter of its opening at 5,000 tasks. A moment after the last edit the editor makes
the lists in steps (``exporting.unit_view_steps``), a few milliseconds at a turn
of its event loop as it pickles the plan for the validators (see snapshot), and
F11 opens on them while the plan is the one they were made from. An edit in
between spoils them; the view then makes its own, as before.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from planwright.exporting import UnitTasks


class UnitsAhead:
    """The lists for one state of the plan (its edit count and object), or the steps making them."""

    def __init__(self) -> None:
        self._ready: tuple[tuple[int, int], list["UnitTasks"]] | None = None
        self._making: tuple[tuple[int, int], Iterator[list["UnitTasks"] | None]] | None = None

    def wanted(self, state: tuple[int, int]) -> bool:
        """Nothing made or being made for this state yet."""
        return self._making is None and (self._ready is None or self._ready[0] != state)

    def start(self, state: tuple[int, int], steps: Iterator[list["UnitTasks"] | None]) -> None:
        self._making = (state, steps)

    def step(self, state: tuple[int, int], seconds: float) -> bool:
        """Make more of the lists for ``seconds``; True when there is more to make. The plan
        changed since the start (another ``state``): what was made is thrown away."""
        if self._making is None:
            return False
        made_for, steps = self._making
        if made_for != state:
            self._making = None
            return False
        until = time.perf_counter() + seconds
        while (done := next(steps)) is None:
            if time.perf_counter() >= until:
                return True
        self._making, self._ready = None, (made_for, done)
        return False

    def lists(self, state: tuple[int, int]) -> list["UnitTasks"] | None:
        """The lists made for this state of the plan, if they are."""
        return self._ready[1] if self._ready is not None and self._ready[0] == state else None
