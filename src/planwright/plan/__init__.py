"""The plan file and the edits on it: model, TOML store, editing, roll-over, new plans."""
