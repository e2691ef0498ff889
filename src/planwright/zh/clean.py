"""Control characters and terminal escape sequences out of user text, in one place.

A notice copied from a web page or a Word file, or a plan edited by hand, may
carry characters no reader sees: NUL, BEL, a lone carriage return, DEL, C1
controls, and ANSI/VT escape sequences (``ESC [ 2 J`` clears a terminal,
``ESC ] 0 ; … BEL`` sets a window title). None of them belongs in a plan, and
each breaks some file planwright writes (XML forbids most, TOML comments and
.ics lines break on CR) or does something to the terminal it is printed on.

    clean_text(s)      text kept in a plan (an import, a paste into the editor): tab and newline
                       stay, CR/CRLF become newlines
    clean_line(s)      a one-line value: every control character goes, newlines become spaces
    terminal_safe(s)   text about to be printed or shown: escape sequences and controls out
    json_dumps(v)      JSON whose strings carry none of them raw (escaped as \\uXXXX)

The three share one pattern, so what import strips is what the writers and the
terminal strip; each is linear in the length of the text.
"""

from __future__ import annotations

from planwright.zh.lazyre import lazy_compile

# ESC [ params intermediates final (CSI); ESC ] … BEL or ESC \ (OSC); ESC P/X/^/_ … ESC \
# (DCS, SOS, PM, APC); ESC and one more character (the two-character escapes).
# An OSC or DCS without its terminator loses only its ESC (the rest is kept as text, not
# swallowed to the end). The 8-bit forms (U+009B CSI, U+009D OSC …) are C1 controls and go below.
_ESCAPES = lazy_compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"
    r"|\x1b[PX^_][^\x1b]*\x1b\\"
    r"|\x1b[ -/]*[0-~]?"
)
# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional embeddings,
# overrides and isolates (U+202A–U+202E, U+2066–U+2069: a U+202E shows the rest of a line
# reversed, so what a reader sees is not what is written; no Chinese plan needs them);
# the line separators that str.splitlines() honours (U+2028/2029) become plain newlines first.
_CONTROLS = lazy_compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NEWLINES = lazy_compile(r"\r\n?|[\u2028\u2029\x85]")


def clean_text(text: str) -> str:
    """*text* without escape sequences or control characters; tab and newline kept,
    CR, CRLF and the Unicode line separators turned into newlines."""
    if text.isprintable():  # the common case costs one scan
        return text
    text = _NEWLINES.sub("\n", _ESCAPES.sub("", text))
    return _CONTROLS.sub("", text)


def clean_line(text: str) -> str:
    """A one-line value (a title, a unit name, a comment): as ``clean_text``, and every
    newline or tab becomes a space."""
    text = clean_text(text)
    if "\n" in text or "\t" in text:
        text = text.replace("\n", " ").replace("\t", " ")
    return text


def terminal_safe(text: str) -> str:
    """Text about to be printed on a terminal or shown in the editor: no escape sequence
    or control character reaches the screen (newlines and tabs stay)."""
    return clean_text(text)


# What json.dumps(ensure_ascii=False) leaves raw though no reader should get it raw: DEL,
# the C1 controls (U+009B is an 8-bit CSI), the line separators (they end a line in
# JavaScript and in str.splitlines) and the bidirectional controls. JSON's own escapes
# keep the value; none of these can stand outside a string, so the whole text is escaped.
_JSON_RAW = lazy_compile(r"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_dumps(value, indent: int | None = None) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=indent)`` with DEL, the C1 controls, the
    line separators and the bidirectional controls written as ``\\uXXXX`` escapes (C0
    controls are escaped by json itself): Chinese stays readable, nothing acts on a terminal."""
    import json

    return escape_json_text(json.dumps(value, ensure_ascii=False, indent=indent))


def escape_json_text(text: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with what ``json_dumps``
    escapes escaped: for writers that assemble their JSON from several dumps."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def has_controls(text: str) -> bool:
    """True when ``clean_text`` would change *text*."""
    return clean_text(text) != text


# A TOML file can put a control character into a string only as the raw character or as
# an escape (\b \f \r \e \x.. \u.. \U..); newline and tab are kept anyway. Backslash
# followed by anything but \\ \" n t is taken as a possible escape (a false alarm only
# costs the full clean).
# (Two searches, not one pattern with |: each is a plain scan, together half the time of the
# alternation, which a 5 MB plan's start waits for.)
_TOML_RAW_CONTROLS = lazy_compile(r'[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]')
_TOML_ESCAPES = lazy_compile(r'\\[^\\"nt]')


def toml_may_hold_controls(text: str) -> bool:
    """False when no string read from the TOML *text* can hold anything ``clean_text`` removes:
    two scans of the file instead of a walk over every string of the plan read from it."""
    return _TOML_RAW_CONTROLS.search(text) is not None or _TOML_ESCAPES.search(text) is not None


def clean_deep(value):
    """A copy of *value* (strings, lists, tuples, dicts, dataclasses such as a Plan) with every
    string ``clean_text``-ed; the original is left as it was (a plan keeps what it was given)."""
    import copy
    import dataclasses

    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [clean_deep(v) for v in value]
    if isinstance(value, tuple):
        return tuple(clean_deep(v) for v in value)
    if isinstance(value, dict):
        return {clean_deep(k): clean_deep(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = copy.copy(value)
        for f in dataclasses.fields(value):
            object.__setattr__(out, f.name, clean_deep(getattr(value, f.name)))
        return out
    return value


def clean_in_place(value) -> bool:
    """Clean every string held by *value* (a Plan and its nodes, lists of them) where it is;
    True when anything changed. For the editor, which shows the plan it holds: what it shows
    and what it saves are then the same."""
    import dataclasses

    changed = False
    if isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, str):
                cleaned = clean_text(item)
                if cleaned != item:
                    value[i], changed = cleaned, True
            else:
                changed |= clean_in_place(item)
        return changed
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if isinstance(item, str):
                cleaned = clean_text(item)
                if cleaned != item:
                    object.__setattr__(value, f.name, cleaned)
                    changed = True
            else:
                changed |= clean_in_place(item)
    return changed
