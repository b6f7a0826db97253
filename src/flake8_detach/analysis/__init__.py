"""Whole-file and project facts read from Python's `ast`: the torch import table, what the file's
functions return, the project's own modules."""
