"""The demo plan that the bare ``planwright`` command opens."""

from __future__ import annotations

import tempfile
from pathlib import Path

from planwright.plan.resources import read_template

DEMO_TEMPLATE = "demo.toml"


def demo_copy(directory: str | Path | None = None) -> Path:
    """Write a fresh copy of the demo plan and return its path (the original stays pristine)."""
    folder = Path(directory) if directory else Path(tempfile.mkdtemp(prefix="planwright-demo-"))
    path = folder / "示例计划.toml"
    path.write_text(read_template(DEMO_TEMPLATE), encoding="utf-8")
    return path
