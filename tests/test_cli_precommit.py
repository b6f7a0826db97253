"""The pre-commit hooks, run by pre-commit itself: it builds the package from a git repository
holding .pre-commit-hooks.yaml, installs it into its own environment and runs the hooks."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

pytestmark = pytest.mark.slow  # the fast loop (`pytest -m 'not slow'`) leaves this module out

PROJECT = Path(__file__).parent.parent
FINDING = "import torch\n\nloss = torch.ones(3, requires_grad=True).sum()\nprint(loss.data[0])\n"  # DET504 at 4:7, safe fix
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
}


def git(*args, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env={**os.environ, **GIT_IDENTITY})


@pytest.fixture(scope="module")
def hooks_repo(tmp_path_factory) -> Path:
    """A git repository with this project's package files committed, as a hook repo is."""
    repo = tmp_path_factory.mktemp("hooks_repo")
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy(PROJECT / name, repo / name)
    shutil.copytree(PROJECT / "src", repo / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    git("init", "-q", cwd=repo)
    git("add", ".", cwd=repo)
    git("commit", "-q", "-m", "snapshot", cwd=repo)
    return repo


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre_commit_home")


def try_repo(hooks_repo: Path, hook: str, target: Path, pre_commit_home: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hooks_repo), hook, "--all-files", "--color", "never"],
        cwd=target,
        capture_output=True,
        text=True,
        env={**os.environ, **GIT_IDENTITY, "PRE_COMMIT_HOME": str(pre_commit_home)},
        timeout=900,
    )


def test_lint_and_fix_hooks_run_under_pre_commit(tmp_path, hooks_repo, pre_commit_home):
    target = tmp_path / "target"
    target.mkdir()
    (target / "train.py").write_text(FINDING)
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(FINDING.rstrip("\n"))]
    nbformat.write(notebook, target / "explore.ipynb")
    (target / "notes.txt").write_text("w.data is not Python here\n")
    git("init", "-q", cwd=target)
    git("add", ".", cwd=target)

    lint = try_repo(hooks_repo, "flake8-detach", target, pre_commit_home)
    assert lint.returncode == 1, lint.stdout + lint.stderr
    assert "explore.ipynb:cell_1:4:7: DET504" in lint.stdout
    assert "train.py:4:7: DET504" in lint.stdout
    assert "notes.txt" not in lint.stdout

    fix = try_repo(hooks_repo, "flake8-detach-fix", target, pre_commit_home)
    assert fix.returncode == 1 and "files were modified by this hook" in fix.stdout, fix.stdout + fix.stderr
    assert (target / "train.py").read_text() == FINDING.replace("loss.data[0]", "loss.item()")
    assert "print(loss.item())" in nbformat.read(target / "explore.ipynb", as_version=4).cells[0].source

    git("add", ".", cwd=target)
    assert try_repo(hooks_repo, "flake8-detach", target, pre_commit_home).returncode == 0
