"""JSON for other tools, in exactly the shape of issue 5 (``summary`` and ``changes``).

One change per line: readable with ``grep`` and ``less``, and written by the
C encoder (``json.dumps`` with ``indent`` falls back to pure Python, five
times slower on a 1,000-task comparison).
"""

from __future__ import annotations

import json

from planwright.diffing.result import Comparison
from planwright.zh.clean import escape_json_text


def to_json(cmp: Comparison) -> str:
    summary = json.dumps(cmp.summary, ensure_ascii=False)
    changes = ",\n    ".join(json.dumps(c.as_dict(), ensure_ascii=False) for c in cmp.changes)
    body = f"[\n    {changes}\n  ]" if changes else "[]"
    # DEL, C1 and bidi controls escaped as every JSON writer escapes them (zh.clean.json_dumps)
    return escape_json_text(f'{{\n  "summary": {summary},\n  "changes": {body}\n}}\n')
