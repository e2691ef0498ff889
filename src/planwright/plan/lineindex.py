"""Where each table header and key sits in a plan file's text.

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
    """Where each table header and key sits in the file.

    Maps a table path such as ("points", 1, "tasks", 0) to its header line, so
    that findings and load errors can name the line without a second parser,
    and keeps the character offsets the patch save edits at: where each header
    starts and its line ends, where each key's line starts. The scan reads
    strings and comments as such, so a line inside a \"\"\" block that looks
    like a header or a key is not taken for one.

    One scan finds the headers (the regular expression steps over everything
    else by itself, so Python sees one match per table); a table's keys are
    read from its own lines when they are first asked for. A save after one
    edit so reads the keys of the tables it patches, not of the whole file.
    """

    _HEADER = lazy_compile(r"^\s*\[\[\s*([A-Za-z_.\s]+?)\s*\]\]|^\s*\[\s*([A-Za-z_.]+)\s*\]")
    _KEY = lazy_compile(r"^\s*([A-Za-z_][A-Za-z0-9_-]*)\s*=")
    # A string of any of the four kinds (unrolled loops: no backtracking per character).
    _STRING = (r'"""[^"\\]*(?:(?:\\[\s\S]|"(?!""))[^"\\]*)*"""\"{0,2}'
               r"|'''[^']*(?:'(?!'')[^']*)*''''{0,2}"
               r'|"[^"\\\n]*(?:\\.[^"\\\n]*)*"'
               r"|'[^'\n]*'")
    _HEADER_LINE = (r"[ \t]*(?:\[\[[ \t]*(?P<aot>[A-Za-z_.\s]+?)[ \t]*\]\]|\[[ \t]*(?P<table>[A-Za-z_.]+)[ \t]*\])")
    # One token at a time: a header line, or a key with the rest of its value (strings
    # and comments read as such), or a string or comment outside them to step over
    # (what they hold is never a header or a key).
    _TOKEN = lazy_compile(
        r"^" + _HEADER_LINE + r"[^\n]*"
        r"|^[ \t]*(?P<key>[A-Za-z_][A-Za-z0-9_-]*)[ \t]*=(?:" + _STRING + r"|#[^\n]*|[^\"'#\n]+)*"
        r"|" + _STRING + r"|#[^\n]*",
        re.M,
    )
    # The next header line after ``pos``: everything before it stepped over inside the
    # expression (atomic and possessive, so a text without one more header fails in one
    # pass): runs of plain characters, strings and comments read as such, and newlines
    # not followed by a header; a quote that opens no string is one character.
    _NEXT_HEADER = lazy_compile(
        r"(?:[^\"'#\n]++|" + _STRING + r"|#[^\n]*+|\n(?!" + re.sub(r"\(\?P<\w+>", "(?:", _HEADER_LINE) + r")|[\"'])*+"
        r"\n(?P<line>" + _HEADER_LINE + r")[^\n]*")
    _FIRST_HEADER = lazy_compile(r"(?P<line>" + _HEADER_LINE + r")[^\n]*")

    def __init__(self, text: str) -> None:
        self._text = text
        # offsets: a header's first character and the end of its line (past the newline);
        # the tables in file order. Each table's keys, once read, are kept relative to
        # where its keys begin (the end of its header line; 0 for the keys above the first
        # header), so that a patch of one table moves the tables after it by a shift of
        # their headers alone (``patched``).
        self.header_at: dict[tuple, tuple[int, int]] = {}
        self.order: list[tuple] = []
        self._rel: dict[tuple, dict[str, int]] = {}
        self._position: dict[tuple, int] | None = None
        self._key_at: dict[tuple, dict[str, int]] | None = None
        self._headers: dict[tuple, int] | None = None
        self._keys: dict[tuple, dict[str, int]] | None = None
        self._newlines: list[int] | None = None
        counters: dict[str, int] = {}
        size, pos = len(text), 0
        m = self._FIRST_HEADER.match(text)
        while True:
            if m is None:
                m = self._NEXT_HEADER.match(text, pos)
                if m is None:
                    break
            aot = m.group("aot")
            path = self._enter(aot if aot is not None else m.group("table"), aot is not None, counters)
            pos = m.end()
            self.header_at[path] = (m.start("line"), pos + 1 if pos < size else size)
            self.order.append(path)
            m = None

    @property
    def key_at(self) -> dict[tuple, dict[str, int]]:
        """The offset of each key's line, by table (every table's keys read)."""
        if self._key_at is None:
            self._key_at = {path: self.keys_of(path) for path in [(), *self.order]}
        return self._key_at

    def keys_of(self, path: tuple) -> dict[str, int]:
        """The offset of each key's line in one table (empty for a table the scan did not see).
        Raises ValueError when its lines hold a header the scan did not see."""
        if path and path not in self.header_at:
            return {}
        start = self.header_at[path][1] if path else 0
        rel = self._rel.get(path)
        if rel is None:
            rel = self._rel[path] = self._scan_keys(start, self._region_end(path))
        return {key: start + at for key, at in rel.items()}

    def _region_end(self, path: tuple) -> int:
        """Where the table's keys end: the next header, or the end of the text."""
        if self._position is None:
            self._position = {p: n for n, p in enumerate(self.order)}
        n = self._position[path] + 1 if path else 0
        return self.header_at[self.order[n]][0] if n < len(self.order) else len(self._text)

    def patched(self, text: str, regions: dict[tuple, int]) -> "LineIndex":
        """The index of ``text``: this index's text with the keys of some tables rewritten.
        ``regions`` holds, for each such table, the change in length of its keys' region
        (from the end of its header line to the next header); nothing else may differ.
        The headers after them are shifted; their keys are read again when asked for."""
        new = LineIndex("")
        new._text, new.order, new._position = text, self.order, self._position
        new._rel = {path: keys for path, keys in self._rel.items() if path not in regions}
        shift = 0
        header_at = new.header_at
        for path in self.order:
            start, body = self.header_at[path]
            header_at[path] = (start + shift, body + shift)
            shift += regions.get(path, 0)
        return new

    def _scan_keys(self, start: int, end: int) -> dict[str, int]:
        """The keys between ``start`` and ``end`` (offsets relative to ``start``)."""
        keys: dict[str, int] = {}
        for m in self._TOKEN.finditer(self._text, start, end):
            kind = m.lastgroup
            if kind == "key":
                key = m.group("key")
                if key not in keys:
                    keys[key] = m.start() - start
            elif kind is not None:
                raise ValueError("a header among a table's keys that the scan of headers did not see")
        return keys

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
            at = self.keys_of(path).get(key)
            if at is not None:
                return self.line_at(at)
        return self.headers.get(path)
