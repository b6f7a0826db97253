"""Helpers over libcst nodes (`cst_syntax`) and over Python's `ast` nodes (`ast_syntax`)."""
