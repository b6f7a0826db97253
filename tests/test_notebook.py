"""Jupyter notebooks: code cells linted together, IPython lines skipped, findings named by cell,
fixes written back with outputs, metadata and JSON layout intact."""

import json
from pathlib import Path

import nbformat
import pytest
from test_cli import run

from flake8_detach.pipeline.notebook import Notebook, NotebookError, python_code

ARTICLE = Path(__file__).parent.parent / "examples" / "article_patterns.py"


def snippet(name: str) -> str:
    """The article's function `name`, as a cell's code."""
    lines = ARTICLE.read_text().splitlines(keepends=True)
    start = next(n for n, line in enumerate(lines) if line.startswith(f"def {name}"))
    end = next(n for n in range(start + 1, len(lines)) if lines[n].strip() and not lines[n].startswith(" "))
    return "".join(lines[start:end]).rstrip("\n")


def article_notebook() -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python", "version": "3.11.0"},
    }
    stream = nbformat.v4.new_output("stream", name="stdout", text="tensor([1., 1., 1.])\n")
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# Autograd mistakes\nThe article's snippets."),
        nbformat.v4.new_code_cell("import torch\n%matplotlib inline\nimport torch.nn as nn"),  # cell_1
        nbformat.v4.new_code_cell(snippet("r01_detach_alias_inplace")),  # cell_2
        nbformat.v4.new_code_cell(
            "w = torch.ones(3, requires_grad=True)\n!nvidia-smi\nprint(w.sum().data[0])\ntorch.ones?",
            execution_count=3,
            outputs=[stream],
        ),  # cell_3
        nbformat.v4.new_markdown_cell("More."),
        nbformat.v4.new_code_cell("%%time\nx = torch.ones(3)\nx.detach()"),  # cell_4: cell magic (DET305 if linted)
        nbformat.v4.new_code_cell("x = torch.zeros(3)\nd = x.detach()"),  # cell_5
        nbformat.v4.new_code_cell("d[0] = 1.0  # the alias from cell_5\n" + snippet("r14_leaf_inplace")),  # cell_6
        nbformat.v4.new_code_cell("print(x, d)"),  # cell_7: x and d are still used
    ]
    return notebook


@pytest.fixture
def notebook_path(tmp_path) -> Path:
    path = tmp_path / "article.ipynb"
    nbformat.write(article_notebook(), path)
    return path


def test_findings_name_the_code_cell_and_the_line_in_it(notebook_path):
    status, out, err = run(["article.ipynb"], notebook_path.parent)
    assert (status, err) == (1, "1 fixable with --fix (2 fixable with --unsafe-fixes)\n")
    assert out.splitlines() == [
        "article.ipynb:cell_2:3:5: DET101 add_() on d also writes into x: detach() shares its storage",
        "article.ipynb:cell_3:3:7: DET504 [*] w.sum().data[0] indexes a 0-dim tensor: IndexError (use .item()) since PyTorch 0.4",
        "article.ipynb:cell_6:1:1: DET101 item assignment on d also writes into x: detach() shares its storage",
        "article.ipynb:cell_6:4:5: DET103 add_() on w, a leaf that requires grad, raises RuntimeError outside no_grad",
    ]


def test_fix_writes_back_a_valid_notebook_with_outputs_metadata_and_layout_kept(notebook_path):
    expected = nbformat.read(notebook_path, as_version=4)
    status, out, err = run(["--fix", "--unsafe-fixes", "article.ipynb"], notebook_path.parent)
    assert err == "fixed 3 findings in 1 file, 1 remaining\n"
    assert (status, out.split()[1]) == (1, "DET103")
    written = nbformat.read(notebook_path, as_version=4)
    nbformat.validate(written)
    expected.cells[2].source = expected.cells[2].source.replace("x.detach()", "x.detach().clone()")
    expected.cells[3].source = expected.cells[3].source.replace("w.sum().data[0]", "w.sum().item()")
    expected.cells[6].source = expected.cells[6].source.replace("x.detach()", "x.detach().clone()")
    # Byte for byte what nbformat itself writes: same indentation, key order, escaping, newline.
    assert notebook_path.read_text(encoding="utf-8") == nbformat.writes(expected) + "\n"
    assert written.cells[3].outputs[0].text == "tensor([1., 1., 1.])\n"
    assert run(["--fix", "--unsafe-fixes", "article.ipynb"], notebook_path.parent)[2].startswith("fixed 0 findings")


def test_diff_shows_changed_cells_without_writing(notebook_path):
    before = notebook_path.read_bytes()
    status, out, _ = run(["--diff", "article.ipynb"], notebook_path.parent)
    assert status == 1 and notebook_path.read_bytes() == before
    assert out == (
        "--- a/article.ipynb:cell_3\n+++ b/article.ipynb:cell_3\n@@ -1,4 +1,4 @@\n"
        " w = torch.ones(3, requires_grad=True)\n !nvidia-smi\n-print(w.sum().data[0])\n+print(w.sum().item())\n"
        " torch.ones?\n\\ No newline at end of file\n"
    )


def test_a_hand_written_layout_is_kept(tmp_path):
    data = {
        "nbformat_minor": 5,
        "nbformat": 4,
        "cells": [
            {"source": "import torch\nw = torch.ones(3, requires_grad=True)\ny = w.sum().data[0]\n", "cell_type": "code",
             "metadata": {"tags": ["é"]}, "outputs": [], "execution_count": None},
        ],
        "metadata": {},
    }
    path = tmp_path / "hand.ipynb"
    path.write_text(json.dumps(data, indent=2, ensure_ascii=True), encoding="utf-8")  # no final newline
    run(["--fix", "hand.ipynb"], tmp_path)
    data["cells"][0]["source"] = data["cells"][0]["source"].replace("w.sum().data[0]", "w.sum().item()")
    assert path.read_text(encoding="utf-8") == json.dumps(data, indent=2, ensure_ascii=True)


def test_noqa_in_a_cell_and_file_lines_for_sarif_and_github(notebook_path):
    notebook = nbformat.read(notebook_path, as_version=4)
    notebook.cells[2].source = notebook.cells[2].source.replace("d.add_(1)", "d.add_(1)  # noqa: DET101")
    nbformat.write(notebook, notebook_path)
    status, out, _ = run(["--format", "github", "article.ipynb"], notebook_path.parent)
    annotations = out.splitlines()
    assert len(annotations) == 3
    first = annotations[0]
    assert first.startswith("::error file=article.ipynb,line=") and "title=DET504 zero-dim-as-sequence::cell_3:3:7: " in first
    file_line = int(first.split("line=")[1].split(",")[0])
    assert '"print(w.sum().data[0])\\n"' in notebook_path.read_text().splitlines()[file_line - 1]
    sarif = json.loads(run(["--format", "sarif", "article.ipynb"], notebook_path.parent)[1])
    region = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": file_line}


def test_broken_and_non_python_notebooks_are_one_line_errors_and_the_run_goes_on(tmp_path):
    (tmp_path / "a.py").write_text("import torch\nx = torch.ones(3)\nd = x.detach()\nd.add_(1)\nprint(x, d)\n")
    (tmp_path / "broken.ipynb").write_text('{"cells": [')
    r_notebook = nbformat.v4.new_notebook(metadata={"kernelspec": {"display_name": "R", "language": "R", "name": "ir"}})
    nbformat.write(r_notebook, tmp_path / "r.ipynb")
    (tmp_path / "old.ipynb").write_text(json.dumps({"nbformat": 3, "cells": [], "worksheets": []}))
    status, out, err = run([], tmp_path)
    assert status == 2
    assert out.startswith("a.py:4:1: DET101")
    assert err.splitlines() == [
        "broken.ipynb: error: not valid JSON: Expecting value: line 1 column 12 (char 11)",
        "old.ipynb: error: notebook format 3 is not supported; only nbformat 4 is",
        "r.ipynb: error: not a Python notebook (kernel language: R)",
    ]


def test_a_cell_that_does_not_parse_is_det000_in_that_cell(tmp_path):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("import torch"), nbformat.v4.new_code_cell("x = (\nx.detach()")]
    nbformat.write(notebook, tmp_path / "bad.ipynb")
    status, out, _ = run(["bad.ipynb"], tmp_path)
    assert status == 2 and out.startswith("bad.ipynb:cell_2:") and " DET000 " in out


def test_ipython_lines_become_placeholders_only_where_the_cell_is_not_python():
    valid = "x = (a\n     % b)\n"  # a `%` line that is Python
    assert python_code(valid) == (valid, [])
    code = "%time f()\nfiles = !ls\nfor i in y:\n    !echo \\\n      more\n    obj.attr??\nz = 1"
    python, replaced = python_code(code)
    assert [line.split("  #")[0] for line in python.splitlines()] == [
        "pass",
        "files = ...",
        "for i in y:",
        "    pass",
        "    pass",
        "    pass",
        "z = 1",
    ]
    assert "".join(replaced) == "%time f()\nfiles = !ls\n    !echo \\\n      more\n    obj.attr??\n"


def test_automagic_lines_become_placeholders_and_python_using_those_names_stays():
    code = "ls dataset\nrm -rf log\ncd ..\npip install torch\nls = files()\ntime.sleep(1)\ncat(x)\nz = ("
    python, replaced = python_code(code)
    assert [line.split("  #")[0] for line in python.splitlines()] == [
        "pass", "pass", "pass", "pass", "ls = files()", "time.sleep(1)", "cat(x)", "z = ("
    ]
    assert "".join(replaced) == "ls dataset\nrm -rf log\ncd ..\npip install torch\n"


def test_rebinding_by_a_shell_assignment_forgets_the_alias(tmp_path):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("import torch\nx = torch.ones(3)\nd = x.detach()\nd = !ls\nd.add_(1)\nprint(x, d)")]
    nbformat.write(notebook, tmp_path / "n.ipynb")
    assert run(["n.ipynb"], tmp_path) == (0, "", "")


def test_notebook_rejects_json_that_is_not_a_notebook():
    with pytest.raises(NotebookError, match="no list of cells"):
        Notebook("[1, 2]")
    with pytest.raises(NotebookError, match="a cell's source is not text"):
        Notebook(json.dumps({"nbformat": 4, "cells": [{"cell_type": "code", "source": 3}]}))


def test_metadata_of_unexpected_shape_does_not_stop_the_check(tmp_path):
    data = {"nbformat": 4, "metadata": {"kernelspec": "python3", "language_info": None},
            "cells": [{"cell_type": "code", "source": "import torch\nx = torch.ones(3)\nd = x.detach()\nd.add_(1)\nprint(x, d)"}]}
    (tmp_path / "odd.ipynb").write_text(json.dumps(data))
    status, out, err = run(["odd.ipynb"], tmp_path)
    assert (status, err) == (1, "")
    assert out.startswith("odd.ipynb:cell_1:4:1: DET101")
