"""The methods ``dataclasses`` writes for planwright's classes, kept compiled between runs.

For every dataclass the standard library writes ``__init__``, ``__repr__`` and ``__eq__``
(for a frozen one also ``__setattr__``, ``__delattr__`` and ``__hash__``) as source text
and compiles it with ``exec``. For the forty-odd classes an import defines, that compiling
was a seventh of the whole command. The text is the same on every run, as a module's own
source is, so its compiled form is kept the way Python keeps bytecode: in a file in
``kept/__pycache__`` (``methods.<tag>.methods``), written at exit when Python writes
bytecode, and used only by the interpreter that wrote it.

``install`` gives the ``dataclasses`` module its own ``exec``: the name its code looks up
to compile a method. For a class of a planwright module (the package and its
``planwright_*`` styles), that function runs the kept code compiled from the very same
text, and compiles and keeps any text it has not seen. Anything else (another library's
class, code instead of text) goes to the built-in ``exec`` as before. The code it runs is
what ``exec`` compiles from that text, so every class is the same as without it; a damaged
or foreign file only means compiling afresh.
"""

from __future__ import annotations

import builtins
import marshal
import sys
from types import CodeType
from typing import Any

from planwright import kept

# What the kept code is valid for: exactly this interpreter (marshal's format for code is not
# stable between versions, and a build may differ from another of the same version).
_ENGINE = (sys.hexversion, sys.version, sys.implementation.cache_tag)
_MAX_PER_MODULE = 400  # methods of one module's classes; a bound all the same

# module name → marshalled {text: code}, as read from the file; unpacked per module when used
_packed: dict[str, bytes] | None = None
_kept: dict[str, dict[str, CodeType]] = {}  # unpacked, per module
_added: dict[str, dict[str, CodeType]] = {}  # compiled in this run, written at exit


def install() -> None:
    """Make ``dataclasses`` compile planwright's methods through the kept code (once)."""
    import dataclasses

    if "exec" not in vars(dataclasses):
        dataclasses.exec = _exec  # type: ignore[attr-defined]


def _exec(source: Any, globals: dict | None = None, locals: Any = None, /) -> None:
    if globals is None:  # as the built-in does: the caller's namespaces
        frame = sys._getframe(1)
        globals, locals = frame.f_globals, frame.f_locals if locals is None else locals
    module = globals.get("__name__") if type(globals) is dict else None
    if type(source) is str and type(module) is str and module.startswith("planwright"):
        source = _code(module, source)
    builtins.exec(source, globals, locals)


def _code(module: str, source: str) -> CodeType:
    kept = _kept.get(module)
    if kept is None:
        kept = _kept[module] = _unpack(_file_entries().get(module))
    code = kept.get(source)
    if code is None:
        # what exec compiles from text: file name "<string>", no flags of the caller's
        code = compile(source, "<string>", "exec", dont_inherit=True)
        kept[source] = code
        added = _added.setdefault(module, {})
        if len(added) < _MAX_PER_MODULE:
            added[source] = code
            _write_at_exit()
    return code


def _unpack(blob: bytes | None) -> dict[str, CodeType]:
    if blob is None:
        return {}
    try:
        entries = marshal.loads(blob)
    except (EOFError, ValueError, TypeError):
        return {}
    if not isinstance(entries, dict):
        return {}
    return {k: v for k, v in entries.items() if type(k) is str and type(v) is CodeType}


def cache_file() -> str | None:
    """Where the kept code is: beside this module's bytecode (None: nowhere)."""
    return kept.beside(globals().get("__cached__"), ".methods")


def _file_entries() -> dict[str, bytes]:
    global _packed
    if _packed is None:
        _packed = _read(cache_file())
    return _packed


def _read(path: str | None) -> dict[str, bytes]:
    """The file's entries, if this very interpreter wrote it."""
    entries = kept.read(path, _ENGINE)
    if not isinstance(entries, dict):
        return {}
    return {k: v for k, v in entries.items() if type(k) is str and type(v) is bytes}


_registered = False


def _write_at_exit() -> None:
    global _registered
    if not _registered:
        import atexit

        atexit.register(_write)
        _registered = True


def _write() -> None:
    """Add this run's code to the file (at exit), as Python writes bytecode: not at all under
    ``-B`` / ``PYTHONDONTWRITEBYTECODE``, and silently not where the folder is read-only."""
    path = cache_file()
    if not _added or path is None or sys.dont_write_bytecode:
        return
    entries = _read(path)  # another process may have added its own since this one read it
    for module, added in _added.items():
        merged = {**_unpack(entries.get(module)), **added}
        if len(merged) > _MAX_PER_MODULE:
            merged = dict(added)
        entries[module] = marshal.dumps(merged)
    kept.write(path, _ENGINE, entries)
