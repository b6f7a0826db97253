"""The walk fires each event where the code does what it names (rules/_base.py, WalkRule)."""

from flake8_detach import check_source
from flake8_detach.rules._base import Example, WalkRule

SOURCE = '''\
import torch


@torch.no_grad()
def evaluate(model, x):
    y = model(x, scale=x.mean())
    return y


class Net(torch.nn.Module):
    def forward(self, x):
        return


with torch.no_grad:
    pass
'''


class Recorder(WalkRule):
    """Reports every event it hears, the message naming it."""

    code = "DET998"
    name = "recorder"
    message = "{event} {text}"
    needs = ("",)
    what = why = "test"
    examples = (Example(bad="", good="", proof=None),)

    def on_name(self, name) -> None:
        self.report(name, event="name", text=name.value)

    def on_return(self, statement) -> None:
        self.report(statement, event="return", text=self.ctx.text(statement))

    def on_decorator(self, decorator, definition) -> None:
        self.report(decorator, event="decorator", text=f"{self.ctx.text(decorator.decorator)} on {definition.name.value}")


def heard() -> list:
    return [(v.line, v.message) for v in check_source(SOURCE, rules=(Recorder,), whole_file=True)]


def test_names_decorators_and_returns_are_heard_where_the_code_has_them():
    assert heard() == [
        (4, "decorator torch.no_grad() on evaluate"),
        (4, "name torch"),  # `no_grad` and `mean` are attributes, `scale` a keyword: no names
        (6, "name model"),  # parameters and `y =` bind: no names
        (6, "name x"),
        (6, "name x"),
        (7, "return return y"),
        (7, "name y"),
        (10, "name torch"),
        (12, "return return"),
        (15, "name torch"),  # a bare name as a with-item
    ]
