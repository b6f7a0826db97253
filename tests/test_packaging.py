"""Packaging, and every install snippet of the README run as written, from a fresh clone: the
wheel and sdist that `python -m build` makes pass `twine check`; `pip install .` and the wheel
that `pip wheel` builds each give a working install without torch, and so (for the day it is
on PyPI) does the bare name; the pre-commit configurations, with `repo:` and the dependency
naming the clone, install and run, honour a pyproject exclude, and `autoupdate` and `clean`
do what the README says.

The project is not published, and the README says so wherever it names the places it will be
published at: nothing here reaches them. The clone is a fresh repository holding this
project's files, untagged like the real one; the bare name finds the wheel just built through
PIP_FIND_LINKS; flake8's hook repository is rebuilt from flake8's sdist on PyPI with the hook
definition flake8 publishes."""

import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from flake8_detach import __version__

pytestmark = pytest.mark.slow  # the fast loop (`pytest -m 'not slow'`) leaves this module out

PROJECT = Path(__file__).resolve().parent.parent
README = (PROJECT / "README.md").read_text(encoding="utf-8")
SOURCE_URL = "https://github.com/flake8-detach/flake8-detach"
FLAKE8_URL = "https://github.com/PyCQA/flake8"
TAG = f"v{__version__}"
CLONE_PLACEHOLDER = "/path/to/flake8-detach"  # the README's name for the reader's clone
# the places the project will be published at, which do not exist yet
UNPUBLISHED = re.compile(r"github\.com/flake8-detach|flake8-detach/flake8-detach@|git\+|pip install flake8-detach\b"
                         r"|flake8-detach==|rev: v\d")
FINDING = "import torch\n\nloss = torch.ones(3, requires_grad=True).sum()\nprint(loss.data[0])\n"  # DET504 at 4:7
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
}


def git(*args, cwd: Path) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True,
                            env={**os.environ, **GIT_IDENTITY})
    return result.stdout


def section(title: str) -> str:
    """The README text under a `## title` heading, up to the next one."""
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end >= 0 else None]


def blocks(text: str, language: str) -> list:
    return re.findall(rf"```{language}\n(.*?)```", text, re.S)


def make_repo(root: Path, tag: str = None) -> Path:
    git("init", "-q", cwd=root)
    git("add", ".", cwd=root)
    git("commit", "-q", "-m", "snapshot", cwd=root)
    if tag:
        git("tag", tag, cwd=root)
    return root


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    """This project's files as they stand (tracked, and new ones not ignored), committed in a
    fresh repository without tags, as the project has none yet."""
    root = tmp_path_factory.mktemp("clone") / "flake8-detach"
    listed = git("ls-files", "--cached", "--others", "--exclude-standard", "-z", cwd=PROJECT).split("\0")
    for name in filter(None, listed):
        source = PROJECT / name
        if source.is_file():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, root / name)
    return make_repo(root)


def fresh_clone(clone: Path, where: Path) -> Path:
    git("clone", "-q", str(clone), str(where), cwd=clone)
    return where


@pytest.fixture(scope="module")
def dist(clone, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(clone)],
                   check=True, capture_output=True, timeout=900)
    return out


def fresh_venv(where: Path) -> Path:
    subprocess.run([sys.executable, "-m", "venv", str(where)], check=True, capture_output=True, timeout=300)
    return where / "bin"


def shell(command: str, cwd: Path, bin_dir: Path = None, env: dict = None) -> subprocess.CompletedProcess:
    """`command` run by bash as a user would type it, with `bin_dir` (an activated venv) first on PATH."""
    environment = {**os.environ, **(env or {})}
    environment.pop("VIRTUAL_ENV", None)
    if bin_dir is not None:
        environment["PATH"] = f"{bin_dir}{os.pathsep}{environment['PATH']}"
    return subprocess.run(["bash", "-c", command], cwd=cwd, capture_output=True, text=True, env=environment,
                          timeout=900)


def assert_works_without_torch(bin_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "train.py").write_text(FINDING)
    detach = subprocess.run([str(bin_dir / "flake8-detach"), "train.py"], cwd=tmp_path, capture_output=True, text=True)
    assert (detach.returncode, detach.stdout[:20]) == (1, "train.py:4:7: DET504"), detach.stderr
    flake8 = subprocess.run([str(bin_dir / "flake8"), "--select", "DET,E999", "train.py"], cwd=tmp_path,
                            capture_output=True, text=True)
    assert (flake8.returncode, flake8.stdout[:20]) == (1, "train.py:4:7: DET504"), flake8.stderr
    version = subprocess.run([str(bin_dir / "flake8"), "--version"], capture_output=True, text=True).stdout
    assert f"flake8-detach: {__version__}" in version
    python = bin_dir / "python"
    probe = "import importlib.util as u; print(u.find_spec('torch') is None)"
    assert subprocess.run([str(python), "-c", probe], capture_output=True, text=True).stdout == "True\n"


# ---- the version, the tag and the changelog agree ----------------------------------------


def test_readme_names_the_unpublished_places_only_as_not_yet_and_at_this_version():
    pyproject = (PROJECT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'Source = "{SOURCE_URL}"' in pyproject
    future = [line for line in README.splitlines() if UNPUBLISHED.search(line)]
    assert len(future) >= 3 and all("NOT YET" in line for line in future), future
    for line in future:
        assert set(re.findall(r"@v(\S+?)`|==([\d.]+)", line)) <= {(__version__, ""), ("", __version__)}, line
    changelog = (PROJECT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## {re.escape(__version__)} ", changelog, re.M)
    assert "git tag -a vX.Y.Z" in (PROJECT / "RELEASING.md").read_text(encoding="utf-8")


def install_commands() -> list:
    """The Install section's commands: from a clone, its wheel, and from PyPI."""
    return [line for block in blocks(section("Install"), "sh") for line in block.splitlines()
            if not line.startswith("#")]


def test_every_pip_install_in_the_readme_is_one_this_module_or_ci_runs():
    installs = {line.strip() for line in README.splitlines() if "pip install" in line}
    tested = set(install_commands())
    try_it = {line.strip() for line in blocks(section("Try it"), "sh")[0].splitlines() if "pip install" in line}
    workflow = "- run: pip install ./.flake8-detach"  # tests/test_action.py runs it
    assert workflow in section("GitHub Actions")
    benchmarks = {line.strip() for line in section("Performance").splitlines() if "pip install" in line}
    # the benchmark venv gets `pip install .` from the clone, the snippet tested below
    assert all(line.endswith("/bin/pip install .") for line in benchmarks)
    assert installs == tested | try_it | {workflow} | benchmarks


# ---- build ---------------------------------------------------------------------------------


def test_wheel_and_sdist_pass_twine_check_and_hold_the_package(dist):
    wheels, sdists = sorted(dist.glob("*.whl")), sorted(dist.glob("*.tar.gz"))
    assert [w.name for w in wheels] == [f"flake8_detach-{__version__}-py3-none-any.whl"]
    assert [s.name for s in sdists] == [f"flake8_detach-{__version__}.tar.gz"]
    check = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", *map(str, wheels + sdists)],
                           capture_output=True, text=True, timeout=300)
    assert check.returncode == 0 and check.stdout.count("PASSED") == 2, check.stdout + check.stderr
    with zipfile.ZipFile(wheels[0]) as wheel:
        names = wheel.namelist()
        info = f"flake8_detach-{__version__}.dist-info"
        entry_points = wheel.read(f"{info}/entry_points.txt").decode()
        metadata = wheel.read(f"{info}/METADATA").decode()
    assert "flake8_detach/frontends/cli.py" in names and "flake8_detach/rules/__init__.py" in names
    assert any(name.startswith(f"{info}/") and name.endswith("/LICENSE") for name in names), names
    assert not any(name.startswith("tests/") for name in names)
    assert "DET = flake8_detach.frontends.flake8_plugin:Flake8Checker" in entry_points
    assert "flake8-detach = flake8_detach.frontends.cli:main" in entry_points
    assert "Requires-Python: >=3.9" in metadata and "Description-Content-Type: text/markdown" in metadata
    torch_requirements = [line for line in metadata.splitlines() if re.match(r"Requires-Dist: torch\b", line)]
    assert torch_requirements and all("torch==2.13.0" in line and 'extra == "test"' in line
                                      for line in torch_requirements), torch_requirements
    with tarfile.open(sdists[0]) as sdist:
        members = {member.name.split("/", 1)[1] for member in sdist.getmembers() if "/" in member.name}
    assert {"pyproject.toml", "README.md", "LICENSE", "src/flake8_detach/frontends/cli.py"} <= members


# ---- the README's install snippets, as written ---------------------------------------------


def test_try_it_lints_the_example_from_a_clone(clone):
    command = next(line for line in blocks(section("Try it"), "sh")[0].splitlines() if "examples/" in line)
    result = shell(command, clone)
    assert result.returncode == 1, result.stderr[-3000:]
    lines = result.stdout.splitlines()
    assert lines and all(re.match(r"examples/article_patterns\.py:\d+:\d+: DET\d{3} ", line) for line in lines)


@pytest.mark.parametrize("where", ["clone", "wheel", "PyPI"])
def test_install_snippet_works_as_written(where, clone, dist, tmp_path):
    commands = install_commands()
    assert len(commands) == 3, commands
    command = commands[["clone", "wheel", "PyPI"].index(where)]
    bin_dir = fresh_venv(tmp_path / "venv")
    env, cwd = {}, fresh_clone(clone, tmp_path / "flake8-detach")
    if where == "PyPI":  # the name resolves to the wheel just built, as it will on the index
        assert "NOT YET" in command
        env["PIP_FIND_LINKS"] = " ".join(filter(None, [str(dist), os.environ.get("PIP_FIND_LINKS")]))
        cwd = tmp_path
    result = shell(command, cwd, bin_dir, env)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    if where == "wheel":
        assert [wheel.name for wheel in (cwd / "dist").iterdir()] == [f"flake8_detach-{__version__}-py3-none-any.whl"]
    assert_works_without_torch(bin_dir, tmp_path)


# ---- the README's pre-commit configurations, as written --------------------------------------


@pytest.fixture(scope="module")
def flake8_hooks_repo(tmp_path_factory) -> Path:
    """flake8's hook repository at the README's `rev:`: its sdist from PyPI with the hook
    definition flake8 publishes, tagged like flake8's repository."""
    rev = re.search(rf"- repo: {re.escape(FLAKE8_URL)}\n\s+rev: (\S+)", README).group(1)
    download = tmp_path_factory.mktemp("flake8_sdist")
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                    f"flake8=={rev}", "-d", str(download)], check=True, capture_output=True, timeout=600)
    with tarfile.open(next(download.glob("flake8-*.tar.gz"))) as sdist:
        sdist.extractall(download, filter="data")  # files owned by us, or git calls the repository unsafe
    repo = next(path for path in download.iterdir() if path.is_dir())
    (repo / ".pre-commit-hooks.yaml").write_text(
        "- id: flake8\n  name: flake8\n  entry: flake8\n  language: python\n  types: [python]\n"
        "  require_serial: true\n"
    )
    return make_repo(repo, rev)


@pytest.fixture
def target(tmp_path) -> Path:
    """A user's repository: a finding in train.py, one in legacy/, which its pyproject excludes."""
    root = tmp_path / "target"
    (root / "legacy").mkdir(parents=True)
    (root / "train.py").write_text(FINDING)
    (root / "legacy" / "old.py").write_text(FINDING)
    (root / "pyproject.toml").write_text('[tool.flake8-detach]\nexclude = ["legacy"]\n')
    git("init", "-q", cwd=root)
    return root


def pre_commit(config: str, root: Path, home: Path) -> subprocess.CompletedProcess:
    (root / ".pre-commit-config.yaml").write_text(config)
    git("add", ".", cwd=root)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
        cwd=root, capture_output=True, text=True, timeout=900,
        env={**os.environ, **GIT_IDENTITY, "PRE_COMMIT_HOME": str(home)},
    )


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre_commit_home")


def head(repo: Path) -> str:
    return git("rev-parse", "HEAD", cwd=repo).strip()


def config_rev(root: Path) -> str:
    return re.search(r"^\s+rev: (\S+)", (root / ".pre-commit-config.yaml").read_text(), re.M).group(1)


def test_pre_commit_hook_config_works_as_written_and_honours_the_pyproject_exclude(clone, target, pre_commit_home):
    config = blocks(section("pre-commit"), "yaml")[0]
    assert f"repo: {CLONE_PLACEHOLDER}\n" in config
    autoupdate, run = blocks(section("pre-commit"), "sh")[0].splitlines()
    environment = {**GIT_IDENTITY, "PRE_COMMIT_HOME": str(pre_commit_home)}
    bin_dir = Path(sys.executable).parent  # where pre-commit is installed

    def as_written(command: str) -> subprocess.CompletedProcess:
        git("add", ".", cwd=target)
        return shell(command.replace(CLONE_PLACEHOLDER, str(clone)), target, bin_dir, environment)

    (target / ".pre-commit-config.yaml").write_text(config.replace(CLONE_PLACEHOLDER, str(clone)))
    result = as_written(autoupdate)
    assert result.returncode == 0, result.stdout + result.stderr
    assert config_rev(target) == head(clone)  # the clone has no tags: its newest commit
    result = as_written(run)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "train.py:4:7: DET504" in result.stdout
    assert "legacy" not in result.stdout  # pre-commit named legacy/old.py; the exclude covers it
    assert "mutable reference" not in result.stdout + result.stderr

    (target / "train.py").write_text(FINDING.replace("loss.data[0]", "loss.item()"))
    result = as_written(run)
    assert result.returncode == 0 and "Passed" in result.stdout, result.stdout + result.stderr

    git("tag", TAG, cwd=clone)  # once the release is tagged, autoupdate takes the tag
    try:
        result = as_written(autoupdate)
        assert result.returncode == 0 and config_rev(target) == TAG, result.stdout + result.stderr
    finally:
        git("tag", "-d", TAG, cwd=clone)


def test_flake8_pre_commit_config_installs_the_plugin_and_keeps_e999(clone, flake8_hooks_repo, target, tmp_path):
    config = blocks(section("pre-commit"), "yaml")[1]
    assert f"- {CLONE_PLACEHOLDER}   #" in config and "--select" not in config
    mine = fresh_clone(clone, tmp_path / "flake8-detach")
    config = config.replace(FLAKE8_URL, str(flake8_hooks_repo)).replace(CLONE_PLACEHOLDER, str(mine))
    (target / "broken.py").write_text("import torch\nprint 'x'\n")
    home = tmp_path / "pre_commit_home"
    result = pre_commit(config, target, home)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "train.py:4:7: DET504" in result.stdout
    assert "broken.py:2:" in result.stdout and "E999" in result.stdout

    # The clone changes (here, DET504's message): pre-commit keeps the install it made ...
    rule = mine / "src" / "flake8_detach" / "rules" / "det504_zero_dim_as_sequence.py"
    source = rule.read_text(encoding="utf-8")
    rule.write_text(source.replace("{use} a 0-dim tensor:", "{use} a zero-dim tensor:"))
    assert rule.read_text(encoding="utf-8") != source
    result = pre_commit(config, target, home)
    assert "indexes a 0-dim tensor" in result.stdout, result.stdout + result.stderr
    # ... until `pre-commit clean`, as the README says
    clean = re.search(r"`(pre-commit clean)`", section("pre-commit")).group(1)
    assert shell(clean, target, Path(sys.executable).parent, {"PRE_COMMIT_HOME": str(home)}).returncode == 0
    result = pre_commit(config, target, home)
    assert "indexes a zero-dim tensor" in result.stdout and "0-dim" not in result.stdout, result.stdout + result.stderr
