"""The removed-API tables (torchapi.REMOVED_FUNCTIONS, REMOVED_METHODS, CHANGED_KEYWORDS,
REMOVED_IMPORTS): each
row's example raises what the row records under torch 2.13, the rule reading the table flags it
with a message naming the release of the change, and where the row gives a fix, the fixed
example runs."""

import builtins
import warnings

import pytest
import torch  # noqa: F401  (fails loudly when torch is missing)

from flake8_detach import check_source
from flake8_detach.findings import SAFE, UNSAFE
from flake8_detach.pipeline.fixing import fix_source
from flake8_detach.torchapi import CHANGED_KEYWORDS, REMOVED_FUNCTIONS, REMOVED_IMPORTS, REMOVED_METHODS


def run(code: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a fix that runs with a deprecation warning is no fix
        exec(compile(code, "<removed>", "exec"), {})


def assert_raises_as_recorded(code: str, row) -> None:
    with pytest.raises(getattr(builtins, row.error)) as raised:
        run(code)
    assert row.message in str(raised.value)


@pytest.mark.parametrize("row", REMOVED_FUNCTIONS, ids=[row.name for row in REMOVED_FUNCTIONS])
def test_each_removed_function_raises_as_recorded_and_is_flagged(row):
    code = f"import torch\nresult = {row.example}\n"
    assert_raises_as_recorded(code, row)
    (finding,) = check_source(code)
    assert (finding.code, finding.line) == ("DET505", 2)
    assert f"torch.{row.name}() was removed in PyTorch {row.since}: calling it raises {row.error}" in finding.message


@pytest.mark.parametrize("row", REMOVED_METHODS, ids=[row.name for row in REMOVED_METHODS])
def test_each_removed_method_raises_as_recorded_and_is_flagged(row):
    code = f"import torch\nresult = {row.example}\n"
    assert_raises_as_recorded(code, row)
    (finding,) = check_source(code)
    assert (finding.code, finding.line) == ("DET505", 2)
    assert f"Tensor.{row.name}() was removed in PyTorch {row.since}: calling it raises {row.error}" in finding.message


@pytest.mark.parametrize("row", REMOVED_METHODS, ids=[row.name for row in REMOVED_METHODS])
def test_a_removed_method_name_on_a_value_not_known_to_be_a_tensor_is_quiet(row):
    code = f"import torch\n\ndef f(solver, a, b):\n    return solver.{row.name}(a, b)\n"
    assert check_source(code) == []


@pytest.mark.parametrize("row", CHANGED_KEYWORDS, ids=[f"{row.callees[0]}-{row.keyword}" for row in CHANGED_KEYWORDS])
def test_each_changed_keyword_raises_as_recorded_and_is_flagged(row):
    code = f"import torch\nresult = {row.example}\n"
    assert_raises_as_recorded(code, row)
    (finding,) = check_source(code)
    assert (finding.code, finding.line) == ("DET508", 2)
    change = f"needs {row.keyword}=" if row.required else f"has no {row.keyword}="
    assert f"() {change} since PyTorch {row.since}: this call raises {row.error}" in finding.message
    fixed = fix_source(code, unsafe=True).source
    if row.renamed or row.inert or row.old_default:
        assert fixed != code
        run(fixed)
        assert check_source(fixed) == []
    else:
        assert finding.fix is None and fixed == code


@pytest.mark.parametrize(
    "row", [row for row in CHANGED_KEYWORDS if row.inert], ids=[row.keyword for row in CHANGED_KEYWORDS if row.inert]
)
def test_dropping_a_keyword_is_safe_only_with_the_value_that_did_nothing(row):
    inert = check_source(f"import torch\nresult = {row.example.replace(f'{row.keyword}=True', f'{row.keyword}={row.inert}')}\n")
    working = check_source(f"import torch\nresult = {row.example}\n")
    assert [finding.fix.safety for finding in inert + working] == [SAFE, UNSAFE]


def test_renames_and_old_defaults_are_safe_fixes():
    for row in CHANGED_KEYWORDS:
        if row.renamed or row.old_default:
            (finding,) = check_source(f"import torch\nresult = {row.example}\n")
            assert finding.fix.safety == SAFE, row


@pytest.mark.parametrize("row", REMOVED_IMPORTS, ids=[row.name for row in REMOVED_IMPORTS])
def test_each_removed_import_raises_as_recorded_and_is_flagged(row):
    code = f"import torch\n{row.example}\n"
    assert_raises_as_recorded(code, row)
    (finding,) = check_source(code)
    assert (finding.code, finding.line) == ("DET509", 2)
    assert f"{row.name} was removed in PyTorch {row.since}: this import raises {row.error}" in finding.message


def test_keywords_owned_by_their_own_rules_are_not_in_the_table():
    """retain_variables= is DET503's and volatile= DET502's: a call is reported under one code."""
    assert {row.keyword for row in CHANGED_KEYWORDS}.isdisjoint({"retain_variables", "volatile"})
    code = "import torch\nw = torch.ones(1, requires_grad=True)\ntorch.autograd.backward([w.sum()], retain_variables=True)\n"
    assert [finding.code for finding in check_source(code)] == ["DET503"]


def test_weights_only_names_are_those_of_what_torch_load_may_give():
    """DET510 reads any other name on a loaded value as proof of a pickled object: the table
    must hold every public attribute and method of the types a weights-only load returns."""
    import collections

    from flake8_detach.torchapi import WEIGHTS_ONLY_NAMES

    loadable = [
        torch.ones(2, requires_grad=True), torch.nn.Parameter(torch.ones(2)), 1, 1.0, 1j, True, "s", b"b",
        {}, collections.OrderedDict(), [], (), set(), frozenset(), torch.Size([1]), torch.float32,
        torch.device("cpu"), None,
    ]
    names = {name for value in loadable for name in dir(value) if not name.startswith("_")}
    assert names <= WEIGHTS_ONLY_NAMES
    python2 = {"has_key", "iteritems", "iterkeys", "itervalues", "viewitems", "viewkeys", "viewvalues"}
    assert WEIGHTS_ONLY_NAMES - names <= {"names"} | python2  # named tensors', Python 2's dict methods


def test_optimizer_hyperparameters_are_the_defaults_of_torchs_optimizers():
    """DET432 reads an attribute write of one of these names on an optimizer as a no-op."""
    import inspect

    from flake8_detach.torchapi import OPTIMIZER_HYPERPARAMETERS

    keys = set()
    for name in dir(torch.optim):
        optimizer = getattr(torch.optim, name)
        if inspect.isclass(optimizer) and issubclass(optimizer, torch.optim.Optimizer) and optimizer is not torch.optim.Optimizer:
            shape = (2, 2) if name == "Muon" else (1,)  # Muon takes matrices only
            keys |= set(optimizer([torch.nn.Parameter(torch.ones(shape))]).defaults)
    assert keys == OPTIMIZER_HYPERPARAMETERS
    assert not keys & set(dir(torch.optim.SGD([torch.nn.Parameter(torch.ones(1))])))  # none is an attribute
