"""planwright: draft, check, compare and export yearly 政务公开工作要点 plans.

The library's front door: six functions and the model's types, all a script needs::

    import planwright

    doc = planwright.load("2027.toml")                  # a plan file; doc.plan is the Plan
    for finding in planwright.check(doc):               # the core rules and the style's rules
        print(finding.where, finding.message)
    planwright.export(doc, "notice-docx").write("通知.docx")

``import_notice`` reads a published notice into a plan, ``compare`` matches two
years' plans task by task, ``save`` writes a plan file back (comments kept).
Plans go in as a file path, a loaded document or a ``Plan``; values come out,
nothing is printed. ``host`` (the plugins giving styles, rules and wording) is
optional everywhere and defaults to the installed plugins. The command line and
the editor call these same functions.

Nothing heavy is imported until it is used: ``import planwright`` loads neither
the editor (Textual) nor the command line (click, rich), and the types below
are loaded on first use.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Union

__version__ = "0.1.0"

from planwright.kept import methods as kept_methods  # noqa: E402

kept_methods.install()  # before any of the package's classes is defined

if TYPE_CHECKING:
    from planwright.api import Finding
    from planwright.diffing.result import Comparison
    from planwright.exporting import Exported
    from planwright.host import Host
    from planwright.importing import ImportResult
    from planwright.plan.model import Plan
    from planwright.plan.store import PlanDocument

PathLike = Union[str, "os.PathLike[str]"]
PlanSource = Union["Plan", "PlanDocument", str, "os.PathLike[str]"]

# name → module that defines it; imported when first asked for (PEP 562)
_LAZY = {
    **dict.fromkeys(("Plan", "Point", "Task", "Item", "Unit", "Meta", "Node"), "planwright.plan.model"),
    **dict.fromkeys(("PlanDocument", "PlanFileError"), "planwright.plan.store"),
    **dict.fromkeys(("Finding", "Rule", "Style"), "planwright.api"),
    **dict.fromkeys(("ImportResult", "ImportError_"), "planwright.importing"),
    **dict.fromkeys(("Comparison", "Change"), "planwright.diffing.result"),
    **dict.fromkeys(("Exported", "ExportError"), "planwright.exporting"),
    **dict.fromkeys(("Host", "PluginError", "get_host"), "planwright.host"),
    **dict.fromkeys(("EXPORT_FORMATS", "DIFF_FORMATS", "OutputFormat"), "planwright.formats"),
}

__all__ = ["__version__", "check", "compare", "export", "import_notice", "load", "save", *_LAZY]


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'planwright' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # the next look-up is an ordinary one
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


def load(path: PathLike | None = None, *, text: str | None = None) -> "PlanDocument":
    """Read a plan file (.toml), or plan-file ``text`` already in memory.

    Returns the document: ``doc.plan`` is the Plan; the document also keeps
    the file's comments and layout for ``save`` and the lines that findings
    name. With ``text``, ``path`` only names it in messages (and is where
    ``save`` writes by default). Raises ``PlanFileError`` naming the file and
    line of a mistake.
    """
    from planwright.plan import store

    if text is not None:
        return store.loads(text, path)
    if path is None:
        raise TypeError("load() needs a path or text=")
    return store.load(path)


def save(plan: "PlanDocument | Plan", path: PathLike | None = None) -> Path:
    """Write a plan file atomically and return its path.

    A loaded document is written back with its comments and layout (only what
    changed is rewritten) to ``path``, or where it was read from. A bare Plan
    needs ``path``.
    """
    from planwright.plan.store import PlanDocument, new_document, save as save_file

    doc = plan if isinstance(plan, PlanDocument) else new_document(plan)
    return save_file(doc, path)


def check(plan: PlanSource, *, host: "Host | None" = None) -> "list[Finding]":
    """Every finding of the core rules and the plan's style's rules, errors first.

    Given a file or a loaded document, each finding names its line in the file.
    """
    from planwright.rules.engine import run

    plan, doc = _read(plan)
    return run(plan, _host(host), doc)


def import_notice(path: PathLike | None = None, *, text: str | None = None, style: str | None = None,
                  host: "Host | None" = None) -> "ImportResult":
    """Read a published notice (.txt, .html or .docx; or its ``text``) into a plan.

    The style is recognised from the text unless ``style`` names one. The result's
    ``doc`` is a new plan document (``save`` it); what could not be read with
    certainty is in ``warnings`` and in the plan as 导入提示 comments. Raises
    ``ImportError_`` naming the file when it holds no plan.
    """
    from planwright.importing import import_file, import_text

    host = _host(host)
    if text is not None:
        return import_text(text, style=style, host=host, name=str(path or "<text>"))
    if path is None:
        raise TypeError("import_notice() needs a path or text=")
    return import_file(path, style=style, host=host)


def compare(old: PlanSource, new: PlanSource, *, host: "Host | None" = None) -> "Comparison":
    """Match last year's plan with this year's, task by task, as ``planwright diff`` does.

    Tasks are matched by id, then by wording; the result lists what was
    reworded, moved, added, removed, merged or split (``changes``), with each
    unit's gains and losses. ``render(comparison, fmt)`` from
    ``planwright.diffing`` gives the report in any of ``DIFF_FORMATS``.
    """
    from planwright.diffing.plans import compare_plans

    # Read one after the other: reading two files side by side in a forked
    # child was tried and was slower on a loaded two-core machine.
    (old_plan, old_doc), (new_plan, new_doc) = _read(old), _read(new)
    return compare_plans(old_plan, new_plan, _host(host), _label(old_doc), _label(new_doc))


def export(plan: PlanSource, fmt: str, *, host: "Host | None" = None, allow_errors: bool = False) -> "Exported":
    """Check the plan, then render it in one of ``EXPORT_FORMATS`` in memory.

    Returns the export: ``data`` (the bytes), ``write(path)`` (atomic), and what
    to tell the user: ``errors`` declared in the output and ``empty`` (why a
    calendar or unit list has nothing in it). A plan with errors raises
    ``ExportError`` naming the first one, unless ``allow_errors``: then the
    output itself says it is a draft with errors.
    """
    from planwright.exporting import export_document

    plan, doc = _read(plan)
    what = str(doc.path) if doc is not None and doc.path is not None else "计划"
    return export_document(plan, fmt, _host(host), allow_errors=allow_errors, doc=doc, what=what)


def _read(source: PlanSource) -> "tuple[Plan, PlanDocument | None]":
    """The plan, and its document when it came from a file (findings then name file lines)."""
    from planwright.plan.model import Plan
    from planwright.plan.store import PlanDocument, load as load_file

    if isinstance(source, Plan):
        return source, None
    doc = source if isinstance(source, PlanDocument) else load_file(source)
    return doc.plan, doc


def _label(doc: "PlanDocument | None") -> str:
    return doc.path.name if doc is not None and doc.path is not None else ""


def _host(host: "Host | None") -> "Host":
    """The host given, or the installed plugins (loaded once per process)."""
    if host is not None:
        return host
    from planwright.host import get_host

    return get_host()
