"""大连式：市级政务公开工作要点，各段以（A牵头落实，B配合落实）收尾，保障措施不列单位。

A built-in style, registered through the ``planwright`` entry-point group exactly as a
third-party style would be. ``style.toml`` says what it is (names, template, notice layout;
its offices are ``registry.toml``), ``importing.py`` and ``rules.py`` what it does; ``style``
below joins them into one ``StyleSpec``.
"""

from planwright.api import style_file

from .importing import DEADLINE_PHRASES, PATTERNS, sniff
from .rules import RULES, SAFEGUARD_WORDS

style = style_file(__name__, sniff=sniff, patterns=PATTERNS, deadline_phrases=DEADLINE_PHRASES,
                   rules=RULES, unattributed_points=SAFEGUARD_WORDS)
