"""The methods dataclasses writes for planwright's classes, kept compiled (kept/methods.py).

What a user would notice if this went wrong: a class whose methods, built from the kept
file, behave differently from the ones ``dataclasses`` compiles; a command that fails
because the file is damaged, was written by another Python, or cannot be written; or
another library's classes touched at all.
"""

from __future__ import annotations

import dataclasses
import marshal
import sys
import types

import pytest

from planwright.kept import methods as dataclass_code

CLASS = '''
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Deadline:
    text: str
    month: int = 0
    units: tuple[str, ...] = ()


@dataclass
class Row:
    title: str
    cells: list[str] = field(default_factory=list)
'''


@pytest.fixture
def kept(tmp_path, monkeypatch):
    """A fresh kept-code file in tmp_path, written as Python writes bytecode."""
    path = tmp_path / "methods.test.methods"
    monkeypatch.setattr(dataclass_code, "cache_file", lambda: str(path))
    _next_run(monkeypatch)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return path


def _next_run(monkeypatch) -> None:
    """What a new process sees: nothing read yet, nothing added."""
    monkeypatch.setattr(dataclass_code, "_packed", None)
    monkeypatch.setattr(dataclass_code, "_kept", {})
    monkeypatch.setattr(dataclass_code, "_added", {})


def _define(monkeypatch, name: str) -> types.ModuleType:
    """The classes above, defined in a module called *name*, as an import would."""
    module = types.ModuleType(name)
    monkeypatch.setitem(sys.modules, name, module)
    exec(compile(CLASS, f"<{name}>", "exec"), module.__dict__)
    return module


def _behaviour(module: types.ModuleType) -> list:
    a = module.Deadline("6月底前", 6, ("县财政局",))
    b = module.Deadline("6月底前", 6, ("县财政局",))
    row = module.Row("公开目录")
    row.cells.append("县政府办")
    try:
        a.month = 7
        frozen = False
    except dataclasses.FrozenInstanceError:
        frozen = True
    return [repr(a), a == b, hash(a) == hash(b), a != module.Deadline("年底前"), frozen, repr(row),
            row == module.Row("公开目录", ["县政府办"]), module.Row("x").cells is not module.Row("x").cells,
            [f.name for f in dataclasses.fields(a)], dataclasses.replace(a, month=9).month]


def test_the_package_compiles_its_methods_through_the_kept_code() -> None:
    assert vars(dataclasses).get("exec") is dataclass_code._exec


def test_a_class_built_from_the_kept_file_is_the_one_dataclasses_builds(kept, monkeypatch) -> None:
    first = _behaviour(_define(monkeypatch, "planwright_ruyi.records"))
    assert dataclass_code._added["planwright_ruyi.records"]  # compiled and kept for the next run
    dataclass_code._write()
    assert kept.exists()
    _next_run(monkeypatch)
    again = _behaviour(_define(monkeypatch, "planwright_ruyi.records"))
    assert dataclass_code._added == {}  # every method came from the file
    assert again == first
    assert first[:2] == ["Deadline(text='6月底前', month=6, units=('县财政局',))", True]


def test_another_librarys_classes_are_left_to_dataclasses(kept, monkeypatch) -> None:
    module = _define(monkeypatch, "someone_else.records")
    assert dataclass_code._added == {}
    assert _behaviour(module)[1] is True
    dataclass_code._write()
    assert not kept.exists()


@pytest.mark.parametrize("content", [b"", b"not marshal data \x00\xff", "foreign", "not code"])
def test_a_damaged_or_foreign_file_is_ignored(kept, monkeypatch, content) -> None:
    text = "def __create_fn__():\n def __init__(self): pass\n return __init__"
    if content == "foreign":  # a file another Python wrote
        content = marshal.dumps(((0x030B0000, "3.11.0", "cpython-311"), {}))
    elif content == "not code":  # right engine, an entry that is no code object
        content = marshal.dumps((dataclass_code._ENGINE, {"planwright_ruyi.records": marshal.dumps({text: 42})}))
    kept.write_bytes(content)
    expected = _behaviour(_define(monkeypatch, "someone_else.records"))
    assert _behaviour(_define(monkeypatch, "planwright_ruyi.records")) == expected
    assert len(dataclass_code._added["planwright_ruyi.records"]) >= 5  # compiled afresh, to be written again


def test_nothing_is_written_where_bytecode_is_not(kept, monkeypatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)  # python -B, PYTHONDONTWRITEBYTECODE
    _define(monkeypatch, "planwright_ruyi.records")
    dataclass_code._write()
    assert not kept.exists()


def test_a_folder_that_cannot_be_written_is_no_error(tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setattr(dataclass_code, "cache_file", lambda: str(blocker / "sub" / "x.methods"))
    _next_run(monkeypatch)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    assert _behaviour(_define(monkeypatch, "planwright_ruyi.records"))[1] is True
    dataclass_code._write()  # no exception, nothing written
    assert not (blocker / "sub").exists()


def test_the_file_sits_beside_the_bytecode() -> None:
    from importlib.util import cache_from_source

    assert dataclass_code.cache_file() == cache_from_source(dataclass_code.__file__).removesuffix(".pyc") + ".methods"
