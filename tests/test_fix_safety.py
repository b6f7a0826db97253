"""--fix never loses a user's work: a save made meanwhile wins, owner, links and extended
attributes are kept or the file is left alone, encodings that do not give back the file's
bytes are not written, bytes libcst drops are kept, a notebook changes only in the fixed
strings, and --diff output applies with `patch` whatever the line ends."""

import json
import os
import shutil
import stat
import subprocess

import pytest
from test_cli import run

from flake8_detach.frontends import cli

FIXABLE = "import torch\nw = torch.ones(3, requires_grad=True)\ny = w.sum().data[0]\n"  # DET504, safe fix
FIXED = FIXABLE.replace("w.sum().data[0]", "w.sum().item()")
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def lines(text: str) -> list:
    return text.splitlines()


# ---- 1. a save made while --fix runs wins ------------------------------------------------------


def save_during_analysis(monkeypatch, path, saved: bytes) -> None:
    """Makes the analysis write `saved` into `path`, as an editor's save, a `git checkout` or
    another --fix run would between the read and the write."""
    real_fix_source = cli.fix_source

    def fix_then_save(source, rules, unsafe, path_on_disk=None, fixable=None):
        result = real_fix_source(source, rules, unsafe, path_on_disk, fixable)
        path.write_bytes(saved)
        return result

    monkeypatch.setattr(cli, "fix_source", fix_then_save)


def test_a_file_saved_while_fix_works_is_left_as_saved_and_reported(tmp_path, monkeypatch):
    path = tmp_path / "a.py"
    path.write_text(FIXABLE)
    saved = (FIXABLE + "print('typed meanwhile')\n").encode()
    save_during_analysis(monkeypatch, path, saved)
    status, out, err = run(["--fix", "a.py"], tmp_path)
    assert path.read_bytes() == saved
    assert os.listdir(tmp_path) == ["a.py"]
    assert status == 2 and out.split()[1] == "DET504"  # the finding of what was read is still reported
    assert lines(err) == [
        "a.py: error: cannot write the fixes: the file changed since it was read (saved meanwhile?); run again to fix it",
        "fixed 0 findings in 0 files, 1 remaining",
    ]


def test_a_file_replaced_by_a_rename_while_fix_works_is_left_alone(tmp_path, monkeypatch):
    """An editor's atomic save: a new file renamed over the old one."""
    path = tmp_path / "a.py"
    path.write_text(FIXABLE)
    real_fix_source = cli.fix_source

    def fix_then_replace(source, rules, unsafe, path_on_disk=None):
        result = real_fix_source(source, rules, unsafe, path_on_disk)
        (tmp_path / "new").write_text(FIXABLE.replace("y = ", "result = "))
        os.replace(tmp_path / "new", path)
        return result

    monkeypatch.setattr(cli, "fix_source", fix_then_replace)
    status, _, err = run(["--fix", "a.py"], tmp_path)
    assert status == 2 and "the file changed since it was read" in err
    assert path.read_text() == FIXABLE.replace("y = ", "result = ")


def test_a_notebook_saved_while_fix_works_is_left_as_saved(tmp_path, monkeypatch):
    path = tmp_path / "n.ipynb"
    path.write_text(notebook_json([FIXABLE]))
    saved = notebook_json([FIXABLE, "print('a new cell')"]).encode()
    save_during_analysis(monkeypatch, path, saved)
    status, _, err = run(["--fix", "n.ipynb"], tmp_path)
    assert status == 2 and "n.ipynb: error: cannot write the fixes: the file changed since it was read" in err
    assert path.read_bytes() == saved


def test_the_check_is_made_after_the_new_file_is_complete(tmp_path, monkeypatch):
    """A save that lands while the new file is written and synced is still seen."""
    path = tmp_path / "a.py"
    path.write_text(FIXABLE)
    real_fsync = os.fsync

    def fsync_while_the_user_saves(descriptor):
        real_fsync(descriptor)
        path.write_text(FIXABLE + "# saved\n")

    monkeypatch.setattr(os, "fsync", fsync_while_the_user_saves)
    status, _, err = run(["--fix", "a.py"], tmp_path)
    assert status == 2 and "the file changed since it was read" in err
    assert path.read_text() == FIXABLE + "# saved\n" and os.listdir(tmp_path) == ["a.py"]


# ---- 2. owner, hard links, extended attributes -------------------------------------------------


@pytest.mark.skipif(not IS_ROOT, reason="only root can give a file another user's owner to test with")
def test_fix_as_root_keeps_the_owner_and_group(tmp_path):
    path = tmp_path / "a.py"
    path.write_text(FIXABLE)
    os.chown(path, 4321, 8765)
    path.chmod(0o640)
    status, _, err = run(["--fix", "a.py"], tmp_path)
    assert (status, err) == (0, "fixed 1 finding in 1 file, 0 remaining\n")
    assert path.read_text() == FIXED
    info = path.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (4321, 8765, 0o640)


def test_a_file_whose_owner_cannot_be_kept_is_not_written(tmp_path, monkeypatch):
    """As a user who may write someone else's file but not give a file away (stood in for by
    a chown that is refused)."""
    path = tmp_path / "a.py"
    path.write_text(FIXABLE)
    info = path.stat()
    real_fstat = os.fstat

    def fstat(descriptor):  # the new file looks like the fixing user's, the old one someone else's
        result = real_fstat(descriptor)
        fields = list(result)
        fields[stat.ST_UID] = info.st_uid + 1
        return os.stat_result(fields)

    def fchown(descriptor, uid, gid):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "fstat", fstat)
    monkeypatch.setattr(os, "fchown", fchown)
    status, _, err = run(["--fix", "a.py"], tmp_path)
    assert status == 2
    assert lines(err)[0] == (
        f"a.py: error: cannot write the fixes: the file belongs to user {info.st_uid}, group {info.st_gid}, "
        "and this user cannot give a rewritten file that owner"
    )
    assert path.read_text() == FIXABLE and os.listdir(tmp_path) == ["a.py"]


def test_a_file_with_hard_links_is_not_split(tmp_path):
    path = tmp_path / "a.py"
    path.write_text(FIXABLE)
    os.link(path, tmp_path / "other_name.py")
    status, _, err = run(["--fix", "a.py"], tmp_path)
    assert status == 2
    assert lines(err)[0] == (
        "a.py: error: cannot write the fixes: the file has 2 hard links, and a rewritten file would leave "
        "the other names with the old code"
    )
    assert path.read_text() == FIXABLE and os.path.samefile(path, tmp_path / "other_name.py")


def test_fix_keeps_extended_attributes(tmp_path):
    path = tmp_path / "a.py"
    path.write_text(FIXABLE)
    try:
        os.setxattr(path, "user.origin", b"downloaded")
    except (OSError, AttributeError) as error:
        pytest.skip(f"this file system has no user extended attributes: {error}")
    status, _, err = run(["--fix", "a.py"], tmp_path)
    assert (status, path.read_text()) == (0, FIXED)
    assert os.getxattr(path, "user.origin") == b"downloaded"


def test_a_file_whose_extended_attributes_cannot_be_kept_is_not_written(tmp_path, monkeypatch):
    path = tmp_path / "a.py"
    path.write_text(FIXABLE)
    try:
        os.setxattr(path, "user.origin", b"downloaded")
    except (OSError, AttributeError) as error:
        pytest.skip(f"this file system has no user extended attributes: {error}")

    def setxattr(target, attribute, value):  # as for a security label this user may not set
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "setxattr", setxattr)
    status, _, err = run(["--fix", "a.py"], tmp_path)
    assert status == 2
    assert lines(err)[0] == (
        "a.py: error: cannot write the fixes: cannot keep its extended attribute user.origin: Operation not permitted"
    )
    assert path.read_text() == FIXABLE and os.listdir(tmp_path) == ["a.py"]


# ---- 4. encodings and bytes libcst does not give back --------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        b"# coding: unicode_escape\n" + FIXABLE.encode(),  # would be written on one line: `\n` for each newline
        b'# coding: utf-7\nlabel = "+AGEAYgBj-"\n' + FIXABLE.encode(),  # "abc" would be written as abc
        b"# coding: idna\n" + FIXABLE.encode() + b'name = "' + b"a" * 80 + b'"\n',  # idna cannot encode it back
    ],
    ids=["unicode_escape", "utf-7", "idna"],
)
def test_a_file_whose_encoding_does_not_give_back_its_bytes_is_not_written(tmp_path, raw):
    (tmp_path / "a.py").write_bytes(raw)
    status, out, err = run(["--fix", "a.py"], tmp_path)
    assert (tmp_path / "a.py").read_bytes() == raw
    assert status == 2 and "DET504" in out and "internal error" not in err
    encoding = raw.split(b"\n")[0].split(b": ")[1].decode()
    assert lines(err)[0] == (
        f"a.py: error: cannot write the fixes: its encoding ({encoding}) does not give back the bytes "
        "it was read from; the file is left as it was"
    )


@pytest.mark.parametrize(
    "raw, fixed",
    [
        (FIXABLE[:-1] + "\r", FIXED[:-1] + "\r"),  # a final lone CR
        (FIXABLE.replace("y = ", "\x0cy = "), FIXED.replace("y = ", "\x0cy = ")),  # a form feed on the fixed line
        ("\x0c" + FIXABLE[:-1] + "\r", "\x0c" + FIXED[:-1] + "\r"),
    ],
    ids=["final-lone-cr", "form-feed-on-the-fixed-line", "both"],
)
def test_fix_keeps_bytes_that_libcst_does_not_give_back(tmp_path, raw, fixed):
    (tmp_path / "a.py").write_bytes(raw.encode())
    status, _, err = run(["--fix", "a.py"], tmp_path)
    assert (status, err) == (0, "fixed 1 finding in 1 file, 0 remaining\n")
    assert (tmp_path / "a.py").read_bytes() == fixed.encode()


# ---- 6. a notebook changes only in the fixed source strings --------------------------------------


def notebook_json(cells: list) -> str:
    return json.dumps({
        "nbformat": 4, "nbformat_minor": 5, "metadata": {},
        "cells": [{"cell_type": "code", "source": source, "metadata": {}, "outputs": [], "execution_count": None}
                  for source in cells],
    }, indent=1)


ODD_NOTEBOOK = r"""{
 "cells": [
  {"cell_type": "markdown", "metadata": {}, "source": ["caf\u00e9 and café, a\/b"]},
  {
   "cell_type": "code",
   "execution_count": 1,
   "metadata": {"tags": ["x"], "tags": ["kept twice"], "scale": 1e400, "id": 12345678901234567890123456789},
   "outputs": [{"output_type": "execute_result", "data": {"text/plain": ["100000000000000000000000000000"]},
                "metadata": {}, "execution_count": 1, "big": BIG}],
   "source": [
    "import torch\n",
    "w = torch.ones(3, requires_grad=True)  # caf\u00e9\n",
    "y = w.sum().data[0]  # café \/ x\n",
    "z = 1"
   ]
  },
  {"cell_type": "code", "metadata": {}, "outputs": [], "source": "q = w.sum().data[0]\n# d\u00e9j\u00e0 vu, d\u00e9j\u00e0\n",
   "execution_count": null}
 ],
 "metadata": {"language_info": {"name": "python"}, "note": "\/\/ \u00e9"},
 "nbformat": 4,
 "nbformat_minor": 5
}""".replace("BIG", "1" + "0" * 5000)


def test_notebook_fix_changes_nothing_outside_the_fixed_source_strings(tmp_path):
    """Escaped and raw non-ASCII, `\\/`, a number too big for a float, duplicate keys and a
    5,000-digit integer all stay byte for byte; each fixed string keeps its own escaping."""
    path = tmp_path / "odd.ipynb"
    path.write_bytes(ODD_NOTEBOOK.encode())
    status, out, err = run(["--fix", "odd.ipynb"], tmp_path)
    assert (status, out, err) == (0, "", "fixed 2 findings in 1 file, 0 remaining\n")
    expected = ODD_NOTEBOOK.replace('"y = w.sum().data[0]  # café \\/ x\\n"', '"y = w.sum().item()  # café \\/ x\\n"')
    expected = expected.replace('"q = w.sum().data[0]\\n# d\\u00e9j', '"q = w.sum().item()\\n# d\\u00e9j')
    assert expected.count("w.sum().item()") == 2
    assert path.read_bytes() == expected.encode()


def test_a_fixed_list_source_whose_items_are_not_one_line_each_keeps_its_items(tmp_path):
    """A list whose items hold several lines each: only the item holding the changed line is
    rewritten, still as one item; every other item keeps its bytes."""
    text = notebook_json([["import torch\nx = torch.ones(3)\n", "d = x.detach()\nd.add_(1)\nprint(x, d)"]])
    path = tmp_path / "n.ipynb"
    path.write_text(text)
    status, _, err = run(["--fix", "--unsafe-fixes", "n.ipynb"], tmp_path)
    assert (status, err) == (0, "fixed 1 finding in 1 file, 0 remaining\n")
    cell = json.loads(path.read_text())["cells"][0]
    assert cell["source"] == ["import torch\nx = torch.ones(3)\n", "d = x.detach().clone()\nd.add_(1)\nprint(x, d)"]
    assert path.read_text() == text.replace('"d = x.detach()\\n', '"d = x.detach().clone()\\n')


def test_a_change_spanning_items_rewrites_only_those_items_one_line_each():
    from flake8_detach.pipeline.notebook import _source_edits, _source_locations

    stored = ["a = 1\n", "b = (2,\n     3)\nc = 4\n", "d = 5"]
    text = json.dumps({"cells": [{"source": stored}]})
    location = _source_locations(text)[0]
    edits = _source_edits(text, location, stored, "a = 1\nb = (2, 3)\nc = 4\nd = 5")
    assert [text[start:end] for start, end, _ in edits] == ['"b = (2,\\n     3)\\nc = 4\\n"']
    assert [new for _, _, new in edits] == ['"b = (2, 3)\\nc = 4\\n"']
    edits = _source_edits(text, location, stored, "a = 0\nb = (2,\n     3)\nc = 4\nd = 6")
    assert [new for _, _, new in edits] == ['"a = 0\\n"', '"d = 6"']
    edits = _source_edits(text, location, stored, "a = 1\nb = (2,\n     3)\nc = 40\nd = 50")
    assert [text[start:end] for start, end, _ in edits] == ['"b = (2,\\n     3)\\nc = 4\\n", "d = 5"']
    assert [new for _, _, new in edits] == ['"b = (2,\\n", "     3)\\n", "c = 40\\n", "d = 50"']


# ---- 13. --diff applies with patch whatever the line ends -----------------------------------------


@pytest.mark.parametrize(
    "ends",
    [["\r"] * 3, ["\r\n"] * 3, ["\n", "\r", "\r\n"], ["\n", "\n", ""], ["\r", "\n", ""]],
    ids=["cr", "crlf", "mixed", "no-final-newline", "cr-then-lf-no-final-newline"],
)
def test_a_diff_applies_with_patch_and_gives_what_fix_writes(tmp_path, ends):
    if shutil.which("patch") is None:
        pytest.skip("GNU patch is not installed")
    source = "".join(line + end for line, end in zip(FIXABLE.splitlines(), ends)).replace("import torch", "import torch\x0c")
    (tmp_path / "a.py").write_bytes(source.encode())
    status, diff, _ = run(["--diff", "a.py"], tmp_path)
    assert status == 1 and diff
    (tmp_path / "patched.py").write_bytes(source.encode())
    (tmp_path / "fix.diff").write_bytes(diff.encode())
    result = subprocess.run(["patch", "--quiet", "--binary", "patched.py", "fix.diff"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    run(["--fix", "a.py"], tmp_path)
    assert (tmp_path / "patched.py").read_bytes() == (tmp_path / "a.py").read_bytes()
    assert (tmp_path / "a.py").read_bytes() != source.encode()


# ---- 15. errors name what went wrong, not a temporary file -----------------------------------------


def test_a_directory_that_cannot_be_written_is_named_in_the_error(tmp_path):
    directory = tmp_path / "locked"
    directory.mkdir()
    (directory / "a.py").write_text(FIXABLE)
    if IS_ROOT:  # root writes any directory, but not an immutable one
        if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(directory)]).returncode != 0:
            pytest.skip("running as root without chattr +i: no directory root cannot write into")
    else:
        directory.chmod(0o555)
    try:
        status, _, err = run(["--fix", "locked/a.py"], tmp_path)
    finally:
        if IS_ROOT:
            subprocess.run(["chattr", "-i", str(directory)], check=True)
        directory.chmod(0o755)
    assert status == 2
    reason = "Operation not permitted" if IS_ROOT else "Permission denied"
    assert lines(err)[0] == f"locked/a.py: error: cannot write the fixes: cannot create a file in its directory: {reason}"
    assert (directory / "a.py").read_text() == FIXABLE and os.listdir(directory) == ["a.py"]


# ---- a fix never deletes a comment --------------------------------------------------------------


@pytest.mark.parametrize(
    "code, fixed",
    [
        ("import torch\nfrom torch.autograd import Variable\nx = torch.ones(3)\nv = Variable(  # wrap it\n    x  # the input\n)\n",
         None),
        ("import torch\nx = torch.ones(2)\nloss = torch.nn.MSELoss()(x, x)\nprint(loss.data[0], loss.data[  # the first\n    0])\n",
         "print(loss.item(), loss.data[  # the first\n    0])\n"),
    ],
    ids=["DET501-multi-line-call", "DET504-comment-in-subscript"],
)
def test_a_fix_that_would_delete_a_comment_is_not_offered(tmp_path, code, fixed):
    path = tmp_path / "a.py"
    path.write_text(code)
    status, out, err = run(["--select", "DET501,DET504", "--format", "json", "a.py"], tmp_path)
    with_comment = [finding for finding in json.loads(out) if finding["end_line"] > finding["line"]]
    assert [(f["fix_safety"], f["fix_title"]) for f in with_comment] == [(None, None)]
    run(["--select", "DET501,DET504", "--fix", "--unsafe-fixes", "a.py"], tmp_path)
    assert path.read_text() == (code if fixed is None else code[: code.index("print(")] + fixed)


def test_a_fix_keeps_a_comment_outside_what_it_replaces(tmp_path):
    path = tmp_path / "a.py"
    path.write_text("import torch\nx = torch.ones(2, requires_grad=True)\nprint(x.sum().data[0],  # the first\n      1)\n")
    run(["--fix", "a.py"], tmp_path)
    assert path.read_text() == "import torch\nx = torch.ones(2, requires_grad=True)\nprint(x.sum().item(),  # the first\n      1)\n"
