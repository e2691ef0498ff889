"""The editor's stylesheet, parsed once and kept between runs.

Textual parses its CSS at every start: the app's ``app.tcss`` and the
``DEFAULT_CSS`` of every widget class the editor shows, some 23,000
characters in thirty pieces, about 30 ms of the first screen. What a piece
parses to depends only on its text, where it came from and the theme's
variables, so ``KeptStylesheet`` keeps each piece's parsed rules (pickled) in a
file beside this module's bytecode (``__pycache__/csscache.<tag>.rules``, see
``planwright.kept``), written when Python writes bytecode, and the next start
reads them back (about 5 ms) instead of parsing.

The file is valid for one Python and one Textual version; its entries are keyed by the variables; each entry is
loaded afresh for each stylesheet (an app never shares rule objects with
another). Anything unexpected (no file, a damaged one, another Textual, a
read-only folder) simply means parsing as Textual does. A theme change, which
re-parses through a new ``Stylesheet``, parses as Textual does too.
"""

from __future__ import annotations

import atexit
import pickle
import sys

import textual
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet

from planwright import kept

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
    """Where the parsed stylesheet is kept (None: nowhere)."""
    return kept.beside(globals().get("__cached__"), ".rules")


# the file is for this very Python and Textual: another's rules may not unpickle to the same
_ENGINE = (sys.hexversion, textual.__version__)


def _read() -> dict[tuple, bytes]:
    global _kept
    if _kept is None:
        entries = kept.read(cache_file(), _ENGINE)
        ok = isinstance(entries, dict) and all(isinstance(v, bytes) for v in entries.values())
        _kept = entries if ok else {}
    return _kept


def _write() -> None:
    """Write this run's new pieces with the kept ones (atomically: a half-written file is never read)."""
    if not _added:
        return
    entries = {**_read(), **_added}
    if len(entries) > _MAX_ENTRIES:
        entries = dict(_added)
    kept.write(cache_file(), _ENGINE, entries)
