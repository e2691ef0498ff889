"""A plugin that ends the process when imported: the host must catch it and skip the plugin."""

import sys

sys.exit(3)
