"""The hook contract between planwright and its style plugins.

Every hook here is a *contribution* hook: it takes no arguments and returns a
list of typed objects from ``planwright.api``. planwright calls every plugin's
implementation, flattens the lists, sorts them by name, refuses two plugins
giving the same name (naming both), and records which plugin gave each object
(``planwright plugins`` shows it).

A plugin is a module (or object) with functions decorated by
``planwright.api.hookimpl``; it implements only the hooks it needs. Returning
``None`` is the same as returning an empty list. The short form, a module
variable ``style = planwright.api.StyleSpec(...)``, is read by the host as
implementations of these same hooks (the built-in styles are written so); a
module may have both.

Hook API version: ``planwright.api.HOOK_API_VERSION``. New hooks are added
with an "added in" note; existing ones keep their signature.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

from planwright.api import PROJECT

if TYPE_CHECKING:
    from planwright.api import (
        AttributionPattern, DeadlinePhrase, NoticeLayout, Rule, Sniffer, Style, Template,
        UnitRegistry,
    )

hookspec = pluggy.HookspecMarker(PROJECT)

#: every hook name, in the order ``planwright plugins`` shows them
HOOK_NAMES = (
    "planwright_styles",
    "planwright_templates",
    "planwright_unit_registries",
    "planwright_deadline_phrases",
    "planwright_attribution_patterns",
    "planwright_validators",
    "planwright_notice_layouts",
    "planwright_import_sniffers",
)


class PlanwrightSpecs:
    """The hook specifications (each method body is documentation only)."""

    @hookspec
    def planwright_styles(self) -> list[Style]:
        """Declare styles: a region's way of writing its plan.

        ``Style(name="jinan", title="济南式", description="…", level="区")``.
        ``plan.style`` in a plan file names one of these.
        """

    @hookspec
    def planwright_templates(self) -> list[Template]:
        """Skeleton plan files that ``planwright new --style S`` starts from.

        ``Template(name="jinan", style="jinan", description="…",
        resource=("my_package", "templates/plan.toml"))``. The resource is read
        with ``importlib.resources``; ship it as package data. The year in it is
        moved to the year the user asks for, as in a roll-over.
        """

    @hookspec
    def planwright_unit_registries(self) -> list[UnitRegistry]:
        """Default unit registries (names and aliases) for a style's level of government.

        A plan's own ``[[units]]`` extend and override the style's registry.
        """

    @hookspec
    def planwright_deadline_phrases(self) -> list[DeadlinePhrase]:
        """Extra deadline phrases a region writes, tried before the built-in ones."""

    @hookspec
    def planwright_attribution_patterns(self) -> list[AttributionPattern]:
        """How a style writes 责任单位 / 牵头 / 配合 inside brackets, as regexes.

        Used by the importer; tried by ``priority`` before the built-in patterns.
        """

    @hookspec
    def planwright_validators(self) -> list[Rule]:
        """Rules that check a plan: ``Rule(id, severity, summary, check, style)``.

        ``check(plan, ctx)`` yields ``Finding`` objects; ``ctx.where(node)`` gives
        the display path and file line. ``style=None`` rules apply to every plan;
        others only to plans of that style. A rule that raises is reported as a
        plugin error and the other rules still run.
        """

    @hookspec
    def planwright_notice_layouts(self) -> list[NoticeLayout]:
        """How a style words its notice and prints units (one per style)."""

    @hookspec
    def planwright_import_sniffers(self) -> list[Sniffer]:
        """Cheap guesses of a notice's style from its text, for ``planwright import``."""
