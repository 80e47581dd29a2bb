"""Feedback for every student: a class of thirty, solo and team games, gets a class page and
thirty student pages in Markdown and self-contained HTML, charts embedded, nothing from a file
read as markup."""

from __future__ import annotations

import base64
import csv
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from game.classroom.classcode import encode
from game.classroom.document import to_markdown
from game.classroom.feedback import _lapsed, _place, differences, student_page, swings
from game.classroom.report import build
from game.cli import main
from game.engine import Scenario, new_game
from game.engine.strategies import play, play_from
from game.engine.teams import Player, Team, Teams
from game.store.mode import Mode
from game.store.transcripts import write_transcript
from game.store.who import Who

CODE = encode("HNOI", 1234, Mode.PRACTICE)
STRATEGIES = ("essay", "dove", "random", "hawk", "historical", "greedy")
VOID = {"meta", "img", "br", "hr", "link", "input"}


def _class(folder: Path, hanoi: Scenario) -> list[Path]:
    """Twenty-four students alone, six team games (hot-seat, teams named), one a name with
    markup in it."""
    folder.mkdir()
    paths = []
    for number in range(24):
        name = f"Student {number:02d}" if number else "<script>alert(1)</script> Zoë"
        path = folder / f"s{number:02d}.toml"
        state = play(hanoi, STRATEGIES[number % len(STRATEGIES)], 1234)
        write_transcript(path, state, Who(name, "practice", CODE))
        paths.append(path)
    for number in range(6):
        teams = Teams(
            Team(f"Eagles {number}", (Player(f"Ann {number}", ("negotiator",)),)),
            Team(f"Cranes {number}", (Player(f"Bo {number}", ("military",)),)),
        )
        state = play_from(new_game(hanoi, 1234, hotseat=True), STRATEGIES[number])
        path = folder / f"team{number}.toml"
        write_transcript(path, state, Who(mode="practice", code=CODE, teams=teams))
        paths.append(path)
    return paths


class _Page(HTMLParser):
    """Every tag opened and closed in order, and every attribute, of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.problems: list[str] = []
        self.attributes: list[tuple[str, str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            self.attributes.append((tag, name, value or ""))
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.problems.append(f"</{tag}> closes nothing open")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parsed(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    assert not page.problems and not page.open, (path, page.problems, page.open)
    return page


def _self_contained(page: _Page, text: str) -> None:
    assert 'src="http' not in text and "<script" not in text and "<link" not in text
    for tag, name, value in page.attributes:
        if name == "src":
            assert tag == "img" and value.startswith("data:image/png;base64,")
            assert base64.b64decode(value.split(",", 1)[1]).startswith(b"\x89PNG\r\n\x1a\n")
        if name == "href":
            assert not re.match(r"[a-z]+:", value), value  # relative links between pages only


def test_a_class_of_thirty_gets_a_class_page_and_thirty_student_pages(
    tmp_path: Path, hanoi: Scenario
) -> None:
    paths = _class(tmp_path / "in", hanoi)
    out = tmp_path / "report"
    assert main(["report", *map(str, paths), "--out", str(out), "--code", CODE]) == 0
    assert {p.name for p in out.iterdir()} == {
        ".report-files",
        "report.md",
        "report.html",
        "report.csv",
        "endings.png",
        "trust.png",
        "students",
    }
    students = out / "students"
    assert len(list(students.glob("*.md"))) == 30
    assert len(list(students.glob("*.html"))) == 30
    assert len(list(students.glob("*.png"))) == 60

    html = (out / "report.html").read_text(encoding="utf-8")
    page = _parsed(out / "report.html")
    _self_contained(page, html)
    assert sum(1 for tag, name, _ in page.attributes if tag == "img" and name == "src") == 2
    links = [v for tag, name, v in page.attributes if tag == "a" and name == "href"]
    assert len(links) == 30 and all(link.startswith("students/") for link in links)
    for link in links:
        from urllib.parse import unquote

        assert (out / unquote(link)).is_file()
    # The name with markup is text in every file, never a tag.
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Zoë" in html
    assert "Eagles 0 and Cranes 0" in html and "Ann 0: the negotiator" in html

    for student in students.glob("*.html"):
        text = student.read_text(encoding="utf-8")
        parsed = _parsed(student)
        _self_contained(parsed, text)
        assert sum(1 for tag, name, _ in parsed.attributes if tag == "img" and name == "src") == 2
        assert "<script>" not in text
        words = "".join(parsed.text)
        for heading in (
            "Key moments",
            "Where most of the class chose otherwise",
            "What history and the essay would say",
            "Your scores against the class",
        ):
            assert heading in words
    script = next(students.glob("script-alert-1-script-Zoe*.md"))
    assert script.read_text(encoding="utf-8").startswith(
        "# Feedback: &lt;script&gt;alert(1)&lt;/script&gt; Zoë\n"
    )
    team = (students / "Eagles-0-and-Cranes-0.md").read_text(encoding="utf-8")
    assert "## The teams" in team and "- The u.s. team: " not in team
    assert "- The U.S. team: Eagles 0 (Ann 0: the negotiator (head of delegation))" in team


def test_key_moments_come_from_the_game(tmp_path: Path, hanoi: Scenario) -> None:
    paths = _class(tmp_path / "in", hanoi)
    report = build(paths)
    assert report is not None
    essay = next(r for r in report.rows if r.name == "Student 06")
    found = swings(essay)
    assert found and len(found) <= 3
    moves = [abs(b - a) for a, b in zip(essay.trust, essay.trust[1:], strict=False)]
    assert abs(found[0].change) == max(moves)
    assert [abs(s.change) for s in found] == sorted((abs(s.change) for s in found), reverse=True)
    # The class played six lines, four students or more each: where one student's line
    # leaves the others', most of them chose otherwise.
    for row in report.rows:
        for difference in differences(report, row):
            assert difference.count * 2 > difference.playing >= 3
            assert difference.yours != difference.theirs


@pytest.mark.parametrize("name", ["Ada", "ADA"])
def test_student_pages_of_names_that_are_one_file_get_two_files(
    tmp_path: Path, hanoi: Scenario, name: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    paths = []
    # One class: the same counterpart, three lines of play.
    for number, (player, line) in enumerate(
        zip(["Ada", name, "Bo"], ["essay", "dove", "hawk"], strict=True)
    ):
        path = folder / f"{number}.toml"
        write_transcript(path, play(hanoi, line, 1), Who(player))
        paths.append(path)
    out = tmp_path / "out"
    assert main(["report", *map(str, paths), "--out", str(out)]) == 0
    pages = sorted(p.name.casefold() for p in (out / "students").glob("*.html"))
    assert pages == ["ada-2.html", "ada.html", "bo.html"]
    page = (out / "students" / "Bo.md").read_text(encoding="utf-8")
    assert "Too few other games in the report to compare turn by turn." in page


def test_the_grade_book_names_every_player_of_a_team_game(tmp_path: Path, hanoi: Scenario) -> None:
    """A team game's row goes by its teams' names; the two last columns name the players in each
    team and the ids of their roles, so that a grade book can credit each student."""
    paths = _class(tmp_path / "in", hanoi)
    out = tmp_path / "report"
    assert main(["report", *map(str, paths), "--out", str(out), "--code", CODE]) == 0
    with (out / "report.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["name"]: row for row in csv.DictReader(handle)}
    team = rows["Eagles 3 and Cranes 3"]
    assert (team["hotseat"], team["offering team"], team["answering team"]) == (
        "yes",
        "Eagles 3 (Ann 3: negotiator)",
        "Cranes 3 (Bo 3: military)",
    )
    alone = rows["Student 01"]
    assert (alone["hotseat"], alone["offering team"], alone["answering team"]) == ("no", "", "")


def test_a_shared_place_says_it_is_shared() -> None:
    # A teacher saw five students each read "1st of 7" on a scorecard they tied on.
    values = [60, 60, 60, 60, 60, 40, 30]
    assert _place(60, values) == "1st of 7, tied with 4 others"
    assert _place(40, values) == "6th of 7"
    assert _place(5, [5, 5]) == "1st of 2, tied with 1 other"


def test_a_page_says_why_the_accords_reached_are_not_on_the_record(hanoi: Scenario) -> None:
    # A teacher: "On the record: nothing", for a game that reached eight accords and could not
    # sign; the page never said why.
    state = play(hanoi, "dove", 0)
    assert state.terminal is not None and state.terminal.value == "no_statement"
    said = _lapsed(state)
    assert said.startswith("Reached at the table but not on the record: ")
    assert "(without a joint statement only unwritten accords stand)." in said
    for accord in state.accords:
        assert hanoi.accord_label(accord.id) in said
    broken = play(hanoi, "essay", 29)
    assert "Broken when put to the test: mutual restraint." in _lapsed(broken)
    assert _lapsed(play(hanoi, "essay", 4)) == ""  # signed: all on the record


def test_one_other_student_is_counted_in_the_singular(tmp_path: Path, hanoi: Scenario) -> None:
    # A teacher: "Of the 1 others who met it, 1 did the same." on Ben's page.
    paths = []
    for line, name in (("essay", "Ada"), ("historical", "Ben")):
        path = tmp_path / f"{name}.toml"
        write_transcript(path, play(hanoi, line, 1), Who(name))
        paths.append(path)
    report = build(paths)
    assert report is not None
    page = to_markdown(student_page(report, report.rows[0]))
    assert "Of the 1 other who met it, 1 did the same." in page
    assert "1 others" not in page
