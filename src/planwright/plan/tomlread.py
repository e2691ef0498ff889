"""The TOML parser planwright reads with: the compiled tomli when it is there, else tomllib.

tomli (a dependency) is the standard library's tomllib parser built as a compiled
wheel: the same data and messages, 2-3x faster, and quicker to import. Every reader
(plan files, style files, the ledger) takes ``loads`` and ``TOMLDecodeError`` from
here, so one parser's errors are the ones caught.
"""

try:
    from tomli import TOMLDecodeError, loads
except ImportError:  # pragma: no cover - a platform without its wheel: the same parser, slower
    from tomllib import TOMLDecodeError, loads

__all__ = ["TOMLDecodeError", "loads"]
