"""What a teacher hands the class tools: codes files as forms and spreadsheets export them,
names written without their accents, codes copied by hand, and files that are not transcripts."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from game.classroom.classcode import encode
from game.cli import main
from game.engine import Scenario
from game.engine.strategies import play
from game.engine.transcript import verification_code
from game.store.mode import Mode
from game.store.scenarios import resolve
from game.store.transcripts import write_transcript
from game.store.who import Who
from tests.classroom.games import adas_game, graded_game

CODE = encode("HNOI", 2019, Mode.GRADED)


def _verify(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, list[str]]:
    status = main(["verify", *map(str, argv)])
    return status, capsys.readouterr().out.splitlines()


def test_files_that_are_not_transcripts_say_what_they_are(
    tmp_path: Path, hanoi: Scenario, capsys: pytest.CaptureFixture[str]
) -> None:
    # A play-test: a scenario was told "seed: expected a value", a zip of the submissions and
    # a Notepad "Unicode" file only "not UTF-8 text (byte ...)".
    game = adas_game(tmp_path / "ada.toml", hanoi)
    scenario = tmp_path / "hanoi-scn.toml"
    shutil.copy(resolve("hanoi"), scenario)
    archive = tmp_path / "submissions.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.write(game, "ada.toml")
    wide = tmp_path / "wide.toml"
    wide.write_bytes(game.read_text(encoding="utf-8").encode("utf-16"))
    status, lines = _verify(capsys, scenario, archive, wide)
    assert status == 1
    assert lines == [
        f"{scenario}: a scenario file, not a transcript (a scenario of your own is given "
        "with --scenario)",
        f"{archive}: a zip archive: unpack it first",
        f"{wide}: UTF-16 text: save it as UTF-8",
    ]


@pytest.mark.parametrize(
    "argv",
    [
        ["verify", "ada.toml", "--scenario", "ben.toml"],
        ["check", "ben.toml"],
        ["play", "--headless", "--scenario", "ben.toml"],
        ["analyze", "ben.toml"],
    ],
    ids=["verify", "check", "play", "analyze"],
)
def test_a_transcript_given_for_a_scenario_says_what_it_is(
    workdir: Path, hanoi: Scenario, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    """As a scenario given for a transcript does: a teacher's play-test was told of the 24
    keys a scenario has and a transcript lacks."""
    adas_game(workdir / "ada.toml", hanoi)
    adas_game(workdir / "ben.toml", hanoi)
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert (captured.out + captured.err).splitlines() == [
        "ben.toml: a transcript, not a scenario file (verify and replay read transcripts)"
    ]


STUDENTS = {"Ada Lovelace": "essay", "Ben Carter": "dove", "Kai Müller": "hawk"}


@pytest.fixture
def handed_in(tmp_path: Path, hanoi: Scenario) -> tuple[list[Path], dict[str, str]]:
    """Three students' transcripts of one graded class, and the code each wrote down."""
    paths, codes = [], {}
    for name, line in STUDENTS.items():
        state = play(hanoi, line, 2019)
        path = tmp_path / f"{name.split()[0].lower()}.toml"
        write_transcript(path, state, Who(name, "graded", CODE))
        paths.append(path)
        codes[name] = verification_code(state, player=name, mode="graded", code=CODE)
    return paths, codes


def _codes(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "codes.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _exports(codes: dict[str, str]) -> dict[str, str]:
    """The codes file as forms and spreadsheets save it, and as typed by hand."""
    ada, ben, kai = (codes[name] for name in STUDENTS)
    return {
        "header": f"Name,Code\nAda Lovelace,{ada}\nBen Carter,{ben}\nKai Müller,{kai}\n",
        "google form": (
            "Timestamp,Name,Code\n"
            f"2025/03/04 10:15:32 AM GMT,Ada Lovelace,{ada}\n"
            f"2025/03/04 10:16:02 AM GMT,Ben Carter,{ben.lower()}\n"
            f"2025/03/04 10:17:45 AM GMT,Kai Müller,{kai}\n"
        ),
        "quoted": f'"Ada Lovelace","{ada}"\n"Ben Carter","{ben}"\n"Kai Müller","{kai}"\n',
        "semicolons": (
            f"Code;Student name;E-mail\n{ada};Ada Lovelace;ada@school.org\n"
            f"{ben};Ben Carter;ben@school.org\n{kai};Kai Müller;kai@school.org\n"
        ),
        "tabs": f"Ada Lovelace\t{ada}\nBen Carter\t{ben}\n{kai}\n",
        "by hand": f"# codes\nAda Lovelace, {ada}\nben carter: {ben}\nKai Müller {kai}\n",
        "without accents": f"Ada Lovelace, {ada}\nBen Carter, {ben}\nKAI MULLER, {kai}\n",
    }


@pytest.mark.parametrize(
    "form",
    ["header", "google form", "quoted", "semicolons", "tabs", "by hand", "without accents"],
)
def test_codes_files_as_forms_and_spreadsheets_export_them_are_read(
    tmp_path: Path,
    handed_in: tuple[list[Path], dict[str, str]],
    capsys: pytest.CaptureFixture[str],
    form: str,
) -> None:
    # A play-test: a header stopped everything, a timestamp column or quotes matched no one,
    # and "Kai Muller" was not Kai Müller.
    paths, codes = handed_in
    codes_file = _codes(tmp_path, _exports(codes)[form])
    status, lines = _verify(capsys, *paths, "--code", CODE, "--codes", codes_file)
    assert lines == [f"{path}: ok" for path in paths]
    assert status == 0


def test_a_line_that_is_really_broken_is_still_named(
    tmp_path: Path, handed_in: tuple[list[Path], dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    paths, codes = handed_in
    text = f"Name,Code\nAda Lovelace,{codes['Ada Lovelace']}\nBen Carter,\n"
    codes_file = _codes(tmp_path, text)
    assert main(["verify", str(paths[0]), "--codes", str(codes_file)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{codes_file}:3: expected a verification code like 7F3K-Q2ZD, got 'Ben Carter,'"
    ]


def _slipped(code: str, how: str) -> str:
    """``code`` copied with one slip: a character changed, or two neighbours swapped."""
    chars = list(code)
    if how == "changed":
        chars[-1] = "B" if chars[-1] != "B" else "C"
    else:
        at = next(
            i for i in range(len(code) - 1) if "-" not in code[i : i + 2] and code[i] != code[i + 1]
        )
        chars[at], chars[at + 1] = chars[at + 1], chars[at]
    return "".join(chars)


@pytest.mark.parametrize(
    ("how", "slip"), [("changed", "in one character"), ("swapped", "by two characters swapped")]
)
def test_a_code_copied_with_one_slip_is_told_apart_from_an_altered_game(
    tmp_path: Path,
    handed_in: tuple[list[Path], dict[str, str]],
    capsys: pytest.CaptureFixture[str],
    how: str,
    slip: str,
) -> None:
    # A play-test: a teacher's typo read "the transcript was cut short or altered".
    paths, codes = handed_in
    own = codes["Ben Carter"]
    typed = _slipped(own, how)
    named = _codes(tmp_path, f"Ben Carter, {typed}\n")
    status, lines = _verify(capsys, paths[1], "--codes", named)
    assert status == 1
    assert lines == [
        f"{paths[1]}: verification code {own} differs from the one handed in ({typed}) {slip}: "
        "the code on the sheet may have been copied wrongly (check it with the student); "
        "not verified"
    ]
    anonymous = _codes(tmp_path, f"{typed}\n")
    status, lines = _verify(capsys, paths[1], "--codes", anonymous)
    assert status == 1
    assert lines[0].startswith(f"{paths[1]}: verification code {own} differs from one handed in")
    # Another student's code is not a slip: the line stays as it was.
    other = _codes(tmp_path, f"Ben Carter, {codes['Ada Lovelace']}\n")
    assert _verify(capsys, paths[1], "--codes", other)[1] == [
        f"{paths[1]}: verification code {own} does not match the one handed in "
        f"({codes['Ada Lovelace']}): another game, or the transcript was cut short or altered"
    ]


def test_one_code_handed_in_under_two_names_is_flagged(
    tmp_path: Path, handed_in: tuple[list[Path], dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    # A play-test: Ada handing in Ben's code beside Ben's own line went unremarked.
    paths, codes = handed_in
    ben = codes["Ben Carter"]
    text = f"Ada Lovelace, {ben}\nBen Carter, {ben}\nKai Müller, {codes['Kai Müller']}\n"
    codes_file = _codes(tmp_path, text)
    status, lines = _verify(capsys, *paths, "--codes", codes_file)
    assert status == 1
    assert lines[1:] == [
        f"{paths[1]}: ok",
        f"{paths[2]}: ok",
        f"to check: verification code {ben} was handed in under 2 names: Ada Lovelace and "
        "Ben Carter",
    ]
    assert (
        main(["report", *map(str, paths), "--codes", str(codes_file), "--out", str(tmp_path / "r")])
        == 0
    )
    err = capsys.readouterr().err.splitlines()
    assert lines[-1] in err


def test_another_game_by_the_same_student_is_to_check_and_counted_once(
    tmp_path: Path, hanoi: Scenario, capsys: pytest.CaptureFixture[str]
) -> None:
    # A teacher: Ada handed in two different graded games; both were ok, both counted in the
    # report's class figures, and nothing said so.
    first = graded_game(tmp_path / "ada.toml", hanoi, "essay", "Ada Lovelace", CODE)
    second = graded_game(tmp_path / "ada-second.toml", hanoi, "dove", "ada lovelace", CODE)
    status, lines = _verify(capsys, first, second, "--code", CODE)
    assert status == 0
    assert lines == [
        f"{first}: ok",
        f"{second}: ok",
        f"to check: Ada Lovelace handed in 2 different graded games: {first}, {second} "
        f"(a report counts the first, {first})",
    ]
    out = tmp_path / "report"
    assert main(["report", str(first), str(second), "--code", CODE, "--out", str(out)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"left out: {second}: another graded game by ada lovelace: the report counts the "
        f"first, {first} (to check with the student)",
        lines[-1],
        "1 game in the report, 1 left out",
    ]
    assert (out / "report.csv").read_text(encoding="utf-8").count("Ada Lovelace") == 1


def test_a_student_on_the_codes_sheet_without_a_transcript_is_named(
    tmp_path: Path, handed_in: tuple[list[Path], dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    # A teacher: Ivy's code was on the sheet, her upload missing, and nothing said so.
    paths, codes = handed_in
    text = "".join(f"{name}, {code}\n" for name, code in codes.items())
    sheet = _codes(tmp_path, text + "Ivy Chen, 7F3K-Q2ZD\nJo  Park, 0D0D-Z2R2\n")
    status, lines = _verify(capsys, *paths, "--codes", sheet)
    assert status == 0
    assert (
        lines[-1] == "to check: no transcript for 2 students on the codes sheet: Ivy Chen, Jo  Park"
    )
    assert _verify(capsys, *paths[:2], "--codes", sheet)[1][-1] == (
        "to check: no transcript for 3 students on the codes sheet: Kai Müller, Ivy Chen, Jo  Park"
    )
    out = tmp_path / "report"
    assert main(["report", *map(str, paths), "--codes", str(sheet), "--out", str(out)]) == 0
    assert lines[-1] in capsys.readouterr().err.splitlines()
    whole = _codes(tmp_path, text)
    assert not any("no transcript" in line for line in _verify(capsys, *paths, "--codes", whole)[1])
