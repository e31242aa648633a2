#!/usr/bin/env python3
"""Set up flankwatch on a fresh machine and run a job: `demo` or `test`.

Creates ./.venv with the running Python (3.11 or newer), installs the project
with its pinned dependencies, then runs the main job on the bundled sample
corpus (demo) or the whole test suite (test). Rerunning skips what is done.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".flankwatch-installed"


def _run(*cmd: str | Path) -> int:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.call([str(c) for c in cmd], cwd=ROOT)


def _ensure_env() -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"flankwatch needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not (BIN / "python").exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    pip = [BIN / "python", "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    if _run(*pip, "-e", f"{ROOT}[dev]") != 0:
        sys.exit("installing flankwatch failed; see the pip output above")
    STAMP.write_text(wanted)


def main(argv: list[str]) -> int:
    job = argv[0] if argv else "demo"
    _ensure_env()
    if job == "demo":
        return _run(BIN / "flankwatch", "demo", *argv[1:])
    if job == "test":
        return _run(BIN / "python", "-m", "pytest", *argv[1:])
    print(f"unknown job {job!r}: use demo or test", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
