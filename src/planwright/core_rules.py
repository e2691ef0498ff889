"""The core rules: style-neutral checks every plan gets (GB/T 9704-2012 and plain sense).

Registered as an essential built-in plugin through the same hook a style uses.
"""

from __future__ import annotations

from .api import Rule, hookimpl


@hookimpl
def planwright_validators() -> list[Rule]:
    return list(RULES)


RULES: tuple[Rule, ...] = ()
