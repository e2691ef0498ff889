"""planwright: draft, check, compare and export yearly 政务公开工作要点 plans."""

__version__ = "0.1.0"
