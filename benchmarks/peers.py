"""Create one virtual environment per peer tool under benchmarks/.cache/venvs/.

    python benchmarks/peers.py

venvs/flake8           plain flake8 (the E,W,F baseline: no plugins installed, because
                       flake8 runs every installed plugin whatever --select says) and
                       libcst for the parse baseline when flake8-detach is not installed
venvs/torchfix         TorchFix, run as `flake8 --select TOR`
venvs/torch-preflight  torch-preflight, run as `torch-preflight check -j 1`

Neither peer needs torch (only their optional extras do), so none is installed.
Re-running skips a venv whose pins have not changed.
"""

import subprocess
import venv
from pathlib import Path

VENVS_DIR = Path(__file__).resolve().parent / ".cache" / "venvs"

# Exact versions, so that numbers from different days compare. pycodestyle and
# pyflakes are pinned with flake8 because they do most of its work.
FLAKE8 = ["flake8==7.5.0", "pycodestyle==2.15.0", "pyflakes==4.1.0"]
PINS = {
    "flake8": FLAKE8 + ["libcst==1.9.0"],
    "torchfix": FLAKE8 + ["torchfix==0.7.0", "libcst==1.5.1", "PyYAML==6.0.4"],
    "torch-preflight": ["torch-preflight==0.5.0", "libcst==1.9.0", "rich==15.0.0"],
}


def ensure(name: str, pins: list[str]) -> None:
    path = VENVS_DIR / name
    stamp = path / "pins.txt"
    wanted = "\n".join(pins) + "\n"
    if stamp.exists() and stamp.read_text() == wanted:
        print(f"{name}: up to date")
        return
    print(f"{name}: creating {path}")
    venv.create(path, clear=True, with_pip=True)
    subprocess.run([str(path / "bin" / "python"), "-m", "pip", "install", "-q", *pins], check=True)
    stamp.write_text(wanted)  # written last, so a failed install is retried


def main() -> None:
    for name, pins in PINS.items():
        ensure(name, pins)
    for name in PINS:
        freeze = subprocess.run([str(VENVS_DIR / name / "bin" / "python"), "-m", "pip", "freeze"],
                                capture_output=True, text=True, check=True).stdout.split()
        print(f"{name}: {' '.join(freeze)}")


if __name__ == "__main__":
    main()
