"""Team play in the window: the hot-seat New game form names the two teams, the role cards
come after the briefing, and the teams go into the game's saves, its exported transcript and
its verification code. A class code needs a name in any mode."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from game.classroom.classcode import MODES, encode
from game.classroom.verify import verify_file
from game.draw.context import UiContext
from game.engine import new_game
from game.engine.strategies import play_from
from game.engine.teams import Team, Teams
from game.store.mode import Mode
from game.store.scenarios import load_scenario
from game.store.transcripts import read_transcript
from game.store.who import Who
from game.ui.flow import Flow
from game.ui.in_play import Briefing, GameSetup, NewGame, RoleCards
from game.ui.roles import role_pages
from game.ui.screen import Apply, Dialog, ExportTranscript, Open
from game.ui.screens.new_game import NewGameScreen
from game.ui.screens.text_pages import TextPagesScreen
from tests.ui.teams import TEAM_GAME, TEAMS, team_flow

SCENARIO = load_scenario("hanoi")


def _form(ctx: UiContext, *, hotseat: bool) -> NewGameScreen:
    return NewGameScreen(ctx, scenario="hanoi", seed=4, hotseat=hotseat)


def _can_begin(form: NewGameScreen) -> bool:
    return form.begin.enabled


def test_the_hot_seat_form_names_both_teams_or_neither(ctx: UiContext) -> None:
    form = _form(ctx, hotseat=True)
    setup = form.setup()
    assert setup is not None and setup.who.teams is None and setup.hotseat
    form.team_us.set_text("  Eagles ")
    form.validate()
    assert form.setup() is None and not _can_begin(form)
    assert form.team_north.error == "Name the North Korean team too, or neither."
    form.team_north.set_text("Cranes")
    form.validate()
    setup = form.setup()
    assert setup is not None and setup.who.teams == TEAMS and setup.who.player == ""
    assert _can_begin(form) and not form.team_north.error


def test_a_class_code_needs_a_name_in_any_mode(ctx: UiContext) -> None:
    for mode in Mode:
        form = _form(ctx, hotseat=False)
        form.code.set_text(encode("HNOI", 4, mode))
        form.validate()
        assert form.setup() is None
        assert form.name.error == "A class code needs your name."
        form.name.set_text("Ada Lovelace")
        form.validate()
        setup = form.setup()
        assert setup is not None and setup.who.player == "Ada Lovelace" and not form.name.error
    team = _form(ctx, hotseat=True)
    team.code.set_text(encode("HNOI", 4, Mode.PRACTICE))
    team.validate()
    assert team.setup() is None
    assert team.team_us.error == "A class code needs your teams' names."
    team.team_us.set_text("Eagles")
    team.team_north.set_text("Cranes")
    team.validate()
    assert team.setup() is not None


def test_the_role_cards_come_between_the_briefing_and_the_table(ctx: UiContext) -> None:
    flow = Flow(ctx)
    briefing = flow.open(Briefing(TEAM_GAME))
    assert isinstance(briefing, TextPagesScreen)
    assert briefing.done == Open(RoleCards(TEAM_GAME)) and briefing.done_label == "The role cards"
    cards = flow.open(RoleCards(TEAM_GAME))
    assert isinstance(cards, TextPagesScreen)
    assert cards.done == Apply(NewGame(TEAM_GAME)) and cards.done_label == "Take your seats"
    headings = [page.heading for page in cards.pages]
    assert headings == ["At the table", "The U.S. team: Eagles", "The North Korean team: Cranes"]
    text = " ".join(p for page in cards.pages for p in page.paragraphs)
    assert "docs/roles/us-treasury.md" in text and "docs/roles/dprk-military.md" in text
    assert "Each of you holds a role" in text
    solo = flow.open(Briefing(GameSetup(SCENARIO, 4)))
    assert isinstance(solo, TextPagesScreen) and solo.done == Apply(NewGame(GameSetup(SCENARIO, 4)))


def test_a_scenario_without_roles_seats_its_teams_without_cards() -> None:
    plain = attrs.evolve(SCENARIO, roles=())
    pages = role_pages(plain, TEAMS)
    assert [page.heading for page in pages] == ["At the table"]
    (who, table) = pages[0].paragraphs
    assert who == "Eagles play the U.S. delegation; Cranes play the North Korean delegation."
    assert table.startswith("The U.S. team makes the offers. After each one the North Korean")


def test_a_team_game_is_exported_under_its_teams_with_its_teams(ctx: UiContext) -> None:
    flow = Flow(ctx)
    code = encode("HNOI", 4, Mode.PRACTICE)
    flow.handle(
        NewGame(
            GameSetup(SCENARIO, 4, Who("", Mode.PRACTICE, code, TEAMS), hotseat=True), keep=False
        )
    )
    session = flow.session
    assert session is not None and session.who.teams == TEAMS
    session.state = play_from(session.state, "essay")
    action = flow.handle(ExportTranscript())
    assert isinstance(action, Open) and isinstance(action.place, Dialog)
    day = date.today().isoformat()
    path = flow.store.exports / f"Eagles-and-Cranes_{code}_{day}.toml"
    assert f"Saved to {path}" in action.place.body
    transcript = read_transcript(path)
    assert transcript.teams == TEAMS and transcript.hotseat
    assert verify_file(path).ok
    # The debrief's code is the transcript's: the teams are part of it.
    assert flow.debrief(next_summit=False).verification == transcript.verification
    assert session.verification() == transcript.verification
    # The autosave keeps the teams for Continue.
    loaded = flow.store.load(flow.store.autosave_path)
    assert loaded.game is not None and loaded.game.who.teams == TEAMS


def test_a_hot_seat_game_is_never_graded(ctx: UiContext) -> None:
    # verify refuses a graded game whose answers a second player chose, so the form does not
    # start one: the mode stays practice, and a graded class code is refused beside the code.
    form = _form(ctx, hotseat=True)
    form.team_us.set_text("Eagles")
    form.team_north.set_text("Cranes")
    form.validate()
    assert not form.mode.enabled and MODES[form.mode_index] is Mode.PRACTICE
    for mode, allowed in ((Mode.GRADED, False), (Mode.PRACTICE, True)):
        form.code.set_text(encode("HNOI", 4, mode))
        form.validate()
        setup = form.setup()
        assert (setup is not None) is allowed and _can_begin(form) is allowed
        assert bool(form.code.error) is not allowed
        if setup is not None:
            assert setup.who.mode is Mode.PRACTICE and setup.hotseat


def test_the_table_names_each_team_beside_its_delegation() -> None:
    """A team game: each delegation with its team's name, the team alone where that is too
    long; a game for one: the player's name on ours, theirs alone."""
    from game.ui.session import Session
    from game.ui.table import delegation_names

    state = new_game(SCENARIO, 4, hotseat=True)
    teams = Session(state, who=Who(mode=Mode.PRACTICE, teams=TEAMS))
    theirs, ours, tag = delegation_names(teams)
    assert theirs == ("DPRK DELEGATION \u00b7 CRANES", "DPRK \u00b7 CRANES", "CRANES")
    assert ours == ("U.S. DELEGATION \u00b7 EAGLES", "EAGLES")
    assert tag == "hot-seat \u00b7 practice \u00b7 seed 4"
    alone = Session(new_game(SCENARIO, 4), who=Who("Ada", Mode.GRADED))
    theirs, ours, tag = delegation_names(alone)
    assert theirs == ("DPRK DELEGATION", "DPRK") and ours[0] == "U.S. DELEGATION \u00b7 ADA"


def test_role_cards_keep_a_long_team_name_and_the_seats_button_whole() -> None:
    """At the large text size a long team name is cut to the contents' box, not run over the
    rule beside it, and "Take your seats" gets the width its label needs."""
    from game.draw import theme
    from game.store.settings import Settings, TextSize
    from game.ui.screens.text_pages import SIDEBAR_COLUMNS
    from game.ui.shots import render_screens

    ctx = UiContext(Settings(text_size=TextSize.LARGE))
    teams = Teams(Team("Eagles"), Team("Cranes of the Long White River"))
    setup = GameSetup(SCENARIO, 4, Who(mode=Mode.PRACTICE, teams=teams), hotseat=True)
    cards = Flow(ctx).open(RoleCards(setup))
    assert isinstance(cards, TextPagesScreen)
    cards.sheet = len(cards.sheets()) - 1
    surface = render_screens([cards])
    assert cards.next.label == "Take your seats"
    assert cards.next.rect.width >= cards.next.preferred_width(ctx)
    assert not cards.next.rect.colliderect(cards.previous.rect)
    entry = cards.contents[-1]
    # Between the rule beside the contents and the page's text there is only paper.
    rule_x = theme.column_x(SIDEBAR_COLUMNS) + theme.COLUMN // 2
    paper = surface.get_at((rule_x + 3, entry.rect.top))
    gap = [
        surface.get_at((x, y))
        for x in range(rule_x + 3, cards.body_rect.left - 8)
        for y in range(entry.rect.top, entry.rect.bottom)
    ]
    assert all(pixel == paper for pixel in gap), "the heading runs over the rule"


def test_at_large_text_the_tag_gives_way_before_the_team_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Beside our flag, "hot-seat · practice · seed N" loses its first parts before our
    team's name is cut (the play-tester saw "EAGLES" become "…" at Large)."""
    from game.store.settings import Settings, TextSize
    from game.ui import session as session_module
    from game.ui.screens.summit import SummitScreen
    from game.ui.shots import render_screens
    from game.ui.widgets import board

    shown: list[str] = []
    first_fitting = board._first_fitting

    def record(ctx: UiContext, names: tuple[str, ...], room: int) -> str:
        shown.append(first_fitting(ctx, names, room))
        return shown[-1]

    monkeypatch.setattr(board, "_first_fitting", record)
    ctx = UiContext(Settings(text_size=TextSize.LARGE))
    who = Who(mode=Mode.PRACTICE, teams=TEAMS)
    state = new_game(SCENARIO, 6153, hotseat=True)
    render_screens([SummitScreen(ctx, session_module.Session(state, who=who))])
    ours = shown[-1]
    assert "EAGLES" in ours and "\u2026" not in ours, shown


def test_at_large_text_the_tag_keeps_the_mode_longest(rendered: list[str]) -> None:
    """A play-tester at Large text saw only "seed 14840" beside a long name and could not tell
    a graded game from practice: the seed gives way first."""
    from game.store.settings import Settings, TextSize
    from game.ui import session as session_module
    from game.ui.screens.summit import SummitScreen
    from game.ui.shots import render_screens

    ctx = UiContext(Settings(text_size=TextSize.LARGE))
    who = Who("Jordan Large", Mode.GRADED)
    state = new_game(SCENARIO, 14840)
    rendered.clear()
    render_screens([SummitScreen(ctx, session_module.Session(state, who=who))])
    assert "graded" in rendered
    assert "graded \u00b7 seed 14840" not in rendered  # it did not fit whole
    # However long the name: the name is cut, the mode stays.
    rendered.clear()
    who = Who("Alexandra Konstantinopoulou-Wetherington", Mode.GRADED)
    render_screens([SummitScreen(ctx, session_module.Session(state, who=who))])
    assert "graded" in rendered


def test_the_hand_over_names_the_teams(ctx: UiContext, rendered: list[str]) -> None:
    # A play-test: the hand-over said "Second player" and "U.S. player" in a team game.
    from game.engine import Move
    from game.ui.in_play import PlayMove
    from game.ui.screen import Push
    from game.ui.screens.hotseat import HandOverScreen
    from game.ui.shots import render_screens

    flow = team_flow(ctx)
    action = flow.handle(PlayMove(Move("security_assurances", "spoken")))
    assert isinstance(action, Push) and isinstance(action.screen, HandOverScreen)
    assert action.screen.go.label == "We are Cranes"
    rendered.clear()
    render_screens([action.screen])
    shown = " ".join(rendered)
    assert "Over to Cranes" in shown and "Cranes: you decide" in shown
    assert "Eagles: hand over" in shown and "Second player" not in shown
