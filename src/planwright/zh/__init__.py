"""The Chinese-language parts, pure functions: deadlines, responsible units, role words, brackets, numbering, script."""
