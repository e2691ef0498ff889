"""The rule engine and the core rules every plan gets."""
