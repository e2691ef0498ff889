"""Where each table header and key sits in a plan file's text, from one scan.

Findings and load errors name lines through it; the patch save finds the
value lines of the keys it rewrites through it.
"""

from __future__ import annotations

import bisect
import functools
import re

from planwright.zh.lazyre import lazy_compile


class _LazyLines:
    """A LineIndex made on first use."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._index: LineIndex | None = None

    def __getattr__(self, name: str):
        if self._index is None:
            self._index = LineIndex(self._text)
        return getattr(self._index, name)


# The table names down an outline: section, then its tasks, then their items.
_OUTLINE_KEYS = {"points": ("points", "tasks", "items"), "body": ("body", "tasks", "items")}


@functools.lru_cache(maxsize=64)
def _shape(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A header's name as its parts, and the dotted name down to each (a file has a few names, many headers)."""
    parts = tuple(p.strip() for p in name.split("."))
    return parts, tuple(".".join(parts[: depth + 1]) for depth in range(len(parts)))


class LineIndex:
    """Where each table header and key sits in the file, from one scan.

    Maps a table path such as ("points", 1, "tasks", 0) to its header line, so
    that findings and load errors can name the line without a second parser,
    and keeps the character offsets the patch save edits at: where each header
    starts and its line ends, where each key's line starts. The scan reads
    strings and comments as such, so a line inside a \"\"\" block that looks
    like a header or a key is not taken for one.
    """

    _HEADER = lazy_compile(r"^\s*\[\[\s*([A-Za-z_.\s]+?)\s*\]\]|^\s*\[\s*([A-Za-z_.]+)\s*\]")
    _KEY = lazy_compile(r"^\s*([A-Za-z_][A-Za-z0-9_-]*)\s*=")
    # A string of any of the four kinds (unrolled loops: no backtracking per character).
    _STRING = (r'"""[^"\\]*(?:(?:\\[\s\S]|"(?!""))[^"\\]*)*"""\"{0,2}'
               r"|'''[^']*(?:'(?!'')[^']*)*''''{0,2}"
               r'|"[^"\\\n]*(?:\\.[^"\\\n]*)*"'
               r"|'[^'\n]*'")
    # One token at a time: a header line, or a key with the rest of its value (strings
    # and comments read as such), or a string or comment outside them to step over
    # (what they hold is never a header or a key).
    _TOKEN = lazy_compile(
        r"^[ \t]*(?:(?:\[\[[ \t]*(?P<aot>[A-Za-z_.\s]+?)[ \t]*\]\]|\[[ \t]*(?P<table>[A-Za-z_.]+)[ \t]*\])[^\n]*"
        r"|(?P<key>[A-Za-z_][A-Za-z0-9_-]*)[ \t]*=(?:" + _STRING + r"|#[^\n]*|[^\"'#\n]+)*)"
        r"|" + _STRING + r"|#[^\n]*",
        re.M,
    )

    def __init__(self, text: str) -> None:
        self._text = text
        # offsets: a header's first character and the end of its line (past the newline);
        # the first character of each key's line; the tables in file order
        self.header_at: dict[tuple, tuple[int, int]] = {}
        self.key_at: dict[tuple, dict[str, int]] = {(): {}}
        self.order: list[tuple] = []
        self._headers: dict[tuple, int] | None = None
        self._keys: dict[tuple, dict[str, int]] | None = None
        self._newlines: list[int] | None = None
        counters: dict[str, int] = {}
        keys = self.key_at[()]
        for m in self._TOKEN.finditer(text):
            kind = m.lastgroup
            if kind == "key":
                key = m.group("key")
                if key not in keys:
                    keys[key] = m.start()
            elif kind is not None:  # a header
                current = self._enter(m.group(kind), kind == "aot", counters)
                keys = self.key_at.setdefault(current, {})
                newline = text.find("\n", m.end())
                self.header_at[current] = (m.start(), len(text) if newline < 0 else newline + 1)
                self.order.append(current)

    @property
    def headers(self) -> dict[tuple, int]:
        """The line (1-based) of each table's header."""
        if self._headers is None:
            self._headers = {path: self.line_at(at[0]) for path, at in self.header_at.items()}
        return self._headers

    @property
    def keys(self) -> dict[tuple, dict[str, int]]:
        """The line (1-based) of each key, by table."""
        if self._keys is None:
            self._keys = {path: {key: self.line_at(at) for key, at in found.items()}
                          for path, found in self.key_at.items()}
        return self._keys

    def line_at(self, offset: int) -> int:
        """The line (1-based) holding the character at ``offset``."""
        if self._newlines is None:
            self._newlines = [m.start() for m in re.finditer("\n", self._text)]
        return bisect.bisect_left(self._newlines, offset) + 1

    @staticmethod
    def _enter(name: str, is_array: bool, counters: dict[str, int]) -> tuple:
        parts, prefixes = _shape(name)
        path: list = []
        last = len(parts) - 1
        for depth, part in enumerate(parts):
            dotted = prefixes[depth]
            path.append(part)
            if depth == last:
                if is_array:
                    counters[dotted] = counters.get(dotted, -1) + 1
                    # a new parent element restarts the numbering of its children
                    for other in [o for o in counters if o.startswith(dotted) and o[len(dotted):][:1] == "."]:
                        del counters[other]
                    path.append(counters[dotted])
            elif dotted in counters:
                path.append(counters[dotted])
        return tuple(path)

    def line_of(self, section: str, indices: tuple[int, ...], key: str | None = None) -> int | None:
        names = _OUTLINE_KEYS.get(section)
        path: tuple = (section,) if names is None else ()
        if names:
            for name, index in zip(names, indices):
                path += (name, index)
        if key is not None:
            line = self.keys.get(path, {}).get(key)
            if line:
                return line
        return self.headers.get(path)
