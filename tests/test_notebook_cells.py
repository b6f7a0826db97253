"""Notebooks cell by cell: a code cell that does not parse is one DET000 naming the cell, and the
other cells are still checked (what was known before it is forgotten at it); a cell IPython
runs after taking its first line's indentation off is analysed that way, and reported and fixed
in its own columns."""

import json
import subprocess
import sys

import nbformat
import pytest

ALIAS = "x = torch.ones(3)\nd = x.detach()\nd.add_(1)\nprint(x, d)"  # DET101 at line 3


def notebook(tmp_path, *cells: str):
    book = nbformat.v4.new_notebook()
    book.metadata = {"kernelspec": {"language": "python", "name": "python3"}}
    book.cells = [nbformat.v4.new_code_cell(code) for code in cells]
    path = tmp_path / "book.ipynb"
    path.write_text(nbformat.writes(book))
    return path


def run(path, *args):
    result = subprocess.run([sys.executable, "-m", "flake8_detach", *args, path.name],
                            cwd=path.parent, capture_output=True, text=True)
    return result.returncode, result.stdout.splitlines()


def test_a_broken_cell_is_one_det000_and_the_other_cells_are_checked(tmp_path):
    path = notebook(tmp_path, "import torch", ALIAS, "model = ", ALIAS, "exec 'python 2'", ALIAS)
    status, lines = run(path)
    assert status == 2
    assert [line.split(": ", 1)[0] + ": " + line.split(": ")[1][:6] for line in lines] == [
        "book.ipynb:cell_2:3:1: DET101",
        "book.ipynb:cell_3:1:1: DET000",
        "book.ipynb:cell_4:3:1: DET101",
        "book.ipynb:cell_5:1:1: DET000",
        "book.ipynb:cell_6:3:1: DET101",
    ]
    assert "cannot parse this cell: invalid syntax" in lines[1]


def test_facts_from_before_a_broken_cell_are_forgotten_at_it(tmp_path):
    # cell 4 writes through an alias made in cell 2: across the broken cell 3 it is not known
    # (imports are: the broken cell never ran, so it cannot have undone them).
    path = notebook(tmp_path, "import torch", "x = torch.ones(3)\nd = x.detach()", "model = ", "d.add_(1)\nprint(x, d)")
    status, lines = run(path)
    assert [line.split(" ")[1] for line in lines] == ["DET000"]


def test_an_indented_cell_is_dedented_for_the_analysis_and_fixed_in_its_own_columns(tmp_path):
    indented = "\n".join("    " + line for line in ALIAS.splitlines())
    path = notebook(tmp_path, "import torch", indented)
    status, lines = run(path)
    assert status == 1 and len(lines) == 1 and lines[0].startswith("book.ipynb:cell_2:3:5: DET101")
    status, _ = run(path, "--fix", "--unsafe-fixes")
    cell = json.loads(path.read_text())["cells"][1]["source"]
    assert "".join(cell) == indented.replace("x.detach()", "x.detach().clone()")
    assert run(path) == (0, [])


def test_fixes_in_a_notebook_with_a_broken_cell_leave_that_cell_as_it_was(tmp_path):
    path = notebook(tmp_path, "import torch", ALIAS, "print 'python 2'", "loss = torch.nn.MSELoss()(torch.ones(2), torch.zeros(2))\nprint(loss.data[0])")
    status, lines = run(path, "--fix")
    cells = ["".join(c["source"]) for c in json.loads(path.read_text())["cells"]]
    assert cells[2] == "print 'python 2'"
    assert cells[3].endswith("print(loss.item())")
    assert cells[1] == ALIAS  # DET101's fix is unsafe: not applied by --fix


def cell_sources(path):
    return [cell["source"] for cell in json.loads(path.read_text())["cells"]]


def test_a_fix_after_a_broken_cell_leaves_every_cell_before_it_byte_identical(tmp_path):
    # The data-loss bug: each run of cells carries the earlier cells as their imports only,
    # and the merge took the earlier cells from the last run, erasing all but their imports.
    setup = "import torch\nimport torch.nn as nn\nmodel = nn.Linear(2, 1)\nx = torch.randn(4, 2)"
    fixable = "out = model(x)\nloss = out.sum()\nloss.backward(retain_variables=True)"
    path = notebook(tmp_path, setup, "# exercise\nw = model.weight", "loss = ", fixable, "print 1", fixable)
    before = cell_sources(path)
    status, lines = run(path, "--diff")
    assert status == 2
    assert [line for line in lines if line.startswith("---")] == ["--- a/book.ipynb:cell_4", "--- a/book.ipynb:cell_6"]
    status, lines = run(path, "--fix")
    after = cell_sources(path)
    assert [n for n, (old, new) in enumerate(zip(before, after), 1) if old != new] == [4, 6]
    assert "".join(after[3]).endswith("loss.backward(retain_graph=True)")
    assert after[:3] == before[:3] and after[4] == before[4]


def test_a_merge_that_would_change_a_cell_outside_its_run_is_refused():
    from flake8_detach.pipeline.notebook import Notebook, NotebookError

    book = nbformat.v4.new_notebook()
    book.cells = [nbformat.v4.new_code_cell(code) for code in ("import torch\nx = 1", "y = ", "z = 2")]
    notebook = Notebook(nbformat.writes(book))
    segments = notebook.segments()
    assert [sorted(segment.cells) for segment in segments] == [[1], [3]]
    assert notebook.changed_cells(notebook.merged(segments, [s.source for s in segments])) == []
    tampered = segments[1].source.replace("import torch", "import numpy")  # cell 1, carried as its import
    with pytest.raises(NotebookError, match="changed cell 1 outside"):
        notebook.merged(segments, [segments[0].source, tampered])


def test_a_rewrite_that_changes_an_unfixed_cell_is_detected():
    from flake8_detach.pipeline.notebook import Notebook

    book = nbformat.v4.new_notebook()
    book.cells = [nbformat.v4.new_code_cell(code) for code in ("a = 1", "b = 2")]
    text = nbformat.writes(book)
    notebook = Notebook(text)
    changed = text.replace('"b = 2"', '"b = 3"')
    assert notebook.unchanged_but(changed, {2}) is None
    assert notebook.unchanged_but(changed, {1}) == "cell 2 of the notebook changed though no fix was made in it"
    assert "metadata" in notebook.unchanged_but(text.replace('"nbformat": 4', '"nbformat": 4, "x": 1'), set())


def test_a_detach_that_ends_a_cell_is_displayed_not_discarded(tmp_path):
    # IPython displays a cell's last expression (unless a semicolon follows): its value is used.
    setup = "import torch\nw = torch.ones(3, requires_grad=True)\ny = w * 2"
    path = notebook(tmp_path, setup, "y.detach()", "y.detach();", "y.detach()\nz = 1", "y.detach()\n# shown",
                    "y.sum().backward()")
    status, lines = run(path)
    assert [line.split(" ")[0] for line in lines] == ["book.ipynb:cell_3:1:1:", "book.ipynb:cell_4:1:1:"]


def test_cells_whose_magic_runs_python_are_analysed_and_the_others_are_counted_with_verbose(tmp_path):
    path = notebook(tmp_path, "import torch\nw = torch.ones(3, requires_grad=True)", "%%time\nw.add_(1)",
                    "%%capture out\nw.mul_(2)", "%%bash\necho hi", "%%timeit -n 1\nloss = w.sum()\nprint(loss.data[0])")
    result = subprocess.run([sys.executable, "-m", "flake8_detach", "--verbose", path.name],
                            cwd=tmp_path, capture_output=True, text=True)
    assert [line.split(" ")[:2] for line in result.stdout.splitlines()] == [
        ["book.ipynb:cell_2:2:1:", "DET103"], ["book.ipynb:cell_3:2:1:", "DET103"], ["book.ipynb:cell_5:3:7:", "DET504"]]
    assert result.stderr == "book.ipynb: cell_4 not checked: a %%bash cell is not Python\n1 fixable with --fix\n"
    run(path, "--fix")
    cells = ["".join(c["source"]) for c in json.loads(path.read_text())["cells"]]
    assert cells[4] == "%%timeit -n 1\nloss = w.sum()\nprint(loss.item())"
