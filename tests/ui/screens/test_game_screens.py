"""The game's screens: each renders at every text size in both palettes, drawing never changes the
game, and the table answers keys, clicks and pages of cards as a player expects."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pygame
import pytest

from game.draw.context import UiContext
from game.draw.theme import LOGICAL_SIZE, TextRole
from game.engine import Move, OfferKind, new_game
from game.store.mode import Mode
from game.store.scenarios import load_scenario
from game.store.settings import Settings, TextSize
from game.ui.app import ScriptStep
from game.ui.briefing import briefing_pages
from game.ui.flow import Flow
from game.ui.in_play import Briefing, NewGame, OfferForms, PlayMove
from game.ui.screen import (
    Apply,
    Chain,
    Dialog,
    NewGameForm,
    Open,
    Pop,
    Screen,
    SummitLog,
    TheirProposal,
)
from game.ui.screens.dialog import DialogScreen
from game.ui.screens.log import LogScreen
from game.ui.screens.new_game import NewGameScreen
from game.ui.screens.proposal import ProposalScreen
from game.ui.screens.scenario_pick import Entry, ScenarioScreen, read_entries
from game.ui.screens.summit import SummitScreen
from game.ui.screens.variant import VariantScreen
from game.ui.session import Session
from game.ui.shots import Gallery, mid_game, proposal_pending, render_screens, sample_session
from game.ui.table import CardStatus, TableMode
from game.ui.testing import click, game_app, key, text
from game.ui.widgets.drawing import fit_lines
from game.ui.widgets.text_field import TextField
from tests.ui import GAME_SCREENS

SCENARIO = load_scenario("hanoi")


@pytest.fixture(scope="module")
def screens(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Callable[[UiContext, str], list[Screen]]]:
    root = tmp_path_factory.mktemp("saves")

    def build(ctx: UiContext, name: str) -> list[Screen]:
        return Gallery(ctx, root, 7).screens()[name]()

    yield build


def _colours(surface: pygame.Surface) -> int:
    return len({surface.get_at((x, y))[:3] for x in range(0, 1280, 16) for y in range(0, 720, 16)})


@pytest.mark.parametrize("size", list(TextSize))
def test_every_game_screen_renders_at_every_text_size(
    size: TextSize, screens: Callable[[UiContext, str], list[Screen]]
) -> None:
    from game.ui.shots import render_screens

    for colour_blind in (False, True):
        ctx = UiContext(Settings(text_size=size, colour_blind=colour_blind, sound=False))
        for name in GAME_SCREENS:
            picture = render_screens(screens(ctx, name))
            assert picture.get_size() == (1280, 720), name
            assert _colours(picture) > 12, name


def test_drawing_never_changes_the_game(screens: Callable[[UiContext, str], list[Screen]]) -> None:
    ctx = UiContext(Settings(sound=False))
    surface = pygame.Surface((1280, 720))
    for name in GAME_SCREENS:
        stack = screens(ctx, name)
        found = [getattr(screen, "session", None) for screen in stack]
        sessions = [session for session in found if isinstance(session, Session)]
        before = [(s.state, len(s.history), len(s.undos), len(s.notices)) for s in sessions]
        for screen in stack:
            screen.update(1.0)
        first = None
        for _ in range(3):
            for screen in stack:
                screen.draw(surface)
            picture = pygame.image.tobytes(surface, "RGB")
            first = first or picture
            assert picture == first, f"{name}: drawing twice gives different pictures"
        after = [(s.state, len(s.history), len(s.undos), len(s.notices)) for s in sessions]
        assert after == before, name


def _table(ctx: UiContext) -> tuple[Flow, SummitScreen]:
    flow = Flow(ctx)
    flow.session = sample_session(SCENARIO, 7, mid_game)
    table = flow.summit()
    assert isinstance(table, SummitScreen)
    return flow, table


def test_every_offer_has_a_card_and_locked_ones_say_why(ctx: UiContext) -> None:
    _, table = _table(ctx)
    assert [card.offer_id for card in table.cards] == [o.id for o in SCENARIO.offers]
    locked = [card for card in table.cards if card.status is CardStatus.LOCKED]
    assert locked
    for card in locked:
        assert card.reason and not card.enabled
        assert card.caption.lower().startswith(card.reason[:10].lower())
    labels = [card.shortcut.label for card in table.cards if card.shortcut]
    assert labels[:10] == list("1234567890")
    assert labels[10:] == list("QWERT")[: len(labels) - 10]


def test_a_locked_card_shortcut_focuses_it_but_plays_nothing(ctx: UiContext) -> None:
    flow, table = _table(ctx)
    card = next(c for c in table.cards if c.status is CardStatus.LOCKED)
    assert card.shortcut is not None
    app = game_app(ctx, flow, table, [key(card.shortcut.key)])
    turns = len(table.state.turns)
    app.run()
    assert table.focus.focused is card
    assert len(table.state.turns) == turns
    assert app.top is table


def test_a_key_whose_card_is_on_the_other_page_turns_to_it_first() -> None:
    # At large text a play-tester's key played a card on the page he could not see, before he
    # had read what it needed.
    ctx = UiContext(Settings(text_size=TextSize.LARGE, sound=False))
    flow, table = _table(ctx)
    render_screens([table])
    assert table._tray.pages > 1 and table.page == 0
    per_page = table._tray.per_page
    card = next(
        c for c in table.cards[per_page:] if c.status is CardStatus.OPEN and c.shortcut is not None
    )
    assert card.shortcut is not None
    turns = len(table.state.turns)
    app = game_app(ctx, flow, table, [key(card.shortcut.key)])
    app.run()
    assert table.page == 1 and table.focus.focused is card
    assert len(table.state.turns) == turns and app.top is table
    # Pressed again, on its page, it is played (or asks for its form, as any card does).
    assert table.on_event(key(card.shortcut.key)) == card.activate()


def test_an_offer_with_forms_opens_the_picker_and_plays_the_chosen_form(ctx: UiContext) -> None:
    flow, table = _table(ctx)
    card = next(
        c
        for c in table.cards
        if c.status is CardStatus.OPEN and SCENARIO.offer(c.offer_id).variants
    )
    action = table.choose(card.offer_id)
    assert action == Open(OfferForms(card.offer_id))
    assert isinstance(action, Open)
    picker = flow.open(action.place)
    assert isinstance(picker, VariantScreen)
    offer = SCENARIO.offer(card.offer_id)
    picked = picker.on_event(key(pygame.K_2))
    assert picked == Chain((Pop(), Apply(PlayMove(Move(offer.id, offer.variants[1].id)))))
    assert picker.on_event(key(pygame.K_ESCAPE)) == Pop()


def test_the_forms_of_a_recess_say_what_it_changes_not_what_proposing_it_does(
    ctx: UiContext,
) -> None:
    # "Step out to consult" is not an offer to them: its forms read "Proposing it:" (a
    # play-tester).
    recess = next(o for o in SCENARIO.offers if o.kind is OfferKind.RECESS)
    picker = VariantScreen(ctx, new_game(SCENARIO, 4), recess)
    labels = [[p.text for p in row.parts if p.plain] for row in picker.rows]
    assert labels and all(words == ["It changes:"] for words in labels)
    restraint = VariantScreen(ctx, new_game(SCENARIO, 4), SCENARIO.offer("mutual_restraint"))
    assert "Proposing it:" in [p.text for p in restraint.rows[0].parts if p.plain]


@pytest.mark.parametrize("offer_id", ["yongbyon_for_relief", "mutual_restraint"])
def test_at_large_text_a_form_s_introduction_stays_whole(offer_id: str) -> None:
    # A play-tester read the Yongbyon forms' introduction shrunk to fine print and cut ("...the
    # other enrichment site it..."): a dialog too tall for its text first takes the screen's
    # width, and its introduction is never set in fine print nor cut.
    large = UiContext(Settings(sound=False, text_size=TextSize.LARGE))
    picker = VariantScreen(large, new_game(SCENARIO, 4), SCENARIO.offer(offer_id))
    picker.layout()
    assert picker.frame.width > picker._narrow
    assert picker._intro_role in (TextRole.BODY, TextRole.CAPTION)
    assert picker._intro_room < 0  # not shortened
    assert picker.frame.height <= LOGICAL_SIZE[1]
    # At normal text the panel keeps its width, the introduction its type.
    normal = VariantScreen(
        UiContext(Settings(sound=False)), new_game(SCENARIO, 4), SCENARIO.offer(offer_id)
    )
    normal.layout()
    assert normal.frame.width == normal._narrow
    assert normal._intro_role is TextRole.BODY


def test_walking_away_asks_first(ctx: UiContext) -> None:
    _flow, table = _table(ctx)
    walk = next(o for o in SCENARIO.offers if o.kind is OfferKind.WALK_AWAY)
    action = table.choose(walk.id)
    assert isinstance(action, Open) and isinstance(action.place, Dialog)
    dialog = DialogScreen(ctx, action.place)
    assert dialog.on_event(key(pygame.K_1)) == Pop()
    assert dialog.on_event(key(pygame.K_2)) == Chain((Pop(), Apply(PlayMove(Move(walk.id)))))


def test_mouse_plays_a_card_and_the_table_follows(ctx: UiContext) -> None:
    flow, table = _table(ctx)
    card = next(
        c
        for c in table.cards
        if c.status is CardStatus.OPEN
        and not SCENARIO.offer(c.offer_id).variants
        and SCENARIO.offer(c.offer_id).kind is OfferKind.OFFER
    )
    turns = len(table.state.turns)
    app = game_app(ctx, flow, table, [[], click(card.rect.center)])
    app.run()
    assert len(table.state.turns) == turns + 1
    assert table.state.turns[-1].move.offer == card.offer_id
    assert any(entry.text.startswith(f"{turns + 1}.") for entry in table.log.entries)
    reaction = table.state.turns[-1].reaction
    assert table.bubble.text == (reaction.say or "\u2026")


def test_the_trust_meter_glides_to_its_new_value_and_then_the_loop_idles(ctx: UiContext) -> None:
    flow = Flow(ctx)
    flow.handle(NewGame(sample_session(SCENARIO, 7, lambda s: not s.turns).setup))
    table = flow.summit()
    assert isinstance(table, SummitScreen)
    start = table.trust.value
    app = game_app(ctx, flow, table, [key(pygame.K_1), key(pygame.K_1)])
    app.run(frames=4)
    assert table.trust.value != start
    assert table.trust.shown != table.trust.value  # still on its way
    app.run()
    assert table.trust.shown == table.trust.value
    assert app.events.waits  # type: ignore[attr-defined]


def test_large_text_pages_the_cards_and_keys_still_reach_every_card() -> None:
    ctx = UiContext(Settings(text_size=TextSize.LARGE, sound=False))
    flow, table = _table(ctx)
    table.update(0.0)
    assert table._tray.pages >= 1
    last = table.cards[-1]
    assert last.shortcut is not None
    app = game_app(ctx, flow, table, [key(last.shortcut.key)])
    app.run(frames=2)
    assert table.focus.focused is last or isinstance(app.top, DialogScreen)
    assert last.rect.width > 0


def test_the_pager_turns_pages_when_the_cards_do_not_fit() -> None:
    ctx = UiContext(Settings(text_size=TextSize.LARGE, sound=False))
    flow, table = _table(ctx)
    if table._tray.pages == 1:
        pytest.skip("every card fits at this size")
    first_page = table._visible_cards()
    app = game_app(ctx, flow, table, [[], click(table.pager.rect.center)])
    app.run()
    assert table.page == 1
    assert table._visible_cards() != first_page


def test_the_pager_offers_no_more_on_the_last_page() -> None:
    # A play-tester saw "More offers" over "Page 2 of 2": there were no more.
    ctx = UiContext(Settings(text_size=TextSize.LARGE, sound=False))
    _, table = _table(ctx)
    pages = table._tray.pages
    assert pages > 1, "the large text pages the cards"
    for page in range(pages):
        table.focus.focus(table.pager)
        title, _ = table._detail_text()
        last = page == pages - 1
        assert table.pager.back is last
        assert ("More" in table.pager.label) is not last
        assert ("More" in title) is not last
        assert table.pager.detail.startswith(f"Page {page + 1} of {pages}")
        table.turn_page(1)
    assert table.page == 0, "from the last page it turns back to the first"


def test_their_proposal_stays_on_the_table_until_answered(ctx: UiContext) -> None:
    flow = Flow(ctx)
    flow.session = sample_session(SCENARIO, 7, proposal_pending)
    table = flow.summit()
    assert isinstance(table, SummitScreen)
    assert table.focus.focused is table.panel_button
    action = table.on_event(key(pygame.K_RETURN))
    assert action == Open(TheirProposal())
    dialog = flow.open(TheirProposal())
    assert isinstance(dialog, ProposalScreen)
    assert dialog.on_event(key(pygame.K_ESCAPE)) == Pop()
    reject = dialog.on_event(key(pygame.K_r))
    assert reject == Chain((Pop(), Apply(PlayMove(Move("reject")))))


def test_the_whole_log_opens_with_l_and_shows_the_reasons(ctx: UiContext) -> None:
    flow, table = _table(ctx)
    action = table.on_event(key(pygame.K_l))
    assert action == Open(SummitLog())
    log = flow.open(SummitLog())
    assert isinstance(log, LogScreen)
    assert any("Why:" in entry.text for entry in log.log.entries)


def test_the_adviser_note_is_dismissed_with_x_and_never_covers_trust(ctx: UiContext) -> None:
    flow, table = _table(ctx)
    table.update(0.0)
    hint = table.note.hint
    assert hint is not None
    assert not table.note.rect.colliderect(table.trust.rect)
    assert not table.note.rect.colliderect(table.bubble.rect)
    table.on_event(key(pygame.K_x))
    assert hint.key in flow.hints_seen
    assert table.note.hint is None or table.note.hint.key != hint.key


def test_no_hints_when_switched_off() -> None:
    ctx = UiContext(Settings(hints=False, sound=False))
    _, table = _table(ctx)
    table.update(0.0)
    assert table.note.hint is None


def test_new_game_form_checks_the_class_code(ctx: UiContext) -> None:
    from game.classroom.classcode import encode

    screen = NewGameScreen(ctx, scenario="hanoi", seed=5)
    setup = screen.setup()
    assert setup is not None and (setup.seed, setup.who.mode) == (5, "practice")
    screen.focus.focus(screen.code)
    for char in "HNOI-ZZZZ":
        screen.on_event(text(char))
    assert screen.code.error
    assert not screen.begin.enabled
    screen.code.set_text(encode("HNOI", 1234, Mode.GRADED))
    screen.validate()
    # A graded class code needs a name: the teacher must know whose game it is.
    assert screen.setup() is None and screen.name.error and not screen.begin.enabled
    screen.name.set_text("Ada \x1b[2J")
    screen.validate()
    setup = screen.setup()
    assert setup is not None and setup.who.player == "Ada [2J"
    assert setup is not None and (setup.seed, setup.who.mode, setup.who.code) == (
        1234,
        "graded",
        "HNOI-" + setup.who.code[5:],
    )
    assert not screen.seed.enabled


def test_enter_on_the_mode_row_begins_and_does_not_switch_the_mode(ctx: UiContext) -> None:
    # Issue 9, bug 7: the hint says "Enter begin", but Enter on the Mode row turned practice
    # into graded.
    screen = NewGameScreen(ctx, scenario="hanoi", seed=5)
    screen.on_event(key(pygame.K_TAB))
    assert screen.focus.focused is screen.mode
    action = screen.on_event(key(pygame.K_RETURN))
    assert isinstance(action, Open) and isinstance(action.place, Briefing)
    assert action.place.setup.who.mode == "practice"
    screen.on_event(key(pygame.K_SPACE))  # Space (or an arrow) is how the mode changes
    assert screen.mode_index == 1


def test_a_valid_class_code_shows_its_seed_and_gives_the_players_back(ctx: UiContext) -> None:
    # Issue 9, bug 8: the greyed Seed box went on showing the random seed a class code
    # replaces.
    from game.classroom.classcode import MODES, encode

    screen = NewGameScreen(ctx, scenario="hanoi", seed=29234)
    screen.focus.focus(screen.code)
    for char in encode("HNOI", 1234, Mode.GRADED):
        screen.on_event(text(char))
    assert screen.seed.text == "1234"
    assert screen.mode_index == MODES.index(Mode.GRADED)
    assert not screen.seed.enabled
    # Broken by a character, it is no code to play: the switch shows the player's own mode.
    screen.on_event(key(pygame.K_BACKSPACE))
    assert screen.mode_index == MODES.index(Mode.PRACTICE)
    screen.on_event(text(encode("HNOI", 1234, Mode.GRADED)[-1]))
    assert screen.mode_index == MODES.index(Mode.GRADED)
    for _ in range(9):
        screen.on_event(key(pygame.K_BACKSPACE))
    assert screen.code.text == ""
    assert screen.seed.text == "29234"
    # And the mode chosen before the code set it (a play-tester found it left on Graded).
    assert screen.mode_index == MODES.index(Mode.PRACTICE) and screen.mode.enabled
    assert screen.seed.enabled


def test_a_class_code_that_cannot_be_played_shows_no_seed(ctx: UiContext) -> None:
    # A play-tester opened the form with a class code, edited it, and read the form's own
    # random seed, shown greyed beside the half-typed code, as one read from it; in hot-seat a
    # graded code (refused there) showed it too.
    from game.classroom.classcode import encode

    screen = NewGameScreen(ctx, scenario="hanoi", seed=30547, player="Ada", code="HNOI-16JJ")
    assert screen.seed.text == "1234"
    screen.focus.focus(screen.code)
    for event in [key(pygame.K_BACKSPACE)] * 4 + [text(char) for char in "ZZZZ"]:
        screen.on_event(event)
        assert screen.code.error and screen.seed.text == "" and not screen.seed.enabled
    for _ in range(9):
        screen.on_event(key(pygame.K_BACKSPACE))
    assert screen.seed.text == "30547" and screen.seed.enabled
    hotseat = NewGameScreen(ctx, scenario="hanoi", seed=3401, hotseat=True)
    hotseat.focus.focus(hotseat.code)
    for char in encode("HNOI", 1234, Mode.GRADED):
        hotseat.on_event(text(char))
    assert hotseat.code.error and hotseat.seed.text == ""


@pytest.mark.parametrize("mode", list(Mode))
def test_a_hot_seat_form_does_not_start_with_a_graded_code(ctx: UiContext, mode: Mode) -> None:
    # Launched with --code HNOI-16JJ (graded), the hot-seat form was blocked until the code was
    # cleared: a graded code is for one player.
    from game.classroom.classcode import encode

    flow = Flow(ctx, seed=77)
    flow.code = encode("HNOI", 1234, mode)
    form = flow.open(NewGameForm(hotseat=True))
    assert isinstance(form, NewGameScreen)
    assert form.code.text == ("" if mode is Mode.GRADED else flow.code)
    form.team_us.set_text("Eagles")
    form.team_north.set_text("Cranes")
    form.validate()
    assert form.begin.enabled and not form.code.error
    setup = form.setup()
    assert setup is not None and setup.seed == (77 if mode is Mode.GRADED else 1234)
    single = flow.open(NewGameForm())
    assert isinstance(single, NewGameScreen) and single.code.text == flow.code


def test_enter_on_back_says_so_and_the_form_keeps_what_was_typed(ctx: UiContext) -> None:
    # A play-tester typed a student's name and class code, pressed Tab (the greyed seed passed
    # by, Back took the focus) and Enter, as "Enter begin" said: back on the title, both lost.
    from game.classroom.classcode import encode
    from game.ui.screens.new_game import BACK_HINTS, KEY_HINTS
    from game.ui.screens.title import TitleScreen

    code = encode("HNOI", 1234, Mode.GRADED)
    flow = Flow(ctx, seed=77)
    typing: list[ScriptStep] = [[key(pygame.K_1, unicode="1"), text("1")]]
    typing += [text(c) for c in "Ada"]
    typing += [key(pygame.K_TAB)] * 2 + [text(c) for c in code] + [key(pygame.K_TAB)]
    app = game_app(ctx, flow, script=typing)
    app.run()
    form = app.top
    assert isinstance(form, NewGameScreen) and form.focus.focused is form.back
    assert form.page().hints == BACK_HINTS and "Enter go back" in BACK_HINTS
    form.focus.focus(form.name)
    assert form.page().hints == KEY_HINTS
    form.focus.focus(form.back)
    app.apply(form.on_event(key(pygame.K_RETURN)))
    assert isinstance(app.top, TitleScreen)
    again = flow.open(NewGameForm())
    assert isinstance(again, NewGameScreen)
    assert (again.name.text, again.code.text, again.seed.text) == ("Ada", code, "1234")
    # The seed the player had before the code took its place comes back with the code gone.
    again.focus.focus(again.code)
    for _ in code:
        again.on_event(key(pygame.K_BACKSPACE))
    assert again.seed.text == "77" and again.mode_index == 0
    # A game started clears the form for the next one.
    setup = again.setup()
    assert setup is not None
    flow.handle(NewGame(setup, keep=False))
    fresh = flow.open(NewGameForm())
    assert isinstance(fresh, NewGameScreen) and fresh.name.text == fresh.code.text == ""


def test_a_class_code_error_is_shown_whole(ctx: UiContext) -> None:
    # Issue 9, bug 8: "...check it for a" was all the field had room for.
    screen = NewGameScreen(ctx, scenario="hanoi", seed=5)
    screen.focus.focus(screen.code)
    for char in "HNOI-7F3":
        screen.on_event(text(char))
    error = screen.code.error
    assert error
    role = TextRole.CAPTION
    room = TextField.NOTE_LINES * ctx.line_height(role)
    assert fit_lines(ctx, role, error, screen.code.rect.width, room) == error
    surface = pygame.Surface((1280, 720))
    screen.draw(surface)


def test_ctrl_a_selects_a_fields_text_and_typing_replaces_it(ctx: UiContext) -> None:
    # Issue 9, bug 8: Ctrl+A did nothing.
    field = TextField(label="Seed", text="29234", rect=pygame.Rect(0, 0, 300, 110))
    field.focused = True
    assert field.on_key(key(pygame.K_a, pygame.KMOD_LCTRL)) is not None
    assert field.selected
    field.draw(pygame.Surface((400, 200)), ctx)
    field.on_text("7")
    assert field.text == "7"
    field.on_key(key(pygame.K_a, pygame.KMOD_LCTRL))
    field.on_key(key(pygame.K_BACKSPACE))
    assert field.text == ""
    field.on_text("12")
    field.on_key(key(pygame.K_a, pygame.KMOD_LCTRL))
    field.on_key(key(pygame.K_LEFT))
    field.on_text("3")
    assert field.text == "132"


def test_keyboard_focus_passes_disabled_controls_by(ctx: UiContext) -> None:
    # Issue 9, bug 19: Tab and the arrows stopped on the greyed Seed box (and on Continue with
    # no autosave, see test_screens).
    from game.classroom.classcode import encode

    screen = NewGameScreen(ctx, scenario="hanoi", seed=5)
    screen.focus.focus(screen.code)
    for char in encode("HNOI", 1234, Mode.GRADED):
        screen.on_event(text(char))
    visited = []
    for _ in range(8):
        screen.on_event(key(pygame.K_TAB))
        visited.append(screen.focus.focused)
    assert screen.seed not in visited and screen.mode not in visited
    screen.focus.focus(screen.code)
    screen.on_event(key(pygame.K_RIGHT))
    assert screen.focus.focused is not screen.seed


def test_text_fields_swallow_shortcut_keys_and_edit(ctx: UiContext) -> None:
    field = TextField(label="Name", text="Ann", rect=pygame.Rect(0, 0, 300, 90))
    assert field.on_key(key(pygame.K_1, unicode="1")) is not None  # typing, not a shortcut
    field.on_text("e")
    assert field.text == "Anne"
    field.on_key(key(pygame.K_HOME))
    field.on_key(key(pygame.K_DELETE))
    field.on_key(key(pygame.K_END))
    field.on_key(key(pygame.K_BACKSPACE))
    assert field.text == "nn"
    assert field.on_key(key(pygame.K_TAB)) is None


def test_broken_scenarios_are_listed_with_their_problem(tmp_path: Path, ctx: UiContext) -> None:
    bad = tmp_path / "broken.toml"
    bad.write_text('format = 1\nid = "x"\n', encoding="utf-8")
    entries = read_entries([*(e.path for e in read_entries()), bad])
    broken = entries[-1]
    assert isinstance(broken, Entry) and broken.scenario is None
    assert broken.problem.startswith(str(bad))
    screen = ScenarioScreen(ctx, entries=entries)
    row = screen.rows[-1]
    assert not row.enabled
    assert screen.rows[0].enabled


def test_a_scenario_row_counts_the_offers_its_schedule_allows(
    ctx: UiContext, rendered: list[str]
) -> None:
    """Not the cards to choose them from: a play-tester read "15 offers" and counted 13."""
    screen = ScenarioScreen(ctx, entries=read_entries())
    render_screens([screen])
    allowed = sum(held.turns for held in SCENARIO.rounds)
    assert allowed != len(SCENARIO.offers)
    assert any(text.startswith(f"5 rounds \u00b7 {allowed} offers \u00b7 ") for text in rendered)


def test_the_briefing_cites_the_essay_from_the_scenario() -> None:
    pages = briefing_pages(SCENARIO)
    text_all = " ".join(p for page in pages for p in page.paragraphs)
    assert SCENARIO.source.author in text_all
    assert SCENARIO.source.title in text_all
    assert all(f"{held.label[:1].upper()}{held.label[1:]}" in text_all for held in SCENARIO.rounds)
    assert SCENARIO.goals[0] in text_all


def test_the_next_summits_briefing_opens_with_what_was_carried(ctx: UiContext) -> None:
    # A play-tester read only that nothing was on paper, with seven accords carried over.
    from game.engine.search import rich_game
    from game.engine.strategies import play
    from game.ui.in_play import Briefing, GameSetup
    from game.ui.screens.text_pages import TextPagesScreen

    for finished in (rich_game(SCENARIO, 7), play(SCENARIO, "historical", 2)):
        setup = Session(finished).next_summit()
        assert isinstance(setup, GameSetup) and setup.carry is not None
        following = setup.scenario
        screen = Flow(ctx).open(Briefing(setup, False))
        assert isinstance(screen, TextPagesScreen)
        first = " ".join(screen.sheets()[0].paragraphs)
        for accord in setup.carry.accords:
            assert following.accord_label(accord) in first
        if not setup.carry.accords:
            assert "no accord on the record" in first
        trust = dict(setup.carry.meters)["trust"]
        assert f"trust at {trust}" in first
        # The delegation's own start moves what is carried a little: the briefing says so (a
        # play-tester read that trust was picked up at 76 and met 74 at the table).
        started = new_game(following, setup.seed, setup.carry)
        if started.meter("trust") != trust:
            assert "give or take the mood of the delegation" in first
        # Their mood follows what was carried, not the scenario's start (a play-tester read
        # "arrives guarded" and found them cooperative).
        pages = briefing_pages(following, setup.carry)
        (across,) = [page for page in pages if page.heading == "Across the table"]
        assert "the mood the trust you carry over has earned" in across.paragraphs[0]
    # A game that starts afresh is briefed from the scenario alone.
    assert briefing_pages(following)[0].paragraphs == following.briefing
    (across,) = [page for page in briefing_pages(following) if page.heading == "Across the table"]
    assert across.paragraphs[0].startswith("The North Korean delegation arrives guarded")
    assert rich_game(SCENARIO, 7).accords, "the rich game carries accords"


@pytest.mark.parametrize("path", [e.path for e in read_entries() if e.scenario is not None])
def test_every_installed_scenario_plays_on_the_table(path: Path) -> None:
    from game.engine import apply, new_game
    from game.engine.strategies import play
    from game.store.scenarios import load_scenario as load
    from game.ui.shots import render_screens

    scenario = load(path)
    ctx = UiContext(Settings(sound=False))
    final = play(scenario, "random", 3)
    state = new_game(scenario, 3)
    session = Session(state)
    table = SummitScreen(ctx, session)
    for turn in final.turns:
        session.state = apply(session.state, turn.move).state
        picture = render_screens([table])
        assert picture.get_size() == (1280, 720)
    assert table.state.is_over
    assert table._mode() is TableMode.OVER


@pytest.mark.parametrize("size", list(TextSize))
def test_the_saved_and_undo_messages_cover_nothing_a_player_reads(size: TextSize) -> None:
    # Issue 9, bug 15: "Saved as ..." lay over the focused card's description; then
    # play-testers found it, and Undo's message, over the schedule along the top.
    from game.ui import table_layout
    from game.ui.in_play import SaveSlot
    from game.ui.screen import TakeBack

    ctx = UiContext(Settings(text_size=size, sound=False))
    flow, table = _table(ctx)
    assert flow.session is not None
    flow.session.store = flow.store
    flow.handle(SaveSlot("Before the working lunch"))
    table.update(0.1)
    assert table.toast.is_showing and "Before the working lunch" in table.toast.text
    saved = table.toast.box(ctx)
    flow.handle(TakeBack())
    table.update(0.1)
    assert table.toast.is_showing and table.toast.text.startswith("Taken back: ")
    for covered in (saved, table.toast.box(ctx)):
        assert covered.width > 100
        assert not covered.colliderect(table_layout.schedule_bar())
        assert not covered.colliderect(table_layout.DETAILS)
        assert not covered.colliderect(table._tray_area)
        assert not covered.colliderect(table.bubble.rect)
        assert not covered.colliderect(table.log.rect)
        assert not covered.colliderect(table.trust.rect)
        for _, meter in (*table.meters, *table.neighbours.meters):
            assert not covered.colliderect(meter.rect), meter
        # The adviser's note lies on the picture of the table too: a message covers it for the
        # seconds it shows, and nothing else.
        for control in table.focus.controls:
            if control is not table.note:
                assert not covered.colliderect(control.rect), control
        # It lies on the picture of the table, in the middle of the screen.
        assert covered.colliderect(table.toast.rect)
        assert table.toast.rect.left <= covered.centerx <= table.toast.rect.right


@pytest.mark.parametrize("size", list(TextSize))
def test_the_hot_seat_form_s_panel_gives_the_class_code_at_every_text_size(size: TextSize) -> None:
    # At large text the panel dropped "The class code for this game is ..." for want of room,
    # with room to spare for the code alone (a play-tester).
    from game.classroom.classcode import encode
    from game.draw import theme
    from game.draw.theme import TextRole
    from game.ui.widgets.page import PANEL_PAD

    ctx = UiContext(Settings(sound=False, text_size=size))
    screen = NewGameScreen(ctx, scenario="hanoi", seed=7, hotseat=True)
    render_screens([screen])
    drawn: list[pygame.Surface] = []

    class Recording(pygame.Surface):
        def blit(self, source: pygame.Surface, *args: object, **kwargs: object) -> pygame.Rect:
            drawn.append(source)
            return pygame.Rect(0, 0, 0, 0)

    screen.draw(Recording(theme.LOGICAL_SIZE))
    first, columns, _ = screen.page().panel
    inner = theme.grid_rect(first, columns, 0, 0).inflate(-2 * PANEL_PAD, 0)
    code = encode("HNOI", 7, Mode.PRACTICE)
    forms = (
        f"The class code for this game is {code}. Give it to a class and every student meets "
        "the same counterpart and the same events.",
        f"The class code for this game is {code}.",
    )
    ink = ctx.palette.ink_soft
    images = [ctx.text(TextRole.CAPTION, form, ink, wrap=inner.width) for form in forms]
    assert any(image in drawn for image in images)


@pytest.mark.parametrize("size", list(TextSize))
def test_the_pause_menus_rows_are_evenly_spaced_and_keep_their_words_inside(
    size: TextSize,
) -> None:
    # A play-tester saw the rows sit unevenly at large text ("Resume" higher in its row than
    # "Settings") and subtitles touch the next row.
    from game.ui.screen import PauseMenu
    from game.ui.screens.menu import MenuScreen

    ctx = UiContext(Settings(text_size=size, sound=False))
    flow, _ = _table(ctx)
    menu = flow.open(PauseMenu())
    assert isinstance(menu, MenuScreen)
    offsets = set()
    for item in menu.items:
        label, detail, bottom = item.text_tops(ctx)
        offsets.add((label - item.rect.top, detail - item.rect.top))
        assert item.rect.top < label < detail < bottom <= item.rect.bottom - 2, item.label
    assert len(offsets) == 1, offsets


def test_the_menu_after_the_summit_is_over_does_not_call_it_paused(ctx: UiContext) -> None:
    # A play-tester read "The summit is paused" over a finished summit.
    from game.engine.strategies import play
    from game.ui.screen import PauseMenu
    from game.ui.screens.menu import MenuScreen
    from game.ui.session import Session

    flow = Flow(ctx)
    flow.session = Session(new_game(SCENARIO, 7))
    menu = flow.open(PauseMenu())
    assert isinstance(menu, MenuScreen) and menu.title == "The summit is paused"
    flow.session = Session(play(SCENARIO, "historical", 7))
    menu = flow.open(PauseMenu())
    assert isinstance(menu, MenuScreen) and menu.title == "The summit is over"


def test_the_new_game_panel_offers_no_class_code_for_a_scenario_given_by_its_file(
    tmp_path: Path,
) -> None:
    # A play-tester's own scenario, opened with --scenario FILE, was offered "The class code
    # for this game is AGFW-0075": `python -m game code` refuses such a file, and the code
    # opened nothing.
    from game.classroom.classcode import encode
    from game.draw import theme
    from game.store.scenarios import resolve
    from game.ui.screens.new_game import NO_CLASS_CODE
    from game.ui.widgets.page import PANEL_PAD

    text = resolve("hanoi").read_text(encoding="utf-8")
    own = tmp_path / "own.toml"
    own.write_text(
        text.replace('\nid = "hanoi"', '\nid = "own"').replace(
            '\ncode = "HNOI"', '\ncode = "OWNS"'
        ),
        encoding="utf-8",
    )
    ctx = UiContext(Settings(sound=False))
    drawn: list[pygame.Surface] = []

    class Recording(pygame.Surface):
        def blit(self, source: pygame.Surface, *args: object, **kwargs: object) -> pygame.Rect:
            drawn.append(source)
            return pygame.Rect(0, 0, 0, 0)

    def panel_says(scenario: str, *forms: str) -> bool:
        """Whether the panel of a form for ``scenario`` draws any of ``forms``."""
        screen = NewGameScreen(ctx, scenario=scenario, seed=7)
        drawn.clear()
        screen.draw(Recording(theme.LOGICAL_SIZE))
        first, columns, _ = screen.page().panel
        width = theme.grid_rect(first, columns, 0, 0).inflate(-2 * PANEL_PAD, 0).width
        ink = ctx.palette.ink_soft
        return any(ctx.text(TextRole.CAPTION, form, ink, wrap=width) in drawn for form in forms)

    def offered(prefix: str) -> tuple[str, str]:
        said = f"The class code for this game is {encode(prefix, 7, Mode.PRACTICE)}."
        more = (
            " Give it to a class and every student meets the same counterpart and the same events."
        )
        return said + more, said

    assert panel_says(str(own), NO_CLASS_CODE)
    assert not panel_says(str(own), *offered("OWNS"))
    assert panel_says("hanoi", *offered("HNOI"))
    assert not panel_says("hanoi", NO_CLASS_CODE)


def test_a_game_from_a_file_keeps_its_whole_path_for_its_saves(
    ctx: UiContext, workdir: Path
) -> None:
    """A save records the file its scenario came from: given as a path relative to the folder
    the game was started in, it read "not installed" when started from another (a scenario
    author's play-test), so it is kept whole."""
    from game.store.scenarios import scenario_dir

    (workdir / "copy.toml").write_bytes((scenario_dir() / "hanoi.toml").read_bytes())
    setup = NewGameScreen(ctx, scenario="copy.toml", seed=5).setup()
    assert setup is not None and setup.scenario_file == str(workdir / "copy.toml")


def test_a_class_code_typed_over_a_file_s_game_names_the_summit_it_opens(
    ctx: UiContext, workdir: Path
) -> None:
    """Started with a scenario file, a class code typed in opens the installed summit it
    names: the heading and the panel say so, also while another field is still wrong (they
    went on naming the file's scenario, a play-tester)."""
    from game.classroom.classcode import encode
    from tests.engine.small import write_small

    path = write_small(workdir)
    screen = NewGameScreen(ctx, scenario=str(path), seed=5)
    assert screen.page().kicker == "One offer"
    screen.code.set_text(encode("HNOI", 1234, Mode.GRADED))
    screen.validate()
    hanoi = load_scenario("hanoi")
    assert screen.setup() is None  # a graded code wants a name
    assert screen.page().kicker == hanoi.title
    coded = screen.coded_scenario()
    assert coded is not None and coded.id == "hanoi"
