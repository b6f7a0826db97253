"""flake8-detach: find PyTorch autograd mistakes."""

__version__ = "0.1.0"

from .pipeline import check_source  # noqa: E402
from .rules import RULES  # noqa: E402

__all__ = ["__version__", "check_source", "RULES"]
