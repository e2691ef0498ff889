"""The ``planwright`` command line: commands, their errors and terminal output, the demo."""
