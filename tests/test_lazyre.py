"""Patterns compiled on first use and kept compiled between runs (zh/lazyre.py).

What a user would notice if this went wrong: a pattern built from the kept file that
matches differently from ``re.compile``'s, or a command that fails because the file is
damaged, was written by another Python, or cannot be written.
"""

from __future__ import annotations

import re
import sys

import pytest

from planwright.zh import lazyre

PATTERNS = [
    (r"^(?P<docno>[\u4e00-\u9fff]{1,15}\s*[〔\[]\s*\d{4}\s*[〕\]]\s*\d{1,4}\s*号)\s*(?P<rest>\S.*)$", 0),
    (r"(?:牵头单位|责任单位)[：:](?P<lead>[^，；]+)", 0),
    (r"^(?:https?://|www\.)\S*$", re.I),
    (r"[並亂亙亞佈佔來係]", 0),
]
TEXTS = ["某政办发〔2027〕3号 某县人民政府办公室关于印发的通知", "（牵头单位：县财政局；配合单位：各乡镇）",
         "WWW.example.gov.cn/page", "來自亞洲", "nothing here"]


@pytest.fixture
def kept(tmp_path, monkeypatch):
    """A fresh kept-patterns file in tmp_path, written as Python writes bytecode."""
    path = tmp_path / "lazyre.test.regex"
    monkeypatch.setattr(lazyre, "cache_file", lambda: str(path))
    monkeypatch.setattr(lazyre, "_cache", None)
    monkeypatch.setattr(lazyre, "_added", {})
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return path


def _next_run(monkeypatch) -> None:
    """What a new process sees: nothing read yet, nothing added."""
    monkeypatch.setattr(lazyre, "_cache", None)
    monkeypatch.setattr(lazyre, "_added", {})


def _behaviour(pattern: re.Pattern[str]) -> list:
    return [pattern.pattern, pattern.flags, pattern.groups, dict(pattern.groupindex),
            *[(m.span(), m.groupdict()) if (m := pattern.search(t)) else None for t in TEXTS]]


def test_a_pattern_built_from_the_kept_file_is_the_one_re_compiles(kept, monkeypatch) -> None:
    first = [lazyre.compile_pattern(p, f) for p, f in PATTERNS]
    lazyre._write()
    assert kept.exists()
    _next_run(monkeypatch)
    again = [lazyre.compile_pattern(p, f) for p, f in PATTERNS]
    assert lazyre._added == {}  # every one came from the file
    for (source, flags), a, b in zip(PATTERNS, first, again):
        expected = re.compile(source, flags)
        assert b == expected and _behaviour(b) == _behaviour(expected) == _behaviour(a)


def test_a_lazy_pattern_uses_the_kept_file_and_behaves_as_re(kept, monkeypatch) -> None:
    lazyre.compile_pattern(*PATTERNS[1])
    lazyre._write()
    _next_run(monkeypatch)
    lazy = lazyre.lazy_compile(*PATTERNS[1])
    assert lazy.search(TEXTS[1]).group("lead") == "县财政局"
    assert lazy.search(TEXTS[1]).group("lead") == "县财政局"  # the method kept on the instance
    assert lazy.sub("", TEXTS[1]) == re.sub(PATTERNS[1][0], "", TEXTS[1])
    assert lazyre._added == {}


@pytest.mark.parametrize("content", [b"", b"not marshal data \x00\xff", None])
def test_a_damaged_or_foreign_file_is_ignored(kept, monkeypatch, content) -> None:
    if content is None:  # a file another Python (another engine) wrote
        import marshal

        content = marshal.dumps(((0x030B0000, 1, 4, 1, 1), {(PATTERNS[0][0], 0): (32, [1, 2], 0, {}, ())}))
    kept.write_bytes(content)
    for source, flags in PATTERNS:
        assert _behaviour(lazyre.compile_pattern(source, flags)) == _behaviour(re.compile(source, flags))
    assert len(lazyre._added) == len(PATTERNS)  # compiled afresh, to be written again


def test_nothing_is_written_where_bytecode_is_not(kept, monkeypatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)  # python -B, PYTHONDONTWRITEBYTECODE
    lazyre.compile_pattern(*PATTERNS[0])
    lazyre._write()
    assert not kept.exists()


def test_a_folder_that_cannot_be_written_is_no_error(tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setattr(lazyre, "cache_file", lambda: str(blocker / "sub" / "x.regex"))
    monkeypatch.setattr(lazyre, "_cache", None)
    monkeypatch.setattr(lazyre, "_added", {})
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    assert lazyre.compile_pattern(*PATTERNS[1]).search(TEXTS[1])
    lazyre._write()  # no exception, nothing written
    assert not (blocker / "sub").exists()


def test_the_file_sits_beside_the_bytecode() -> None:
    from importlib.util import cache_from_source

    assert lazyre.cache_file() == cache_from_source(lazyre.__file__).removesuffix(".pyc") + ".regex"
