"""Where each table header and key sits in a plan file's text, from one scan.

Findings and load errors name lines through it; the patch save finds the
value lines of the keys it rewrites through it.
"""

from __future__ import annotations

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


class LineIndex:
    """Where each table header and key sits in the file, from one scan.

    Maps a table path such as ("points", 1, "tasks", 0) to its header line, so
    that findings and load errors can name the line without a second parser.
    """

    _HEADER = lazy_compile(r"^\s*\[\[\s*([A-Za-z_.\s]+?)\s*\]\]|^\s*\[\s*([A-Za-z_.]+)\s*\]")
    _KEY = lazy_compile(r"^\s*([A-Za-z_][A-Za-z0-9_-]*)\s*=")

    def __init__(self, text: str) -> None:
        self.headers: dict[tuple, int] = {}
        self.keys: dict[tuple, dict[str, int]] = {(): {}}
        counters: dict[str, int] = {}
        current: tuple = ()
        for number, line in enumerate(text.splitlines(), 1):
            if "[" in line[:4] or line.lstrip().startswith("["):
                m = self._HEADER.match(line)
                if m:
                    current = self._enter(m.group(1) or m.group(2), bool(m.group(1)), counters)
                    self.headers[current] = number
                    self.keys.setdefault(current, {})
                    continue
            k = self._KEY.match(line)
            if k:
                self.keys.setdefault(current, {}).setdefault(k.group(1), number)

    @staticmethod
    def _enter(name: str, is_array: bool, counters: dict[str, int]) -> tuple:
        parts = [p.strip() for p in name.split(".")]
        path: list = []
        for depth, part in enumerate(parts):
            dotted = ".".join(parts[: depth + 1])
            path.append(part)
            if depth == len(parts) - 1:
                if is_array:
                    counters[dotted] = counters.get(dotted, -1) + 1
                    # a new parent element restarts the numbering of its children
                    for other in list(counters):
                        if other.startswith(dotted + "."):
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
