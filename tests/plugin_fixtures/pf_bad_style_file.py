"""A style read from a TOML file with a key StyleSpec does not know."""

from planwright.api import style_file

style = style_file("plugin_fixtures", "pf_bad_style.toml")
