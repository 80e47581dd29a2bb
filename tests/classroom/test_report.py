"""The class report end to end: thirty students, two bad transcripts, files that add up."""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path

import pytest

from game.classroom.classcode import encode
from game.classroom.codes import read_codes
from game.classroom.report import tier_words
from game.classroom.report_files import ENDINGS_SIZE, STUDENT_FILES, TRUST_SIZE
from game.cli import main
from game.engine import GameState, Move, ReactionKind, Scenario, apply, judge, new_game
from game.engine.describe import answered_proposal
from game.engine.rng import seed_state
from game.engine.strategies import STRATEGIES as STRATEGIES_BY_NAME
from game.engine.strategies import play, play_from
from game.engine.transcript import verification_code
from game.store.mode import Mode
from game.store.transcripts import write_transcript
from game.store.who import Who
from tests.classroom.games import graded_game, three_students

CODE = encode("HNOI", 1234, Mode.GRADED)
STRATEGIES = ("essay", "dove", "random", "hawk", "historical", "greedy")


@pytest.fixture
def classroom(tmp_path: Path, hanoi: Scenario) -> tuple[Path, list[Path], Path]:
    folder = tmp_path / "handed-in"
    folder.mkdir()
    paths = []
    codes = []
    for number in range(30):
        state = play(hanoi, STRATEGIES[number % len(STRATEGIES)], 1234)
        path = folder / f"student{number:02d}.toml"
        write_transcript(path, state, Who(f"Student {number:02d}", "graded", CODE))
        paths.append(path)
        code = verification_code(state, player=f"Student {number:02d}", mode="graded", code=CODE)
        codes.append(f"Student {number:02d}, {code}")
    edited = graded_game(folder / "edited.toml", hanoi, "essay", "Mallory", CODE)
    edited.write_text(re.sub(r"trust = \d+,", "trust = 99,", edited.read_text(), count=1))
    broken = folder / "broken.toml"
    broken.write_text("this is not a transcript\n")
    codes_file = tmp_path / "codes.txt"
    codes_file.write_text("\n".join(codes) + "\nMallory, 0000-0000\n", encoding="utf-8")
    return folder, [*paths, edited, broken], codes_file


def test_the_report_adds_up_and_leaves_out_bad_transcripts(
    classroom: tuple[Path, list[Path], Path], tmp_path: Path
) -> None:
    _, paths, codes = classroom
    out = tmp_path / "report"
    args = ["report", *map(str, paths), "--out", str(out), "--code", CODE, "--codes", str(codes)]
    assert main(args) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        ".report-files",
        "endings.png",
        "report.csv",
        "report.html",
        "report.md",
        "students",
        "trust.png",
    ]
    md = (out / "report.md").read_text(encoding="utf-8")
    assert md.startswith("# Class report: Hanoi, February 2019")
    assert f"30 verified games; class code {CODE}; 2 transcripts left out" in md
    outcomes = md.split("## Outcomes")[1].split("##")[0]
    counts = [int(n) for n in re.findall(r"^\| [^|]+ \| (\d+) \| \d+% \|$", outcomes, re.M)]
    assert sum(counts) == 30
    assert "| What happened in history |" in md and "| The essay's line |" in md
    assert f"`{paths[-2]}`: turn 1" in md
    assert f"`{paths[-1]}`: not a valid transcript" in md
    with (out / "report.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 30
    assert {row["name"] for row in rows} == {f"Student {n:02d}" for n in range(30)}
    assert {"ending", "accords", "turns", "verification"} <= set(rows[0])
    assert all(0 <= int(row["A normal relationship"]) <= 100 for row in rows)


def test_the_charts_are_pngs_of_the_right_size(
    classroom: tuple[Path, list[Path], Path], tmp_path: Path
) -> None:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    _, paths, _ = classroom
    out = tmp_path / "report"
    assert main(["report", *map(str, paths[:30]), "--out", str(out)]) == 0
    for name, size in (("endings.png", ENDINGS_SIZE), ("trust.png", TRUST_SIZE)):
        data = (out / name).read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
        image = pygame.image.load(out / name)
        assert image.get_size() == size
        # Not a blank page: the chart draws in several colours.
        colours = {
            image.get_at((x, y))[:3] for x in range(0, size[0], 7) for y in range(0, size[1], 7)
        }
        assert len(colours) > 3


def test_codes_are_read_leniently(tmp_path: Path) -> None:
    path = tmp_path / "codes.txt"
    path.write_text("Jennifer, 7f3k q2zd\nOlga\t0O1L-ABCD\nAB12-CD34\n", encoding="utf-8")
    codes = read_codes(path)
    assert codes.by_name == {"jennifer": {"7F3K-Q2ZD"}, "olga": {"0011-ABCD"}}
    assert codes.anonymous == frozenset({"AB12-CD34"})


def test_a_student_may_hand_in_a_code_per_game(tmp_path: Path) -> None:
    path = tmp_path / "codes.txt"
    path.write_text("Ada Lovelace, 7F3K-Q2ZD\nAda Lovelace, 8G4M-R3Z5\n", encoding="utf-8")
    assert read_codes(path).by_name == {"ada lovelace": {"7F3K-Q2ZD", "8G4M-R3Z5"}}


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("Ada Lovelace", "expected a verification code like 7F3K-Q2ZD"),
        ("Love Lace", "expected a verification code like 7F3K-Q2ZD"),
        ("Ada, 7F3U-Q2ZD", "7F3U-Q2ZD is not a verification code (codes never contain U)"),
        # Read as the name "Ada, 7F3K-Q2ZD" until a play-test tried it.
        (
            "Ada, 7F3K-Q2ZD 8g4m-r3z5",
            "two verification codes on one line (7F3K-Q2ZD and 8G4M-R3Z5): give each a line of "
            "its own",
        ),
    ],
)
def test_lines_without_a_real_code_are_refused(tmp_path: Path, line: str, problem: str) -> None:
    from game.classroom.codes import CodesFileError

    path = tmp_path / "codes.txt"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(CodesFileError) as caught:
        read_codes(path)
    assert str(caught.value) == f"{path}:1: {problem}" or problem in str(caught.value)


@pytest.mark.parametrize("text", ["", "# the codes, one a line\n\n"])
def test_a_codes_file_without_a_code_is_refused(tmp_path: Path, text: str) -> None:
    # It used to blame every student: "... is not among those handed in".
    from game.classroom.codes import CodesFileError

    path = tmp_path / "codes.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CodesFileError) as caught:
        read_codes(path)
    assert str(caught.value) == (
        f"{path}: no verification codes in it (one a line: CODE, or NAME, CODE)"
    )


def test_a_report_with_nothing_usable_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("x = 1\n")
    assert main(["report", str(bad), "--out", str(tmp_path / "r")]) == 1
    err = capsys.readouterr().err
    assert "left out" in err and "0 games in the report, 1 left out" in err


def _table(md: str, heading: str) -> list[tuple[str, int, str]]:
    """The rows of the report's table under ``heading``: (label, games, share)."""
    section = md.split(f"## {heading}\n")[1].split("\n## ", maxsplit=1)[0]
    rows = re.findall(r"^\| (.+?) \| (\d+) \| (\d+%|-) \|$", section, re.M)
    return [(label, int(games), share) for label, games, share in rows]


def test_every_game_is_counted_in_the_accords_table_those_with_none_too(
    tmp_path: Path, hanoi: Scenario
) -> None:
    """A play-test: in a class where a game reached no accord, "Accords on the record" showed
    "(none) | 0 | -", and a class where some games reached one had no row for the others."""
    games = {name: play(hanoi, line, 1) for name, line in [("Ada", "essay"), ("Alan", "hawk")]}
    games["Grace"] = play(hanoi, "dove", 1)
    paths = []
    for name, state in games.items():
        paths.append(tmp_path / f"{name}.toml")
        write_transcript(paths[-1], state, Who(name))
    for chosen, total in (paths[1:2], 1), (paths, 3):
        out = tmp_path / f"report{total}"
        assert main(["report", *map(str, chosen), "--out", str(out)]) == 0
        md = (out / "report.md").read_text(encoding="utf-8")
        with (out / "report.csv").open(encoding="utf-8") as handle:
            records = [row["accords"].split() for row in csv.DictReader(handle)]
        accords = _table(md, "Accords on the record")
        unrecorded = sum(1 for record in records if not record)
        assert accords[-1] == ("(none)", unrecorded, f"{round(100 * unrecorded / total)}%")
        labelled = {hanoi.accord_label(a): a for record in records for a in record}
        for label, count, _ in accords[:-1]:
            assert count == sum(labelled[label] in record for record in records)
        assert sum(count for _, count, _ in _table(md, "Outcomes")) == total
    assert accords[-1] == ("(none)", 2, "67%")


def test_a_report_without_a_verified_game_counts_nothing_in_its_tables(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("x = 1\n")
    out = tmp_path / "r"
    assert main(["report", str(bad), "--out", str(out)]) == 1
    md = (out / "report.md").read_text(encoding="utf-8")
    for heading in ("Outcomes", "Accords on the record"):
        assert md.split(f"## {heading}\n\n")[1].startswith("No verified games.\n")
    assert "(none)" not in md


def _hotseat_game(hanoi: Scenario) -> GameState:
    """Seed 1234 with a second player: they table their proposal to end the exercises instead
    of answering written restraint, the American refuses it, and the rules play on."""
    state = new_game(hanoi, 1234, hotseat=True)
    move = Move("mutual_restraint", "written")
    assert "end_exercises" in judge(state, move).proposals
    state = apply(state, move, ReactionKind.COUNTER, "end_exercises").state
    state = apply(state, Move("reject")).state
    return play_from(state, "essay")


PRACTICE = encode("HNOI", 1234, Mode.PRACTICE)


def _amended(hanoi: Scenario, line: str, salt: int) -> GameState | None:
    """A game of seed 1 in which the first proposal of theirs that can be amended is, after
    ``line``'s moves (``salt`` seeding its random choices), played on by the essay's line (None
    when no proposal with an amendment comes up)."""
    state, rng = new_game(hanoi, 1), seed_state("t", salt)
    while not state.is_over:
        if state.pending is not None and hanoi.proposals[state.pending.proposal].amend:
            return play_from(apply(state, Move("amend")).state, "essay")
        move, rng = STRATEGIES_BY_NAME[line].choose(state, rng)
        state = apply(state, move).state
    return None


def test_amendments_they_refused_are_counted_apart_from_those_they_took(
    tmp_path: Path, hanoi: Scenario
) -> None:
    """An amendment of their proposal makes an accord only when they accept it: the report
    counts the two apart, and each game once. One class (seed 1), whose students reach the
    amendment by different lines of play."""
    tries = [(line, salt) for line in STRATEGIES_BY_NAME for salt in range(4)]
    games = [game for line, salt in tries if (game := _amended(hanoi, line, salt)) is not None]
    took = refused = 0
    for answer in (t for game in games for t in game.turns if t.move.offer == "amend"):
        took += answer.reaction.kind is ReactionKind.ACCEPT
        refused += answer.reaction.kind is not ReactionKind.ACCEPT
    assert took and refused, "the lines tried do not show both"
    paths = []
    for number, game in enumerate(games):
        paths.append(tmp_path / f"s{number}.toml")
        write_transcript(paths[-1], game, Who(f"S{number}"))
    out = tmp_path / "report"
    assert main(["report", *map(str, paths), "--out", str(out)]) == 0
    proposals = (out / "report.md").read_text(encoding="utf-8").split("## Their proposals")[1]
    rows = re.findall(
        r"^\| (.+?) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \|$", proposals, re.M
    )
    assert sum(int(row[3]) for row in rows) == took
    assert sum(int(row[4]) for row in rows) == refused


def test_the_report_lists_their_proposals_and_hot_seat_games_apart(
    tmp_path: Path, hanoi: Scenario
) -> None:
    """In practice, a hot-seat game is reported apart (in graded play it is left out: see
    tests/classroom/test_verify.py)."""
    games = {f"Student {n}": play(hanoi, name, 1234) for n, name in enumerate(STRATEGIES)}
    games["Pair"] = _hotseat_game(hanoi)
    paths = []
    for name, state in games.items():
        paths.append(tmp_path / f"{name}.toml")
        write_transcript(paths[-1], state, Who(name, "practice", PRACTICE))
    out = tmp_path / "report"
    assert main(["report", *map(str, paths), "--out", str(out)]) == 0
    md = (out / "report.md").read_text(encoding="utf-8")
    assert f"{len(games)} verified games; class code {PRACTICE}; 1 of them hot-seat" in md
    proposals = md.split("## Their proposals")[1].split("##")[0]
    header = "| Their proposal | Games | Accepted | Amended, they agreed | Amended, they refused "
    assert header + "| Rejected |" in proposals
    answered = [
        (proposal, answer)
        for state in games.values()
        for index, turn in enumerate(state.turns)
        if (proposal := answered_proposal(hanoi, state.turns, index)) is not None
        for answer in [turn.move.offer]
    ]
    counts = re.findall(r"^\| .+ \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \|$", proposals, re.M)
    assert sum(int(games_) for games_, *_ in counts) == len(answered)
    assert all(int(n) == sum(map(int, split)) for n, *split in counts)
    assert "| End the joint exercises for good | " in proposals
    students, seated = md.split("## Students")[1].split("## Hot-seat games")
    assert "| [Pair](students/Pair.md) |" in seated.split("##")[0] and "Pair" not in students
    with (out / "report.csv").open(encoding="utf-8") as handle:
        rows = {row["name"]: row["hotseat"] for row in csv.DictReader(handle)}
    assert rows.pop("Pair") == "yes" and set(rows.values()) == {"no"}


def test_against_history_counts_the_scenarios_own_tiers_and_lines(
    classroom: tuple[Path, list[Path], Path], tmp_path: Path, hanoi: Scenario
) -> None:
    # The section names the scenario's top tiers of endings and its reference lines' endings,
    # and adds each up from the rows: nothing in it is written for one scenario.
    _, paths, _ = classroom
    out = tmp_path / "report"
    assert main(["report", *map(str, paths[:30]), "--out", str(out)]) == 0
    md = (out / "report.md").read_text(encoding="utf-8")
    section = md.split("## Against history and the essay")[1].split("\n\n|")[0]
    with (out / "report.csv").open(encoding="utf-8") as handle:
        endings = [row["ending"] for row in csv.DictReader(handle)]
    top = max(e.tier for e in hanoi.endings)
    best = ", ".join(e.title for e in hanoi.endings if e.tier == top)
    (below,) = (e.title for e in hanoi.endings if e.tier == top - 1)
    for tier, what in ((top, f"A top-tier ending ({best})"), (top - 1, f"{below} or better")):
        reached = sum(
            1 for e in hanoi.endings if e.tier >= tier for ending in endings if ending == e.id
        )
        assert f"- {what}: {reached} (" in section
    unsigned = sum(1 for ending in endings if ending in {"walkout", "walked_away"})
    assert unsigned <= int(re.search(r"No joint statement: (\d+) of 30", section).group(1))  # type: ignore[union-attr]
    assert "What happened in history, played on the class's counterparts" in section
    assert "The essay's line, played on the class's counterparts" in section


def test_a_report_run_again_takes_out_its_own_earlier_pages_and_nothing_else(
    tmp_path: Path, hanoi: Scenario, capsys: pytest.CaptureFixture[str]
) -> None:
    # A play-test: a report of two games into the folder of a report of seven left the other
    # five students' pages, with their old ranks, in students/ to be sent on; refusing them
    # then stopped the rerun the lesson plan asks for ("Run report again with the late
    # files") when a student who passed in class failed the codes check after it.
    games = three_students(tmp_path, hanoi)
    out = tmp_path / "report"
    assert main(["report", *games, "--out", str(out)]) == 0
    students = out / "students"
    notes = students / "notes" / "for-me.txt"  # a folder of the teacher's own is no page
    notes.parent.mkdir()
    notes.write_text("mine", encoding="utf-8")
    capsys.readouterr()

    # A file of the teacher's own, or a page edited since, is not the report's to remove.
    for yours in (students / "Ken.md", students / "Grace.md"):
        kept = yours.read_bytes() if yours.exists() else None
        yours.write_text("# my notes\n", encoding="utf-8")
        before = {path: path.read_bytes() for path in out.rglob("*") if path.is_file()}
        assert main(["report", *games[:2], "--out", str(out)]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.splitlines() == [
            f"{students}: cannot write the report: it holds {yours.name} that this report "
            "does not write (an earlier report's pages?): move them away, or give another --out"
        ]
        assert {path: path.read_bytes() for path in out.rglob("*") if path.is_file()} == before
        if kept is None:
            yours.unlink()
        else:
            yours.write_bytes(kept)

    # Its own earlier pages, as it wrote them, go with the run; the teacher's folder stays.
    assert main(["report", *games[:2], "--out", str(out)]) == 0
    assert sorted(path.name for path in students.iterdir()) == sorted(
        [*(f"{name}{suffix}" for name in ("Ada", "Alan") for suffix in STUDENT_FILES), "notes"]
    )
    assert notes.read_text(encoding="utf-8") == "mine"
    assert main(["report", *games[:2], "--out", str(out)]) == 0


def test_the_trust_charts_run_over_the_trust_meter_s_range(hanoi: Scenario) -> None:
    from game.classroom.report_files import _trust_axes
    from game.engine import parse_scenario
    from game.store.scenarios import resolve

    turns, trust = _trust_axes(hanoi, 14)
    assert (turns.lo, turns.hi, trust.lo, trust.hi, trust.title) == (0, 13, 0, 100, "trust")
    text = resolve("hanoi").read_text(encoding="utf-8")
    wide = parse_scenario(
        text.replace("min = 0\nmax = 100\nstart = 15", "min = -50\nmax = 150\nstart = 15", 1),
        "wide.toml",
    )
    _, trust = _trust_axes(wide, 14)
    assert trust.tick_labels() == ("-50", "0", "50", "100", "150")


def test_a_tier_of_several_endings_reads_as_one_list() -> None:
    # A teacher could not read the next summit's "Yongbyon, verified or Liaison offices at last
    # or ... or better": a title of its own holds a comma.
    titles = ("Yongbyon, verified", "Liaison offices at last", "The ambassadors stay")
    assert tier_words(titles, top=False) == (
        "An ending of the tier below or better "
        "(Yongbyon, verified; Liaison offices at last; The ambassadors stay)"
    )
    assert tier_words(("Embassies", "The grand bargain"), top=True) == (
        "A top-tier ending (Embassies, The grand bargain)"
    )
    assert tier_words(("Liaison offices",), top=False) == "Liaison offices or better"


@pytest.mark.parametrize("longest", range(2, 41))
def test_the_trust_charts_turn_ticks_stay_on_the_axis(hanoi: Scenario, longest: int) -> None:
    # A teacher: "15" was labelled past the right edge of a chart of 14 turns, and cut off.
    from game.classroom.report_files import _trust_axes

    turns, _ = _trust_axes(hanoi, longest)
    assert turns.ticks[0] == 0 and all(tick <= turns.hi for tick in turns.ticks)
    assert len(turns.ticks) >= 2
