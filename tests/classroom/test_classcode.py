"""Class codes: they round-trip, catch typing slips, fit the scenario played, and are made only
for installed scenarios."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.classroom.classcode import ClassCodeError, decode, encode
from game.cli import main
from game.engine import Scenario
from game.engine.strategies import play
from game.store.mode import Mode
from game.store.transcripts import write_transcript
from game.store.who import Who

CODE = encode("HNOI", 321, Mode.GRADED)


def test_class_codes_round_trip_and_reject_typos() -> None:
    for seed in (0, 1, 777, 32767):
        for mode in Mode:
            code = encode("HNOI", seed, mode)
            assert re.fullmatch(r"HNOI-[0-9A-Z]{4}", code)
            decoded = decode(code)
            assert (decoded.prefix, decoded.seed, decoded.mode) == ("HNOI", seed, mode)
            assert decode(" " + code.lower().replace("-", "") + " ") == decoded
    with pytest.raises(ClassCodeError, match="seeds from 0 to 32767"):
        encode("HNOI", 40_000, Mode.PRACTICE)
    with pytest.raises(ClassCodeError, match="looks like HNOI-16JJ"):
        decode("HNOI-7F3")
    # Most single-character slips are caught by the check digit.
    code = encode("HNOI", 4321, Mode.PRACTICE)
    caught = 0
    for position in range(5, 9):
        for char in "0123456789ABCDEFGHJKMNPQRSTVWXYZ":
            if char == code[position]:
                continue
            try:
                decode(code[:position] + char + code[position + 1 :])
            except ClassCodeError:
                caught += 1
    assert caught / (4 * 31) > 0.85


def test_the_code_command_prints_a_code_for_the_teacher(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["code", "--seed", "321", "--mode", "graded"]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == CODE
    assert "graded mode" in err and f"--code {CODE}" in err


def test_a_class_code_must_fit_the_scenario_played(
    tmp_path: Path, hanoi: Scenario, capsys: pytest.CaptureFixture[str]
) -> None:
    earlier = tmp_path / "hanoi.toml"
    write_transcript(earlier, play(hanoi, "essay", 321), Who("Ada"))
    args = ["play", "--headless", "--code", CODE, "--from", str(earlier), "--stdio"]
    assert main(args) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line == f"hanoi-summit: class code {CODE} is not for next_summit (its codes start NEXT)"


def test_class_codes_only_for_installed_scenarios(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from game.store.scenarios import resolve

    copy = tmp_path / "mine.toml"
    text = resolve("hanoi").read_text(encoding="utf-8")
    copy.write_text(text.replace('code = "HNOI"', 'code = "MINE"'), encoding="utf-8")
    assert main(["code", "--scenario", str(copy), "--seed", "3"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert "class codes work only for installed scenarios" in line


def test_check_refuses_a_scenario_that_takes_an_installed_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from game.store.scenarios import resolve

    copy = tmp_path / "copy.toml"
    copy.write_text(
        resolve("hanoi")
        .read_text(encoding="utf-8")
        .replace('id = "hanoi"', 'id = "hanoi_copy"', 1),
        encoding="utf-8",
    )
    assert main(["check", str(copy)]) == 2
    # Its known game is also reported: a seed's draws depend on the scenario's id.
    (line,) = [line for line in capsys.readouterr().out.splitlines() if "examples[" not in line]
    assert line.startswith(
        f'{copy}: code: expected a class code no installed scenario uses, got "HNOI"'
    )


def test_the_example_every_message_shows_is_a_class_code() -> None:
    # The help and the errors showed HNOI-7F3K, which is not one: its check digit is wrong.
    from game.classroom.classcode import EXAMPLE

    assert decode(EXAMPLE).prefix == "HNOI"
    with pytest.raises(ClassCodeError, match=f"looks like {EXAMPLE}"):
        decode("HNOI-7F3")
