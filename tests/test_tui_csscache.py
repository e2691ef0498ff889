"""The editor's stylesheet is parsed once and kept between runs (tui/csscache.py): what is read
back is what Textual's parse gives, and a damaged or foreign file means parsing as Textual does."""

from __future__ import annotations

import marshal
import pickle
import sys
from pathlib import Path

import pytest


@pytest.fixture
def kept(tmp_path: Path, monkeypatch):
    """csscache with its file in tmp_path and nothing read or added yet in this process."""
    from planwright.tui import csscache

    path = tmp_path / "csscache.rules"
    monkeypatch.setattr(csscache, "cache_file", lambda: str(path))
    monkeypatch.setattr(csscache, "_kept", None)
    monkeypatch.setattr(csscache, "_added", {})
    monkeypatch.setattr(csscache.atexit, "register", lambda func: None)  # written by the test itself
    monkeypatch.setattr(sys, "dont_write_bytecode", False)  # written as where Python writes bytecode
    return csscache, path


def _pieces():
    """The editor's own stylesheet and a widget's DEFAULT_CSS, as Textual adds them."""
    from textual.widgets import Tree

    app_css = Path(__file__).parents[1] / "src" / "planwright" / "tui" / "app.tcss"
    return [(app_css.read_text(encoding="utf-8"), (str(app_css), ""), False, 0, ""),
            (Tree.DEFAULT_CSS, ("textual/widgets/_tree.py", "Tree.DEFAULT_CSS"), True, -1, "Tree")]


def _variables(**changed: str) -> dict[str, str]:
    """A theme's variables, as the app gives them to its stylesheet."""
    from textual.app import App

    return {**App().get_css_variables(), **changed}


def _parsed(stylesheet) -> list[list[str]]:
    return [[rule.selectors + "|" + repr(rule.styles.get_rules()) for rule in stylesheet._parse_rules(*piece)]
            for piece in _pieces()]


def test_rules_read_back_are_those_textual_parses(kept):
    from textual.css.stylesheet import Stylesheet

    csscache, path = kept
    variables = _variables()
    textual_parse = _parsed(Stylesheet(variables=variables))
    assert _parsed(csscache.KeptStylesheet(variables=variables)) == textual_parse  # parsed, and kept
    csscache._write()
    assert path.exists()
    csscache._kept, csscache._added = None, {}  # the next run
    read = csscache.KeptStylesheet(variables=variables)
    assert _parsed(read) == textual_parse
    assert not csscache._added  # every piece came from the file
    # another theme's variables are not taken from the file
    other = csscache.KeptStylesheet(variables=_variables(primary="#ff0000"))
    _parsed(other)
    assert len(csscache._added) == 2


@pytest.mark.parametrize("content", [b"", b"not a pickle", pickle.dumps(["a list"]), marshal.dumps(((0, "0.0"), {})),
                                     marshal.dumps(((0, "0.0"), {("k",): 1}))])
def test_a_damaged_or_foreign_file_means_parsing_as_textual_does(kept, content):
    from textual.css.stylesheet import Stylesheet

    csscache, path = kept
    path.write_bytes(content)
    variables = _variables()
    assert _parsed(csscache.KeptStylesheet(variables=variables)) == _parsed(Stylesheet(variables=variables))


def test_an_entry_that_is_not_rules_is_parsed_instead(kept):
    from textual.css.stylesheet import Stylesheet

    csscache, path = kept
    variables = _variables()
    sheet = csscache.KeptStylesheet(variables=variables)
    keys = [(*piece, sheet._variables_key()) for piece in _pieces()]
    path.write_bytes(marshal.dumps((csscache._ENGINE, {key: pickle.dumps("not rules") for key in keys})))
    assert _parsed(sheet) == _parsed(Stylesheet(variables=variables))


async def test_the_editor_uses_the_kept_stylesheet(make_app, settle, write_sample, tmp_path):
    from planwright.tui.csscache import KeptStylesheet

    app = make_app(write_sample(tmp_path))
    async with app.run_test() as pilot:
        await settle(pilot, app)
        assert isinstance(app.stylesheet, KeptStylesheet)
        assert app.editor.tree.styles.scrollbar_gutter == "stable"  # app.tcss applied
