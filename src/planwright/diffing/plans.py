"""Two plans compared as the tools compare them, and the report in one of the diff formats.

``compare_plans`` gives ``compare`` the new plan's deadline phrases and both
plans' registries; ``render`` turns a Comparison into the bytes of a format of
``planwright.formats.DIFF_FORMATS``. The command line prints or writes them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planwright.formats import DIFF_FORMATS
from planwright.plan.model import Plan
from planwright.zh.clean import clean_text
from planwright.zh.units import Registry
from planwright.diffing.compare import compare
from planwright.diffing.result import Comparison

if TYPE_CHECKING:
    from planwright.host import Host


def registry_of(old, new, host: "Host | None") -> Registry | None:
    """The new plan's registry (its style's defaults and its own [[units]]) over the old one's."""
    if host is None:
        return Registry([*old.units, *new.units])
    from planwright.rules.engine import registry_for

    return registry_for(old, host).merged(registry_for(new, host))


def compare_plans(old: Plan, new: Plan, host: "Host | None", old_label: str = "",
                  new_label: str = "") -> Comparison:
    """``compare`` with the new plan's deadline phrases and both plans' registries, labelled."""
    phrases = host.phrases_for(new.meta.style or None) if host is not None else ()
    cmp = compare(old, new, registry_of(old, new, host), phrases)
    cmp.old_label, cmp.new_label = old_label, new_label
    return cmp


def render(cmp: Comparison, fmt: str) -> bytes:
    """The report in one of DIFF_FORMATS, as the bytes a file would hold."""
    if fmt == "json":
        from planwright.diffing.render_json import to_json
        return to_json(cmp).encode("utf-8")
    # the plans' text may hold escape sequences and control characters (a plan file may carry
    # them escaped): the text reports are cleaned whole, as every export is (zh.clean)
    if fmt == "md":
        from planwright.diffing.render_md import to_markdown
        return clean_text(to_markdown(cmp)).encode("utf-8")
    if fmt == "html":
        from planwright.diffing.render_html import to_html
        return clean_text(to_html(cmp)).encode("utf-8")
    if fmt == "docx":
        from planwright.diffing.render_docx import to_docx
        return to_docx(cmp)
    if fmt == "xlsx":
        from planwright.diffing.render_xlsx import to_xlsx
        return to_xlsx(cmp)
    if fmt == "text":
        from planwright.diffing.render_text import to_plain
        return clean_text(to_plain(cmp)).encode("utf-8")
    raise ValueError(f"未知的格式 (unknown format) “{fmt}”；可用：{'、'.join(DIFF_FORMATS)}")
