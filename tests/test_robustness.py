"""Bad input never crashes the command line or corrupts a file: each problem is one line on
standard error (or a DET000 finding), the other files are still checked, and the exit status is
2 where the input was bad. Complements test_cli.py (missing, dangling, undecodable files, a
worker killed by a parser crash), test_notebook.py (broken, old and non-Python notebooks) and
test_fixes.py (CRLF, coding line, BOM, mode and symlinks kept by --fix)."""

import json
import os
import stat
import subprocess
import sys
import warnings
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest
from test_cli import run

from flake8_detach.frontends import cli, workers
from flake8_detach.pipeline.checking import check_source
from flake8_detach.pipeline.fixing import FixResult

DETACH = "import torch\nx = torch.ones(3)\nd = x.detach()\nd.add_(1)\nprint(x, d)\n"  # DET101 at 4:1
DET101_LINE = "ok.py:4:1: DET101 add_() on d also writes into x: detach() shares its storage"
FIXABLE = "import torch\nw = torch.ones(3, requires_grad=True)\ny = w.sum().data[0]\n"  # DET504, safe fix
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def lines(text: str) -> list:
    return text.splitlines()


def check_dir(tmp_path: Path, files: dict, *args) -> tuple:
    """Writes `files` (name -> str or bytes) next to ok.py (one DET101) and checks them all."""
    (tmp_path / "ok.py").write_text(DETACH)
    for name, content in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return run([*args], tmp_path)


def assert_one_line_errors(err: str, expected: dict) -> None:
    """stderr holds exactly one line per bad file, `path: error: ...` containing the text given."""
    got = lines(err)
    assert len(got) == len(expected), err
    for line, (path, text) in zip(got, sorted(expected.items())):
        assert line.startswith(f"{path}: error: ") and text in line, line


# ---- encodings and bytes ---------------------------------------------------------------------


def test_undecodable_bytes_name_the_line_and_the_run_goes_on(tmp_path):
    status, out, err = check_dir(tmp_path, {"bad.py": b"import torch\n\nname = '\xff\xfe'\n"})
    assert (status, lines(out)) == (2, [DET101_LINE])
    assert_one_line_errors(err, {"bad.py": "cannot decode: 'utf-8' codec can't decode byte 0xff"})
    assert err.rstrip().endswith("(line 3)")


@pytest.mark.parametrize(
    "content, message",
    [
        (b"# coding: uft-8\nimport torch\n", "cannot decode: unknown encoding: uft-8"),
        (b"\xef\xbb\xbf# coding: latin-1\nimport torch\n", "starts with a UTF-8 byte order mark but its coding line"),
        (b"# coding: rot13\nimport torch\n", "cannot decode: "),
    ],
    ids=["unknown-cookie", "bom-and-latin-1-cookie", "cookie-not-a-text-encoding"],
)
def test_coding_lines_that_cannot_be_honoured_are_one_line_errors(tmp_path, content, message):
    status, out, err = check_dir(tmp_path, {"bad.py": content})
    assert (status, lines(out)) == (2, [DET101_LINE])
    assert_one_line_errors(err, {"bad.py": message})


def test_bom_and_latin_1_files_are_checked_with_columns_in_characters(tmp_path):
    body = "name = 'é'; d.add_(1)\nprint(x, d)\n"
    files = {
        "bom.py": b"\xef\xbb\xbf" + (DETACH + body).encode("utf-8"),
        "bom_cookie.py": b"\xef\xbb\xbf# coding: utf-8\n" + (DETACH + body).encode("utf-8"),
        "latin.py": ("# -*- coding: latin-1 -*-\n" + DETACH + body).encode("latin-1"),
    }
    status, out, err = check_dir(tmp_path, files)
    assert (status, err) == (1, "")
    found = [line.split(" DET101")[0] for line in lines(out)]
    # The second add_() sits after `name = 'é'; ` (12 characters, 13 bytes in UTF-8): column 13.
    assert found == ["bom.py:4:1:", "bom.py:6:13:", "bom_cookie.py:5:1:", "bom_cookie.py:7:13:",
                     "latin.py:5:1:", "latin.py:7:13:", "ok.py:4:1:"]


def test_nul_bytes_are_a_det000_saying_so(tmp_path):
    status, out, err = check_dir(tmp_path, {"nul.py": DETACH + "# \x00\n"})
    assert (status, err) == (2, "")
    assert lines(out)[0] == "nul.py:1:1: DET000 cannot parse this file: source code string cannot contain null bytes"
    assert lines(out)[1:] == [DET101_LINE]


def test_empty_and_degenerate_files_are_quiet(tmp_path):
    files = {
        "empty.py": b"",
        "bom_only.py": b"\xef\xbb\xbf",
        "blank.py": b"\n\n   \n",
        "comment.py": b"# torch detach backward .data",
        "no_final_newline.py": DETACH.rstrip("\n").replace("d.add_(1)", "e = 1"),
        "crlf_blank.py": b"\r\n\r\n",
    }
    status, out, err = check_dir(tmp_path, files)
    assert (status, lines(out), err) == (1, [DET101_LINE], "")


# ---- newlines and indentation ----------------------------------------------------------------

FUNCTION = "import torch\n\ndef f():\n    x = torch.ones(3)\n    d = x.detach()\n    d.add_(1)  # DET101\n    return x, d\n"


@pytest.mark.parametrize(
    "name, convert",
    [
        ("crlf", lambda s: s.replace("\n", "\r\n")),
        ("cr", lambda s: s.replace("\n", "\r")),
        ("mixed", lambda s: "".join(line + ("\r\n", "\n", "\r")[n % 3] for n, line in enumerate(s.splitlines()))),
        ("tabs", lambda s: s.replace("    ", "\t")),
    ],
)
def test_line_ends_and_tabs_give_the_same_findings(tmp_path, name, convert):
    (tmp_path / "lf.py").write_text(FUNCTION)
    (tmp_path / f"{name}.py").write_bytes(convert(FUNCTION).encode())
    status, out, err = run([], tmp_path)
    assert (status, err) == (1, "")
    found = {}
    for line in lines(out):
        path, line_number, col, rest = line.split(":", 3)
        found.setdefault(path, []).append((line_number, rest))
    assert found[f"{name}.py"] == found["lf.py"] and len(found["lf.py"]) == 1
    cols = {line.split(":")[0]: line.split(":")[2] for line in lines(out)}
    assert cols[f"{name}.py"] == ("2" if name == "tabs" else "5")  # a tab is one character


def test_mixed_tabs_and_spaces_is_det000(tmp_path):
    status, out, err = check_dir(tmp_path, {"tabs.py": FUNCTION.replace("    d = x", "\td = x")})
    assert (status, err) == (2, "")
    assert lines(out)[1] == "tabs.py:5:1: DET000 cannot parse this file: inconsistent use of tabs and spaces in indentation"


def test_fix_keeps_every_line_end_of_a_mixed_file(tmp_path):
    ends = ["\r\n", "\n", "\r", "\r\n"]
    source = "".join(line + end for line, end in zip(FIXABLE.splitlines() + ["z = 1"], ends))
    path = tmp_path / "mixed.py"
    path.write_bytes(source.encode())
    status, _, err = run(["--fix", "mixed.py"], tmp_path)
    assert (status, err) == (0, "fixed 1 finding in 1 file, 0 remaining\n")
    assert path.read_bytes() == source.replace("w.sum().data[0]", "w.sum().item()").encode()


def test_fix_keeps_tab_indentation(tmp_path):
    source = "import torch\n\ndef f():\n\tw = torch.ones(3, requires_grad=True)\n\treturn w.sum().data[0]\n"
    (tmp_path / "tabs.py").write_text(source)
    run(["--fix", "tabs.py"], tmp_path)
    assert (tmp_path / "tabs.py").read_text() == source.replace("w.sum().data[0]", "w.sum().item()")


# ---- size and nesting ------------------------------------------------------------------------


def big_file() -> str:
    """About 10 MB: many small modules' worth of plain code with a torch function now and then."""
    plain = "".join(
        f"def helper_{n}(a, b):\n    total = 0\n    for i in range(a):\n        total += i * b  # {'x' * 40}\n"
        f"    return {{'n': {n}, 'total': total, 'text': 'lorem ipsum dolor sit amet' * 2}}\n\n"
        for n in range(100)
    )
    torch_part = "def step_{n}():\n    x = torch.ones(3)\n    d = x.detach()\n    d.add_(1)\n    return x, d\n\n"
    chunks = ["import torch\n\n"]
    n = 0
    while sum(map(len, chunks)) < 10_000_000:
        chunks.append(plain.replace("helper_", f"helper_{n}_"))
        chunks.append(torch_part.format(n=n))
        n += 1
    return "".join(chunks)


def test_a_10_mb_file_is_checked(tmp_path):
    source = big_file()
    assert len(source.encode()) >= 10_000_000
    (tmp_path / "big.py").write_text(source)
    status, out, err = run(["big.py"], tmp_path)
    assert (status, err) == (1, "")
    assert len(lines(out)) == source.count("d.add_(1)") and all(" DET101 " in line for line in lines(out))


def nested(kind: str, depth: int) -> str:
    shapes = {
        "parens": lambda n: "(" * n + "d" + ")" * n,
        "brackets": lambda n: "[" * n + "d" + "]" * n,
        "sum": lambda n: "+".join(["d"] * n),
        "unary": lambda n: "-" * n + "d",
        "calls": lambda n: "d" + "()" * n,
    }
    return DETACH + f"y = {shapes[kind](depth)}\n"


DEEP = [(kind, depth) for kind in ("parens", "brackets", "sum", "unary", "calls") for depth in (100, 1000, 10000)]


def test_deep_nesting_never_stops_the_run(tmp_path):
    """Whatever the engine makes of these (findings, DET000, or an error it reports as a bug),
    the run goes on, each file gets at most one line on stderr, and nothing is a traceback."""
    files = {f"{kind}_{depth}.py": nested(kind, depth) for kind, depth in DEEP}
    status, out, err = check_dir(tmp_path, files, "-j", "2")
    assert status in (1, 2) and "Traceback" not in out + err
    assert DET101_LINE in lines(out)
    errors = [line.split(": error: ")[0] for line in lines(err)]
    assert len(errors) == len(set(errors)) and set(errors) <= set(files)
    for kind, depth in DEEP:
        name = f"{kind}_{depth}.py"
        reported = [line for line in lines(out) if line.startswith(name + ":")] + [
            line for line in lines(err) if line.startswith(name + ":")
        ]
        assert reported, f"{name}: neither a finding nor an error"


def test_a_100000_term_sum_does_not_stop_the_run(tmp_path):
    status, out, err = check_dir(tmp_path, {"sum_100000.py": nested("sum", 100000)})
    assert status in (1, 2) and "Traceback" not in out + err
    assert DET101_LINE in lines(out)
    assert [line for line in lines(out) + lines(err) if line.startswith("sum_100000.py:")]


def test_the_parser_limits_of_python_are_det000(tmp_path):
    """Nesting that Python's own parser rejects is a DET000 (exit status 2), not a crash."""
    files = {"parens_1000.py": nested("parens", 1000), "brackets_10000.py": nested("brackets", 10000)}
    status, out, err = check_dir(tmp_path, files)
    assert (status, err) == (2, "")
    assert sorted(lines(out)) == [
        "brackets_10000.py:6:205: DET000 cannot parse this file: too many nested parentheses",
        DET101_LINE,
        "parens_1000.py:6:205: DET000 cannot parse this file: too many nested parentheses",
    ]


# ---- old and new syntax ----------------------------------------------------------------------

PYTHON2 = {
    "print_and_exec.py": "print 'x'\nexec 'y = 1'\n",  # print statements alone are read as calls (test_python2.py)
    "exec_statement.py": "exec 'x = 1'\n",
    "backticks.py": "y = `d`\n",
    "except_comma.py": "try:\n    pass\nexcept ValueError, e:\n    pass\n",
    "octal.py": "mode = 0777\n",
    "ur_string.py": "s = ur'x'\n",
    "long_integer.py": "n = 10L\n",
}


@pytest.mark.parametrize("prefix", [DETACH, ""], ids=["with-torch-code", "without-torch"])
def test_python_2_files_are_det000_with_python_s_message(tmp_path, prefix):
    """Even a file without a word any rule looks for: the command may be the only checker run."""
    status, out, err = check_dir(tmp_path, {name: prefix + code for name, code in PYTHON2.items()})
    assert (status, err) == (2, "")
    det000 = {line.split(":")[0]: line for line in lines(out) if " DET000 " in line}
    assert sorted(det000) == sorted(PYTHON2)
    assert "Missing parentheses in call to 'print'" in det000["print_and_exec.py"]
    assert "leading zeros in decimal integer literals" in det000["octal.py"]


def test_python_s_warnings_about_the_checked_code_are_not_raised():
    """Python warns while parsing an invalid escape (a SyntaxWarning from 3.12 on, printed by
    default): that is about the checked code, not for the linter to print."""
    code = DETACH + 'DIGITS = "\\d+"\n'
    with warnings.catch_warnings(record=True) as raised:
        warnings.simplefilter("always")
        assert [v.code for v in check_source(code)] == ["DET101"]
    assert [str(w.message) for w in raised] == []


NEW_SYNTAX = {
    "match.py": (
        "match d:\n    case [a, b]:\n        pass\n    case _:\n        d.add_(2)\nprint(x, d)\n",
        (3, 10),
    ),
    "except_star.py": ("try:\n    pass\nexcept* ValueError:\n    d.add_(2)\nprint(x, d)\n", (3, 11)),
    "type_alias.py": ("type Vector = list[float]\nd.add_(2)\nprint(x, d)\n", (3, 12)),
    "type_params.py": ("def first[T](items: list[T]) -> T:\n    return items[0]\nd.add_(2)\nprint(x, d)\n", (3, 12)),
    "fstring_quotes.py": ("label = f\"{'a' + \"b\"}\"\nd.add_(2)\nprint(x, d)\n", (3, 12)),
}


@pytest.mark.parametrize("name", sorted(NEW_SYNTAX))
def test_new_syntax_is_checked_where_python_parses_it_and_det000_elsewhere(tmp_path, name):
    code, since = NEW_SYNTAX[name]
    (tmp_path / name).write_text(DETACH + code)
    status, out, err = run([name], tmp_path)
    assert err == ""
    codes = [line.split()[1] for line in lines(out)]
    if sys.version_info >= since:
        assert (status, codes) == (1, ["DET101", "DET101"]), out
    else:
        assert status == 2 and codes[0] == "DET000" and "cannot parse this file: " in out, out


# ---- notebooks -------------------------------------------------------------------------------


def notebook(cells: list, **metadata) -> str:
    return json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": metadata,
                       "cells": [{"cell_type": "code", "source": source, "metadata": {}, "outputs": [],
                                  "execution_count": None} for source in cells]}, indent=1)


def test_bad_notebooks_are_one_line_errors(tmp_path):
    files = {
        "deep.ipynb": "[" * 100000 + "]" * 100000,
        "empty.ipynb": "",
        "latin.ipynb": notebook(["x = 'é'"]).replace("\\u00e9", "é").encode("latin-1"),
        "bom.ipynb": b"\xef\xbb\xbf" + notebook(["import torch"]).encode(),
        "string_format.ipynb": json.dumps({"nbformat": "4", "cells": []}),
        "cells_not_list.ipynb": json.dumps({"nbformat": 4, "cells": {"a": 1}}),
        "cell_not_object.ipynb": json.dumps({"nbformat": 4, "cells": ["import torch"]}),
        "julia.ipynb": notebook([DETACH], language_info={"name": "julia"}),
    }
    status, out, err = check_dir(tmp_path, files)
    assert (status, lines(out)) == (2, [DET101_LINE])
    assert "Traceback" not in err and "internal error" not in err
    assert_one_line_errors(err, {
        "bom.ipynb": "not valid JSON",
        "cell_not_object.ipynb": "malformed notebook: cell 1 is not an object",
        "cells_not_list.ipynb": "no list of cells",
        "deep.ipynb": "not valid JSON: nested too deeply",
        "empty.ipynb": "not valid JSON",
        "julia.ipynb": "not a Python notebook (kernel language: julia)",
        "latin.ipynb": "cannot decode",
        "string_format.ipynb": "not a notebook: its nbformat is '4', not a version number",
    })


def test_a_cell_holding_the_tool_s_own_marker_lines_is_still_checked_and_fixed(tmp_path):
    """Cells are joined with marker comments, and IPython lines become tagged placeholders: a cell
    that already holds such text must not shift findings or break --fix."""
    cells = [
        "import torch\n# <flake8-detach: end of cell>\nw = torch.ones(3, requires_grad=True)",
        "pass  # <flake8-detach: ipython line 7>\n%time y = w.sum().data[0]\nz = w.sum().data[0]",
    ]
    path = tmp_path / "markers.ipynb"
    path.write_text(notebook(cells))
    status, out, err = run(["markers.ipynb"], tmp_path)
    assert (status, err) == (1, "1 fixable with --fix\n")
    assert [line.split(" DET")[0] for line in lines(out)] == ["markers.ipynb:cell_2:3:5:"]
    status, out, err = run(["--fix", "markers.ipynb"], tmp_path)
    assert (status, out, err) == (0, "", "fixed 1 finding in 1 file, 0 remaining\n")
    sources = ["".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
               for cell in json.loads(path.read_text())["cells"]]
    assert sources == [cells[0], cells[1].replace("z = w.sum().data[0]", "z = w.sum().item()")]


# ---- odd configuration files -----------------------------------------------------------------


@pytest.mark.parametrize(
    "content, status, message",
    [
        (b"tool = 1\n", 1, ""),  # another meaning of `tool`: not ours to judge
        (b"[tool]\nflake8-detach = 'x'\n", 2, "[tool.flake8-detach] must be a table"),
        (b"[tool.flake8-detach]\nselect = '\xff'\n", 2, "pyproject.toml: cannot read: 'utf-8' codec"),
        (None, 1, ""),  # a directory named pyproject.toml
    ],
    ids=["tool-not-a-table", "table-not-a-table", "not-utf-8", "a-directory"],
)
def test_odd_pyproject_files_are_passed_over_or_one_usage_error(tmp_path, content, status, message):
    if content is None:
        (tmp_path / "pyproject.toml").mkdir()
    else:
        (tmp_path / "pyproject.toml").write_bytes(content)
    got_status, out, err = check_dir(tmp_path, {})
    assert got_status == status and "Traceback" not in err
    assert message in err and (out == DET101_LINE + "\n" if status == 1 else out == "")


# ---- files that are not plain files ----------------------------------------------------------


def test_fifos_sockets_and_link_loops_found_while_walking_are_reported_not_waited_on(tmp_path):
    (tmp_path / "ok.py").write_text(DETACH)
    os.mkfifo(tmp_path / "fifo.py")
    (tmp_path / "loop.py").symlink_to("loop.py")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to("..")  # a directory link loop: not followed
    (tmp_path / "sub" / "a.py").write_text(DETACH)
    (tmp_path / "dir.py").mkdir()  # a directory with a .py name is walked, not read
    result = subprocess.run([sys.executable, "-m", "flake8_detach", "."], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert lines(result.stdout) == [DET101_LINE, DET101_LINE.replace("ok.py", "sub/a.py")]
    assert lines(result.stderr) == [
        "fifo.py: error: not checked: a named pipe, not a regular file",
        "loop.py: error: cannot read: Too many levels of symbolic links",
    ]


def test_a_link_loop_named_on_the_command_line_is_a_read_error(tmp_path):
    (tmp_path / "loop.py").symlink_to("loop.py")
    status, out, err = check_dir(tmp_path, {}, "ok.py", "loop.py")
    assert (status, lines(out)) == (2, [DET101_LINE])
    assert err == "loop.py: error: cannot read: Too many levels of symbolic links\n"


def test_an_unreadable_file_is_one_error(tmp_path):
    if IS_ROOT:
        pytest.skip("running as root: chmod 000 does not stop root from reading (the dangling link and "
                    "link loop cases in this file and test_cli.py cover read errors)")
    (tmp_path / "secret.py").write_text(DETACH)
    (tmp_path / "secret.py").chmod(0)
    status, out, err = check_dir(tmp_path, {})
    assert (status, lines(out)) == (2, [DET101_LINE])
    assert err == "secret.py: error: cannot read: Permission denied\n"


def test_a_directory_that_cannot_be_listed_is_one_error(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.py").write_text(DETACH)
    if IS_ROOT:  # root lists any directory: make this one fail as it would for anyone else
        real_scandir = os.scandir

        def scandir(path="."):
            if os.path.basename(os.path.normpath(path)) == "locked":
                raise PermissionError(13, "Permission denied", path)
            return real_scandir(path)

        monkeypatch.setattr(os, "scandir", scandir)
    else:
        (tmp_path / "locked").chmod(0)
    try:
        status, out, err = check_dir(tmp_path, {})
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert (status, lines(out)) == (2, [DET101_LINE])
    assert err == "locked: error: cannot list this directory: Permission denied\n"


def test_file_names_that_are_not_utf_8_are_printed_in_every_format(tmp_path):
    name = os.fsdecode(b"caf\xe9.py")  # latin-1 bytes: not valid UTF-8
    (tmp_path / name).write_text(DETACH)
    (tmp_path / "ok.py").write_text(DETACH)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}  # strict, as under a UTF-8 locale
    for format in ("text", "json", "sarif", "github"):
        result = subprocess.run([sys.executable, "-m", "flake8_detach", "--format", format, "."], cwd=tmp_path,
                                capture_output=True, env=env, timeout=120)
        assert result.returncode == 1 and b"Traceback" not in result.stderr, result.stderr
        if format == "text":
            assert result.stdout.startswith(b"caf\xe9.py:4:1: DET101 ")
        if format == "sarif":
            assert b'"uri": "caf%E9.py"' in result.stdout


# ---- --fix writes safely -----------------------------------------------------------------------


def test_fix_replaces_the_file_in_one_step(tmp_path):
    path = tmp_path / "a.py"
    path.write_text(FIXABLE)
    inode = path.stat().st_ino
    run(["--fix", "a.py"], tmp_path)
    assert path.read_text() == FIXABLE.replace("w.sum().data[0]", "w.sum().item()")
    assert path.stat().st_ino != inode  # a new file renamed over the old one, not rewritten in place
    assert os.listdir(tmp_path) == ["a.py"]


def test_a_failed_write_leaves_the_file_and_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "a.py"
    path.write_text(FIXABLE)

    def replace(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", replace)
    status, out, err = run(["--fix", "a.py"], tmp_path)
    assert status == 2
    assert lines(err)[0] == "a.py: error: cannot write the fixes: No space left on device"
    assert path.read_text() == FIXABLE and os.listdir(tmp_path) == ["a.py"]
    assert out.split()[1] == "DET504"  # the finding is still reported


def test_fix_does_not_write_a_read_only_file(tmp_path):
    path = tmp_path / "a.py"
    path.write_text(FIXABLE)
    path.chmod(0o444)
    status, out, err = run(["--fix", "a.py"], tmp_path)
    assert status == 2
    assert lines(err)[0] == "a.py: error: cannot write the fixes: the file is read-only"
    assert path.read_text() == FIXABLE and stat.S_IMODE(path.stat().st_mode) == 0o444


def test_fix_never_writes_code_that_does_not_parse(tmp_path, monkeypatch):
    """Whatever the fixer returns, the command line writes nothing that Python cannot parse."""
    monkeypatch.setattr(cli, "fix_source", lambda source, rules, unsafe, path=None: FixResult(source.replace("w.sum().data[0]", "w.(")))
    (tmp_path / "a.py").write_text(FIXABLE)
    status, out, err = run(["--fix", "a.py"], tmp_path)
    assert (tmp_path / "a.py").read_text() == FIXABLE
    assert status == 2 and "a.py: error: " in err and "does not parse" in err


def test_fix_and_diff_on_files_that_cannot_be_fixed_change_nothing(tmp_path):
    files = {"nul.py": DETACH + "# \x00\n", "py2.py": DETACH + "print 'x'\n", "deep.py": nested("brackets", 199)}
    status, out, err = check_dir(tmp_path, files, "--fix", "--unsafe-fixes")
    assert status == 2 and "Traceback" not in err
    for name, content in files.items():
        assert (tmp_path / name).read_text() == content
    assert (tmp_path / "ok.py").read_text() == DETACH.replace("x.detach()", "x.detach().clone()")


# ---- crashes -----------------------------------------------------------------------------------


ATTEMPTS = {"log": None}
real_check_file = cli.check_file


def check_or_crash(path, options):
    """Stands in for a fatal parser crash on `crash*.py`, and logs each attempt."""
    if Path(path).name.startswith("crash"):
        with open(ATTEMPTS["log"], "a") as stream:
            stream.write(path + "\n")
        os.kill(os.getpid(), 9)
    return real_check_file(path, options)


class PoolBrokenWhileSubmitting(ProcessPoolExecutor):
    """A pool whose worker dies while files are still handed out: its third submit raises."""

    def submit(self, *args, **kwargs):
        self.submitted = getattr(self, "submitted", 0) + 1
        if self.submitted == 3:
            raise BrokenProcessPool("a child process terminated abruptly")
        return super().submit(*args, **kwargs)


def upper(path, options):
    return path.upper()


def test_files_not_yet_handed_to_a_broken_pool_are_returned_unchecked(monkeypatch):
    monkeypatch.setattr(workers, "ProcessPoolExecutor", PoolBrokenWhileSubmitting)
    reports: dict = {}
    unchecked = workers.check_in_workers(upper, list("abcde"), None, 2, reports)
    assert reports == {"a": "A", "b": "B"} and unchecked == ["c", "d", "e"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_each_file_that_kills_its_worker_is_reported_and_retried_only_as_needed(tmp_path, monkeypatch, jobs):
    monkeypatch.setitem(ATTEMPTS, "log", str(tmp_path / "attempts.log"))
    monkeypatch.setattr(cli, "check_file", check_or_crash)
    files = {"a.py": DETACH, "crash1.py": DETACH, "m.py": DETACH, "crash2.py": DETACH, "z.py": DETACH}
    (tmp_path / "src").mkdir()
    for name, text in files.items():
        (tmp_path / "src" / name).write_text(text)
    status, out, err = run(["-j", jobs, "src"], tmp_path)
    assert status == 2
    assert lines(err) == [f"src/crash1.py: error: {cli.CRASH}", f"src/crash2.py: error: {cli.CRASH}"]
    assert [line.split(":")[0] for line in lines(out)] == ["src/a.py", "src/m.py", "src/z.py"]
    # One job: each crashing file runs once. Two: once alone, and at most once in each of the
    # (crashes + 1) parallel rounds.
    attempts = lines((tmp_path / "attempts.log").read_text())
    allowed = {1} if jobs == "1" else {1, 2, 3}
    assert {attempts.count(f"src/{name}") for name in ("crash1.py", "crash2.py")} <= allowed
