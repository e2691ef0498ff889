"""The read-only views' modules, imported in a thread once the editor is on screen.

F10 (the 分工 table), F11 (the unit lists) and the agenda import on first use
what the editor itself never needs: the exporting package that builds their
rows and Textual's DataTable — about 45 ms of CPU added to the first open of a
view. Imported in the background after the first screen, while the clerk reads
it, the first F10 finds them loaded. Python's import lock makes this safe: a
view opened meanwhile waits for the module being imported instead of importing
it a second time; a failure here is left for the view to meet, and report, when
it is opened.
"""

from __future__ import annotations

import importlib
import threading

VIEWS = ("planwright.tui.screens.table", "planwright.tui.screens.units", "planwright.tui.screens.agenda")


def warm_views() -> threading.Thread:
    """Start importing the views' modules; the thread is a daemon (an exit does not wait)."""
    thread = threading.Thread(target=_import, args=(VIEWS,), name="planwright-views-import", daemon=True)
    thread.start()
    return thread


def _import(names: tuple[str, ...]) -> None:
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 — opening the view imports it again and shows what failed
            return
