"""Import-side contributions of this style: sniffer, attribution patterns, deadline phrases.

Owned by the importer; ``__init__`` re-exports the hook functions listed in ``__all__``.
"""

__all__: list[str] = []
