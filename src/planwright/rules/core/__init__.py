"""The core rules: style-neutral checks every plan gets (GB/T 9704-2012 and plain sense).

Registered as an essential built-in plugin (``core_rules``) through the same hook a
style uses. Each rule is one short generator ``check(plan, ctx)`` yielding
``ctx.report(...)`` findings; messages are in Chinese and say what to write
instead where that is known. Rules run on every ``check`` and editor refresh of
plans with thousands of tasks, so patterns are compiled once and each rule makes
one pass. The rules live by topic:

    units      a lead for every task, registered names, nothing listed twice
    deadlines  readable, within the plan's period, not before the 成文日期
    outline    titles and text present, unique ids, no typed numbering, the plan year
    notice     文号, 成文日期 / 印发日期, 附注, 主送 / 抄送, the 印发 letter
    text       punctuation, full-width characters, pairs, how years are written
    rollover   what a roll-over leaves: stale dated phrases, the title's year, no 文号 / 成文日期 yet
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

from planwright.api import hookimpl

if TYPE_CHECKING:
    from planwright.api import Rule

# The rules themselves (catalogue.py and the modules by topic) are imported when the hook is
# first called: registering the plugin costs nothing for a command that checks no plan (import).


@hookimpl
def planwright_validators() -> list[Rule]:
    from planwright.rules.core.catalogue import RULES

    return list(RULES)


def rule(rule_id: str) -> Rule:
    """A core rule by id (tests and the editor's rule help)."""
    return next(r for r in planwright_validators() if r.id == rule_id)


def ids() -> Iterable[str]:
    return (r.id for r in planwright_validators())


def __getattr__(name: str) -> Any:
    if name == "RULES":
        from planwright.rules.core.catalogue import RULES

        return RULES
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
