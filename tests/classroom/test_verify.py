"""Verified transcripts and the tamper matrix: every kind of edit has its message, and a later
summit's start is vouched for by the same student's earlier game."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from game.classroom.classcode import decode, encode
from game.classroom.codes import read_codes
from game.classroom.verify import Against, verify_file
from game.cli import main
from game.engine import Scenario
from game.engine.strategies import play
from game.engine.transcript import ENGINE, Undo, verification_code
from game.store.mode import Mode
from game.store.scenarios import load_scenario
from game.store.transcripts import transcript_text, write_transcript
from game.store.who import Who
from tests.classroom.games import adas_game, graded_game

CODE = encode("HNOI", 321, Mode.GRADED)


def _class(tmp_path: Path, hanoi: Scenario, students: int = 30) -> dict[str, Path]:
    files = {}
    strategies = ("essay", "dove", "random", "hawk", "historical", "greedy")
    for number in range(students):
        name = f"Student {number:02d}"
        line = strategies[number % len(strategies)]
        files[name] = graded_game(tmp_path / f"student{number:02d}.toml", hanoi, line, name, CODE)
    return files


def test_a_class_of_thirty_verifies(
    tmp_path: Path, hanoi: Scenario, capsys: pytest.CaptureFixture[str]
) -> None:
    files = _class(tmp_path, hanoi)
    codes = tmp_path / "codes.txt"
    lines = []
    for name, path in files.items():
        text = path.read_text(encoding="utf-8")
        found = re.search(r'^verification = "(.+)"$', text, re.MULTILINE)
        assert found
        lines.append(f"{name}, {found.group(1)}")
    codes.write_text("# name, code\n" + "\n".join(lines) + "\n", encoding="utf-8")
    args = ["verify", *map(str, files.values()), "--code", CODE, "--codes", str(codes)]
    assert main(args) == 0
    out = capsys.readouterr().out.splitlines()
    verdicts = [line for line in out if not line.startswith("to check: ")]
    assert len(verdicts) == 30 and all(line.endswith(": ok") for line in verdicts)
    # Students who played one built-in strategy played one game: flagged, and still ok.
    flagged = [line for line in out if line.startswith("to check: ")]
    assert len(flagged) == 6  # one group per strategy, five students each
    assert all("the same game turn for turn" in line for line in flagged)
    assert all(line.count(".toml (Student ") == 5 for line in flagged)


Tamper = Callable[[str], str]


def _sub(pattern: str, replacement: str, count: int = 1) -> Tamper:
    def change(text: str) -> str:
        new, done = re.subn(pattern, replacement, text, count=count, flags=re.MULTILINE)
        assert done, pattern
        return new

    return change


def _turns(change: Callable[[list[str]], list[str]]) -> Tamper:
    def edit(text: str) -> str:
        head, *blocks = text.split("[[turns]]\n")
        tail = ""
        if "\n[outcome]" in blocks[-1]:
            cut = blocks[-1].index("\n[outcome]")
            blocks[-1], tail = blocks[-1][: cut + 1], blocks[-1][cut + 1 :]
        return head + "".join("[[turns]]\n" + b for b in change(blocks)) + tail

    return edit


def _drop(blocks: list[str]) -> list[str]:
    return blocks[:1] + blocks[2:]


def _insert(blocks: list[str]) -> list[str]:
    return blocks[:2] + blocks[1:]


def _swap(blocks: list[str]) -> list[str]:
    return [blocks[0], blocks[2], blocks[1], *blocks[3:]]


def _truncate(text: str) -> str:
    head, *blocks = text.split("[[turns]]\n")
    kept = "".join("[[turns]]\n" + b for b in blocks[:3])
    return re.sub(r'^verification = ".*"\n', "", head, flags=re.MULTILINE) + kept


EDITS: dict[str, tuple[str, str, str]] = {
    "edited meter": (
        r"trust = (\d+),",
        "trust = 99,",
        r"^turn 1 \(.+\): trust 99, replay gives \d+",
    ),
    "edited reaction": (
        r'^reaction = "accept"',
        'reaction = "reject"',
        r"^turn \d+ \(.+\): reaction 'reject', replay gives 'accept'",
    ),
    "different seed": (
        r"^seed = 321$",
        "seed = 322",
        r"^seed 322, but class code HNOI-\w{4} is for seed 321$",
    ),
    "different scenario": (
        r'^scenario = "hanoi"$',
        'scenario = "atlantis"',
        r'^made for scenario "atlantis", which is not installed \(name its file with --scenario\)$',
    ),
    "changed scenario file": (
        r'^scenario_sha256 = "\w+"$',
        'scenario_sha256 = "' + "0" * 64 + '"',
        r'^scenario "hanoi" has changed since the transcript was made$',
    ),
    "other rules version": (
        rf"^engine = {ENGINE}$",
        "engine = 1",
        rf"^made with rules version 1; this game plays version {ENGINE} \(game version [\w.]+\)$",
    ),
}
"""Tamperings that change one line: the pattern, what it becomes, the message expected."""

TAMPERS: dict[str, tuple[Tamper, str]] = {
    **{name: (_sub(old, new), message) for name, (old, new, message) in EDITS.items()},
    "removed turn": (_turns(_drop), r"^turn 2 is missing \(a turn was removed\)$"),
    "inserted turn": (_turns(_insert), r"^turn 2 appears twice \(a turn was inserted\)$"),
    "reordered turns": (
        _turns(_swap),
        r"^turn 3 comes before turn 2 \(turns were reordered\)$",
    ),
    "truncated": (_truncate, r"^unfinished: the summit was still going after turn 3$"),
    "corrupt file": (
        lambda text: text[: len(text) // 2] + '\n"unterminated',
        r"^not a valid transcript: line \d+, column \d+: ",
    ),
}


@pytest.mark.parametrize("kind", sorted(TAMPERS))
def test_every_kind_of_tampering_is_caught_with_its_own_message(
    kind: str, tmp_path: Path, hanoi: Scenario
) -> None:
    state = play(hanoi, "essay", 321)
    assert state.turns[0].reaction.kind.value == "accept"
    path = tmp_path / "student.toml"
    write_transcript(path, state, Who("Ada", "graded", CODE))
    original = path.read_text(encoding="utf-8")
    change, pattern = TAMPERS[kind]
    path.write_text(change(original), encoding="utf-8")
    verdict = verify_file(path, Against(decode(CODE)))
    assert not verdict.ok
    assert re.search(pattern, verdict.message), verdict.message


def test_messages_are_distinct_across_the_matrix(tmp_path: Path, hanoi: Scenario) -> None:
    state = play(hanoi, "essay", 321)
    messages = set()
    for kind, (change, _) in TAMPERS.items():
        path = tmp_path / f"{kind.replace(' ', '_')}.toml"
        write_transcript(path, state, Who("Ada", "graded", CODE))
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
        message = verify_file(path, Against(decode(CODE))).message
        messages.add(re.sub(r"\d+|'[^']*'|\([^)]*\)|\w{4}-\w{4}", "#", message))
    assert len(messages) == len(TAMPERS)


def test_a_truncated_transcript_that_still_replays_is_caught_by_its_code(
    tmp_path: Path, hanoi: Scenario
) -> None:
    # The student replays the same seed and hands in a different, finished game.
    handed = play(hanoi, "essay", 321)
    other = play(hanoi, "dove", 321)
    path = tmp_path / "swap.toml"
    write_transcript(path, other, Who("Ada", "graded", CODE))
    codes = tmp_path / "codes.txt"
    ada = verification_code(handed, player="Ada", mode="graded", code=CODE)
    codes.write_text(f"Ada\t{ada}\n", encoding="utf-8")
    verdict = verify_file(path, Against(decode(CODE), read_codes(codes)))
    assert not verdict.ok
    assert "does not match the one handed in" in verdict.message


def test_undo_in_a_graded_game_is_caught(tmp_path: Path, hanoi: Scenario) -> None:
    final = play(hanoi, "essay", 321)
    text = transcript_text(
        final, Who("Ada", "graded", CODE), undos=(Undo(1, "demand_cvid", "counter"),)
    )
    path = tmp_path / "undo.toml"
    path.write_text(text, encoding="utf-8")
    verdict = verify_file(path, Against(decode(CODE)))
    assert verdict.message == "undo used 1 time in a graded game"


def test_verify_exit_status_and_one_line_per_file(
    tmp_path: Path, hanoi: Scenario, capsys: pytest.CaptureFixture[str]
) -> None:
    good = graded_game(tmp_path / "good.toml", hanoi, "essay", "A", CODE)
    bad = tmp_path / "bad.toml"
    bad.write_text("not = [toml", encoding="utf-8")
    assert main(["verify", str(good), str(bad)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{good}: ok"
    assert out[1].startswith(f"{bad}: ")
    assert len(out) == 2


def test_a_next_summit_game_is_vouched_for_by_the_earlier_game(
    tmp_path: Path, hanoi: Scenario
) -> None:
    from game.classroom.verify import verify_files
    from game.engine import Carry, carry_from
    from game.store.scenarios import load_scenario

    nxt = load_scenario("next_summit")
    earlier = play(hanoi, "essay", 321)
    first = tmp_path / "hanoi.toml"
    write_transcript(first, earlier, Who("Ada", "practice"))
    carry = carry_from(earlier, nxt, verification_code(earlier, player="Ada", mode="practice"))
    honest = tmp_path / "next.toml"
    write_transcript(honest, play(nxt, "essay", 321, carry), Who("Ada", "practice"))

    alone = verify_files([honest])[0]
    assert not alone.ok
    assert "whose transcript was not among those checked" in alone.message
    both = verify_files([first, honest])
    assert [v.message for v in both] == ["ok", "ok"]

    # A start made up by hand, with the real code of the earlier game, replays consistently
    # but does not match where that game ended.
    faked = Carry(
        carry.source, (("trust", 100), *carry.meters[1:]), carry.accords, carry.verification
    )
    forged = tmp_path / "forged.toml"
    write_transcript(forged, play(nxt, "essay", 321, faked), Who("Ada", "practice"))
    verdict = verify_files([first, forged])[1]
    assert not verdict.ok
    assert verdict.message == (
        f"start: trust 100, but the earlier game ended at {earlier.meter('trust')}"
    )


def test_the_next_rounds_class_code_covers_both_rounds(tmp_path: Path, hanoi: Scenario) -> None:
    from game.classroom.verify import verify_files
    from game.engine import carry_from
    from game.store.scenarios import load_scenario

    nxt = load_scenario("next_summit")
    code = decode(encode("NEXT", 321, Mode.GRADED))
    earlier = play(hanoi, "essay", 321)
    first = tmp_path / "ada-hanoi.toml"
    write_transcript(first, earlier, Who("Ada", "graded", encode("HNOI", 321, Mode.GRADED)))
    first_code = verification_code(
        earlier, player="Ada", mode="graded", code=encode("HNOI", 321, Mode.GRADED)
    )
    carry = carry_from(earlier, nxt, first_code)
    second = tmp_path / "ada-next.toml"
    write_transcript(second, play(nxt, "essay", 321, carry), Who("Ada", "graded", str(code)))
    assert [v.message for v in verify_files([first, second], Against(code))] == ["ok", "ok"]

    # Another student's earlier game cannot vouch for this start.
    third = tmp_path / "bo-next.toml"
    write_transcript(third, play(nxt, "essay", 321, carry), Who("Bo", "graded", str(code)))
    verdict = verify_files([first, third], Against(code))[1]
    assert verdict.message.endswith("played by Ada, not by Bo")

    # An earlier game that was edited cannot vouch either.
    text = first.read_text(encoding="utf-8")
    edited = re.sub(r"trust = (\d+),", "trust = 99,", text, count=1)
    assert edited != text
    first.write_text(edited, encoding="utf-8")
    verdict = verify_files([first, second], Against(code))[1]
    assert verdict.message.endswith("whose transcript does not verify")


def test_verify_given_a_folder_says_how_to_give_its_transcripts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A teacher gave the folder of handed-in games; report said "(give sub/*.toml)", verify
    # only that the game reads files.
    folder = tmp_path / "handed-in"
    folder.mkdir()
    games = adas_game(tmp_path / "ada.toml", load_scenario("hanoi"))
    assert main(["verify", str(folder), str(games)]) == 1
    line = capsys.readouterr().out.splitlines()[0]
    assert line == (
        f"{folder}: a folder, not a file: the game reads only files (for the transcripts in it: "
        f"{folder / '*.toml'})"
    )
    # Alone, there is nothing to check: bad input, one line and status 2, as report says it.
    assert main(["verify", str(folder)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"hanoi-summit verify: no transcripts found: {folder} is a folder (give "
        f"{folder / '*.toml'})"
    ]
