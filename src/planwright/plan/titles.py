"""The notice's title as it will be printed, from the [plan] table alone.

An imported notice keeps its own title in ``notice_title`` when an export could
not rebuild it from issuer and plan title; ``{title}`` stands where it names the
plan, so an edit of the plan title (or a roll-over) shows in it. A title kept
word for word, naming the plan otherwise (海口市2019年… printed as 2019年…), does
not follow the plan title: the editor shows it beside the plan title and the
checker says so (PW-LETTER-002). Kept apart from ``exporting`` so that the editor's
form and the rules can show it without loading the exporters.
"""

from __future__ import annotations

from planwright.plan.model import Meta


def notice_title(meta: Meta) -> str:
    """The notice's own title as printed (its {title} filled), else 发文机关 + 关于印发 +
    the plan's title + 的通知 (no 书名号, national practice)."""
    if meta.notice_title.strip():
        return fill_title(meta.notice_title, meta.title)
    return f"{meta.issuer}关于印发{meta.title}的通知"


def follows_title(meta: Meta) -> bool:
    """Whether the printed notice title changes with the plan title (built, or ``{title}`` in it)."""
    return not meta.notice_title.strip() or "\x00" in fill_title(meta.notice_title, "\x00")


def fill_title(template: str, title: str) -> str:
    """An office's own wording with {title} filled in (braces of its own are doubled)."""
    try:
        return template.format_map({"title": title})
    except (KeyError, IndexError, ValueError):
        return template.replace("{title}", title)  # braces typed by hand: only {title} is ours
