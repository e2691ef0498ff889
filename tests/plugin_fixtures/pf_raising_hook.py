"""A plugin whose hooks raise: the host must skip it and keep the others."""

from planwright.api import hookimpl


@hookimpl
def planwright_styles():
    raise RuntimeError("style table missing")


@hookimpl
def planwright_validators():
    raise ValueError("rules table missing")
