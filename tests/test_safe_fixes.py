"""A safe fix is offered only where the evidence proves what it assumes (issue 13, item 3), and a
name `torch` bound to something else is not torch (item 12)."""

import pytest

from flake8_detach import RULES, check_source
from flake8_detach.findings import SAFE, UNSAFE


def findings(source: str) -> list:
    return [(v.line, v.code, v.fix.safety if v.fix else None) for v in check_source(source, RULES)]


def test_data_of_a_packed_sequence_gets_no_detach_fix():
    source = (
        "import torch\nfrom torch.nn.utils.rnn import pack_padded_sequence\n\n"
        "def run(rnn, x, lengths):\n    packed = pack_padded_sequence(x, lengths)\n"
        "    out, h = rnn(packed)\n    return out.data.cpu()\n"
    )
    assert findings(source) == [(7, "DET202", None)]  # PackedSequence has no detach(): no fix


def test_data_read_of_a_proven_tensor_keeps_its_safe_fix():
    assert findings("import torch\nw = torch.ones(3, requires_grad=True)\ny = w.data.cpu()\n") == [(3, "DET202", SAFE)]


@pytest.mark.parametrize(
    "source",
    [
        "import numpy as np\n\ndef f(layer):\n    layer.weight.data = layer.weight.data * 2\n    return layer.bias.data.copy()\n",
        "import torch\n\ndef f(self):\n    return self.weight.data()\n",  # MXNet's Parameter.data()
        "import numpy as torch\n\nw = torch.zeros(3)\nw.data[0] = 1.0\ny = w.data\n",
    ],
    ids=["numpy-file", "mxnet-data-method", "numpy-as-torch"],
)
def test_data_of_other_libraries_is_not_torch(source):
    assert findings(source) == []


def test_requires_grad_typo_fix_is_safe_only_on_a_proven_leaf():
    source = (
        "import torch\nw = torch.ones(3, requires_grad=True)\nw.require_grad = False\n"
        "h = w * 2\nh.require_grad = False\n"
        "net = torch.nn.Linear(2, 2)\nnet.require_grad = False\n"
    )
    assert findings(source) == [(3, "DET404", SAFE), (5, "DET404", UNSAFE), (7, "DET404", None)]


@pytest.mark.parametrize(
    "rebinding",
    [
        "import numpy as torch",
        "torch = None",
        "for torch in range(3):\n    pass",
        "try:\n    pass\nexcept ValueError as torch:\n    pass",
        "if (torch := None) is None:\n    pass",
        "def torch():\n    pass",
    ],
    ids=["import-as", "assignment", "for-target", "except-as", "walrus", "def"],
)
def test_a_torch_rebound_at_module_level_is_not_torch_after_it_nor_in_functions(rebinding):
    use = "z = torch.ones(1) + torch.ones(1)\nz.backward()\n"
    in_function = "def f():\n    z = torch.ones(1) + torch.ones(1)\n    z.backward()\n"
    source = f"import torch\n\n{rebinding}\n{in_function}{use}"
    assert findings(source) == []
    assert [code for _, code, _ in findings(source.replace(rebinding, "pass"))] == ["DET401", "DET401"]
    before = f"import torch\n\n{use}{rebinding}\n"  # what runs before the rebinding is torch's
    assert [code for _, code, _ in findings(before)] == ["DET401"]


def test_a_parameter_named_torch_is_not_torch():
    source = "import torch\n\ndef f(torch):\n    z = torch.ones(1) + torch.ones(1)\n    z.backward()\n"
    assert findings(source) == []
