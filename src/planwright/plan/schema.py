"""What a plan file may hold: the schema version, the keys of each table and their types.

Shared by the reader (which refuses what does not fit), the writers (which write
keys in this order) and the error every part raises on a file it cannot use.
"""

from __future__ import annotations

import os
from typing import Any

from planwright.plan.model import DOC_NUMBER_PLACES, FONT_PROFILES, MASTHEADS, Wording

SCHEMA_PREFIX = "planwright/"
SCHEMA_VERSION = 1


class PlanFileError(Exception):
    """A plan file that cannot be used: says which file, where, and why."""

    def __init__(self, path: str | os.PathLike | None, message: str, line: int | None = None):
        self.path = str(path) if path is not None else "<plan>"
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


# Which keys each table may hold, in the order a save writes them, and what type each must be.
_STR, _INT, _LIST, _DATE = "文本 (string)", "整数 (integer)", "文本列表 (list of strings)", "日期 (date)"
_WORDING = "行内表 (inline table) { text = …, lead = […], support = […] }"
_META_TYPES = {
    "title": _STR, "style": _STR, "year": _INT, "end_year": _INT, "issuer": _STR,
    "doc_number": _STR, "date": _DATE, "recipients": _LIST, "notice_title": _STR, "letter": _STR,
    "forward_doc_number": _STR, "forward_title": _STR, "forward_recipients": _LIST, "forward_letter": _STR, "forward_issuer": _STR, "forward_date": _DATE,
    "publicity": _STR,
    "cc": _LIST, "printer": _STR, "print_date": _DATE, "preamble": _STR, "closing": _STR,
    "masthead": _STR, "doc_number_at": _STR, "fonts": _STR,
}
# Keys holding a date: written as a TOML date when the text is one (yyyy-mm-dd).
DATE_KEYS = ("date", "print_date", "forward_date")
# Keys whose text must be one of a few words.
_META_CHOICES = {"masthead": MASTHEADS, "doc_number_at": DOC_NUMBER_PLACES, "fonts": FONT_PROFILES}
_UNIT_TYPES = {"name": _STR, "aliases": _LIST, "kind": _STR}
_ITEM_TYPES = {"id": _STR, "text": _STR, "lead": _LIST, "support": _LIST, "deadline": _STR, "wording": _WORDING}
_TASK_TYPES = {"id": _STR, "title": _STR, "text": _STR, "lead": _LIST, "support": _LIST, "deadline": _STR,
               "wording": _WORDING}
# The keys of a wording (the attribution as printed) and their types; text is required.
_WORDING_TYPES = {"text": _STR, "lead": _LIST, "support": _LIST, "deadline": _STR, "at": _INT}
_POINT_TYPES = {"id": _STR, "title": _STR, "text": _STR}
_ATTACHMENT_TYPES = {"title": _STR, "text": _STR}
_TOP_KEYS = ("schema", "plan", "units", "points", "body", "attachments")
# Tables matched by a name of their own rather than an id (they are not outline nodes).
_KEYED_BY_NAME = {"units": "name", "attachments": "title"}


def wording_dict(wording: Wording) -> dict:
    """A wording's keys as the file writes them: text first, then what is not at its default."""
    out: dict[str, Any] = {"text": wording.text}
    for name in ("lead", "support", "deadline"):
        if getattr(wording, name):
            out[name] = list(getattr(wording, name)) if name != "deadline" else wording.deadline
    if wording.at >= 0:
        out["at"] = wording.at
    return out
