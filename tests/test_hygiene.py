"""The layout keeps its promises: the folders are the layers, and the layers do not leak.

- The core (everything outside tui/ and cli/) never loads Textual or click, and
  only the terminal renderer of the diff report loads rich.
- Nothing outside cli/ imports the command line; nothing outside tui/ imports the
  editor except the command that opens it.
- No import cycle among planwright's modules at run time (imports under
  ``if TYPE_CHECKING:`` only name types and do not count).
- The pure layers (importing, diffing, exporting, rules, plan, zh) return values or
  raise: no print, no sys.exit, no stdout/stderr, no click.
- At most seven modules at the package root.

Imports are read from the source with ``ast``; loading is tried in a fresh interpreter.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "planwright"
PURE = ("importing", "diffing", "exporting", "rules", "plan", "zh")
UI = ("tui", "cli")
# rich is the terminal renderer's own library: the diff report in colour
RICH_ALLOWED = {"planwright.diffing.render_rich"}
# the one door from the command line into the editor: `planwright edit` opens it
EDITOR_DOOR = ("planwright.cli.main", "planwright.tui.app")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES: dict[str, Path] = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and (PACKAGE / parts[1]).is_dir() else ""


@dataclass(frozen=True)
class Import:
    module: str  # what is imported: a planwright module where it names one
    line: int


def _is_type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _imports(module: str) -> list[Import]:
    """Every import the module runs (at its top or inside functions), not those only for type checkers."""
    path = MODULES[module]
    found: list[Import] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if _is_type_checking(child):
                continue
            if isinstance(child, ast.Import):
                found.extend(Import(alias.name, child.lineno) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                found.extend(Import(name, child.lineno) for name in _from_names(module, path, child))
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return found


def _from_names(module: str, path: Path, node: ast.ImportFrom) -> list[str]:
    """``from a.b import c``: a.b.c when c is a module (the package a.b is a parent, not a choice), else a.b."""
    base = node.module or ""
    if node.level:
        package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
        package = package[: len(package) - node.level + 1]
        base = ".".join(package + ([base] if base else []))
    submodules = [f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in MODULES]
    return submodules if len(submodules) == len(node.names) else [base, *submodules]


GRAPH: dict[str, set[str]] = {
    module: {i.module for i in _imports(module) if i.module in MODULES and i.module != module} for module in MODULES
}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return groups


def test_the_graph_sees_the_imports_it_should() -> None:
    # the checks below are only as good as the import reader: it must see a plain import,
    # a function-level one, and skip one under TYPE_CHECKING
    assert "planwright.plan.model" in GRAPH["planwright.rules.engine"]
    assert "planwright.tui.app" in GRAPH["planwright.cli.main"]  # imported inside a function
    assert "planwright.host" not in GRAPH["planwright.rules.engine"]  # only under TYPE_CHECKING
    assert len(MODULES) > 60


def test_no_import_cycle_at_run_time() -> None:
    cycles = _cycles(GRAPH)
    described = ["; ".join(f"{a} → {b}" for a in group for b in sorted(GRAPH[a] & set(group))) for group in cycles]
    assert cycles == [], "\n".join(described)


@pytest.mark.parametrize("ui", UI)
def test_only_its_own_folder_imports_the_command_line_and_the_editor(ui: str) -> None:
    wrong = [f"{MODULES[m].relative_to(PACKAGE.parent)}:{i.line} imports {i.module}"
             for m in MODULES if _layer(m) != ui
             for i in _imports(m) if i.module.startswith(f"planwright.{ui}")
             and (m, i.module.rsplit(".run_editor", 1)[0]) != EDITOR_DOOR]
    assert wrong == []


@pytest.mark.parametrize("layer", PURE)
def test_the_pure_layers_never_print_exit_or_use_click(layer: str) -> None:
    wrong = []
    for module, path in MODULES.items():
        if _layer(module) != layer:
            continue
        where = path.relative_to(PACKAGE.parent)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("print", "exit", "quit"):
                wrong.append(f"{where}:{node.lineno} calls {node.func.id}()")
            elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "sys" \
                    and node.attr in ("exit", "stdout", "stderr"):
                wrong.append(f"{where}:{node.lineno} uses sys.{node.attr}")
        wrong += [f"{where}:{i.line} imports {i.module}" for i in _imports(module)
                  if i.module.split(".")[0] in ("click", "textual", "rich") and module not in RICH_ALLOWED]
    assert wrong == []


def _loaded_by_importing(modules: list[str]) -> dict[str, str]:
    """Import the modules one after another in a fresh interpreter: {library: the module that first loaded it}."""
    code = (
        "import importlib, json, sys\n"
        "first = {}\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "    for lib in ('textual', 'click', 'rich'):\n"
        "        if lib in sys.modules: first.setdefault(lib, name)\n"
        "print(json.dumps(first))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    import json

    return json.loads(run.stdout)


def test_the_core_loads_neither_textual_nor_click_and_rich_only_for_the_terminal_report() -> None:
    core = [m for m in MODULES if _layer(m) not in UI]
    assert _loaded_by_importing([m for m in core if m not in RICH_ALLOWED]) == {}
    assert set(_loaded_by_importing(sorted(RICH_ALLOWED))) == {"rich"}


def test_the_package_root_holds_at_most_seven_modules() -> None:
    root = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(root) <= 7, root


# What `planwright import notice.txt` has no use for: the readers of other file kinds, the
# editor, export, diff, the rules, tomlkit and the patch save (a new file is written as text), and the
# standard library's heavier modules that faster paths replace (importlib.resources / .metadata,
# secrets, tempfile with shutil and the compression modules, hashlib until a digest is asked for;
# the standard library's tomllib, which the compiled tomli (a dependency) replaces).
NOT_FOR_A_TEXT_IMPORT = (
    "zipfile", "docx", "lxml", "xml", "html", "email", "tomlkit", "textual", "rapidfuzz",
    "importlib.resources", "importlib.metadata", "secrets", "tempfile", "shutil", "bz2", "lzma", "hashlib",
    "tomllib",
    "planwright.importing.wordfile", "planwright.importing.webpage", "planwright.tui",
    "planwright.exporting", "planwright.diffing", "planwright.ledger", "planwright.plan.patch",
    # the rules: their plugin is registered, the rules and what they are given are loaded by a check
    "planwright.rules.core.catalogue", "planwright.rules.engine", "planwright.rules.context",
)


def _modules_of_an_import(notice: Path, tmp_path: Path) -> set[str]:
    """The modules a fresh ``planwright import NOTICE -o plan.toml`` process had loaded at its end."""
    loaded = tmp_path / "modules.txt"
    code = (
        "import runpy, sys\n"
        f"sys.argv = ['planwright', 'import', {str(notice)!r}, '-o', {str(tmp_path / 'plan.toml')!r}]\n"
        "try:\n"
        "    runpy.run_module('planwright.cli.main', run_name='__main__')\n"
        "except SystemExit as exc:\n"
        "    assert not exc.code, exc.code\n"
        f"open({str(loaded)!r}, 'w').write('\\n'.join(sorted(sys.modules)))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return set(loaded.read_text().split())


def test_importing_a_text_notice_loads_only_what_it_needs(tmp_path: Path) -> None:
    notice = tmp_path / "notice.txt"
    notice.write_text("某县人民政府办公室关于印发2027年某县政务公开工作要点的通知\n"
                      "2027年某县政务公开工作要点\n一、深化政策公开\n"
                      "（一）及时发布规范性文件。文件印发后按时在网站公布。（责任单位：县司法局）\n"
                      "（二）做好政策解读。重要政策同步解读。（责任单位：县政府办公室）\n", encoding="utf-8")
    modules = _modules_of_an_import(notice, tmp_path)
    assert (tmp_path / "plan.toml").read_text(encoding="utf-8").count("[[points.tasks]]") == 2
    assert "planwright.importing" in modules and "planwright_jinan" in modules  # the import did happen
    assert sorted(m for m in modules if any(m == n or m.startswith(f"{n}.") for n in NOT_FOR_A_TEXT_IMPORT)) == []


def test_importing_a_word_notice_does_not_load_python_docx(tmp_path: Path) -> None:
    """A .docx is read from its XML with zipfile and ElementTree: python-docx and lxml, which
    cost a third of a whole .docx import, are for the exports that write .docx."""
    import docx

    notice = tmp_path / "notice.docx"
    document = docx.Document()
    for line in ("某县人民政府办公室关于印发2027年某县政务公开工作要点的通知", "2027年某县政务公开工作要点",
                 "一、深化政策公开", "（一）及时发布规范性文件。文件印发后按时在网站公布。（责任单位：县司法局）"):
        document.add_paragraph(line)
    document.save(notice)
    modules = _modules_of_an_import(notice, tmp_path)
    assert (tmp_path / "plan.toml").read_text(encoding="utf-8").count("[[points.tasks]]") == 1
    assert "planwright.importing.wordfile" in modules  # the .docx was read
    assert sorted(m for m in modules if m.split(".")[0] in ("docx", "lxml")) == []
