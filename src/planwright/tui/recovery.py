"""The recovery file: the plan written as a new plan file, many times a minute.

A save keeps a person's formatting and comments (patched lines, tomlkit for the
rest), which is more than a file written every few seconds beside someone typing
needs. A recovery file only has to be read back, so it is written the way the
store writes a plan that has no file yet (``plan.tomltext``, directly as text, in
tens of milliseconds): exactly the plan file format, read by ``store.load`` like
any plan file. Restoring copies its content into the open document, whose own
formatting and comments then survive the next save.
"""

from __future__ import annotations

from planwright.plan.model import Plan
from planwright.plan.store import PlanDocument
from planwright.plan.tomltext import fresh_text
from planwright.zh.lazyre import lazy_compile

# a comment ends at the line's end and may hold no other control character (a file name may)
_COMMENT_UNSAFE = lazy_compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def plan_text(plan: Plan, header: str = "") -> str:
    """The plan as a new plan file's text, opened by ``header``'s lines as comments."""
    lines = [_COMMENT_UNSAFE.sub(" ", line) for line in header.rstrip("\n").split("\n")] if header else []
    preface = "\n".join(line if line.startswith("#") else f"# {line}" for line in lines)
    return fresh_text(PlanDocument(plan=plan, preface=preface))
