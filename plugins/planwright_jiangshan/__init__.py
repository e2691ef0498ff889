"""江山式：县级市政务公开多年行动计划（三年行动计划），按领域列责任单位，附分年度进度安排。

A built-in style, registered through the ``planwright`` entry-point group exactly as a
third-party style would be. ``style.toml`` says what it is (names, template, notice layout;
its offices are ``registry.toml``), ``importing.py`` and ``rules.py`` what it does; ``style``
below joins them into one ``StyleSpec``.
"""

from planwright.api import style_file

from .importing import DEADLINE_PHRASES, sniff
from .rules import RULES

style = style_file(__name__, sniff=sniff, deadline_phrases=DEADLINE_PHRASES, rules=RULES)
