"""宁国式：县级市政务公开工作要点，正文不列单位，另附重点工作任务分工表。

The plan's ``points`` are the attached table (工作任务 / 具体要求 / 责任单位 /
时限要求, one item per row); ``body`` is the main text's outline.

A built-in style, registered through the ``planwright`` entry-point group exactly as a
third-party style would be. ``style.toml`` says what it is (names, template, notice layout;
its offices are ``registry.toml``), ``importing.py`` and ``rules.py`` what it does; ``style``
below joins them into one ``StyleSpec``.
"""

from planwright.api import style_file

from .importing import DEADLINE_PHRASES, sniff
from .rules import RULES

style = style_file(__name__, sniff=sniff, deadline_phrases=DEADLINE_PHRASES, rules=RULES)
