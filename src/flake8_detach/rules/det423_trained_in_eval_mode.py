"""DET423: a model switched to eval mode in a training loop that never switches it back."""

from __future__ import annotations

import ast
from typing import Optional

from ..syntax.ast_syntax import LOOPS, binding_targets, dotted, scope_nodes, statements
from ._base import LOOP, Breaks, Example, FileRule
from ._module_modes import ModeReader, covers, moded_models, trained_models

MODE_SWITCH = r"\.\s*eval\s*\(|\.\s*train\s*\("


class TrainedInEvalMode(FileRule):
    code = "DET423"
    name = "trained-in-eval-mode"
    message = "{model}{switch}: the loop then trains it in eval mode"
    needs = (MODE_SWITCH, r"\.\s*backward\s*\(", LOOP)
    what = (
        "Flags the call that switches a model to eval mode (`model.eval()`, `model.train(False)`, or a "
        "call of the file's own function or method that does, followed three calls deep with its "
        "arguments) inside a loop that also trains: a `backward()` runs in its passes, the model's "
        "parameters are in a torch optimizer of the file, and it holds dropout or batch norm (a class "
        "of the file or the project that builds them, an `nn.Sequential` holding one, a torchvision "
        "model that does), when nothing in the loop switches it back to training mode: no "
        "`train()` or `.training =` on it or on a module holding it, and it is not handed to code "
        "the file cannot see into. A model given to the function holding the loop counts when every "
        "call of that function passes such a model."
    )
    why = (
        "`eval()` stays in force until `train()`. A `model.train()` before the epoch loop and a "
        "validation inside it that calls `model.eval()` leave every epoch after the first training "
        "in eval mode: dropout is off (no regularisation) and batch norm normalises with its frozen "
        "running statistics, which stop updating. Training runs without an error and converges to "
        "something else. Call `model.train()` at the start of every training pass."
    )
    references = ("https://pytorch.org/docs/stable/generated/torch.nn.Module.html#torch.nn.Module.train",)
    examples = (
        Example(
            bad="""\
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 1))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
x, y = torch.randn(16, 4), torch.randn(16, 1)


def validate():
    model.eval()
    with torch.no_grad():
        return nn.functional.mse_loss(model(x), y).item()


model.train()  # expect: DET423
for epoch in range(3):
    optimizer.zero_grad()
    nn.functional.mse_loss(model(x), y).backward()
    optimizer.step()
    print(validate())
""",
            good="""\
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 1))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
x, y = torch.randn(16, 4), torch.randn(16, 1)


def validate():
    model.eval()
    with torch.no_grad():
        return nn.functional.mse_loss(model(x), y).item()


for epoch in range(3):
    model.train()
    optimizer.zero_grad()
    nn.functional.mse_loss(model(x), y).backward()
    optimizer.step()
    print(validate())
""",
            # Batch norm counts the batches it normalises in training mode: one per epoch.
            proof=Breaks("model[1].num_batches_tracked.item() == 3"),
        ),
    )

    @staticmethod
    def check_file(index) -> list:
        moded = moded_models(index)
        trained = trained_models(index) if moded else set()
        if not trained:
            return []
        reader = ModeReader(index)
        updates = index.optimizer_modules
        found: dict = {}
        for loop, owner, function, switches in reader.training_loops():
            if switches.any_train:
                continue
            if any(name not in moded and not _trained(name, trained) for name in switches.trains):
                continue  # `m.train()` on a submodule met in a loop, a wrapper: it may be the model
            rebound = {dotted(t) for node in statements(loop.body) for t in binding_targets(node)}
            for model, (_, site) in switches.evals.items():
                if model in rebound or any(covers(name, model) for name in (*switches.trains, *switches.handed)):
                    continue
                if not switches.trains_after_eval(model):
                    continue
                origins = reader.origins(model, function, owner)
                stepped = _stepped_modules(loop, updates)
                if stepped is not None and not any(_trained(name, stepped) for name in origins):
                    continue  # the loop steps only other modules (a probe on frozen features)
                if origins and all(_trained(name, trained) and name in moded for name in origins):
                    before = _train_before(model, loop, function.body if function else index.tree.body)
                    if before is not None:
                        site, switch = before, ".train() runs once, before a training loop that switches it to eval mode"
                    else:  # named as where it is switched (a function's parameter)
                        model = dotted(site.func.value)
                        switch = " is switched to eval mode here, in a training loop that never switches it back"
                    found.setdefault(id(site), (site, {"model": model, "switch": switch}))
        return sorted(found.values(), key=lambda item: (item[0].lineno, item[0].col_offset))


def _trained(model: str, trained: set) -> bool:
    """Whether an optimizer updates the model's parameters, or those of a submodule of it."""
    return any(covers(model, name) for name in trained)


def _stepped_modules(loop: ast.AST, updates: dict) -> Optional[set]:
    """The modules the optimizers the loop's own code steps update; None where a step's
    optimizer is not known, or the loop steps none itself (a helper may)."""
    modules: set = set()
    for node in scope_nodes(loop.body, skip_definitions=True):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "step":
            known = updates.get(dotted(node.func.value))
            if not known:
                return None
            modules |= known
    return modules or None


def _train_before(model: str, loop: ast.AST, body: list) -> Optional[ast.Call]:
    """The last `model.train()` of the scope that runs before `loop`, outside every loop: the
    switch back that runs once where it had to run on every pass."""
    looped = [(node.lineno, node.end_lineno) for node in statements(body, skip_definitions=True)
              if isinstance(node, LOOPS)]
    found = None
    for node in statements(body, skip_definitions=True):
        if not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Call) and node.lineno < loop.lineno):
            continue
        call = node.value
        if (isinstance(call.func, ast.Attribute) and call.func.attr == "train" and not call.args and not call.keywords
                and dotted(call.func.value) == model
                and not any(first <= node.lineno <= last for first, last in looped)):
            if found is None or node.lineno > found.lineno:
                found = call
    return found
