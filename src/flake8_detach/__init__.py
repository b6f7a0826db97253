"""flake8-detach: find PyTorch autograd mistakes."""

__version__ = "0.1.0"

__all__ = ["__version__", "check_source", "RULES"]


def __getattr__(name: str):
    # Imported on first use, so that the flake8 plugin's import does not load libcst.
    if name == "check_source":
        from .pipeline.checking import check_source

        return check_source
    if name == "RULES":
        from .rules import RULES

        return RULES
    raise AttributeError(f"module 'flake8_detach' has no attribute {name!r}")
