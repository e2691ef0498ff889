"""An Input for a list of responsible units, completing names from the unit registry.

Units are typed as 区财政局、区审计局 (any of 、，,；; or spaces between them). The
suggestion completes the name being typed from the registry's canonical names
and aliases; → (right arrow) at the end of the line accepts it, as in any Input.
"""

from __future__ import annotations

import re
from typing import Iterable

from textual.suggester import Suggester

from planwright.tui.widgets.field_input import FieldInput

SEPARATORS = re.compile(r"[、，,；;\s]+")
JOINER = "、"


def split_units(value: str) -> list[str]:
    """``区财政局、 区审计局，`` → ["区财政局", "区审计局"] (empty pieces dropped)."""
    return [part for part in SEPARATORS.split(value.strip()) if part]


def join_units(units: Iterable[str]) -> str:
    return JOINER.join(units)


class UnitSuggester(Suggester):
    """Completes the last unit name in the field from a list of known names."""

    def __init__(self, names: Iterable[str] = ()) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.names: list[str] = list(names)

    async def get_suggestion(self, value: str) -> str | None:
        match = re.search(r"[^、，,；;\s]+$", value)
        if match is None:
            return None
        typed = match.group()
        for name in self.names:
            if name.startswith(typed) and name != typed:
                return value + name[len(typed):]
        return None


class UnitsInput(FieldInput):
    """A units field: the value is a 、-joined list; ``units`` gives it as a list."""

    def __init__(self, *, id: str | None = None, placeholder: str = "") -> None:
        self.unit_suggester = UnitSuggester()
        super().__init__(placeholder=placeholder, suggester=self.unit_suggester,
                         select_on_focus=False, id=id, compact=True)

    @property
    def units(self) -> list[str]:
        return split_units(self.value)

    def set_names(self, names: Iterable[str]) -> None:
        """The names to complete from (canonical names first, then aliases)."""
        self.unit_suggester.names = list(names)
