"""The debrief: what it reports (the reading of the counterpart too), that it fits, its buttons
by key and by mouse, monkeys, golden."""

from collections import Counter
from functools import partial
from pathlib import Path

import attrs
import pygame
import pytest

from game.classroom.debrief import build_debrief
from game.draw import theme
from game.draw.charts import COLOUR_BLIND_SERIES, STANDARD_SERIES
from game.draw.context import UiContext
from game.engine import GameState, Scenario, new_game, outcome, parse_scenario
from game.engine.describe import StrategyName
from game.engine.search import Found
from game.engine.strategies import play
from game.engine.transcript import verification_code
from game.store.scenarios import resolve
from game.store.settings import Settings, TextSize
from game.ui.app import App, OffscreenDisplay, ScriptedEvents
from game.ui.debrief_pages import (
    agenda_text,
    grudge_texts,
    hidden_caption,
    neighbour_text,
    neighbours_chart,
    scores_page,
    table_page,
    tell_texts,
)
from game.ui.screen import (
    Action,
    Apply,
    Command,
    ExportTranscript,
    NextSummit,
    OpenExports,
    Place,
    ReplaySeed,
    Screen,
    ToTitle,
)
from game.ui.screens.debrief import (
    BUTTONS_TOP,
    PAGES,
    VIEW,
    DebriefScreen,
    meter_chart,
    score_chart,
)
from game.ui.shots import SETTLE_SECONDS, render_screens
from game.ui.testing import (
    DrawWatcher,
    FixedClock,
    assert_matches_golden,
    click,
    key,
    monkey_input,
    move,
    run_monkey,
    wheel,
)
from game.ui.widgets.buttons import Button

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
MONKEY_EVENTS = 2000


@attrs.define
class Callbacks:
    """Counts of every command the debrief gives, by name; a router for the app, too."""

    given: Counter[str] = attrs.field(factory=Counter)

    def handle(self, command: Command) -> Action | None:
        names: dict[type[Command], str] = {
            ReplaySeed: "replay",
            ExportTranscript: "export",
            OpenExports: "folder",
            NextSummit: "next_summit",
        }
        name = names.get(type(command), "title" if isinstance(command, ToTitle) else "")
        assert name, f"the debrief gave the command {command!r}"
        self.given[name] += 1
        return None

    def open(self, place: Place) -> Screen:
        raise AssertionError(f"the debrief opened {place!r}")


def _screen(ctx: UiContext, state: GameState, *, next_summit: bool = True) -> DebriefScreen:
    return DebriefScreen(ctx, state, verification=verification_code(state), next_summit=next_summit)


def _send(screen: DebriefScreen, calls: Callbacks, *events: pygame.event.Event) -> None:
    """Hand ``events`` to the screen, and the commands it gives back to ``calls``."""
    for event in events:
        action = screen.on_event(event)
        if isinstance(action, Apply):
            calls.handle(action.command)
        else:
            assert action is None, f"the debrief gave {action!r}"


HANOI_FILE = resolve("hanoi")

# --- What it reports -----------------------------------------------------------------------------


def test_the_chart_follows_the_palette(rich: GameState) -> None:
    debrief = build_debrief(rich)
    plain = meter_chart(debrief, theme.STANDARD_PALETTE)
    safe = meter_chart(debrief, theme.COLOUR_BLIND_PALETTE)
    assert {s.colour for s in plain.series} <= set(STANDARD_SERIES)
    assert {s.colour for s in safe.series} <= set(COLOUR_BLIND_SERIES)
    assert plain.series[0].emphasis, "trust leads the legend"
    assert len(plain.bands) == len(debrief.rounds)
    bars = score_chart(debrief, theme.STANDARD_PALETTE)
    assert bars is not None and len(bars.series) == 3


def test_the_charts_run_over_the_meters_ranges_the_scenario_gives(hanoi: Scenario) -> None:
    # Patience from 0 to 1000: a chart fixed at 0-100 drew it far off its plot.
    text = HANOI_FILE.read_text(encoding="utf-8").replace(
        "min = 0\nmax = 100\nstart = 76", "min = 0\nmax = 1000\nstart = 760", 1
    )
    wide = parse_scenario(text, "wide.toml")
    state = play(wide, StrategyName.ESSAY, 3)
    chart = meter_chart(build_debrief(state), theme.STANDARD_PALETTE)
    assert (chart.y.lo, chart.y.hi) == (0, 1000)
    assert chart.y.tick_labels() == ("0", "250", "500", "750", "1000")
    assert all(0 <= chart.y.fraction(v) <= 1 for s in chart.series for v in s.values if v)
    plain = meter_chart(build_debrief(play(hanoi, StrategyName.ESSAY, 3)), theme.STANDARD_PALETTE)
    assert plain.y.tick_labels() == ("0", "25", "50", "75", "100")


def test_an_unfinished_game_is_refused(ctx: UiContext, hanoi: Scenario) -> None:
    with pytest.raises(ValueError, match="finished"):
        _screen(ctx, new_game(hanoi, 1))


def test_across_the_table_reveals_what_reading_them_would_have_shown(rich: GameState) -> None:
    debrief = build_debrief(rich)
    reading = debrief.reading
    assert reading is not None
    assert PAGES[3] == "Across the table"
    assert agenda_text(reading.agenda).startswith(reading.agenda[0][:1].upper())
    assert all(i.lower() in agenda_text(reading.agenda).lower() for i in reading.agenda)
    lines = tell_texts(reading.tells)
    shown = {tell.interest for tell in reading.tells}
    assert len(lines) == len(shown)
    for tell in reading.tells:
        assert any(str(tell.decision) in line and tell.interest in line for line in lines)
        # What is quoted is what the reply said of that interest, not their words across the
        # table (a play-tester read security guarantees over a reply about liaison offices).
        assert f"they want {tell.interest}" in tell.said, tell
    # What a reply named is what they wanted at that point, first or next: "came first" over
    # a quote that said "next" contradicted it (a play-tester).
    assert not any("came first" in line for line in lines)
    assert all("at the head of their list" in line for line in lines)
    remembered = grudge_texts(reading.grudges)
    assert len(remembered) == len(set(reading.grudges))
    assert all(text.endswith(".") for text in remembered)
    for line in debrief.neighbours:
        text = neighbour_text(line)
        assert text.startswith(line.label) and str(line.values[-1]) in text
    chart = neighbours_chart(debrief, theme.STANDARD_PALETTE)
    assert chart is not None
    assert [s.label for s in chart.series] == [n.label for n in debrief.neighbours]
    assert {s.label for s in meter_chart(debrief, theme.STANDARD_PALETTE).series}.isdisjoint(
        {n.label for n in debrief.neighbours}
    ), "the neighbours are charted apart from the talks meters"


def test_the_proposals_page_says_when_none_came(ctx: UiContext, rich: GameState) -> None:
    debrief = build_debrief(rich)
    assert debrief.proposals, "the rich game saw a proposal of theirs"
    empty = attrs.evolve(debrief, proposals=())
    columns = table_page(ctx, empty)
    full = table_page(ctx, debrief)
    assert columns[1].bottom < full[1].bottom


# --- Rendering and fit ----------------------------------------------------------------------------


@pytest.mark.parametrize("colour_blind", [False, True])
@pytest.mark.parametrize("size", list(TextSize))
def test_every_page_renders_and_fits_or_scrolls(
    rich: GameState, size: TextSize, colour_blind: bool
) -> None:
    ctx = UiContext(Settings(text_size=size, colour_blind=colour_blind))
    screen = _screen(ctx, rich)
    for page in range(len(PAGES)):
        screen.page = page
        screen._sync_tabs()
        picture = render_screens([screen])
        assert picture.get_size() == theme.LOGICAL_SIZE
        # The code is on every page, on navy, where it can be copied.
        assert picture.get_at((theme.column_x(11), 50))[:3] == ctx.palette.navy
        # Nothing spills past the content area into the button row.
        for x in range(theme.MARGIN_X, theme.column_x(theme.COLUMNS), 7):
            assert picture.get_at((x, VIEW.bottom + 8))[:3] == ctx.palette.paper or (
                screen.max_scroll(page) > 0
            ), f"page {page} at {size} spills below the view"
        if page:
            image = screen._page_surface(page)
            assert image.get_width() == VIEW.width
            assert screen.max_scroll(page) == max(0, image.get_height() - VIEW.height)
    assert screen.max_scroll(0) == 0, "the chart always fits"


@pytest.mark.parametrize("size", list(TextSize))
@pytest.mark.parametrize("folder_names", [1, 4, 12])
def test_the_exports_folder_never_covers_a_page(
    rich: GameState, size: TextSize, folder_names: int
) -> None:
    """The line over the buttons saying where transcripts go covered the chart's legend and the
    scores at large text (play-test B); a longer folder takes room from the view instead."""
    ctx = UiContext(Settings(text_size=size))
    exports = Path("/home", *["a-rather-long-folder-name-for-testing"] * folder_names, "exports")
    screen = DebriefScreen(
        ctx, rich, verification=verification_code(rich), next_summit=False, exports=exports
    )
    assert screen.view.top == VIEW.top and screen.view.bottom <= VIEW.bottom
    assert screen.export_rect.top > screen.view.bottom
    assert screen.export_rect.bottom <= BUTTONS_TOP
    assert screen.export_rect.width <= VIEW.width
    for page in (0, 1):
        screen.page = page
        screen.elapsed = 99.0
        pictures = []
        for button in (screen.export_button, screen.replay_button):
            screen.focus.focus(button)
            pictures.append(render_screens([screen]).subsurface(screen.view).copy())
        shown, hidden = pictures
        assert pygame.image.tobytes(shown, "RGB") == pygame.image.tobytes(hidden, "RGB"), (
            f"the exports line covers page {page}"
        )


def test_every_ending_gets_a_debrief(ctx: UiContext, games: dict[str, Found]) -> None:
    for found in games.values():
        screen = _screen(ctx, found.state)
        for page in range(len(PAGES)):
            screen.page = page
            render_screens([screen])


def test_pages_that_overflow_scroll_with_keys_and_wheel(rich: GameState) -> None:
    ctx = UiContext(Settings(text_size=TextSize.LARGE))
    screen = _screen(ctx, rich)
    calls = Callbacks()
    for code, page in ((pygame.K_5, 4), (pygame.K_4, 3)):
        _send(screen, calls, key(code))
        assert screen.page == page
        top = screen.max_scroll(page)
        assert top > 0, f"page {page} is long at large text"
        _send(screen, calls, key(pygame.K_PAGEDOWN))
        assert 0 < screen.scroll[page] <= top
        _send(screen, calls, key(pygame.K_END))
        assert screen.scroll[page] == top
        _send(screen, calls, key(pygame.K_HOME))
        assert screen.scroll[page] == 0
        _send(screen, calls, move(VIEW.center), wheel(-2))
        assert screen.scroll[page] > 0
        _send(screen, calls, wheel(50))
        assert screen.scroll[page] == 0


def test_tabs_switch_by_number_and_by_click(ctx: UiContext, rich: GameState) -> None:
    screen = _screen(ctx, rich)
    calls = Callbacks()
    codes = (pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_5, pygame.K_1)
    for number, code in enumerate(codes, start=1):
        _send(screen, calls, key(code))
        assert screen.page == number % len(PAGES)
    for index, tab in enumerate(screen.tabs):
        _send(screen, calls, *click(tab.rect.center))
        assert screen.page == index
        assert tab.is_current


# --- Buttons --------------------------------------------------------------------------------------

BUTTONS = {
    "replay": ("replay_button", pygame.K_r),
    "export": ("export_button", pygame.K_e),
    "folder": ("folder_button", pygame.K_o),
    "next_summit": ("next_button", pygame.K_n),
    "title": ("title_button", pygame.K_t),
}


def _press(screen: DebriefScreen, calls: Callbacks, name: str, how: str) -> None:
    attribute, shortcut = BUTTONS[name]
    target: Button = getattr(screen, attribute)
    if how == "shortcut":
        _send(screen, calls, key(shortcut))
    elif how == "mouse":
        _send(screen, calls, *click(target.rect.center))
    else:
        for _ in range(len(screen.focus.controls)):
            if screen.focus.focused is target:
                break
            _send(screen, calls, key(pygame.K_TAB))
        assert screen.focus.focused is target
        _send(screen, calls, key(pygame.K_RETURN))


@pytest.mark.parametrize("how", ["shortcut", "tab and enter", "mouse"])
@pytest.mark.parametrize("name", sorted(BUTTONS))
def test_each_button(ctx: UiContext, rich: GameState, name: str, how: str) -> None:
    calls = Callbacks()
    _press(_screen(ctx, rich), calls, name, how)
    assert calls.given == {name: 1}


def test_escape_goes_back_to_the_title(ctx: UiContext, rich: GameState) -> None:
    calls = Callbacks()
    _send(_screen(ctx, rich), calls, key(pygame.K_ESCAPE))
    assert calls.given["title"] == 1


def test_without_a_next_summit_the_button_is_disabled_with_a_reason(
    ctx: UiContext, rich: GameState
) -> None:
    calls = Callbacks()
    screen = _screen(ctx, rich, next_summit=False)
    assert not screen.next_button.enabled
    assert screen.next_button.reason
    _send(screen, calls, key(pygame.K_n), *click(screen.next_button.rect.center))
    assert calls.given["next_summit"] == 0
    # Focused, it says why, just above itself.
    plain = render_screens([_screen(ctx, rich, next_summit=False)])
    screen.focus.focus(screen.next_button)
    focused = render_screens([screen])
    rect = screen.next_button.rect
    y = rect.top - 2 * theme.UNIT - 10
    assert any(
        plain.get_at((x, y)) != focused.get_at((x, y)) for x in range(rect.left, rect.right, 2)
    )


def test_buttons_work_through_the_real_loop(ctx: UiContext, rich: GameState) -> None:
    calls = Callbacks()
    screen = _screen(ctx, rich)
    script = [
        [],
        [key(pygame.K_e)],
        click(screen.replay_button.rect.center),
        [key(pygame.K_TAB)],
        [key(pygame.K_3)],
        [],
    ]
    app = App(
        ctx,
        screen,
        display=OffscreenDisplay(),
        events=ScriptedEvents(script),
        clock=FixedClock(),
        router=calls,
        persist_settings=False,
    )
    app.run()
    assert (calls.given["export"], calls.given["replay"], screen.page) == (1, 1, 2)


# --- Motion, idling and drawing ------------------------------------------------------------


def test_the_chart_draws_in_then_the_screen_idles(ctx: UiContext, rich: GameState) -> None:
    screen = _screen(ctx, rich)
    early = render_screens_at(screen, 0.2)
    assert screen.update(1 / 60) is True
    while screen.update(1 / 60):
        pass
    assert screen.update(1 / 60) is False
    late = render_screens_at(screen, 0.0)
    right = (theme.column_x(theme.COLUMNS) - 80, VIEW.top + 40)
    assert early.get_size() == late.get_size()
    assert any(
        early.get_at((x, y)) != late.get_at((x, y))
        for x in range(right[0] - 200, right[0], 5)
        for y in range(VIEW.top, VIEW.bottom - 80, 5)
    ), "the lines were not yet drawn at the right early on"


@pytest.mark.parametrize("size", list(TextSize))
def test_the_chart_drawing_in_sets_its_labels_where_the_finished_one_does(
    size: TextSize, rich: GameState
) -> None:
    # In a real window at large text, the labels doubled while the lines drew in ("expanded d
    # talks", "your decisionons"): the frame under the wipe was laid out without the room the
    # finished chart keeps for its end labels.
    ctx = UiContext(Settings(text_size=size, sound=False))
    screen = _screen(ctx, rich)
    bare, full = screen._chart_surface(bare=True), screen._chart_surface(bare=False)
    plot = meter_chart(screen.debrief, ctx.palette).layout(ctx, bare.get_rect()).plot
    pad = 14  # where a line's markers at the top or the bottom of the range reach past the plot
    above = pygame.Rect(0, 0, bare.get_width(), plot.top - pad)  # the rounds' names
    below = pygame.Rect(
        0, plot.bottom + pad, bare.get_width(), bare.get_height() - plot.bottom - pad
    )
    for area in (above, below):  # and the decisions' numbers, the axis' title and the legend
        assert pygame.image.tobytes(bare.subsurface(area), "RGB") == pygame.image.tobytes(
            full.subsurface(area), "RGB"
        ), (size, area)


def render_screens_at(screen: DebriefScreen, dt: float) -> pygame.Surface:
    """Draw without settling the animation first (unlike render_screens)."""
    screen.update(dt)
    surface = pygame.Surface(theme.LOGICAL_SIZE)
    screen.draw(surface)
    return surface


def _snapshot(screen: DebriefScreen) -> tuple[object, ...]:
    return (
        screen.page,
        tuple(screen.scroll),
        screen.elapsed,
        screen.focus.index,
        screen.state.hash,
        screen.debrief,
    )


def test_drawing_changes_nothing(ctx: UiContext, rich: GameState) -> None:
    screen = _screen(ctx, rich)
    surface = pygame.Surface(theme.LOGICAL_SIZE)
    for page in range(len(PAGES)):
        screen.page = page
        before = _snapshot(screen)
        screen.draw(surface)
        assert _snapshot(screen) == before


@pytest.mark.parametrize("size", [TextSize.NORMAL, TextSize.LARGE])
def test_monkey(rich: GameState, size: TextSize) -> None:
    ctx = UiContext(Settings(text_size=size))
    calls = Callbacks()
    watched: list[DrawWatcher] = []
    with_next = [True]

    def fresh() -> Screen:
        # Alternate between a debrief with a next summit and one without.
        with_next[0] = not with_next[0]
        screen = _screen(ctx, rich, next_summit=with_next[0])
        watched.append(DrawWatcher(screen, partial(_snapshot, screen)))
        return watched[-1]

    events = monkey_input(f"debrief-{size}", MONKEY_EVENTS)
    run_monkey(ctx, lambda: [fresh()], events, calls)
    assert events.delivered >= MONKEY_EVENTS
    assert sum(w.draws for w in watched) > 0
    assert calls.given["replay"] + calls.given["export"] + calls.given["title"] > 0
    result = outcome(rich)
    assert result is not None


# --- Golden image ---------------------------------------------------------------------------------


def test_debrief_matches_its_golden_image(rich: GameState) -> None:
    screen = _screen(UiContext(Settings()), rich, next_summit=False)
    screen.update(SETTLE_SECONDS)
    assert_matches_golden(render_screens([screen]), GOLDEN / "debrief.png", step=3)


def test_enter_pressed_first_exports_the_transcript(ctx: UiContext, rich: GameState) -> None:
    """The debrief opens with Export transcript in focus: Enter pressed in haste writes the
    transcript a class hands in, and does not leave the debrief for a new game."""
    calls = Callbacks()
    screen = _screen(ctx, rich)
    _send(screen, calls, key(pygame.K_RETURN))
    assert calls.given == {"export": 1}


def test_a_hot_seat_debrief_says_people_chose_their_answers(hanoi: Scenario) -> None:
    """Their character is revealed either way; in a hot-seat game it only shaped the advice."""
    from game.engine.strategies import play_from

    alone = build_debrief(play_from(new_game(hanoi, 4), "essay"))
    seated = build_debrief(play_from(new_game(hanoi, 4, hotseat=True), "essay"))
    assert not alone.hotseat and seated.hotseat
    assert hidden_caption(alone).startswith("Hidden during play and drawn by the seed.")
    assert "their team chose the answers" in hidden_caption(seated)
    assert "their team" not in hidden_caption(alone)


def test_a_neighbour_is_said_to_stay_put_only_if_it_never_moved() -> None:
    """A play-tester read "Tokyo: wary, 43 throughout" beside a chart that rose to 49."""
    from game.classroom.debrief import NeighbourLine

    still = NeighbourLine("Tokyo", (43, 43, 43), "wary", "wary")
    assert neighbour_text(still) == "Tokyo: wary, 43 throughout."
    moved = NeighbourLine("Tokyo", (43, 49, 40, 43), "wary", "wary")
    assert neighbour_text(moved) == (
        "Tokyo: wary, 43 at the start and at the end (40 to 49 between)."
    )


def test_a_scenario_without_scorecards_has_no_score_chart() -> None:
    """No scorecards: no chart, where an empty one kept a legend of lines the scenario has
    not (a scenario author's play-test)."""
    from tests.engine.small import small

    scenario = small()
    assert not scenario.scorecards
    debrief = build_debrief(play(scenario, StrategyName.GREEDY, 1))
    assert debrief.scores == () and score_chart(debrief, theme.STANDARD_PALETTE) is None


def test_a_next_summits_scores_say_why_there_is_no_comparison(
    ctx: UiContext, rich: GameState, rendered: list[str]
) -> None:
    # Play-test 3, finding 14: the next summit's Scores tab left its right half empty, with no
    # "Compared, on your seed" chart and no word why.
    from game.ui.in_play import GameSetup
    from game.ui.session import Session

    setup = Session(rich).next_summit()
    assert isinstance(setup, GameSetup) and setup.carry is not None
    state = play(setup.scenario, StrategyName.ESSAY, setup.seed, setup.carry)
    debrief = build_debrief(state)
    assert debrief.scores and score_chart(debrief, ctx.palette) is None
    rendered.clear()
    left, right = scores_page(ctx, debrief)
    said = " ".join(rendered)
    assert "carried on from" in said, said
    assert right.ink_bottom > 4 * theme.UNIT and left.ink_bottom
    # A game of the scenario's own start keeps its chart.
    fresh = build_debrief(play(setup.scenario, StrategyName.ESSAY, setup.seed))
    assert score_chart(fresh, ctx.palette) is not None
