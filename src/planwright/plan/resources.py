"""Files planwright ships: the templates and the demo plan.

In a wheel they live in ``planwright/templates`` (hatch force-includes the
project's top-level ``templates/`` there); in a source checkout (editable
install) they are read from ``templates/`` itself.
"""

from __future__ import annotations

import importlib.resources
from importlib.resources.abc import Traversable
from pathlib import Path

_SOURCE_TEMPLATES = Path(__file__).resolve().parents[3] / "templates"


def templates_dir() -> Traversable:
    packaged = importlib.resources.files("planwright").joinpath("templates")
    if packaged.is_dir():
        return packaged
    return _SOURCE_TEMPLATES


def read_template(name: str) -> str:
    """The text of a shipped template, e.g. ``read_template("jinan.toml")``."""
    return templates_dir().joinpath(name).read_text(encoding="utf-8")
