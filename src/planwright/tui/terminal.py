"""Nothing in the editor's widgets reaches the terminal as a control: one guard for all of them.

Textual (and rich, whose Text the editor also shows) drops only BEL, BS, VT, FF and CR
from what a widget displays; an ESC, a C1 control (U+009B is an 8-bit CSI) or a
bidirectional override in a file name, a message quoting a file, another plan being
compared or a ledger return would be written to the terminal as it is — ESC [2J clears
it, ESC ] 0 ; … sets its title, U+202E reverses what follows. The plan the editor opens
is cleaned (``zh.clean``); ``harden`` covers everything else shown, whatever its path,
by adding the rest of those characters to the tables both libraries strip with. An
escape sequence then shows as the harmless text after its ESC (``[2J``).
"""

from __future__ import annotations

# C0 controls but tab and newline, DEL, C1 controls, bidirectional embeddings, overrides
# and isolates: the characters zh.clean takes out of text (there, whole sequences go)
_DROPPED = (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F),
            *range(0x2066, 0x206A))


def harden() -> None:
    """Make Textual's and rich's control-code stripping drop every character in ``_DROPPED``
    (their tables are module dicts, used as default arguments: extended in place)."""
    import rich.control
    import textual.content

    for table in (textual.content._CONTROL_STRIP_TRANSLATE, rich.control._CONTROL_STRIP_TRANSLATE):
        table.update(dict.fromkeys(_DROPPED))
