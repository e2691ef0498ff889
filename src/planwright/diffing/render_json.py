"""JSON for other tools, in exactly the shape of issue 5 (``summary`` and ``changes``)."""

from __future__ import annotations

import json

from .result import Comparison


def to_json(cmp: Comparison) -> str:
    return json.dumps(cmp.as_dict(), ensure_ascii=False, indent=2) + "\n"
