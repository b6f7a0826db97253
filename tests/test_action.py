"""action.yml, run the way GitHub runs a composite action: its `${{ ... }}` expressions are
replaced for a set of inputs, and each `run:` step is run by `bash --noprofile --norc -eo
pipefail` in a workspace holding a small project with a known finding. The fast tests run the
check step against the installed package (standing in for the install step); the slow one runs
the install step too, into a fresh virtual environment from a copy of the action's files.
The README's workflow examples are parsed and their steps run the same way."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from flake8_detach import __version__

PROJECT = Path(__file__).resolve().parent.parent
ACTION = yaml.safe_load((PROJECT / "action.yml").read_text(encoding="utf-8"))
README = (PROJECT / "README.md").read_text(encoding="utf-8")
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
FINDING = "import torch\n\nloss = torch.ones(3, requires_grad=True).sum()\nprint(loss.data[0])\n"  # DET504 at 4:7
CLEAN = FINDING.replace("loss.data[0]", "loss.item()")
ANNOTATION = "::error file=train.py,line=4,col=7,endLine=4,endColumn=19,title=DET504 zero-dim-as-sequence::"


def steps(*ids: str) -> list:
    by_id = {step["id"]: step for step in ACTION["runs"]["steps"]}
    return [by_id[step_id] for step_id in ids]


def expand(text: str, context: dict) -> str:
    """`text` with each `${{ name }}` replaced by its value; only the names the action may use."""
    def value(match):
        if match.group(1) not in context:
            raise AssertionError(f"action.yml uses an expression this test does not know: {match.group(0)}")
        return context[match.group(1)]
    return EXPRESSION.sub(value, text)


def run_steps(chosen: list, workspace: Path, runner_temp: Path, action_path: Path, inputs: dict) -> list:
    """Run the `run:` steps as GitHub does: inputs not given take their defaults, an input the
    action does not declare is a mistake, the job stops at the first step that fails."""
    assert set(inputs) <= set(ACTION["inputs"]), f"undeclared inputs: {set(inputs) - set(ACTION['inputs'])}"
    context = {f"inputs.{name}": str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()}
    context.update({f"inputs.{name}": str(value) for name, value in inputs.items()})
    context.update({"github.action_path": str(action_path), "runner.temp": str(runner_temp)})
    base_env = {name: value for name, value in os.environ.items() if name != "VIRTUAL_ENV"}
    base_env.update({"GITHUB_ACTION_PATH": str(action_path), "RUNNER_TEMP": str(runner_temp),
                     "GITHUB_WORKSPACE": str(workspace), "GITHUB_ACTIONS": "true"})
    results = []
    for step in chosen:
        script = runner_temp / f"step-{step['id']}.sh"
        script.write_text(expand(step["run"], context))
        env = {**base_env, **{name: expand(str(value), context) for name, value in step.get("env", {}).items()}}
        result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], cwd=workspace,
                                env=env, capture_output=True, text=True, timeout=900)
        results.append(result)
        if result.returncode != 0:
            break
    return results


def installed_command_in_place(runner_temp: Path) -> None:
    """What the install step leaves behind, made from the package installed for this test run:
    the command at the path the check step runs."""
    command = Path(expand(steps("check")[0]["env"]["FLAKE8_DETACH"], {"runner.temp": str(runner_temp)}))
    installed = Path(sys.executable).parent / "flake8-detach"
    assert installed.is_file(), installed
    if not command.exists():
        command.parent.mkdir(parents=True)
        command.symlink_to(installed)


@pytest.fixture
def workspace(tmp_path) -> Path:
    root = tmp_path / "workspace"
    root.mkdir()
    (root / "train.py").write_text(FINDING)
    return root


@pytest.fixture
def runner_temp(tmp_path) -> Path:
    root = tmp_path / "runner_temp"
    root.mkdir()
    return root


def check(workspace: Path, runner_temp: Path, **inputs) -> subprocess.CompletedProcess:
    installed_command_in_place(runner_temp)
    [result] = run_steps(steps("check"), workspace, runner_temp, PROJECT, inputs)
    return result


def copy_tracked_files(destination: Path) -> Path:
    """This project's files as a checkout has them (tracked, and new ones not ignored)."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=PROJECT,
                            check=True, capture_output=True, text=True).stdout.split("\0")
    for name in filter(None, listed):
        if (PROJECT / name).is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(PROJECT / name, destination / name)
    return destination


def section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end >= 0 else None]


# ---- the action's shape ----------------------------------------------------------------------


def test_action_is_a_composite_of_bash_steps_with_documented_inputs():
    assert ACTION["runs"]["using"] == "composite"
    assert [step["id"] for step in ACTION["runs"]["steps"]] == ["install", "check"]
    assert all(step["shell"] == "bash" for step in ACTION["runs"]["steps"])
    assert {name: spec["default"] for name, spec in ACTION["inputs"].items()} == {
        "paths": ".", "args": "", "sarif-file": ""}
    assert all(spec["description"] and spec["required"] is False for spec in ACTION["inputs"].values())
    # every input is documented in the README's table
    table = section("GitHub Actions")
    assert all(f"| `{name}` | " in table for name in ACTION["inputs"])


def test_inputs_reach_the_scripts_only_through_the_environment():
    """An expression inside `run:` is pasted into the script before bash reads it, so an input
    holding `"; rm -rf ~` would run; in `env:` it is only a value."""
    for step in ACTION["runs"]["steps"]:
        assert "${{" not in step["run"], step["id"]
    used = {expression for step in ACTION["runs"]["steps"] for value in step["env"].values()
            for expression in EXPRESSION.findall(str(value))}
    assert used == {"github.action_path", "runner.temp", *(f"inputs.{name}" for name in ACTION["inputs"])}


def test_the_check_step_runs_the_command_the_install_step_makes():
    install, check_step = steps("install", "check")
    context = {"runner.temp": "/tmp/runner", "github.action_path": "/action"}
    venv = expand(install["env"]["VENV"], context)
    assert expand(check_step["env"]["FLAKE8_DETACH"], context) == f"{venv}/bin/flake8-detach"
    assert '"$VENV/bin/flake8-detach" --version' in install["run"]


# ---- the check step, against the installed package -------------------------------------------


def test_findings_become_annotations_and_fail_the_step(workspace, runner_temp):
    result = check(workspace, runner_temp)
    assert result.returncode == 1, result.stderr
    [line] = result.stdout.splitlines()
    assert line.startswith(ANNOTATION) and "loss.data[0]" in line
    assert list(workspace.iterdir()) == [workspace / "train.py"]  # no SARIF file unless asked


def test_clean_code_passes_quietly(workspace, runner_temp):
    (workspace / "train.py").write_text(CLEAN)
    result = check(workspace, runner_temp)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_paths_are_split_on_spaces_and_newlines_and_args_are_passed_on(workspace, runner_temp):
    for name in ("src", "lib", "other"):
        (workspace / name).mkdir()
        (workspace / name / "train.py").write_text(FINDING)
    result = check(workspace, runner_temp, paths="src lib\nother/train.py")
    assert result.returncode == 1, result.stderr
    assert [line.split(",")[0] for line in result.stdout.splitlines()] == [
        "::error file=lib/train.py", "::error file=other/train.py", "::error file=src/train.py"]

    result = check(workspace, runner_temp, paths="src lib", args="--exclude lib")
    assert [line.split(",")[0] for line in result.stdout.splitlines()] == ["::error file=src/train.py"]

    result = check(workspace, runner_temp, args="--ignore DET504 --exclude src,lib,other")
    assert (result.returncode, result.stdout) == (0, ""), result.stderr


def test_a_star_in_the_inputs_is_not_expanded_by_the_shell(workspace, runner_temp):
    """`--exclude test_*.py` must reach flake8-detach as written: expanded by bash next to a
    test_a.py and a test_b.py, test_b.py would become a path to check."""
    (workspace / "test_a.py").write_text(FINDING)
    (workspace / "test_b.py").write_text(FINDING)
    result = check(workspace, runner_temp, args="--exclude test_*.py")
    assert result.returncode == 1, result.stderr
    assert [line.split(",")[0] for line in result.stdout.splitlines()] == ["::error file=train.py"]


def test_sarif_file_holds_the_same_findings_and_the_annotations_stay(workspace, runner_temp):
    result = check(workspace, runner_temp, **{"sarif-file": "reports/flake8-detach.sarif"})
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith(ANNOTATION) and result.stderr == ""
    sarif = json.loads((workspace / "reports" / "flake8-detach.sarif").read_text())
    assert sarif["version"] == "2.1.0"
    [finding] = sarif["runs"][0]["results"]
    location = finding["locations"][0]["physicalLocation"]
    assert finding["ruleId"] == "DET504"
    assert (location["artifactLocation"]["uri"], location["region"]["startLine"]) == ("train.py", 4)

    (workspace / "train.py").write_text(CLEAN)
    result = check(workspace, runner_temp, **{"sarif-file": "flake8-detach.sarif"})
    assert (result.returncode, result.stdout) == (0, ""), result.stderr
    assert json.loads((workspace / "flake8-detach.sarif").read_text())["runs"][0]["results"] == []


def test_a_usage_error_fails_the_step_with_one_message(workspace, runner_temp):
    result = check(workspace, runner_temp, args="--select nope", **{"sarif-file": "flake8-detach.sarif"})
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("flake8-detach: error: --select: 'nope'") == 1, result.stderr


def test_a_sarif_file_that_cannot_be_written_fails_the_step(workspace, runner_temp):
    (workspace / "train.py").write_text(CLEAN)
    (workspace / "reports").write_text("a file where the SARIF file's directory should be")
    result = check(workspace, runner_temp, **{"sarif-file": "reports/flake8-detach.sarif"})
    assert result.returncode != 0, result.stdout + result.stderr


# ---- the README's workflows ------------------------------------------------------------------


def readme_workflows() -> list:
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", section("GitHub Actions"), re.S)]


def test_readme_workflow_uses_the_action_from_its_checkout(workspace, runner_temp):
    workflow, plain_steps = readme_workflows()
    job_steps = workflow["jobs"]["flake8-detach"]["steps"]
    assert job_steps[0] == {"uses": "actions/checkout@v4"}
    checkout_path = job_steps[1]["with"]["path"]
    action_step, upload = job_steps[2], job_steps[3]
    assert action_step["uses"] == f"./{checkout_path}"
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@") and upload["if"] == "always()"
    assert upload["with"]["sarif_file"] == action_step["with"]["sarif-file"]
    assert workflow["jobs"]["flake8-detach"]["permissions"]["security-events"] == "write"

    # the action's own checkout, with the tests' many findings, sits in the workspace it checks
    copy_tracked_files(workspace / checkout_path)
    result = check(workspace, runner_temp, **action_step["with"])
    assert result.returncode == 1, result.stderr
    assert [line.split(",")[0] for line in result.stdout.splitlines()] == ["::error file=train.py"]
    assert json.loads((workspace / upload["with"]["sarif_file"]).read_text())["runs"][0]["results"]


def test_readme_names_the_published_action_by_the_release_tag():
    published = [paragraph for paragraph in section("GitHub Actions").split("\n\n") if "/flake8-detach@" in paragraph]
    assert len(published) == 1 and "(NOT YET)" in published[0]
    assert f"`uses: flake8-detach/flake8-detach@v{__version__}`" in published[0]


def test_readme_plain_workflow_checks_like_the_action(workspace):
    """Its last step, with the installed package on PATH; the slow test runs the install."""
    _, plain_steps = readme_workflows()
    command = plain_steps[-1]["run"]
    checkout_path = plain_steps[-2]["run"].split("pip install ./")[1]
    copy_tracked_files(workspace / checkout_path)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(["bash", "-eo", "pipefail", "-c", command], cwd=workspace, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    assert [line.split(",")[0] for line in result.stdout.splitlines()] == ["::error file=train.py"]


# ---- the whole action, install included (PyPI for the dependencies) ------------------------------


@pytest.mark.slow
def test_action_installs_itself_from_its_checkout_and_checks(workspace, runner_temp, tmp_path):
    action_path = copy_tracked_files(tmp_path / "action")
    before = sorted(path.relative_to(action_path) for path in action_path.rglob("*"))
    results = run_steps(steps("install", "check"), workspace, runner_temp, action_path,
                        {"sarif-file": "flake8-detach.sarif"})
    install, check_result = results
    assert install.returncode == 0, install.stdout + install.stderr[-3000:]
    assert install.stdout == f"flake8-detach {__version__}\n"
    assert check_result.returncode == 1, check_result.stderr
    assert check_result.stdout.startswith(ANNOTATION)
    assert json.loads((workspace / "flake8-detach.sarif").read_text())["runs"][0]["results"]
    # nothing was built in the action's files (they may be in the checked workspace)
    assert sorted(path.relative_to(action_path) for path in action_path.rglob("*")) == before
    python = Path(expand(steps("install")[0]["env"]["VENV"], {"runner.temp": str(runner_temp)})) / "bin" / "python"
    probe = "import importlib.util as u; print(u.find_spec('torch') is None)"
    assert subprocess.run([str(python), "-c", probe], capture_output=True, text=True).stdout == "True\n"

    # the README's plain workflow: its pip install, into a fresh venv standing for the runner's Python
    _, plain_steps = readme_workflows()
    subprocess.run([sys.executable, "-m", "venv", str(tmp_path / "venv")], check=True, timeout=300)
    copy_tracked_files(workspace / plain_steps[-2]["run"].split("pip install ./")[1])
    env = {name: value for name, value in os.environ.items() if name != "VIRTUAL_ENV"}
    env["PATH"] = f"{tmp_path / 'venv' / 'bin'}{os.pathsep}{env['PATH']}"
    install, check_result = (subprocess.run(["bash", "-eo", "pipefail", "-c", step["run"]], cwd=workspace, env=env,
                                            capture_output=True, text=True, timeout=900)
                             for step in plain_steps[-2:])
    assert install.returncode == 0, install.stdout + install.stderr[-3000:]
    result = check_result
    assert result.returncode == 1, result.stderr
    assert [line.split(",")[0] for line in result.stdout.splitlines()] == ["::error file=train.py"]
