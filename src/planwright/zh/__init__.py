"""The Chinese-language parts, pure functions: deadlines, responsible units, numbering, script."""
