"""Issue 10, the class tools: what a student hands in cannot crash, hang or fool ``verify`` and
``report``, nor inject anything into the teacher's terminal, spreadsheet or Markdown.

Each test is one attempt of the issue (or one added since); each failed before the fix.
"""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path

import pytest

from game.classroom.classcode import encode
from game.cli import main
from game.engine import (
    GameState,
    IllegalMoveError,
    Move,
    ReactionKind,
    Scenario,
    apply,
    judge,
    new_game,
)
from game.engine.strategies import play, play_from
from game.engine.transcript import ENGINE, clean_name
from game.store.mode import Mode
from game.store.transcripts import write_transcript
from game.store.who import Who

GRADED = encode("HNOI", 1234, Mode.GRADED)
ESCAPE = "\\u001b[2J\\u001b[31mPWNED"
"""An ANSI sequence (clear the screen, turn red) as a TOML string escape writes it."""


def _run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, list[str], list[str]]:
    status = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    return status, captured.out.splitlines(), captured.err.splitlines()


@pytest.fixture
def good(tmp_path: Path, hanoi: Scenario) -> Path:
    """A verified graded game: what happened in history, by Ada Lovelace."""
    path = tmp_path / "good.toml"
    write_transcript(path, play(hanoi, "historical", 1), Who("Ada Lovelace", "graded"))
    return path


def _edited(source: Path, name: str, old: str, new: str) -> Path:
    text = source.read_text(encoding="utf-8")
    assert old in text, old
    path = source.with_name(name)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _rewritten(source: Path, hanoi: Scenario, name: str, *, player: str) -> Path:
    """The game of ``source`` written again with another player, and the code that fits: what
    someone who reads the source can do."""
    from game.engine.replay import replay
    from game.store.transcripts import read_transcript

    transcript = read_transcript(source)
    state = replay(hanoi, transcript).state
    assert state is not None
    path = source.with_name(name)
    write_transcript(path, state, Who(player, transcript.mode, transcript.code))
    return path


# --- 1. one transcript takes down verify and report ------------------------------------------


POSIX = pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev are POSIX's")


@POSIX
@pytest.mark.parametrize(
    "scenario",
    ["/dev/zero", "/dev/stdin", "../../scenarios/hanoi.toml", "fifo"],
    ids=["dev-zero", "dev-stdin", "a-path", "a-fifo"],
)
def test_a_transcript_never_names_a_file_verify_opens(
    good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], scenario: str
) -> None:
    if scenario == "fifo":
        scenario = str(tmp_path / "scenario.toml")
        os.mkfifo(scenario)
    bad = _edited(good, "bad.toml", 'scenario = "hanoi"', f'scenario = "{scenario}"')
    status, out, _ = _run(capsys, "verify", bad)
    assert status == 1 and len(out) == 1
    assert out[0].startswith(f'{bad}: scenario: expected a scenario id like "hanoi", got \'')
    assert scenario[:50] in out[0]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("9" * 5000, "line 10, column 8: an integer of thousands of digits"),
        ("[" * 3000 + "]" * 3000, "line 10, column 40: nested deeper than 32 levels"),
        (str(2**64), "seed: expected an integer of at most 64 bits, got 18446744073709551616"),
    ],
    ids=["5000-digit-seed", "3000-deep-array", "2**64"],
)
def test_huge_numbers_and_deep_nesting_are_one_line_and_the_others_checked(
    good: Path,
    hanoi: Scenario,
    capsys: pytest.CaptureFixture[str],
    value: str,
    message: str,
) -> None:
    bad = _edited(good, "bad.toml", "\nseed = 1\n", f"\nseed = {value}\n")
    other = _rewritten(good, hanoi, "good2.toml", player="Alan Turing")
    status, out, err = _run(capsys, "verify", good, bad, other)
    assert status == 1 and err == []
    assert out[0] == f"{good}: ok" and out[2] == f"{other}: ok"
    assert out[1].startswith(f"{bad}: ") and out[1].endswith(message)


def test_report_leaves_a_transcript_naming_dev_zero_out(
    good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = _edited(good, "bad.toml", 'scenario = "hanoi"', 'scenario = "/dev/zero"')
    status, _, err = _run(capsys, "report", good, bad, "--out", tmp_path / "report")
    assert status == 0
    assert err[0].startswith(f"left out: {bad}: scenario: expected a scenario id")


def test_a_custom_scenario_is_given_explicitly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], hanoi: Scenario
) -> None:
    from game.store.scenarios import load_scenario, scenario_dir

    variant = tmp_path / "variant.toml"
    text = (scenario_dir() / "hanoi.toml").read_text(encoding="utf-8")
    variant.write_text(
        text.replace('\nid = "hanoi"\n', '\nid = "variant"\n', 1).replace(
            '\ncode = "HNOI"\n', '\ncode = "VRNT"\n', 1
        ),
        encoding="utf-8",
    )
    game = tmp_path / "game.toml"
    write_transcript(game, play(load_scenario(variant), "essay", 3), Who("Ada", "practice"))
    status, out, _ = _run(capsys, "verify", game)
    assert status == 1
    assert out == [
        f'{game}: made for scenario "variant", which is not installed '
        "(name its file with --scenario)"
    ]
    assert _run(capsys, "verify", game, "--scenario", variant)[1] == [f"{game}: ok"]
    report = tmp_path / "report"
    assert _run(capsys, "report", game, "--scenario", variant, "--out", report)[0] == 0


def test_direction_overrides_in_a_scenario_never_reach_the_markdown_raw(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A play-test: an offer's label with U+202E (right-to-left override) reached students/*.md
    # raw, turning the rest of its line around; the web pages and the terminal escaped it.
    from game.engine.describe import UNPRINTABLE
    from game.store.scenarios import load_scenario, scenario_dir

    variant = tmp_path / "variant.toml"
    text = (scenario_dir() / "hanoi.toml").read_text(encoding="utf-8")
    text = text.replace('\nid = "hanoi"\n', '\nid = "variant"\n', 1)
    text = text.replace('\ncode = "HNOI"\n', '\ncode = "VRNT"\n', 1)
    variant.write_text(text.replace('\nlabel = "', '\nlabel = "\u202e\u2066'), encoding="utf-8")
    scenario = load_scenario(variant)
    games = []
    for number, line in enumerate(("essay", "dove"), start=1):  # one class: one seed
        games.append(tmp_path / f"game{number}.toml")
        write_transcript(games[-1], play(scenario, line, 1), Who(f"Student {number}"))
    out = tmp_path / "report"
    status, _, _ = _run(capsys, "report", *games, "--scenario", variant, "--out", out)
    assert status == 0
    pages = [out / "report.md", *(out / "students").glob("*.md")]
    assert len(pages) == 3
    for page in pages:
        written = page.read_text(encoding="utf-8")
        assert not re.search(f"[{UNPRINTABLE}]", written.replace("\n", "")), page.name
    assert "\\u202e\\u2066" in (out / "students" / "Student-1.md").read_text(encoding="utf-8")


# --- 2. hot-seat passes as a graded solo game --------------------------------------------------


def _accepting(hanoi: Scenario, *, hotseat: bool) -> GameState:
    """A second player who accepts whenever the rules allow it, and tables nothing."""
    state = new_game(hanoi, 1234, hotseat=hotseat)
    while not state.is_over:
        from game.engine import move_options

        options = [o.move for o in move_options(state) if o.available]
        if Move("accept") in options:
            state = apply(state, Move("accept")).state
            continue
        for move in options:
            if move.is_answer or move.offer == "walk_away":
                continue
            try:
                allowed = judge(state, move).allowed
            except IllegalMoveError:  # a move they do not answer (stepping out to consult)
                continue
            if ReactionKind.ACCEPT in allowed:
                state = apply(state, move, ReactionKind.ACCEPT).state
                break
        else:
            state = apply(state, options[0]).state
    return state


@pytest.mark.parametrize("hotseat", [False, True], ids=["marked-solo", "marked-hotseat"])
def test_a_game_whose_answers_a_player_chose_is_not_a_graded_game(
    tmp_path: Path, hanoi: Scenario, capsys: pytest.CaptureFixture[str], hotseat: bool
) -> None:
    path = tmp_path / "forged.toml"
    state = _accepting(hanoi, hotseat=hotseat)
    write_transcript(path, state, Who("Eve", "graded", GRADED))
    status, out, _ = _run(capsys, "verify", path, "--code", GRADED)
    assert status == 1
    if hotseat:
        assert out[0].startswith(f"{path}: a hot-seat game: a second player chose")
        assert out[0].endswith("so it cannot be graded")
    else:
        assert out == [
            f"{path}: turn 1: its reaction was chosen by a player, but the game is not hot-seat"
        ]


def test_a_practice_hot_seat_game_is_reported_apart(
    tmp_path: Path, hanoi: Scenario, capsys: pytest.CaptureFixture[str]
) -> None:
    practice = encode("HNOI", 1234, Mode.PRACTICE)
    state = new_game(hanoi, 1234, hotseat=True)
    move = Move("mutual_restraint", "written")
    state = apply(state, move, ReactionKind.COUNTER, "end_exercises").state
    state = play_from(apply(state, Move("reject")).state, "essay")
    path = tmp_path / "pair.toml"
    write_transcript(path, state, Who("Pair", "practice", practice))
    out = tmp_path / "report"
    assert _run(capsys, "report", path, "--out", out, "--code", practice)[0] == 0
    assert "## Hot-seat games" in (out / "report.md").read_text(encoding="utf-8")


# --- 3. the code is unkeyed, and replay gave the right one away --------------------------------


def test_a_renamed_transcript_is_not_told_its_right_code(
    good: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    renamed = _edited(good, "renamed.toml", 'player = "Ada Lovelace"', 'player = "Eve"')
    _, right, _ = _run(
        capsys,
        "play",
        "--headless",
        "--name",
        "Eve",
        "--mode",
        "graded",
        "--seed",
        "1",
        "--script",
        Path(__file__).parents[1] / "scripts" / "historical_seed1.toml",
    )
    code = right[-1].removeprefix("Verification code: ")
    runs: list[list[str | Path]] = [["replay", renamed, "--verify"], ["verify", renamed]]
    for argv in runs:
        status, out, _ = _run(capsys, *argv)
        assert status == 1 and code not in out[0]
        assert out[0].endswith(
            "does not belong to the game in the file: it was cut short, altered or renamed"
        )


def test_a_mode_the_game_never_writes_is_named_by_replay_and_verify_alike(
    good: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exam = _edited(good, "exam.toml", 'mode = "graded"', 'mode = "exam"')
    runs: list[list[str | Path]] = [["replay", exam, "--verify"], ["verify", exam]]
    for argv in runs:
        status, out, _ = _run(capsys, *argv)
        assert status == 1
        assert out == [f"{exam}: mode: expected practice or graded, got 'exam'"]


# --- 4. injection through transcript fields ----------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "argv"),
    [
        ('verification = "', f'verification = "{ESCAPE}', ["verify"]),
        ('game_version = "1.0.0"', f'game_version = "{ESCAPE}"', ["replay", "--verify"]),
        ('mode = "graded"', f'mode = "{ESCAPE}"', ["verify"]),
        ('player = "Ada Lovelace"', f'player = "Ada{ESCAPE}"', ["verify"]),
    ],
    ids=["verification", "game_version", "mode", "player"],
)
def test_no_control_character_from_a_transcript_reaches_the_terminal(
    good: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, argv: list[str]
) -> None:
    bad = _edited(good, "ansi.toml", old, new)
    if argv[0] == "replay":
        text = bad.read_text(encoding="utf-8")
        bad.write_text(text.replace(f"engine = {ENGINE}", "engine = 1", 1))
    status, out, err = _run(capsys, argv[0], bad, *argv[1:])
    assert status == 1
    assert "\x1b" not in "".join(out + err)
    assert "\\x1b[2J\\x1b[31mPWNED" in "".join(out) or "the file was edited" in "".join(out)


@pytest.fixture
def named(tmp_path: Path, good: Path, hanoi: Scenario) -> list[Path]:
    """Five students' transcripts with names a spreadsheet, a browser or a terminal would
    act on; each name is written into the file after the code was made for it cleaned, which
    is the only way such a name passed before (the code covers the name as cleaned)."""
    names = {
        "formula": '=HYPERLINK("http://x","y")',
        "plus": "+1+1",
        "minus": "-2+3",
        "at": "@SUM(A1)",
        "html": "<img src=x onerror=alert(1)> **bold** [link](http://x)",
    }
    paths = []
    for key, name in names.items():
        paths.append(_rewritten(good, hanoi, f"{key}.toml", player=name))
    return paths


def test_names_are_text_in_the_csv_and_the_markdown(
    named: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report"
    assert _run(capsys, "report", *named, "--out", out)[0] == 0
    with (out / "report.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))[1:]
    assert len(rows) == len(named)
    for row in rows:
        assert not row[0].startswith(("=", "+", "-", "@", "\t", "\r")), row[0]
    assert {row[0] for row in rows} >= {
        "'+1+1",
        "'-2+3",
        "'@SUM(A1)",
        '\'=HYPERLINK("http://x","y")',
    }
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "<img" not in md and "**bold**" not in md and "[link](" not in md
    assert "&lt;img src=x onerror=alert(1)&gt; \\*\\*bold\\*\\* \\[link\\](http://x)" in md


def test_carriage_returns_and_long_names_are_refused_and_never_split_rows(
    good: Path, tmp_path: Path, hanoi: Scenario, capsys: pytest.CaptureFixture[str]
) -> None:
    """Names the game never writes (a CR, 10,000 spaces) but whose code matched, since the
    code covers the name as cleaned."""
    files = []
    for index, name in enumerate(
        ["A\\rB\\rC", "D\\rE", "F", "G\\rH", "I", "J" + " " * 10_000 + "K"]
    ):
        clean = clean_name(name.replace("\\r", "\r"))
        path = _rewritten(good, hanoi, f"cr{index}.toml", player=clean)
        text = path.read_text(encoding="utf-8").replace(f'player = "{clean}"', f'player = "{name}"')
        path.write_text(text, encoding="utf-8")
        files.append(path)
    out = tmp_path / "report"
    status, _, err = _run(capsys, "report", *files, "--out", out)
    assert status == 0
    assert sum("player: not a name the game writes" in line for line in err) == 4
    with (out / "report.csv").open(encoding="utf-8", newline="") as handle:
        assert [row[0] for row in csv.reader(handle)][1:] == ["F", "I"]
    assert max(len(line) for line in (out / "report.md").read_text().splitlines()) < 300


def test_a_long_file_name_is_cut_in_the_report(
    good: Path, tmp_path: Path, hanoi: Scenario, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _rewritten(good, hanoi, "x" * 200 + ".toml", player="")
    out = tmp_path / "report"
    assert _run(capsys, "report", path, "--out", out)[0] == 0
    students = (out / "report.md").read_text(encoding="utf-8").split("## Students")[1]
    # The name links to the student's page, whose file name is cut further (40 characters).
    assert f"| [{'x' * 59}\u2026](students/{'x' * 40}.md) |" in students


# --- 8 and the threat model: same games, transcripts given twice, empty names ------------------


def test_games_the_same_under_different_names_are_flagged(
    good: Path, hanoi: Scenario, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = _rewritten(good, hanoi, "bob.toml", player="Bob Smith")
    status, out, _ = _run(capsys, "verify", good, other)
    assert status == 0
    assert out[2] == (
        "to check: the same game turn for turn (7 turns) under different names: "
        f"{good} (Ada Lovelace), {other} (Bob Smith)"
    )
    report = tmp_path / "report"
    _, _, err = _run(capsys, "report", good, other, "--out", report)
    assert err[0] == out[2]
    assert "## The same game under different names" in (report / "report.md").read_text()


def test_a_transcript_given_twice_is_counted_once(
    good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = _edited(good, "copy.toml", "", "")
    status, out, _ = _run(capsys, "verify", good, good, copy)
    assert status == 1
    assert out == [
        f"{good}: ok",
        f"{good}: given twice (the same file as {good}): checked once",
        f"{copy}: given twice: the same game by the same student as {good}",
    ]
    _, _, err = _run(capsys, "report", good, good, copy, "--out", tmp_path / "report")
    assert err[-2:] == [
        f"{good}: given twice (the same file as {good}): checked once",
        "1 game in the report, 1 left out",
    ]


def test_a_file_given_twice_is_checked_once_and_named_as_typed(
    good: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A play-test: `verify *.toml ada.toml` exited 1 though every game was fine, and
    # ./ben-carter.toml was echoed as ben-carter.toml.
    monkeypatch.chdir(good.parent)
    typed = f"./{good.name}"
    status, out, _ = _run(capsys, "verify", typed, good.name)
    assert out == [
        f"{typed}: ok",
        f"{good.name}: given twice (the same file as {typed}): checked once",
    ]
    assert status == 0


def test_an_empty_name_never_vouches_for_a_next_summit(
    tmp_path: Path, hanoi: Scenario, capsys: pytest.CaptureFixture[str]
) -> None:
    from game.engine import carry_from
    from game.engine.transcript import verification_code
    from game.store.scenarios import load_scenario

    following = load_scenario("next_summit")
    first = play(hanoi, "essay", 5)
    write_transcript(tmp_path / "ada.toml", first, Who("Ada Lovelace", "practice"))
    carry = carry_from(
        first, following, verification_code(first, player="Ada Lovelace", mode="practice")
    )
    second = play_from(new_game(following, 5, carry), "essay")
    write_transcript(tmp_path / "anon.toml", second, Who("", "practice"))
    status, out, _ = _run(capsys, "verify", tmp_path / "ada.toml", tmp_path / "anon.toml")
    assert status == 1
    assert re.fullmatch(
        r".*anon\.toml: continues an earlier hanoi game \(code \S+\), but one of the two "
        r"games does not name its player, so the one cannot vouch for the other \(start with "
        r"your name\)",
        out[1],
    )
    # Neither named: it said "played by (no name), not by (no name)", which puzzled a tester.
    write_transcript(tmp_path / "ada.toml", first, Who("", "practice"))
    carry = carry_from(first, following, verification_code(first, mode="practice"))
    second = play_from(new_game(following, 5, carry), "essay")
    write_transcript(tmp_path / "anon.toml", second, Who("", "practice"))
    status, out, _ = _run(capsys, "verify", tmp_path / "ada.toml", tmp_path / "anon.toml")
    assert status == 1 and "but neither game names its player" in out[1]


def test_a_graded_class_code_game_must_name_its_student(
    tmp_path: Path, hanoi: Scenario, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "nameless.toml"
    write_transcript(path, play(hanoi, "essay", 1234), Who(mode="graded", code=GRADED))
    status, out, _ = _run(capsys, "verify", path, "--code", GRADED)
    assert status == 1
    assert out == [f"{path}: no name: a game played with a class code must name its student"]


@POSIX
def test_codes_files_are_read_as_files(
    good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "codes.txt"
    os.mkfifo(fifo)
    for codes in ("/dev/zero", str(fifo), str(tmp_path)):
        status, out, err = _run(capsys, "verify", good, "--codes", codes)
        assert status == 2 and out == [] and len(err) == 1
        assert err[0].endswith("not a file: the game reads only files")


@pytest.mark.parametrize("invisible", ["\u200b", "\u2060", "\ufeff"])
def test_invisible_characters_are_dropped_from_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], invisible: str
) -> None:
    # A teacher: "Eve\u200b Zero" was kept, and looked like a classmate's "Eve Zero"; direction
    # overrides were already dropped.
    assert clean_name(f"Eve{invisible} Ze{invisible}ro") == "Eve Zero"
    out = tmp_path / "eve.toml"
    script = Path(__file__).parents[1] / "scripts" / "essay_seed4.toml"
    name = f"Eve{invisible} Zero"
    argv: list[str | Path] = ["play", "--headless", "--script", script, "--name", name]
    argv += ["--transcript", out]
    assert _run(capsys, *argv)[0] == 0
    assert 'player = "Eve Zero"' in out.read_text(encoding="utf-8")
    # Typed into a file, it is a name the game never writes.
    text = out.read_text(encoding="utf-8").replace('"Eve Zero"', f'"Eve{invisible} Zero"')
    out.write_text(text, encoding="utf-8")
    status, lines, _ = _run(capsys, "verify", out)
    assert status == 1 and "player: not a name the game writes" in lines[0]
