"""The editor's stylesheet, parsed once and kept between runs.

Textual parses its CSS at every start: the app's ``app.tcss`` and the
``DEFAULT_CSS`` of every widget class the editor shows, some 23,000
characters in thirty pieces, about 30 ms of the first screen. What a piece
parses to depends only on its text, where it came from and the theme's
variables, so ``KeptStylesheet`` keeps each piece's parsed rules in a file
beside this module's bytecode (``__pycache__/csscache.<tag>.pickle``), written
when Python writes bytecode, and the next start reads them back (about 5 ms)
instead of parsing.

The file is keyed by the Textual version and the variables; each entry is
loaded afresh for each stylesheet (an app never shares rule objects with
another). Anything unexpected (no file, a damaged one, another Textual, a
read-only folder) simply means parsing as Textual does. A theme change, which
re-parses through a new ``Stylesheet``, parses as Textual does too.
"""

from __future__ import annotations

import atexit
import os
import pickle
import sys

import textual
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet

_MAX_ENTRIES = 200  # the pieces are the program's own (about thirty): a bound all the same

_kept: dict[tuple, bytes] | None = None  # read at the first parse of a run
_added: dict[tuple, bytes] = {}  # parsed in this run, written at exit


class KeptStylesheet(Stylesheet):
    """A Stylesheet whose pieces are read from the last run's parse when they are the same."""

    def _parse_rules(self, css: str, read_from, is_default_rules: bool = False, tie_breaker: int = 0,
                     scope: str = "") -> list[RuleSet]:
        cache_key = (css, read_from, is_default_rules, tie_breaker, scope)
        try:
            return self._parse_cache[cache_key]  # parsed or read already by this stylesheet
        except KeyError:
            pass
        key = (*cache_key, self._variables_key())
        stored = _read().get(key)
        if stored is not None:
            try:
                rules = pickle.loads(stored)  # our own file, beside our own bytecode
            except Exception:  # noqa: BLE001 — damaged: parse instead
                rules = None
            if isinstance(rules, list) and all(isinstance(rule, RuleSet) for rule in rules):
                self._parse_cache[cache_key] = rules
                return rules
        rules = super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
        if not any(rule.errors for rule in rules) and len(_added) < _MAX_ENTRIES:
            try:
                _remember(key, pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL))
            except Exception:  # noqa: BLE001 — a rule that does not pickle is parsed next time too
                pass
        return rules


    def _variables_key(self) -> tuple:
        """The theme's variables as part of a key; one object per stylesheet, so that the file
        holds them once (pickle writes an object met again as a reference)."""
        if getattr(self, "_kept_for", None) is not self._variables:
            self._kept_for, self._kept_key = self._variables, tuple(sorted(self._variables.items()))
        return self._kept_key


def _remember(key: tuple, data: bytes) -> None:
    if not _added and cache_file() is not None:
        atexit.register(_write)
    _added[key] = data


def cache_file() -> str | None:
    """Where the parsed stylesheet is kept; None where Python writes no bytecode."""
    if sys.dont_write_bytecode:
        return None
    from importlib.util import cache_from_source

    try:
        bytecode = cache_from_source(os.path.abspath(__file__))
    except (NotImplementedError, ValueError):
        return None
    folder = os.path.dirname(bytecode)
    tag = sys.implementation.cache_tag or "py"
    return os.path.join(folder, f"csscache.{tag}.textual-{textual.__version__}.pickle")


def _read() -> dict[tuple, bytes]:
    global _kept
    if _kept is None:
        _kept = {}
        path = cache_file()
        if path is not None:
            try:
                with open(path, "rb") as handle:
                    data = pickle.load(handle)
                if isinstance(data, dict) and all(isinstance(v, bytes) for v in data.values()):
                    _kept = data
            except Exception:  # noqa: BLE001 — no file, or not one of ours: parse as Textual does
                _kept = {}
    return _kept


def _write() -> None:
    """Write this run's new pieces with the kept ones (atomically: a half-written file is never read)."""
    path = cache_file()
    if path is None or not _added:
        return
    entries = {**_read(), **_added}
    if len(entries) > _MAX_ENTRIES:
        entries = dict(_added)
    temp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temp, "wb") as handle:
            pickle.dump(entries, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
    except OSError:
        try:
            os.unlink(temp)
        except OSError:
            pass
