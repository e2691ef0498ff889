"""The Textual editor. Only this package imports Textual; the core never does."""
