"""Shared test fixtures. The corpus lives in ../shared beside the checkout and is read at run time."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
TRUTH = SHARED / "truth"
CORPUS = sorted(p.stem for p in SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def host():
    """The plugin host as a user gets it (built-in styles through entry points)."""
    from planwright.host import Host

    return Host()


def corpus_available() -> bool:
    return SEEDS.is_dir() and TRUTH.is_dir()
