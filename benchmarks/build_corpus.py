"""Build the benchmark corpus: the .py files of pinned PyTorch-ecosystem wheels.

    python benchmarks/build_corpus.py [--cache DIR]

Layout under the cache dir (default benchmarks/.cache/):
    wheels/                      the downloaded wheels (never committed)
    corpus/full/<package>/...    every .py file of each wheel
    corpus/subset/<package>/...  every 20th file of the full corpus, sorted by path

Re-running skips the downloads and extractions that are already done.
"""

import argparse
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

# Pinned so that numbers from different days compare; change only on purpose.
PINS = {
    "transformers": "5.24.0",
    "timm": "1.0.31",
    "torchvision": "0.29.1",
    "lightning": "2.6.6",
    "torchmetrics": "1.9.0",
    "accelerate": "1.15.0",
    "peft": "0.21.2",
}
SUBSET_STEP = 20
DEFAULT_CACHE = Path(__file__).resolve().parent / ".cache"


def wheel_for(wheels: Path, package: str, version: str) -> Path:
    """Download the wheel unless it is already in `wheels`; stop if the pin does not exist."""
    prefix = f"{package.replace('-', '_')}-{version}-".lower()
    found = [w for w in wheels.glob("*.whl") if w.name.lower().startswith(prefix)]
    if found:
        return found[0]
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
           "-d", str(wheels), f"{package}=={version}"]
    result = subprocess.run(cmd, capture_output=True, text=True)
    found = [w for w in wheels.glob("*.whl") if w.name.lower().startswith(prefix)]
    if result.returncode != 0 or not found:
        sys.exit(f"error: could not download {package}=={version} from PyPI; not substituting "
                 f"another version.\n{result.stdout}{result.stderr}")
    return found[0]


def extract(wheel: Path, dest: Path, version: str) -> None:
    """Extract the wheel's .py files into dest, unless a finished extraction of this version is there."""
    stamp = dest / ".version"
    if stamp.exists() and stamp.read_text() == version:
        return
    if dest.exists():
        shutil.rmtree(dest)
    with zipfile.ZipFile(wheel) as zf:
        for name in zf.namelist():
            # .dist-info holds metadata only; .data/ holds installer scripts, not library code.
            top = name.split("/", 1)[0]
            if name.endswith(".py") and not top.endswith((".dist-info", ".data")):
                target = dest / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(zf.read(name))
    stamp.write_text(version)  # written last, so an interrupted extraction is redone


def build_subset(full: Path, subset: Path) -> None:
    files = sorted(p.relative_to(full) for p in full.rglob("*.py"))
    if subset.exists():
        shutil.rmtree(subset)
    for rel in files[::SUBSET_STEP]:
        (subset / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(full / rel, subset / rel)


def count(root: Path) -> tuple[int, int]:
    files = list(root.rglob("*.py"))
    lines = sum(p.read_bytes().count(b"\n") for p in files)
    return len(files), lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    args = parser.parse_args()

    wheels = args.cache / "wheels"
    full = args.cache / "corpus" / "full"
    subset = args.cache / "corpus" / "subset"
    wheels.mkdir(parents=True, exist_ok=True)

    for package, version in PINS.items():
        extract(wheel_for(wheels, package, version), full / package, version)
    # Cheap to redo, and redoing it keeps it in step with whatever is in full/.
    build_subset(full, subset)

    print(f"{'package':<14} {'version':<9} {'files':>6} {'lines':>10}")
    for package, version in PINS.items():
        files, lines = count(full / package)
        print(f"{package:<14} {version:<9} {files:>6} {lines:>10,}")
    for name, root in (("full", full), ("subset", subset)):
        files, lines = count(root)
        print(f"{name:<24} {files:>6} {lines:>10,}   {root}")


if __name__ == "__main__":
    main()
