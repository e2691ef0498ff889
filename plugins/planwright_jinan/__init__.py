"""济南式：区级政务公开工作要点，每项任务以（责任单位：…）收尾。

A built-in style, registered through the ``planwright`` entry-point group exactly as a
third-party style would be. ``style.toml`` says what it is (names, template, notice layout;
its offices are ``registry.toml``), ``importing.py`` and ``rules.py`` what it does; ``style``
below joins them into one ``StyleSpec``.
"""

from planwright.api import style_file

from .importing import DEADLINE_PHRASES, PATTERNS, sniff
from .rules import RULES

style = style_file(__name__, sniff=sniff, patterns=PATTERNS, deadline_phrases=DEADLINE_PHRASES, rules=RULES)
