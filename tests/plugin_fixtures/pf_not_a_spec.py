"""A module whose ``style`` is not a StyleSpec and that has no hooks: a mistaken declaration."""

style = {"name": "dict", "title": "字典式"}
