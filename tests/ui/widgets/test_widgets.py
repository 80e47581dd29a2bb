"""Widgets on their own: focus traversal, shortcuts, mouse, settings controls, log, meter, text."""

import itertools
import math

import attrs
import pygame
import pytest

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import TextRole, Tone
from game.engine import Scenario, new_game
from game.engine.state import Accord
from game.store.settings import Settings, TextSize
from game.ui.screen import Action, Pop, Quit
from game.ui.testing import key, move, wheel
from game.ui.widgets.base import FocusGroup, Handled, shortcuts
from game.ui.widgets.buttons import Button, MenuItem
from game.ui.widgets.drawing import break_paths, fit_lines, fit_text
from game.ui.widgets.log import LogEntry, LogPanel
from game.ui.widgets.meter import Meter
from game.ui.widgets.options import OptionSelector, Toggle
from game.ui.widgets.speech import SpeechBubble


def _grid_of_buttons() -> tuple[FocusGroup, list[Button]]:
    # Two rows of three, like a small card grid.
    buttons = [
        Button(label=f"b{i}", rect=pygame.Rect(100 + (i % 3) * 200, 100 + (i // 3) * 100, 150, 48))
        for i in range(6)
    ]
    return FocusGroup(list(buttons)), buttons


def test_shortcut_labels_follow_the_keyboard() -> None:
    labels = [s.label for s in shortcuts(14)]
    assert labels == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "-", "=", "Q", "W"]
    with pytest.raises(ValueError, match="at most"):
        shortcuts(40)


def test_shortcuts_ignore_ctrl_and_accept_the_keypad() -> None:
    one = shortcuts(1)[0]
    assert one.matches(key(pygame.K_1))
    assert one.matches(key(pygame.K_KP1))
    assert not one.matches(key(pygame.K_1, pygame.KMOD_LCTRL))


def test_tab_and_shift_tab_wrap(ctx: UiContext) -> None:
    group, buttons = _grid_of_buttons()
    assert group.focused is buttons[0]
    group.handle(key(pygame.K_TAB, pygame.KMOD_LSHIFT), ctx)
    assert group.focused is buttons[5]
    group.handle(key(pygame.K_TAB), ctx)
    assert group.focused is buttons[0]
    assert buttons[0].focused
    assert not buttons[5].focused


def test_arrows_move_in_two_dimensions(ctx: UiContext) -> None:
    group, buttons = _grid_of_buttons()
    group.handle(key(pygame.K_RIGHT), ctx)
    assert group.focused is buttons[1]
    group.handle(key(pygame.K_DOWN), ctx)
    assert group.focused is buttons[4]
    group.handle(key(pygame.K_LEFT), ctx)
    assert group.focused is buttons[3]
    assert group.handle(key(pygame.K_LEFT), ctx) is None  # nothing further left
    group.handle(key(pygame.K_UP), ctx)
    assert group.focused is buttons[0]


def test_left_and_right_stay_near_their_row(ctx: UiContext) -> None:
    """From the last card of a row, Right does not climb to a button far above it (a play-test:
    from card 5 to the Menu button); one a little higher still counts as to the right."""
    last = Button(label="5", rect=pygame.Rect(800, 400, 160, 60))
    menu = Button(label="Menu", rect=pygame.Rect(900, 20, 80, 40))
    group = FocusGroup([last, menu])
    assert group.handle(key(pygame.K_RIGHT), ctx) is None
    assert group.focused is last
    near = Button(label="pager", rect=pygame.Rect(1000, 380, 160, 60))
    group = FocusGroup([last, menu, near])
    group.handle(key(pygame.K_RIGHT), ctx)
    assert group.focused is near


def test_enter_space_and_shortcuts_activate(ctx: UiContext) -> None:
    hits: list[str] = []

    def hit(name: str) -> Action | None:
        hits.append(name)
        return Quit() if name == "quit" else None

    keys = shortcuts(2)
    first = MenuItem(
        label="A", shortcut=keys[0], on_activate=lambda: hit("a"), rect=pygame.Rect(0, 0, 100, 50)
    )
    second = MenuItem(
        label="Q",
        shortcut=keys[1],
        on_activate=lambda: hit("quit"),
        rect=pygame.Rect(0, 60, 100, 50),
    )
    group = FocusGroup([first, second])
    assert group.handle(key(pygame.K_RETURN), ctx) == Handled(None)
    assert group.handle(key(pygame.K_SPACE), ctx) == Handled(None)
    assert group.handle(key(pygame.K_2), ctx) == Handled(Quit())
    assert group.focused is second
    assert hits == ["a", "a", "quit"]


def test_disabled_controls_take_focus_but_do_nothing(ctx: UiContext) -> None:
    fired: list[int] = []
    locked = Button(
        label="Embassies",
        reason="Needs liaison offices first",
        enabled=False,
        on_activate=lambda: fired.append(1),
        shortcut=shortcuts(1)[0],
        rect=pygame.Rect(0, 0, 200, 120),
    )
    group = FocusGroup([locked])
    assert group.handle(key(pygame.K_RETURN), ctx) == Handled(None)
    assert group.handle(key(pygame.K_1), ctx) == Handled(None)
    assert group.handle(
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(10, 10), button=1), ctx
    ) == Handled(None)
    assert fired == []
    assert locked.focused


def test_mouse_hover_focuses_and_click_activates(ctx: UiContext) -> None:
    group, buttons = _grid_of_buttons()
    buttons[4].on_activate = Pop
    group.handle(move(buttons[4].rect.center), ctx)
    assert group.focused is buttons[4]
    assert buttons[4].hovered
    result = group.handle(
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=buttons[4].rect.center, button=1), ctx
    )
    assert result == Handled(Pop())
    # Right clicks and clicks on empty space are not ours.
    assert (
        group.handle(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(5, 5), button=1), ctx) is None
    )
    assert (
        group.handle(
            pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=buttons[4].rect.center, button=3), ctx
        )
        is None
    )


def test_toggle_and_selector_respond_to_keys_and_clicks(ctx: UiContext) -> None:
    state = {"on": False, "index": 1}

    def set_on(value: bool) -> Action | None:
        state["on"] = value
        return None

    def set_index(value: int) -> Action | None:
        state["index"] = value
        return None

    toggle = Toggle(
        label="Sound", get=lambda: bool(state["on"]), set=set_on, rect=pygame.Rect(0, 0, 700, 64)
    )
    selector = OptionSelector(
        label="Text size",
        options=("Small", "Normal", "Large"),
        get=lambda: int(state["index"]),
        set=set_index,
        rect=pygame.Rect(0, 72, 700, 64),
    )
    group = FocusGroup([toggle, selector])
    group.handle(key(pygame.K_RIGHT), ctx)
    assert toggle.get()
    group.handle(key(pygame.K_SPACE), ctx)
    assert not toggle.get()
    group.handle(key(pygame.K_DOWN), ctx)
    assert group.focused is selector
    group.handle(key(pygame.K_RIGHT), ctx)
    assert state["index"] == 2
    group.handle(key(pygame.K_RIGHT), ctx)  # already at the end: falls through to navigation
    assert state["index"] == 2
    group.handle(key(pygame.K_LEFT), ctx)
    assert state["index"] == 1
    # Clicking a segment picks it, once the control knows where its segments are.
    surface = pygame.Surface((800, 200))
    selector.draw(surface, ctx)
    small = selector._segments(selector._last_area)[0]
    group.handle(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=small.center, button=1), ctx)
    assert state["index"] == 0


def _log_with(entries: int) -> LogPanel:
    log = LogPanel(title="Summit log", rect=pygame.Rect(0, 0, 360, 300))
    for i in range(entries):
        log.append(
            LogEntry(
                f"Entry {i}: the delegation considers the offer at some length.",
                f"Round {i}",
                Tone.NEUTRAL,
            )
        )
    return log


def _follows(log: LogPanel) -> bool:
    # A function call, so the type checker does not carry narrowing from one assert to the next.
    return log.follow


def _alarming(meter: Meter) -> bool:
    return meter.is_alarming


def test_log_follows_new_entries_and_scrolls(ctx: UiContext) -> None:
    log = _log_with(30)
    surface = pygame.Surface((400, 320))
    log.draw(surface, ctx)
    log.update(1e6)
    bottom = log.max_scroll()
    assert bottom > 0
    assert log.offset == bottom
    log.on_key(key(pygame.K_HOME))
    log.update(1e6)
    assert log.offset == 0
    assert not _follows(log)
    log.on_wheel(-2)  # wheel towards the player scrolls down
    log.update(1e6)
    assert log.offset > 0
    log.on_key(key(pygame.K_PAGEDOWN))
    log.on_key(key(pygame.K_END))
    log.update(1e6)
    assert log.offset == bottom
    assert _follows(log)
    log.append(LogEntry("A new entry."))
    log.draw(surface, ctx)
    log.update(1e6)
    assert log.offset == log.max_scroll() > bottom


def test_log_fades_into_an_edge_that_more_entries_run_past(ctx: UiContext) -> None:
    """Scrolled to the top, the entries below the bottom edge fade into it rather than show a
    line cut in half (a play-test): the edge's last row is the panel's own colour."""
    log = _log_with(30)
    surface = pygame.Surface((400, 320))

    def last_row() -> set[tuple[int, ...]]:
        surface.fill((0, 0, 0))
        log.draw(surface, ctx)
        body = log.body_rect(ctx)
        return {tuple(surface.get_at((x, body.bottom - 1)))[:3] for x in range(body.left, 300)}

    log.draw(surface, ctx)
    log.on_key(key(pygame.K_HOME))
    log.update(1e6)
    assert last_row() == {ctx.palette.surface}


def test_log_wheel_goes_to_the_control_under_the_pointer(ctx: UiContext) -> None:
    log = _log_with(30)
    group = FocusGroup([Button(label="x", rect=pygame.Rect(500, 0, 50, 50)), log])
    log.draw(pygame.Surface((600, 320)), ctx)
    log.update(1e6)
    group.handle(move((100, 100)), ctx)
    assert group.handle(wheel(1), ctx) == Handled()
    assert log.target < log.max_scroll()


def test_meter_glides_to_its_target() -> None:
    meter = Meter(label="Trust", value=20, alarm_at=25)
    assert _alarming(meter)
    meter.set_value(60)
    assert meter.last_delta == 40
    assert meter.delta_tone() is Tone.POSITIVE
    seen = []
    while meter.update(1 / 60):
        seen.append(meter.shown)
    assert meter.shown == 60
    assert seen == sorted(seen)
    assert 30 <= len(seen) <= 40
    assert not _alarming(meter)
    meter.set_value(500)
    assert meter.value == 100


def test_meter_where_lower_is_better() -> None:
    risk = Meter(label="Risk exposure", value=50, higher_is_better=False, alarm_at=70)
    risk.set_value(75)
    assert risk.is_alarming
    assert risk.delta_tone() is Tone.ALARM


def test_fit_text_shortens_with_an_ellipsis(ctx: UiContext) -> None:
    long = "a very long description that cannot possibly fit in a narrow space"
    short = fit_text(ctx, TextRole.CAPTION, long, 120)
    assert short.endswith("\u2026")
    assert ctx.text_width(TextRole.CAPTION, short) <= 120
    assert fit_text(ctx, TextRole.CAPTION, "fits", 120) == "fits"
    # One word too long for the width is cut within, not to an ellipsis alone (a save named
    # "WWWW..." showed as "..." in the list).
    word = fit_text(ctx, TextRole.CAPTION, "W" * 40, 120)
    assert word.startswith("WWW") and word.endswith("\u2026")
    assert ctx.text_width(TextRole.CAPTION, word) <= 120


@pytest.mark.parametrize("enabled", [True, False])
def test_every_widget_draws(ctx: UiContext, enabled: bool) -> None:
    surface = pygame.Surface((1280, 720))
    keys = shortcuts(3)
    widgets = [
        Button(
            label="Back",
            hint="Esc",
            enabled=enabled,
            focused=True,
            rect=pygame.Rect(10, 10, 160, 48),
        ),
        MenuItem(
            label="Continue",
            detail="Round 2",
            reason="No autosave yet",
            enabled=enabled,
            shortcut=keys[0],
            focused=True,
            rect=pygame.Rect(10, 70, 400, 52),
        ),
        Meter(
            label="Trust",
            value=34,
            marker=45,
            marker_label="45 for Yongbyon",
            hero=True,
            last_delta=-5,
            rect=pygame.Rect(300, 300, 360, 110),
        ),
        Meter(label="Patience", value=80, last_delta=3, rect=pygame.Rect(300, 430, 260, 44)),
        SpeechBubble(
            speaker="DPRK delegation",
            text="We can discuss a freeze.",
            why="Accepted: trust 52 is above the 45 they need.",
            tone=Tone.POSITIVE,
            rect=pygame.Rect(700, 300, 400, 150),
        ),
        _log_with(5),
    ]
    for widget in widgets:
        widget.draw(surface, ctx)
    assert (
        len({surface.get_at((x, y))[:3] for x in range(0, 1280, 16) for y in range(0, 720, 16)})
        > 10
    )


def test_speech_bubble_measures_its_text(ctx: UiContext) -> None:
    bubble = SpeechBubble(speaker="DPRK", text="Short.", rect=pygame.Rect(0, 0, 400, 0))
    longer = SpeechBubble(
        speaker="DPRK", text="Much longer. " * 20, why="Because.", rect=pygame.Rect(0, 0, 400, 0)
    )
    assert longer.measure(ctx) > bubble.measure(ctx)
    assert not math.isnan(bubble.measure(ctx))


@pytest.mark.parametrize("size", list(TextSize))
def test_the_accords_line_never_runs_past_its_width(size: TextSize) -> None:
    # A play-tester saw "Exemptions for joint projects +4" run out of the table's column at the
    # large text size: the first name was kept whole whatever the width.
    from game.ui.widgets.board import names_that_fit

    ctx = UiContext(Settings(text_size=size, sound=False))
    names = ["Exemptions for joint projects", "Liaison offices", "Mutual restraint"]
    for width in (80, 160, 240, 400, 800):
        line = names_that_fit(ctx, names, width)
        assert ctx.text_width(TextRole.CAPTION, line) <= width, (width, line)
        # How many more, in words: a play-tester read "Mutual restraint +1" as a score.
        assert line.endswith((" and 2\u00a0more", " and 1\u00a0more", "restraint", "\u2026"))
        assert "+" not in line


@pytest.mark.parametrize("size", list(TextSize))
def test_a_broken_accord_is_not_counted_among_those_that_stand(
    size: TextSize, hanoi: Scenario, rendered: list[str]
) -> None:
    # A play-tester read "ACCORDS · 3 ✓ Mutual restraint… and 2 more" with the restraint
    # broken: its "(broken)" was what the ellipsis cut off.
    from game.ui.widgets.board import draw_accords

    ctx = UiContext(Settings(text_size=size, sound=False))
    state = new_game(hanoi, 1)
    accords = (
        Accord("mutual_restraint", "written", 1, False, broken=True),
        Accord("liaison_offices", "", 2, False),
    )
    state = attrs.evolve(state, accords=accords, agreed=frozenset(a.id for a in accords))
    surface = pygame.Surface((360, 40))
    draw_accords(surface, ctx, state, surface.get_rect())
    assert "ACCORDS \u00b7 1" in rendered and "1 broken" in rendered
    assert not any("Mutual restraint" in text for text in rendered)
    assert any(text.startswith("Liaison") for text in rendered)
    rendered.clear()
    only_broken = attrs.evolve(state, accords=accords[:1])
    draw_accords(surface, ctx, only_broken, surface.get_rect())
    assert rendered == ["ACCORDS \u00b7 0", "1 broken", "None stand."]


@pytest.mark.parametrize("size", list(TextSize))
def test_a_log_too_short_for_a_line_shows_no_half_line(size: TextSize, rendered: list[str]) -> None:
    # A play-tester saw the compact log on a crowded table show one line cut in half.
    ctx = UiContext(Settings(text_size=size, sound=False))
    log = _log_with(3)
    log.compact = True
    line = ctx.line_height(TextRole.CAPTION)
    for height in range(20, 120, 4):
        log.rect = pygame.Rect(0, 0, 360, height)
        rendered.clear()
        log.draw(pygame.Surface((400, 200)), ctx)
        body = log.body_rect(ctx)
        shown = any("the delegation considers" in text for text in rendered)
        assert shown == (body.height >= line), (height, body.height, line)


def test_a_selector_out_of_reach_looks_it(ctx: UiContext) -> None:
    # A play-tester took the hot-seat form's Practice / Graded for a choice: it is fixed there.
    def draw(enabled: bool) -> pygame.Surface:
        selector = OptionSelector(
            label="Mode",
            options=("Practice", "Graded"),
            get=lambda: 0,
            set=lambda _: None,
            rect=pygame.Rect(0, 0, 700, 64),
            enabled=enabled,
        )
        surface = pygame.Surface((700, 64))
        selector.draw(surface, ctx)
        return surface

    live, fixed = draw(True), draw(False)
    assert ctx.palette.navy in {live.get_at((x, 32))[:3] for x in range(0, 700, 4)}
    assert ctx.palette.navy not in {fixed.get_at((x, 32))[:3] for x in range(0, 700, 4)}
    assert ctx.palette.slate in {fixed.get_at((x, 32))[:3] for x in range(0, 700, 4)}


def test_an_empty_field_s_caret_stands_before_its_placeholder(ctx: UiContext) -> None:
    """Focused and empty, the field draws its caret in the padding before the placeholder, not
    over the placeholder's first letter (the play-tester saw the two overlap)."""
    from game.ui.widgets.text_field import TextField

    field = TextField(label="Name", placeholder="Optional, e.g. Eagles")
    field.rect = pygame.Rect(40, 40, 300, field.preferred_height(ctx))
    surface = pygame.Surface((400, 200))

    def caret_columns(focused: bool) -> set[int]:
        field.focused = focused
        surface.fill((255, 255, 255))
        field.draw(surface, ctx)
        box = field.box_rect(ctx)
        ink = ctx.palette.ink
        return {
            x
            for x in range(box.left + 4, box.left + 40)
            if surface.get_at((x, box.centery))[:3] == ink[:3]
        }

    caret = caret_columns(True) - caret_columns(False)
    assert caret, "no caret drawn"
    text_left = field.box_rect(ctx).inflate(-4 * 8, -8).left
    assert max(caret) < text_left


def test_a_full_field_says_so(ctx: UiContext, rendered: list[str]) -> None:
    """Typing past the most a field holds does nothing, and the note says why (a play-tester's
    save name was cut at 40 characters without a word)."""
    from game.ui.widgets.text_field import TextField

    field = TextField(label="Name", note="Saving under an existing name replaces that save.")
    field.max_length = 12
    field.rect = pygame.Rect(40, 40, 300, field.preferred_height(ctx))
    field.focused = True
    field.on_text("Before signing")
    assert field.text == "Before signi"
    field.draw(pygame.Surface((400, 200)), ctx)
    assert "Full: 12 characters at most." in rendered
    rendered.clear()
    field.on_key(key(pygame.K_BACKSPACE))
    field.draw(pygame.Surface((400, 200)), ctx)
    assert "Saving under an existing name replaces that save." in rendered


@pytest.mark.parametrize("size", list(TextSize))
@pytest.mark.parametrize(
    "path",
    [
        "/tmp/ptA/home/exports/Zoe-O-Neil_hanoi-5_2026-12-02.toml",
        "C:\\Users\\Zoe\\AppData\\Local\\hanoi-summit\\exports\\Zoe-O-Neil_hanoi-5_2026-12-02.toml",
    ],
)
def test_a_paragraph_breaks_a_long_path_after_its_separators(size: TextSize, path: str) -> None:
    # The export dialog wrapped a file's path inside its extension: ".t" / "oml" (a
    # play-tester).
    from game.ui.screen import Choice, Dialog
    from game.ui.screens.dialog import DialogScreen

    ctx = UiContext(Settings(text_size=size))
    dialog = DialogScreen(
        ctx, Dialog("Transcript exported", (f"Saved to {path}",), (Choice("OK", Pop()),))
    )
    frame = dialog.layout()
    width = frame.width - 8 * theme.UNIT
    text = break_paths(ctx, TextRole.BODY, f"Saved to {path}", width)
    lines = text.split("\n")
    assert "".join(lines) == f"Saved to {path}"
    assert any(line.endswith(".toml") and len(line) > len(".toml") for line in lines)
    for line in lines[1:]:
        assert ctx.text_width(TextRole.BODY, line) <= width
    assert all(line[-1] in "/\\-_" for line in lines[1:-1])
    dialog.draw(pygame.Surface((1280, 720)))
    assert break_paths(ctx, TextRole.BODY, "no path here at all", 10) == "no path here at all"


LONG_WORD = "Nuclearfreezeunderinspection" * 6
"""A play-tester's offer label: one word wider than any card or line."""


def test_a_word_no_line_holds_is_cut_within_after_the_words_that_fit(ctx: UiContext) -> None:
    # The details line showed "2 · ..." for an offer whose label was one long word.
    title = f"2 \u00b7 {LONG_WORD} \u00b7 serves security \u00b7 locked"
    shown = fit_text(ctx, TextRole.LABEL, title, 600)
    assert shown.startswith("2 \u00b7 Nuclearfreeze") and shown.endswith("\u2026")
    assert ctx.text_width(TextRole.LABEL, shown) <= 600
    # A word that would fit a line of its own is still dropped whole, not cut.
    assert fit_text(ctx, TextRole.LABEL, "Yongbyon for relief, in writing", 130) == (
        "Yongbyon for\u2026"
    )


def test_wrapped_text_keeps_what_fits_of_a_word_wider_than_its_lines(ctx: UiContext) -> None:
    # The card of that offer showed its number and no label at all.
    two_lines = 2 * ctx.line_height(TextRole.LABEL)
    cases = ((LONG_WORD, "Nuclearfreeze"), (f"Light-water {LONG_WORD}", "Light-water N"))
    for text, start in cases:
        shown = fit_lines(ctx, TextRole.LABEL, text, 150, two_lines)
        assert shown.startswith(start) and shown.endswith("\u2026")
        assert ctx.text(TextRole.LABEL, shown, (0, 0, 0), wrap=150).get_height() <= two_lines
    # Ordinary words are still cut at a word.
    ordinary = "Light-water reactors for fuel now, and more fuel later on"
    cut = fit_lines(ctx, TextRole.LABEL, ordinary, 150, two_lines)
    assert cut.endswith("\u2026") and f"{cut[:-1]} " in ordinary


def test_an_offer_card_repaints_only_when_what_it_shows_changes(
    ctx: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from game.ui.widgets.table import OfferCard

    card = OfferCard(offer_id="x", title="Liaison offices", rect=pygame.Rect(20, 10, 260, 100))
    paints: list[str] = []
    paint = OfferCard._paint

    def counted(self: OfferCard, image: pygame.Surface, ctx: UiContext) -> None:
        paints.append(self.caption)
        paint(self, image, ctx)

    monkeypatch.setattr(OfferCard, "_paint", counted)

    def drawn() -> bytes:
        surface = pygame.Surface((300, 140))
        surface.fill((1, 2, 3))
        card.draw(surface, ctx)
        return pygame.image.tobytes(surface, "RGB")

    plain = drawn()
    assert drawn() == plain
    assert paints == [""]
    card.caption = "Spoken or written"
    with_caption = drawn()
    assert with_caption != plain
    card.hovered = True
    assert drawn() != with_caption
    card.rect = pygame.Rect(30, 10, 260, 100)  # moved, same size: the same picture elsewhere
    drawn()
    assert paints == ["", "Spoken or written", "Spoken or written"]
    card.rect = pygame.Rect(30, 10, 200, 100)
    drawn()
    assert len(paints) == 4
    ctx.apply_settings(attrs.evolve(ctx.settings, colour_blind=not ctx.settings.colour_blind))
    drawn()
    assert len(paints) == 5


def test_an_offer_card_draws_a_label_of_one_long_word(ctx: UiContext) -> None:
    from game.ui.widgets.table import OfferCard

    def ink_right_of_badge(title: str) -> int:
        """Dark pixels where the title goes, right of the card's number."""
        card = OfferCard(offer_id="x", title=title, rect=pygame.Rect(0, 0, 260, 100))
        surface = pygame.Surface((260, 100))
        card.draw(surface, ctx)
        band = surface.subsurface(pygame.Rect(70, 10, 180, 40))
        pixels = itertools.product(range(band.get_width()), range(band.get_height()))
        return sum(1 for spot in pixels if sum(band.get_at(spot)[:3]) < 300)

    assert ink_right_of_badge(LONG_WORD) > ink_right_of_badge("") + 50
