"""Lint, format and strict typing are part of the test suite."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize(
    "command",
    [("ruff", "check", "."), ("ruff", "format", "--check", "."), ("mypy",)],
    ids=["ruff-check", "ruff-format", "mypy-strict"],
)
def test_the_code_is_clean(command: tuple[str, ...]) -> None:
    result = _run(*command)
    assert result.returncode == 0, result.stdout + result.stderr


ENGINE_BANS = {
    "pygame": r"^\s*(import|from) pygame",
    "the UI": r"game\.ui",
    "global random state": r"^\s*(import|from) random\b",
    "the clock": r"^\s*(import|from) (time|datetime)\b",
    "file I/O": r"(?<![\w.])open\(|\.read_text\(|\.write_text\(|\bPath\(",
}


@pytest.mark.parametrize("what", sorted(ENGINE_BANS))
def test_the_engine_stays_pure(what: str) -> None:
    pattern = re.compile(ENGINE_BANS[what], re.MULTILINE)
    for path in (ROOT / "game" / "engine").glob("*.py"):
        found = pattern.search(path.read_text(encoding="utf-8"))
        assert found is None, f"{path.name} uses {what}: {found.group(0) if found else ''}"


def test_no_code_executes_data() -> None:
    for path in (ROOT / "game").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for banned in ("eval(", "exec(", "import pickle", "marshal.loads"):
            assert banned not in text, f"{path} uses {banned!r}"
