"""township style (stub: completed by the styles work)."""

from .importing import *  # noqa: F401,F403  (import-side hooks)
