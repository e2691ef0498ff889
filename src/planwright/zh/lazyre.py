"""Regular expressions compiled on first use, and kept compiled between runs.

Compiling a pattern with a class of Chinese characters (``[\\u4e00-\\u9fff]``) costs
milliseconds: the standard library walks every code point of the range, twice. The
importer, the rules and the store hold some two hundred such patterns, and a command
uses about half of them; compiling them all at import time was a large part of a
short command's start. A ``LazyPattern`` stands where the compiled pattern stood and
compiles it the first time any of its methods or attributes is asked for.

Even compiled lazily, the hundred and fifty patterns an import uses cost a third of
its run. :func:`compile_pattern` therefore keeps what the compiler produced in a file beside
this module's bytecode (``__pycache__/lazyre.<tag>.regex``), written when Python
writes bytecode, and builds the next run's patterns from it. The file names the exact
interpreter and regex engine it was made by; an entry is stored only after the pattern
built from it compared equal to ``re.compile``'s own, and anything unexpected (another
engine, a damaged file, a read-only folder) simply means compiling as ``re`` does.
"""

from __future__ import annotations

import atexit
import functools
import re
import sys
from typing import Any

from planwright import kept

try:  # the engine's own compiler: what re.compile runs, in two halves we can keep apart
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another Python
    _sre = None  # type: ignore[assignment]

# A cached entry: (flags, code, groups, groupindex, indexgroup), the arguments of _sre.compile.
_Entry = tuple
_ENGINE = (sys.hexversion, getattr(_sre, "MAGIC", None), getattr(_sre, "CODESIZE", None),
           getattr(_sre, "MAXREPEAT", None), getattr(_sre, "MAXGROUPS", None))
_MAX_ENTRIES = 2000  # patterns are the program's own; a bound all the same

_cache: dict[tuple[str, int], _Entry] | None = None  # read on the first compile
_added: dict[tuple[str, int], _Entry] = {}  # compiled in this run, written at exit


class LazyPattern:
    """``re.compile(pattern, flags)``, compiled when first used (``.search``, ``.pattern``, …)."""

    # __dict__: the compiled pattern's methods, once asked for, are kept on the instance, so that
    # the next ``.search`` is an ordinary attribute look-up (an import asks some 25,000 times)
    __slots__ = ("_source", "_flags", "_compiled", "__dict__")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        if self._compiled is None:
            self._compiled = compile_pattern(self._source, self._flags)
        return self._compiled

    @property
    def pattern(self) -> str:  # read to build other patterns; no need to compile for it
        return self._source

    def __getattr__(self, name: str) -> Any:  # only names a LazyPattern lacks: the Pattern's
        value = getattr(self.compiled, name)
        if callable(value):
            self.__dict__[name] = value  # a bound method of the compiled pattern, which never changes
        return value

    def __repr__(self) -> str:
        return f"LazyPattern({self._source!r}, {self._flags!r})"


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern that behaves as ``re.compile(pattern, flags)`` and is compiled on first use."""
    return LazyPattern(pattern, flags)  # type: ignore[return-value]


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, built from the kept compiled form when there is one."""
    flags = int(flags)
    if _sre is None or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    key = (pattern, flags)
    entry = _kept().get(key)
    if entry is not None:
        try:
            return _sre.compile(pattern, *entry)
        except Exception:  # an entry the engine refuses: compile afresh, and keep that instead
            pass
    compiled = re.compile(pattern, flags)
    entry = _entry(pattern, flags, compiled)
    if entry is not None and len(_added) < _MAX_ENTRIES:
        _added[key] = entry
        _write_at_exit()
    return compiled


@functools.cache
def _write_at_exit() -> None:
    atexit.register(_write)


def _entry(pattern: str, flags: int, compiled: re.Pattern[str]) -> _Entry | None:
    """What ``_sre.compile`` needs to build *compiled* again, or None when the pattern built
    from it would differ from ``re.compile``'s (the two halves are not the engine's public face)."""
    try:
        parsed = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are int subclasses
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        entry = (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        again = _sre.compile(pattern, *entry)
    except Exception:
        return None
    same = again == compiled and again.groupindex == compiled.groupindex and again.groups == compiled.groups
    return entry if same else None


def cache_file() -> str | None:
    """Where the compiled forms are kept: beside this module's bytecode (None: nowhere)."""
    return kept.beside(globals().get("__cached__"), ".regex")


def _kept() -> dict[tuple[str, int], _Entry]:
    global _cache
    if _cache is None:
        _cache = _read(cache_file())
    return _cache


def _read(path: str | None) -> dict[tuple[str, int], _Entry]:
    """The kept entries, if the file was written by this very interpreter and engine."""
    entries = kept.read(path, _ENGINE)
    return entries if isinstance(entries, dict) else {}


def _write() -> None:
    """Add this run's new entries to the file (at exit), as Python writes bytecode: not at all
    under ``-B`` / ``PYTHONDONTWRITEBYTECODE``, and silently not where the folder is read-only."""
    path = cache_file()
    if not _added or path is None or sys.dont_write_bytecode:
        return
    entries = _read(path)  # another process may have added its own since this one read it
    if len(entries) + len(_added) > _MAX_ENTRIES:
        entries = {}
    entries.update(_added)
    kept.write(path, _ENGINE, entries)
