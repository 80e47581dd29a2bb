"""A report without a class code covers one class or none: games of two seeds, two modes (two
class codes) or two summits are refused in one line that says how they differ and which code
picks each class, never mixed in one set of figures; one class reports as it always did.

A play-tester, as a teacher, ran ``report ada.toml zoe.toml`` over a graded game of seed 11 and
a practice game of seed 5, and got "2 verified games; class code HNOI-00BN." with both games
compared against the class's counterparts.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.classroom.classcode import encode
from game.cli import main
from game.engine import Scenario
from game.engine.strategies import play
from game.store.mode import Mode
from game.store.transcripts import write_transcript
from game.store.who import Who

ADA_CODE = encode("HNOI", 11, Mode.GRADED)
"""The class code of the play-tester's graded class: HNOI-00BN."""


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], list[str]]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out.splitlines(), captured.err.splitlines()


def _game(
    scenario: Scenario, name: str, line: str, seed: int, *, mode: str = "", code: str = ""
) -> str:
    """``line``'s game of ``seed``, by ``name``, in a file named after their first name."""
    path = Path(f"{name.split(maxsplit=1)[0].lower()}.toml")
    write_transcript(path, play(scenario, line, seed), Who(name, mode, code))
    return str(path)


def test_the_play_testers_two_games_are_refused_and_nothing_is_written(
    workdir: Path, hanoi: Scenario, capsys: pytest.CaptureFixture[str]
) -> None:
    ada = _game(hanoi, "Ada Lovelace", "essay", 11, mode="graded", code=ADA_CODE)
    zoe = _game(hanoi, "Zoë O'Neil", "dove", 5, mode="practice")
    assert ADA_CODE == "HNOI-00BN"
    status, out, err = _run(capsys, "report", ada, zoe, "--out", "rep")
    assert status == 2 and out == []
    assert err == [
        "hanoi-summit report: the games differ in seed and mode, so they are not one class: "
        "seed 11, graded (class code HNOI-00BN): 1 game (ada.toml); "
        "seed 5, practice (class code HNOI-0056): 1 game (zoë.toml); "
        "choose the class with --code, or give only its transcripts"
    ]
    assert not (workdir / "rep").exists()
    # The code the line names for each class picks it; the other game is left out, with why.
    status, _, err = _run(capsys, "report", ada, zoe, "--out", "rep", "--code", ADA_CODE)
    assert status == 0
    assert err == [
        "left out: zoë.toml: seed 5, but class code HNOI-00BN is for seed 11",
        "1 game in the report, 1 left out",
    ]
    status, _, err = _run(capsys, "report", ada, zoe, "--out", "rep5", "--code", "HNOI-0056")
    assert status == 0
    assert err[0] == "left out: ada.toml: seed 11, but class code HNOI-0056 is for seed 5"
    md = (workdir / "rep5" / "report.md").read_text(encoding="utf-8")
    assert "1 verified game; class code HNOI-0056; 1 transcript left out" in md


def test_two_seeds_of_one_mode_are_named_by_their_seeds_the_largest_class_first(
    workdir: Path, hanoi: Scenario, capsys: pytest.CaptureFixture[str]
) -> None:
    games = [
        _game(hanoi, "Zoe Murphy", "dove", 5, mode="graded", code=encode("HNOI", 5, Mode.GRADED)),
        *(
            _game(hanoi, name, line, 11, mode="graded", code=ADA_CODE)
            for name, line in (
                ("Ada", "essay"),
                ("Alan", "hawk"),
                ("Ben", "dove"),
                ("Cy", "greedy"),
            )
        ),
    ]
    status, out, err = _run(capsys, "report", *games, "--out", "rep")
    assert status == 2 and out == []
    assert err == [
        "hanoi-summit report: the games differ in seed, so they are not one class: "
        "seed 11 (class code HNOI-00BN): 4 games; seed 5 (class code HNOI-005R): 1 game "
        "(zoe.toml); choose the class with --code, or give only its transcripts"
    ]


def test_a_graded_class_code_mixed_with_the_practice_one_is_refused_with_the_codes_file_too(
    workdir: Path, hanoi: Scenario, capsys: pytest.CaptureFixture[str]
) -> None:
    """The two codes of one seed: the same counterpart, but undo allowed in one and not in the
    other, so not one class; the verification codes handed in do not choose between them."""
    practice = encode("HNOI", 11, Mode.PRACTICE)
    ada = _game(hanoi, "Ada Lovelace", "essay", 11, mode="graded", code=ADA_CODE)
    alan = _game(hanoi, "Alan Turing", "hawk", 11, mode="graded", code=ADA_CODE)
    gabriel = _game(hanoi, "Gabriel Silva", "dove", 11, mode="practice", code=practice)
    codes = []
    for path in (ada, alan, gabriel):
        text = (workdir / path).read_text(encoding="utf-8")
        name = re.search(r'^player = "(.+)"$', text, re.M)
        code = re.search(r'^verification = "(.+)"$', text, re.M)
        assert name and code
        codes.append(f"{name[1]}, {code[1]}\n")
    (workdir / "codes.txt").write_text("".join(codes), encoding="utf-8")
    assert _run(capsys, "verify", ada, alan, gabriel, "--codes", "codes.txt")[0] == 0
    status, out, err = _run(
        capsys, "report", ada, alan, gabriel, "--codes", "codes.txt", "--out", "rep"
    )
    assert status == 2 and out == []
    assert err == [
        "hanoi-summit report: the games differ in mode, so they are not one class: "
        f"graded (class code {ADA_CODE}): 2 games (ada.toml, alan.toml); "
        f"practice (class code {practice}): 1 game (gabriel.toml); "
        "choose the class with --code, or give only its transcripts"
    ]
    args = ["report", ada, alan, gabriel, "--codes", "codes.txt", "--out", "rep"]
    status, _, err = _run(capsys, *args, "--code", ADA_CODE)
    assert status == 0
    assert err == [
        f"left out: gabriel.toml: played in practice mode, but class code {ADA_CODE} is graded",
        "2 games in the report, 1 left out",
    ]


def test_games_of_another_summit_are_refused(
    workdir: Path, hanoi: Scenario, capsys: pytest.CaptureFixture[str]
) -> None:
    """A variant beside Hanoi (not a round of the same class) was reported as whichever summit
    had more games, the other listed apart: now the teacher chooses."""
    from game.store.scenarios import load_scenario, scenario_dir

    text = (scenario_dir() / "hanoi.toml").read_text(encoding="utf-8")
    text = text.replace('\nid = "hanoi"\n', '\nid = "variant"\n', 1)
    text = text.replace('\ntitle = "', '\ntitle = "Variant: ', 1)
    (workdir / "variant.toml").write_text(
        text.replace('\ncode = "HNOI"\n', '\ncode = "VRNT"\n', 1), encoding="utf-8"
    )
    variant = load_scenario(workdir / "variant.toml")
    ada = _game(hanoi, "Ada Lovelace", "essay", 11, mode="graded", code=ADA_CODE)
    ben = _game(
        variant, "Ben Carter", "essay", 11, mode="graded", code=encode("VRNT", 11, Mode.GRADED)
    )
    args = ["report", ada, ben, "--scenario", "variant.toml", "--out", "rep"]
    status, out, err = _run(capsys, *args)
    assert status == 2 and out == []
    assert err == [
        "hanoi-summit report: the games differ in summit, so they are not one class: "
        f"{hanoi.title} (class code {ADA_CODE}): 1 game (ada.toml); "
        f"{variant.title} (class code {encode('VRNT', 11, Mode.GRADED)}): 1 game (ben.toml); "
        "choose the class with --code, or give only its transcripts"
    ]
    status, _, err = _run(capsys, *args, "--code", ADA_CODE)
    assert status == 0
    assert err[0] == (
        f'left out: ben.toml: made for scenario "variant", but class code {ADA_CODE} is for another'
    )


def test_a_folder_of_many_classes_names_the_largest_four(
    workdir: Path, hanoi: Scenario, capsys: pytest.CaptureFixture[str]
) -> None:
    """Homework games of random seeds: one line still, four classes named, the others counted."""
    games = [
        _game(hanoi, f"S{seed} Student", "essay", seed, mode="practice") for seed in range(1, 6)
    ]
    games.append(_game(hanoi, "Grace Hopper", "essay", 3, mode="graded"))
    games.append(_game(hanoi, "Alan Turing", "dove", 3, mode="graded"))
    status, out, err = _run(capsys, "report", *games, "--out", "rep")
    assert status == 2 and out == [] and len(err) == 1
    assert err[0].startswith(
        "hanoi-summit report: the games differ in seed and mode, so they are not one class: "
        f"seed 3, graded (class code {encode('HNOI', 3, Mode.GRADED)}): 2 games "
        "(grace.toml, alan.toml); seed 1, practice (class code "
    )
    assert err[0].count(" (class code ") == 4
    assert err[0].endswith(
        "; and 2 more classes; choose the class with --code, or give only its transcripts"
    )


def test_a_seed_no_class_code_holds_is_still_named(
    workdir: Path, hanoi: Scenario, capsys: pytest.CaptureFixture[str]
) -> None:
    ada = _game(hanoi, "Ada Lovelace", "essay", 11, mode="practice")
    ben = _game(hanoi, "Ben Carter", "essay", 40_000, mode="practice")
    status, _, err = _run(capsys, "report", ada, ben, "--out", "rep")
    assert status == 2
    assert err[0].startswith("hanoi-summit report: the games differ in seed, so they are not")
    assert "seed 40000 (class code none: the seed is too large): 1 game (ben.toml)" in err[0]


@pytest.mark.parametrize(
    "who",
    [
        pytest.param((("graded", ADA_CODE),) * 3, id="one class code"),
        pytest.param((("practice", ""), ("", ""), ("practice", "HNOI-00B5")), id="practice"),
    ],
)
def test_one_class_is_reported_as_with_its_code(
    workdir: Path,
    hanoi: Scenario,
    capsys: pytest.CaptureFixture[str],
    who: tuple[tuple[str, str], ...],
) -> None:
    """One seed and one mode, with or without a class code in the files (a game that records no
    mode was practice): the report is the one its class code gives, which the files name; a
    transcript that fails is left out whatever class it names."""
    assert encode("HNOI", 11, Mode.PRACTICE) == "HNOI-00B5"
    games = [
        _game(hanoi, name, line, 11, mode=mode, code=code)
        for name, line, (mode, code) in zip(
            ("Ada Lovelace", "Alan Turing", "Ben Carter"),
            ("essay", "hawk", "dove"),
            who,
            strict=True,
        )
    ]
    # An edited transcript of another seed is left out for the edit, not refused as a class.
    other = _game(hanoi, "Zoe Murphy", "dove", 5, mode="practice")
    text = (workdir / other).read_text(encoding="utf-8")
    (workdir / other).write_text(re.sub(r"trust = \d+,", "trust = 99,", text, count=1))
    status, out, err = _run(capsys, "report", *games, other, "--out", "plain")
    assert status == 0
    assert out[0] == "plain/report.md"
    assert err[0].startswith("left out: zoe.toml: turn 1 (")
    assert err[-1] == "3 games in the report, 1 left out"
    plain = (workdir / "plain" / "report.md").read_text(encoding="utf-8")
    code = encode("HNOI", 11, Mode.named(who[0][0]) or Mode.PRACTICE)
    assert _run(capsys, "report", *games, other, "--out", "coded", "--code", code)[0] == 0
    coded = (workdir / "coded" / "report.md").read_text(encoding="utf-8")
    # The same report, but for why the edited file is left out (with the code, its seed).
    assert plain.split("## Left out")[0] == coded.split("## Left out")[0]
    assert plain.splitlines()[2].startswith(f"3 verified games; class code {code}; ")
