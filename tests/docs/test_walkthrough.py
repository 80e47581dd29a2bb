"""docs/teaching.md, sections 4.7 to 4.9: the student page, the team game and the terminal's
commands the guide shows are what the game writes and prints now."""

from __future__ import annotations

import io
import shlex
import sys
import tomllib
from pathlib import Path

import pytest

from game.classroom.classcode import decode
from game.cli import main
from game.cli.terminal import north_choices, play_moves
from game.engine import new_game
from game.engine.strategies import play_from
from game.store.scenarios import load_scenario
from tests.docs.helpers import TEACHING_DOC, doc_text, fits, marked, run, shown_run
from tests.docs.test_teaching import simulated_class


def test_the_student_page_shown_is_what_report_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    simulated_class(tmp_path)
    argv, _ = shown_run(TEACHING_DOC, "class-report")
    assert run(argv, tmp_path, monkeypatch).status == 0
    page = tmp_path / "report" / "students" / "Ada-Lovelace.md"
    written = page.read_text(encoding="utf-8").splitlines()
    shown = marked(TEACHING_DOC, "student-page-md").body.splitlines()
    assert fits(shown, written), "the page now reads:\n" + "\n".join(written)
    assert (tmp_path / "report" / "students" / "Ada-Lovelace.html").is_file()


def _team_command() -> list[str]:
    """The team game's command as the guide shows it (its lines joined)."""
    text = doc_text(TEACHING_DOC)
    start = text.index("python -m game play --headless --code HNOI-16JA --team-us")
    command = text[start : text.index("\n```", start)].replace("\\\n", " ")
    return shlex.split(command.removeprefix("python -m game "))


def _team_input() -> str:
    """The essay's line played by the American team, the North's team pressing Enter."""
    hanoi = load_scenario("hanoi")
    seed = decode("HNOI-16JA").seed
    played = play_from(new_game(hanoi, seed, hotseat=True), "essay")
    state, typed = new_game(hanoi, seed, hotseat=True), []
    for turn in played.turns:
        typed.append(str(turn.move))
        if north_choices(state, turn.move)[1]:
            typed.append("")
        state = play_moves(state, [str(turn.move)])
    return "\n".join(typed) + "\n"


def test_the_team_game_shown_is_what_the_game_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(_team_input()))
    result = run(_team_command(), tmp_path, monkeypatch)
    assert result.status == 0, result.err
    printed = "\n".join(result.out).replace("q to stop): ", "q to stop):\n")
    north = marked(TEACHING_DOC, "team-north-turn").body
    assert north in printed + "\n"
    argv, shown = shown_run(TEACHING_DOC, "team-verify")
    verified = run(argv, tmp_path, monkeypatch)
    assert verified.status == 0 and verified.out == shown
    code = main(["replay", str(tmp_path / "eagles-and-cranes.toml"), "--verify"])
    assert code == 0
    # The codes file's example lines hand in this game's own code.
    written = tomllib.loads((tmp_path / "eagles-and-cranes.toml").read_text(encoding="utf-8"))
    example = f"`Eagles, {written['verification']}` or `Ben Carter, {written['verification']}`"
    assert example in doc_text(TEACHING_DOC)


def test_the_terminal_commands_shown_are_what_it_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("help\ninfo 19\nq\n"))
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    status = main(["play", "--headless", "--code", "HNOI-16JJ", "--name", "Ada Lovelace"])
    assert status == 1  # stopped before the summit ended
    # Typed input is not echoed when it does not come from a terminal: put it back.
    printed = out.getvalue().replace("help, q): ", "help, q): \n")
    help_shown = marked(TEACHING_DOC, "terminal-help").body
    assert help_shown in printed
    info_shown = marked(TEACHING_DOC, "terminal-info").body.splitlines()
    prompt, *rest = info_shown
    assert prompt == "Your move (number, move id, help, q): info 19"
    assert "\n".join(rest) + "\n" in printed


def test_the_hot_seat_script_shown_plays(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.docs.helpers import SCRIPTING_DOC, fenced_blocks

    blocks = fenced_blocks(doc_text(SCRIPTING_DOC))
    (block,) = [b for b in blocks if b.lang == "toml" and " -> " in b.body]
    (tmp_path / "hotseat.toml").write_text(block.body, encoding="utf-8")
    argv = ["play", "--headless", "--hotseat", "--script", "hotseat.toml", "--transcript", "t.toml"]
    result = run(argv, tmp_path, monkeypatch)
    assert result.err == ["hotseat.toml: the script ended after move 4, before the summit did"]
    transcript = (tmp_path / "t.toml").read_text(encoding="utf-8")
    assert transcript.count('chosen_by = "player"') == 3
