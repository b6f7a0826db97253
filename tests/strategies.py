"""Hypothesis strategies for programs made of PyTorch autograd fragments: detach() aliases,
.data reads and writes, clone(), copy_(), loops with losses, backward(), requires_grad and its
typos, Variable, no_grad blocks, functions, methods and `# noqa` comments, so that every rule
and every fix has something to bite on. The programs are valid Python by construction (a test
checks that); they need not run."""

from __future__ import annotations

from hypothesis import strategies as st

from flake8_detach.docs import strip_markers
from flake8_detach.rules import RULES

NAMES = ("x", "y", "d", "w", "h", "out", "loss", "p")

HEADERS = (
    "import torch",
    "import torch.nn as nn",
    "import torch.nn.functional as F",
    "from torch.autograd import Variable",
    "import torch as T",
    "from torch import nn",
)

# A value bound to a name: {a}, {b} are names from NAMES.
VALUES = (
    "torch.ones(3)",
    "torch.randn(3, requires_grad=True)",
    "torch.zeros(2, 3, requires_grad=True)",
    "torch.ones(3, requries_grad=True)",
    "torch.ones(3, require_grad=True)",
    "torch.tensor([1.0, 2.0], requires_grad=True)",
    "T.ones(3)",
    "nn.Parameter(torch.ones(3))",
    "Variable(torch.ones(3))",
    "Variable(torch.ones(3), volatile=True)",
    "{b}.detach()",
    "{b}.detach().clone()",
    "{b}.clone()",
    "{b}.clone().detach()",
    "{b}.data",
    "{b}.data.cpu()",
    "{b} * 2",
    "{b} + {c}",
    "{b}.view(-1)",
    "{b}[0]",
    "{b}.t()",
    "{b}.exp()",
    "{b}.sum()",
    "{b}.mean().item()",
    "model({b})",
    "model({b}).sum()",
    "criterion(model({b}), {c})",
    "{b}.cuda()",
    "{b}.to('cpu')",
    "torch.ones(3).requires_grad_()",
    "torch.sigmoid({b})",
    "{b}.sigmoid()",
    "torch.exp({b})",
    "({b} ** 2).sum()",
    "(3 * {b} * {c}).clone()",
    "F.mse_loss({b} * step, torch.zeros(3))",
    "torch.randn(3, requires_grad=True).double()",
    "torch.ones(3, requires_grad=True).cuda()",
    "{b}.grad",
    "torch.nn.RNN(2, 3)",
    "F.relu({b})",
    "[{b}, {c}]",
    "None",
    "0.0",
)

# A simple statement; may use the names {a}, {b}, {c}.
STATEMENTS = (
    "{a} = {value}",
    "{a}, {b} = {b}, {a}",
    "{a}.add_(1)",
    "{a}.mul_({b})",
    "{a}.zero_()",
    "{a}.mul_(2)",
    "{a}.copy_({b} * 2)",
    "{a}.require_grad = False",
    "out, {a} = rnn(torch.ones(1, 1, 2), {a})",
    "{a} = {b}.grad",
    "{a}[0] = 1.0",
    "{a}[:] = {b}",
    "{a} += 1",
    "{a} *= {b}",
    "{a}.data.add_(1)",
    "{a}.data.mul_(0.5)",
    "{a}.data = {b}",
    "{a}.data.copy_({b})",
    "{a}.copy_({b})",
    "torch.relu_({a})",
    "torch.add({b}, 1, out={a})",
    "F.relu({a}, inplace=True)",
    "{a}.sum().backward()",
    "{a}.backward()",
    "{a}.backward(retain_graph=True)",
    "{a}.backward(create_graph=True)",
    "torch.autograd.grad({a}.sum(), [{b}])",
    "print({a}.grad)",
    "{a}.grad.zero_()",
    "{a}.grad = None",
    "{a}.retain_grad()",
    "{a}.requires_grad = True",
    "{a}.requries_grad = True",
    "{a}.requires_grad_(False)",
    "model.requires_grad = False",
    "model = nn.Linear(3, 3)",
    "model = nn.Linear(3, 3).cuda()",
    "criterion = nn.MSELoss()",
    "opt = torch.optim.SGD(model.parameters(), lr=0.1)",
    "opt.step()",
    "opt.zero_grad()",
    "losses.append({a})",
    "losses.append({a}.item())",
    "total += {a}",
    "total = total + {a}.detach()",
    "{a} = rnn({b}, {a})",
    "{a} = {a}.detach()",
    "del {a}",
    "pass",
    "return {a}",
    "print({a})",
)

# Compound statements: (header, what may follow the body). The body follows, indented.
HEADS = (
    ("for step in range(3):", "else:"),
    ("for {a} in loader:", "else:"),
    ("for p in model.parameters():", None),
    ("for name, p in model.named_parameters():", None),
    ("while {a} is not None:", "else:"),
    ("with torch.no_grad():", None),
    ("with torch.enable_grad():", None),
    ("with torch.set_grad_enabled(False):", None),
    ("if {a} is None:", "else:"),
    ("try:", "except RuntimeError:"),
    ("try:", "finally:"),
    ("def train({a}, {b}):", None),
    ("def step(self, {a}):", None),
    ("async def run({a}):", None),
    ("class Net(nn.Module):", None),
    ("class Helper:", None),
    ("@torch.no_grad()\ndef evaluate({a}):", None),
    ("@staticmethod\ndef helper({a}):", None),
)
FUNCTION_HEADS = ("def ", "async def ", "@")

# Module-level set-up lines a program may start with.
PREAMBLE = (
    "w = torch.ones(3, requires_grad=True)",
    "x = torch.ones(3)",
    "model = nn.Linear(3, 3)",
    "rnn = torch.nn.RNN(2, 3)",
    "h = torch.zeros(1, 1, 3)",
    "losses = []",
    "total = 0.0",
)



def _scenario(code: str) -> tuple:
    """A rule example's statements without its imports, as lines indented in units of 4."""
    lines = strip_markers(code).splitlines()
    return tuple(line for line in lines if line.strip() and not line.startswith(("import ", "from ")))


# Every rule's bad and good examples, so that each rule fires and each fix runs, among
# whatever other statements surround them.
SCENARIOS = tuple(
    sorted({_scenario(code) for rule in RULES for example in rule.examples for code in (example.bad, example.good)})
)

TRAILERS = ("", "", "", "  # noqa", "  # noqa: DET101", "  # noqa: DET2", "  # NOQA:DET404", "  # a comment")


@st.composite
def simple_statement(draw) -> str:
    a, b, c = (draw(st.sampled_from(NAMES)) for _ in range(3))
    template = draw(st.sampled_from(STATEMENTS))
    value = draw(st.sampled_from(VALUES)).format(b=b, c=c)
    return template.format(a=a, b=b, c=c, value=value) + draw(st.sampled_from(TRAILERS))


def blocks(depth: int):
    """A list of statements: each a line, a scenario (a tuple of lines), or (header, body,
    tail) for a compound statement, where tail is None or (tail header, tail body)."""
    statement = st.one_of(simple_statement(), simple_statement(), st.sampled_from(SCENARIOS))
    if depth > 0:
        inner = st.deferred(lambda: blocks(depth - 1))
        statement = st.one_of(statement, statement, compound(inner))
    return st.lists(statement, min_size=1, max_size=6)


@st.composite
def compound(draw, inner) -> tuple:
    a = draw(st.sampled_from(NAMES))
    b = draw(st.sampled_from([name for name in NAMES if name != a]))
    header, follower = draw(st.sampled_from(HEADS))
    body = draw(inner)
    tail = None
    if follower is not None and (follower != "else:" or draw(st.booleans())):
        tail = (follower, draw(inner))
    return header.format(a=a, b=b), body, tail


def render(block: list, indent: str, unit: str, lines: list, in_function: bool) -> None:
    """The statements as lines; `return` only inside a function (elsewhere it becomes an
    expression statement)."""
    for item in block:
        if isinstance(item, tuple) and all(isinstance(line, str) for line in item):  # a scenario
            for line in item:
                depth = (len(line) - len(line.lstrip(" "))) // 4
                text = line.strip()
                if text.startswith("return ") and not in_function:
                    text = text[len("return ") :]
                lines.append(indent + unit * depth + text)
            continue
        if isinstance(item, str):
            if item.startswith("return ") and not in_function:
                item = item[len("return ") :]
            lines.append(indent + item)
            continue
        header, body, tail = item
        lines.extend(indent + part for part in header.split("\n"))
        if header.startswith(FUNCTION_HEADS):
            body_in_function = True
        elif header.startswith("class "):
            body_in_function = False
        else:
            body_in_function = in_function
        render(body, indent + unit, unit, lines, body_in_function)
        if tail is not None:
            lines.append(indent + tail[0])
            render(tail[1], indent + unit, unit, lines, in_function)


@st.composite
def torch_programs(draw) -> str:
    """A module: torch imports, then statements and compound statements nested up to 3 deep,
    indented with spaces or a tab, with LF or CRLF line ends."""
    headers = draw(st.lists(st.sampled_from(HEADERS), min_size=1, max_size=4, unique=True))
    if "import torch" not in headers:
        headers.insert(0, "import torch")
    body = draw(blocks(3))
    unit = draw(st.sampled_from(("    ", "    ", "  ", "\t")))
    lines = list(headers)
    lines += draw(st.lists(st.sampled_from(PREAMBLE), max_size=4, unique=True))
    render(body, "", unit, lines, in_function=False)
    newline = draw(st.sampled_from(("\n", "\n", "\n", "\r\n")))
    final = newline if draw(st.integers(0, 5)) else ""
    return newline.join(lines) + final
