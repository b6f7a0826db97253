"""What a file knows of the project's own modules it imports (analysis/project.py and
FileIndex.origin): their classes, and what their functions return, read from the files
beside it. Each case has its twin where the evidence is absent and the file stays quiet."""

import textwrap

import pytest

from flake8_detach import RULES, check_source

LOSSES = """\
import torch.nn.functional as F


def compute_loss(model, x, y):
    out = model(x)
    return F.cross_entropy(out, y)


def per_sample_loss(model, x, y):
    return F.cross_entropy(model(x), y, reduction="none")


def walked_loss(model, x, y):
    scores = model(x)
    loss = F.mse_loss(scores, y)
    return loss
"""

DATA = """\
class Corpus(object):
    def __init__(self, path):
        self.path = path
"""


def codes(tmp_path, main: str, **modules) -> list:
    for name, text in modules.items():
        (tmp_path / f"{name}.py").write_text(text)
    path = tmp_path / "train.py"
    source = textwrap.dedent(main)
    path.write_text(source)
    return [(v.line, v.code) for v in check_source(source, RULES, path=str(path))]


@pytest.mark.parametrize("call", ["compute_loss(model, x, y)", "L.compute_loss(model, x, y)", "walked_loss(model, x, y)"])
def test_a_loss_another_file_returns_is_one_element(tmp_path, call):
    main = f"""\
    from losses import compute_loss, walked_loss
    import losses as L


    def validate(model, batches):
        for x, y in batches:
            loss = {call}
            print(loss.data[0])
    """
    assert codes(tmp_path, main, losses=LOSSES) == [(8, "DET504")]


@pytest.mark.parametrize(
    "call, modules",
    [("per_sample_loss(model, x, y)", {"losses": LOSSES}), ("compute_loss(model, x, y)", {})],
    ids=["unreduced", "module-not-found"],
)
def test_an_unreduced_loss_or_an_unknown_module_stays_quiet(tmp_path, call, modules):
    main = f"""\
    from losses import per_sample_loss, compute_loss


    def validate(model, batches):
        for x, y in batches:
            print({call}.data[0])
    """
    assert codes(tmp_path, main, **modules) == []


@pytest.mark.parametrize("imported", ["import data\ncorpus = data.Corpus('x')", "from data import Corpus\ncorpus = Corpus('x')"])
def test_an_instance_of_another_files_class_is_pickled(tmp_path, imported):
    main = f"""\
    import os

    import torch
    {textwrap.indent(imported, '    ').lstrip()}
    torch.save(corpus, 'corpus.pt')
    corpus = torch.load('corpus.pt')
    """
    assert codes(tmp_path, main, data=DATA) == [(7, "DET510")]


def test_a_module_attribute_not_of_the_project_stays_quiet(tmp_path):
    main = """\
    import torch
    import data
    corpus = data.Corpus('x')
    torch.save(corpus, 'corpus.pt')
    corpus = torch.load('corpus.pt')
    """
    assert codes(tmp_path, main) == []  # no data.py beside it: data may hold tensors only


CRITICS = """\
import torch
import torch.nn as nn


class Critic(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 1)

    def forward(self, x):
        x = self.fc(x)
        x = torch.mean(x)
        return x


class PerSampleCritic(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 1)

    def forward(self, x):
        return self.fc(x).mean(1)
"""


@pytest.mark.parametrize("critic, found", [("Critic", [(9, "DET504")]), ("PerSampleCritic", [])])
def test_a_module_whose_forward_reduces_gives_one_element(tmp_path, critic, found):
    # The call's piece holds no loss word and no reduction: the planner knows `netD` from the
    # import, or the call would be skipped and only whole-file analysis would report it.
    main = f"""\
    import torch
    from critics import {critic}

    netD = {critic}()
    if torch.cuda.is_available():
        netD = netD.cuda()

    def log_critic(real):
        print(netD(real)[0])
    """
    assert codes(tmp_path, main, critics=CRITICS) == found


ALIAS_WRITE = """\
def snapshot(x):
    d = x.detach()
    d.add_(1)
    return x
"""


def test_a_file_that_never_meets_torch_is_not_pytorch_code(tmp_path):
    """The linter's scope: a file where the word `torch` occurs, or that imports a module of
    the project where it does. Elsewhere `backward()` and `detach()` belong to something else
    (turtle's `backward(100)`), and the flake8 plugin never loads libcst there."""
    assert only_codes(tmp_path, ALIAS_WRITE) == []
    assert only_codes(tmp_path, "import torch\n\n\n" + ALIAS_WRITE) == ["DET101"]
    assert only_codes(tmp_path, "import helpers\n\n\n" + ALIAS_WRITE, helpers="x = 1\n") == []
    assert only_codes(tmp_path, "import helpers\n\n\n" + ALIAS_WRITE, helpers="import torch\n") == ["DET101"]
    assert only_codes(tmp_path, "from . import helpers\n\n\n" + ALIAS_WRITE, helpers="import torch\n") == ["DET101"]
    assert only_codes(tmp_path, "from losses import compute_loss\n\n\n" + ALIAS_WRITE, losses=LOSSES) == ["DET101"]


def only_codes(tmp_path, main: str, **modules) -> list:
    return [code for _, code in codes(tmp_path, main, **modules)]


ARCHITECTURE = """\
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)

    def forward(self, x):
        return self.fc(x)


model = Net()
"""

TEST_LOOP = """\
from torch.autograd import Variable
from Architecture.model import model


def test(loader):
    for data in loader:
        output = model(Variable(data, volatile=True))
        print(output.sum().item())
"""


def volatile_findings(path) -> list:
    return [v.line for v in check_source(TEST_LOOP, RULES, path=str(path)) if v.code == "DET502"]


def test_a_model_another_module_builds_is_a_module(tmp_path):
    (tmp_path / "Architecture").mkdir()
    (tmp_path / "Architecture" / "model.py").write_text(ARCHITECTURE)
    (tmp_path / "Pipeline").mkdir()
    path = tmp_path / "Pipeline" / "run.py"  # a script's subdirectory: the import starts from above it
    path.write_text(TEST_LOOP)
    assert volatile_findings(path) == [7]


def test_a_package_imports_from_beside_its_top_package(tmp_path):
    (tmp_path / "Architecture").mkdir()
    (tmp_path / "Architecture" / "model.py").write_text(ARCHITECTURE)
    (tmp_path / "Pipeline" / "steps").mkdir(parents=True)
    for package in ("Pipeline", "Pipeline/steps"):
        (tmp_path / package / "__init__.py").write_text("")
    path = tmp_path / "Pipeline" / "steps" / "run.py"
    path.write_text(TEST_LOOP)
    assert volatile_findings(path) == []  # an installed package's site holds no scripts
    (tmp_path / "main.py").write_text("from Pipeline.steps.run import test\n")
    assert volatile_findings(path) == [7]  # the project runs from where main.py is: Architecture is there


def test_a_script_looks_only_so_far_up(tmp_path):
    (tmp_path / "Architecture").mkdir()
    (tmp_path / "Architecture" / "model.py").write_text(ARCHITECTURE)
    deep = tmp_path / "a" / "b" / "c" / "d"
    deep.mkdir(parents=True)
    path = deep / "run.py"  # four directories down: not where a script of the project runs from
    path.write_text(TEST_LOOP)
    assert volatile_findings(path) == []


def test_a_model_another_module_binds_twice_stays_unknown(tmp_path):
    (tmp_path / "Architecture").mkdir()
    (tmp_path / "Architecture" / "model.py").write_text(ARCHITECTURE + "model = lambda x: x\n")
    (tmp_path / "Pipeline").mkdir()
    path = tmp_path / "Pipeline" / "run.py"
    path.write_text(TEST_LOOP)
    assert volatile_findings(path) == []


DROPPING_MODEL = """\
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)

    def forward(self, x):
        return self.fc(F.dropout2d(x, p=0.5))
"""


@pytest.mark.parametrize("script, found", [
    ("from model.nets import Net\nnet = Net()\nnet.eval()\n", [11]),
    ("from model.nets import Net\nnet = Net()\n", []),  # never evaluated: dropout on throughout
    ("from model.other import Net\nnet = Net()\nnet.eval()\n", []),  # evaluates another module's classes
])
def test_a_model_a_script_above_evaluates_is_evaluated(tmp_path, script, found):
    (tmp_path / "model").mkdir()
    path = tmp_path / "model" / "nets.py"
    path.write_text(DROPPING_MODEL)
    (tmp_path / "train.py").write_text(script)
    assert [v.line for v in check_source(DROPPING_MODEL, RULES, path=str(path)) if v.code == "DET418"] == found


HELPERS = """\
import torch
from torch.autograd import Variable


def make_variable(tensor, volatile=False):
    return Variable(tensor, volatile=volatile)


def as_variable(tensor, flag=False):
    return Variable(tensor, volatile=flag)
"""


@pytest.mark.parametrize("call, found", [
    ("make_variable(images, volatile=True)", [8]),
    ("make_variable(images, volatile=False)", []),
    ("as_variable(images, volatile=True)", []),  # its `volatile` is not what it hands on
    ("make_variable(images)", []),
])
def test_a_helper_hands_on_the_volatile_flag(tmp_path, call, found):
    main = f"""\
    from utils import make_variable, as_variable


    def evaluate(encoder, classifier, loader):
        encoder.eval()
        classifier.eval()
        for images, labels in loader:
            images = {call}
            preds = classifier(encoder(images))
            print(preds.argmax(1))
    """
    assert [line for line, code in codes(tmp_path, main, utils=HELPERS) if code == "DET502"] == found



def test_a_function_a_star_import_brings_is_summarised(tmp_path):
    main = """\
    from losses import *


    def validate(model, batches):
        for x, y in batches:
            loss = compute_loss(model, x, y)
            print(loss.data[0])
    """
    assert codes(tmp_path, main, losses=LOSSES) == [(7, "DET504")]
    assert codes(tmp_path, main.replace("import *", "import walked_loss"), losses=LOSSES) == []


@pytest.mark.parametrize(
    "imported, call, found",
    [
        ("from pkg import losses", "losses.compute_loss(model, x, y)", [(7, "DET504")]),
        ("from pkg import losses as L", "L.compute_loss(model, x, y)", [(7, "DET504")]),
        ("from pkg import losses", "losses.per_sample_loss(model, x, y)", []),
    ],
)
def test_a_module_a_package_of_the_project_holds_is_read(tmp_path, imported, call, found):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "losses.py").write_text(LOSSES)
    main = f"""\
    {imported}


    def validate(model, batches):
        for x, y in batches:
            loss = {call}
            print(loss.data[0])
    """
    assert codes(tmp_path, main) == found


EVALUATED_IN_TRAINING_MODE = """\
import torch
import torch.nn as nn
from nets.models import Classifier

model = Classifier()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for x, y in [(torch.randn(4, 3), torch.tensor([0, 1, 0, 1]))]:
    optimizer.zero_grad()
    nn.functional.cross_entropy(model(x), y).backward()
    optimizer.step()
    with torch.no_grad():
        accuracy = (model(x).argmax(1) == y).float().mean()
"""


@pytest.mark.parametrize("blocks, found", [
    ("self.norm = nn.BatchNorm1d(3)", [12]),  # the loop's forward under no_grad
    ("self.norm = nn.Identity()", []),  # nothing the mode changes
])
def test_a_models_batch_norm_in_a_third_module_is_followed(tmp_path, blocks, found):
    package = tmp_path / "nets"
    package.mkdir()
    (package / "__init__.py").write_text("")
    # the package imports its own modules by the package's name: resolved beside the package
    (package / "models.py").write_text(
        "import torch.nn as nn\nfrom nets.layers import Encoder\n\n\nclass Classifier(nn.Module):\n"
        "    def __init__(self):\n        super().__init__()\n        self.encoder = Encoder()\n"
        "        self.head = nn.Linear(3, 2)\n\n    def forward(self, x):\n        return self.head(self.encoder(x))\n")
    (package / "layers.py").write_text(
        "import torch.nn as nn\n\n\nclass Encoder(nn.Module):\n    def __init__(self):\n"
        f"        super().__init__()\n        {blocks}\n\n    def forward(self, x):\n        return self.norm(x)\n")
    scripts = tmp_path / "scripts"
    scripts.mkdir()
    path = scripts / "train.py"  # a script in a subdirectory, the package beside it one level up
    path.write_text(EVALUATED_IN_TRAINING_MODE)
    found_here = [v.line for v in check_source(EVALUATED_IN_TRAINING_MODE, RULES, path=str(path)) if v.code == "DET422"]
    assert found_here == found


def test_a_torch_name_a_star_import_brings_opens_the_gates_for_one_rule_alone(tmp_path):
    """The file never spells a word DET419 needs (`lr_scheduler`): its scheduler class comes
    through `from helpers import *`. Selected alone, the rule must still run."""
    (tmp_path / "helpers.py").write_text("from torch.optim.lr_scheduler import StepLR\n")
    source = (
        "import torch\nfrom helpers import *\n\nnet = torch.nn.Linear(2, 2)\n"
        "opt = torch.optim.SGD(net.parameters(), lr=0.1)\nsched = StepLR(opt, step_size=1)\n"
        "for epoch in range(2):\n    sched.step()\n    net(torch.ones(2)).sum().backward()\n    opt.step()\n"
    )
    path = tmp_path / "train.py"
    path.write_text(source)
    alone = [rule for rule in RULES if rule.code == "DET419"]
    assert [(v.line, v.code) for v in check_source(source, alone, path=str(path))] == [(8, "DET419")]
