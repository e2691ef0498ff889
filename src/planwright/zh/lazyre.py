"""Regular expressions compiled on first use.

Compiling a pattern with a class of Chinese characters (``[\\u4e00-\\u9fff]``) costs
milliseconds: the standard library walks every code point of the range, twice. The
importer, the rules and the store hold some two hundred such patterns, and a command
uses about half of them; compiling them all at import time was a large part of a
short command's start. A ``LazyPattern`` stands where the compiled pattern stood and
compiles it the first time any of its methods or attributes is asked for.
"""

from __future__ import annotations

import re
from typing import Any


class LazyPattern:
    """``re.compile(pattern, flags)``, compiled when first used (``.search``, ``.pattern``, …)."""

    __slots__ = ("_source", "_flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    @property
    def pattern(self) -> str:  # read to build other patterns; no need to compile for it
        return self._source

    def __getattr__(self, name: str) -> Any:  # only names a LazyPattern lacks: the Pattern's
        return getattr(self.compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._source!r}, {self._flags!r})"


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern that behaves as ``re.compile(pattern, flags)`` and is compiled on first use."""
    return LazyPattern(pattern, flags)  # type: ignore[return-value]
