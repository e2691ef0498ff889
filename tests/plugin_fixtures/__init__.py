"""Small plugin modules the tests load through fake entry points (never installed)."""

from __future__ import annotations

from importlib.metadata import EntryPoint

GROUP = "planwright"


def entry_point(name: str, module: str | None = None) -> EntryPoint:
    """A fake entry point of group ``planwright`` for ``plugin_fixtures.<module>`` (no distribution)."""
    return EntryPoint(name=name, value=f"plugin_fixtures.{module or name}", group=GROUP)


def host_with(*modules: str, **kwargs):
    """A plugin host holding the core rules and the named fixture plugins only."""
    from planwright.host import Host

    return Host(entry_points=[entry_point(m) for m in modules], **kwargs)
