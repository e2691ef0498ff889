"""Year-over-year comparison of two plans: alignment, redline, change report.

    from planwright.diffing import compare, registry_of, to_json, to_html
    cmp = compare(old_plan, new_plan, registry_of(old_plan, new_plan, host))
    print(to_json(cmp))

``compare`` is pure (no I/O); every renderer is a pure function of the
``Comparison`` it returns; ``render`` gives the bytes of any of
``planwright.formats.DIFF_FORMATS``. ``planwright.compare`` (the front door)
loads two files and compares them as ``planwright diff`` does.
"""

from __future__ import annotations

from planwright.diffing.compare import compare, plan_year
from planwright.diffing.result import STATUSES, Change, Comparison, NodeRef, UnitTally
from planwright.diffing.unitdiff import UnitDelta

__all__ = [
    "STATUSES", "Change", "Comparison", "NodeRef", "UnitDelta", "UnitTally", "compare", "compare_plans",
    "plan_year", "registry_of", "render", "to_docx", "to_html", "to_json", "to_markdown", "to_rich", "to_text",
    "to_xlsx",
]


def __getattr__(name: str):
    # Renderers load their libraries (rich, python-docx) only when asked for:
    # `diff --format json` on two large plans should not pay for python-docx.
    if name in ("to_json",):
        from planwright.diffing.render_json import to_json
        return to_json
    if name in ("to_markdown",):
        from planwright.diffing.render_md import to_markdown
        return to_markdown
    if name in ("to_html",):
        from planwright.diffing.render_html import to_html
        return to_html
    if name in ("to_xlsx",):
        from planwright.diffing.render_xlsx import to_xlsx
        return to_xlsx
    if name in ("to_docx",):
        from planwright.diffing.render_docx import to_docx
        return to_docx
    if name in ("to_rich", "to_text"):
        from planwright.diffing import render_rich
        return getattr(render_rich, name)
    if name in ("compare_plans", "registry_of", "render"):
        from planwright.diffing import plans
        return getattr(plans, name)
    raise AttributeError(name)
