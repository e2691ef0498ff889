"""A plugin whose import fails, as a half-installed third-party package would."""

raise ImportError("needs the package 'left_pad_cn', which is not installed")
