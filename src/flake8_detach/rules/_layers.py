"""What builds a layer (a torch.nn module with state, or a module class of the file or the
project) or a parameter, as `ast` shows it: for the rules about where layers are kept."""

from __future__ import annotations

import ast

from ..engine.evaluator import MODULE_METHODS_RETURNING_SELF
from ..syntax.ast_syntax import dotted

# torch.nn classes with no parameters and no train/eval behaviour: unregistered, they lose nothing.
STATELESS = frozenset(
    """ReLU ReLU6 LeakyReLU ELU SELU CELU GELU SiLU Mish Sigmoid Tanh Softmax LogSoftmax Softplus
    Softsign Hardtanh Hardswish Hardsigmoid Tanhshrink Softshrink Hardshrink Threshold GLU LogSigmoid
    Identity Flatten Unflatten Upsample UpsamplingNearest2d UpsamplingBilinear2d PixelShuffle
    PixelUnshuffle ChannelShuffle MaxPool1d MaxPool2d MaxPool3d AvgPool1d AvgPool2d AvgPool3d
    AdaptiveMaxPool1d AdaptiveMaxPool2d AdaptiveMaxPool3d AdaptiveAvgPool1d AdaptiveAvgPool2d
    AdaptiveAvgPool3d LPPool1d LPPool2d FractionalMaxPool2d ZeroPad2d ConstantPad1d ConstantPad2d
    ConstantPad3d ReflectionPad1d ReflectionPad2d ReplicationPad1d ReplicationPad2d ReplicationPad3d
    CosineSimilarity PairwiseDistance""".split()
)


def built_kind(expr, index) -> str:
    """"layers" or "parameters" where `expr` builds a layer or a parameter, else ""."""
    while (  # `nn.Linear(2, 2).to(device)` is the layer itself
        isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and isinstance(expr.func.value, ast.Call)
        and expr.func.attr in MODULE_METHODS_RETURNING_SELF
    ):
        expr = expr.func.value
    if not isinstance(expr, ast.Call):
        return ""
    name = dotted(expr.func) or ""
    qualname = index.imports.qualname_of_dotted(name) or ""
    if qualname == "torch.nn.Parameter" or qualname == "torch.nn.parameter.Parameter":
        return "parameters"
    if qualname.startswith("torch.nn.") and qualname.count(".") == 2:
        last = qualname.rpartition(".")[2]
        stateful = last[:1].isupper() and last not in STATELESS and not last.endswith("Loss")
        return "layers" if stateful else ""
    if name in index.module_classes:  # a class of the file: with state, where its __init__ can set some
        facts = index.classes.get(name)
        stateful = facts is None or "__init__" in facts.methods or any(base != "torch.nn.Module" for base in facts.bases)
        return "layers" if stateful and not name.endswith("Loss") else ""
    return "layers" if index.imported_kind(name) == "module" else ""
