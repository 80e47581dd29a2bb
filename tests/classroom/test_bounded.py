"""A teacher's run over a class stays fast and small whatever a file holds: each transcript is
read once, a file of more turns than any game has is refused before its turns are built, a
refused file keeps no turns, and ``verify`` prints each file's line as soon as it is done."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import game.classroom.verify as verify_module
from game.classroom.classcode import decode, encode
from game.classroom.verify import Against, each_verdict, verify_file, verify_files
from game.cli import main
from game.engine import Scenario
from game.engine.transcript import MAX_TURNS, Transcript, TranscriptError, from_document
from game.store import transcripts as transcripts_module
from game.store.mode import Mode
from game.store.transcripts import read_transcript
from tests.classroom.games import adas_game, three_students

CODE = encode("HNOI", 1, Mode.GRADED)


def _with_bare_turns(path: Path, count: int) -> Path:
    """Ada's game with ``count`` empty ``[[turns]]`` tables after its turns."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "[[turns]]\n" * count, encoding="utf-8")
    return path


def test_more_turns_than_any_game_has_is_refused_before_it_is_parsed(
    tmp_path: Path, hanoi: Scenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _with_bare_turns(adas_game(tmp_path / "ada.toml", hanoi), MAX_TURNS + 1)

    def never(text: str, source: str) -> object:
        raise AssertionError("parsed a file of too many turns")

    monkeypatch.setattr(transcripts_module, "parse_toml", never)
    verdict = verify_file(path)
    assert not verdict.ok and verdict.transcript is None
    assert verdict.message.startswith("not a valid transcript: line ")
    assert verdict.message.endswith(f"turn {MAX_TURNS + 1}: more turns than any game has (1000)")


def test_a_document_of_too_many_turns_is_refused_in_one_line() -> None:
    document = {"game": "hanoi-summit", "engine": 3, "turns": [{}] * (MAX_TURNS + 1)}
    with pytest.raises(TranscriptError) as raised:
        from_document(document, "x.toml")
    assert raised.value.problems == [
        f"x.toml: turns: {MAX_TURNS + 1} turns, more than any game has ({MAX_TURNS})"
    ]


def test_an_empty_turn_table_is_named_as_such(tmp_path: Path, hanoi: Scenario) -> None:
    path = _with_bare_turns(adas_game(tmp_path / "ada.toml", hanoi), 3)
    turns = len(read_transcript(adas_game(tmp_path / "plain.toml", hanoi)).turns)
    message = verify_file(path).message
    assert message == (
        f"turns[{turns}]: an empty turn: a [[turns]] line with no keys under it (no n, move ...)"
    )
    assert "appears twice" not in message


def test_a_turn_without_its_number_says_the_key_is_missing(tmp_path: Path, hanoi: Scenario) -> None:
    path = adas_game(tmp_path / "ada.toml", hanoi)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nn = 2\n", "\n", 1), encoding="utf-8")
    assert verify_file(path).message == (
        "turns[1].n: expected a value, got nothing (the key is missing)"
    )


def _counting_reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    reads: list[Path] = []

    def counted(path: Path) -> Transcript:
        reads.append(path)
        return read_transcript(path)

    monkeypatch.setattr(verify_module, "read_transcript", counted)
    return reads


def test_each_file_is_read_once_even_when_refused(
    tmp_path: Path, hanoi: Scenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = [Path(name) for name in three_students(tmp_path, hanoi)]
    reads = _counting_reads(monkeypatch)
    # Another class's code refuses every game, which then replays without it (can it vouch?).
    verdicts = verify_files(paths, Against(decode(encode("HNOI", 2, Mode.GRADED))))
    assert [v.ok for v in verdicts] == [False, False, False]
    assert reads == paths


def test_a_refused_file_keeps_no_turns(tmp_path: Path, hanoi: Scenario) -> None:
    paths = [Path(name) for name in three_students(tmp_path, hanoi)]
    verdicts = verify_files(paths, Against(decode(encode("HNOI", 2, Mode.GRADED))))
    assert all(v.transcript is not None and v.transcript.turns == () for v in verdicts)
    assert all(v.transcript is not None and v.transcript.player for v in verdicts)
    kept = verify_files(paths)
    assert all(v.ok and v.transcript is not None and v.transcript.turns for v in kept)


def test_verdicts_come_one_file_at_a_time(
    tmp_path: Path, hanoi: Scenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = [Path(name) for name in three_students(tmp_path, hanoi)]
    reads = _counting_reads(monkeypatch)
    verdicts = each_verdict(paths)
    assert next(verdicts).ok and len(reads) == 1
    assert next(verdicts).ok and len(reads) == 2


def test_verify_prints_each_line_before_the_next_file_is_read(
    tmp_path: Path,
    hanoi: Scenario,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    names = three_students(tmp_path, hanoi)
    printed: list[str] = []

    def counted(path: Path) -> Transcript:
        printed.append(getattr(sys.stdout, "getvalue", str)())
        return read_transcript(path)

    monkeypatch.setattr(verify_module, "read_transcript", counted)
    assert main(["verify", *names]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"{name}: ok" for name in names]
    assert [text.splitlines() for text in printed] == [[], lines[:1], lines[:2]]
