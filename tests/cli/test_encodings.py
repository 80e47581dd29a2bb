"""Standard output that cannot encode every character the game writes (a Windows pipe without
``PYTHONUTF8=1``; ``PYTHONIOENCODING=ascii``): every command still runs to its end, JSON stays
the same JSON, and text shows the nearest plain characters. A play-test: the first minus sign
(a proposal's costs, over stdio) ended the game in a traceback, and its transcript was lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
SESSION = "peace_declaration:declaration\nliaison_offices\namend\n"
"""Moves for seed 1 that reach their first proposal (with minus signs in its costs) and answer
it."""


def _game(*argv: str | Path, encoding: str, stdin: str = "") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "game", *map(str, argv)],
        input=stdin.encode(),
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": encoding},
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
def test_stdio_writes_the_same_json_and_the_transcript_whatever_the_encoding(
    tmp_path: Path, encoding: str
) -> None:
    lines = {}
    for used in ("utf-8", encoding):
        transcript = tmp_path / f"{used}.toml"
        ran = _game(
            "play",
            "--headless",
            "--stdio",
            "--seed",
            "1",
            "--transcript",
            transcript,
            encoding=used,
            stdin=SESSION,
        )
        assert ran.returncode == 1, ran.stderr  # the input ended before the summit did
        assert b"Traceback" not in ran.stderr
        lines[used] = [json.loads(line) for line in ran.stdout.decode(used).splitlines()]
        assert transcript.is_file()
    assert lines[encoding] == lines["utf-8"]
    assert any("\u2212" in json.dumps(line, ensure_ascii=False) for line in lines["utf-8"])
    texts = {used: (tmp_path / f"{used}.toml").read_bytes() for used in ("utf-8", encoding)}
    assert texts[encoding] == texts["utf-8"]  # a file is UTF-8 whatever standard output is


def test_a_replay_shows_plain_characters_where_the_encoding_has_none() -> None:
    ran = _game("replay", GOLDEN / "essay_seed4.toml", encoding="ascii")
    assert ran.returncode == 0, ran.stderr
    shown = ran.stdout.decode("ascii")
    golden = (GOLDEN / "essay_seed4.txt").read_text(encoding="utf-8")
    assert len(shown.splitlines()) == len(golden.splitlines())
    assert "Seoul 60 supportive - Tokyo 48 wary - Beijing 48 wary" in shown
    assert "\u00b7" in golden


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
def test_json_output_reads_back_the_same_whatever_the_encoding(encoding: str) -> None:
    argv = ("replay", GOLDEN / "essay_seed4.toml", "--format", "json")
    written = {used: _game(*argv, encoding=used) for used in ("utf-8", encoding)}
    assert written[encoding].returncode == 0, written[encoding].stderr
    assert json.loads(written[encoding].stdout.decode(encoding)) == json.loads(
        written["utf-8"].stdout.decode("utf-8")
    )
