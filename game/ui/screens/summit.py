"""The summit table: the two delegations, the schedule, the trust meter, the offers and the log.

The hero screen. It reads the :class:`~game.ui.session.Session` and never changes it: offers,
undo and saving go back to the app as ``Apply`` commands, and whatever the engine did shows up
here on the next update (meters glide to their new values, the reply appears in the bubble, the
log grows).

Layout, on the 1280x720 grid: the schedule and the buttons along the top; the other meters on
the left, the table with the trust meter in front of it in the centre, the reply and the log on
the right; the offer cards across the bottom with the focused card's details under them.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Sequence
from typing import ClassVar, Final

import attrs
import pygame

from game.draw import theme
from game.draw.assets import Cue
from game.draw.context import UiContext
from game.draw.theme import Colour, TextRole, Tone
from game.engine import (
    Direction,
    GameState,
    MeterRole,
    Move,
    OfferKind,
    ReactionKind,
    move_options,
    outcome,
)
from game.engine.describe import REPLIED, REPLY, capitalise, move_label
from game.engine.scenario import Offer, Scenario
from game.ui import art
from game.ui.screen import Action, Apply, Chain, Pop, Push, Screen
from game.ui.screens.common import draw_header, draw_key_hints, footer_back_rect
from game.ui.screens.costs import offer_costs
from game.ui.screens.dialog import Choice, DialogScreen
from game.ui.screens.hints import AdviserNote, Focus, next_hint
from game.ui.session import PlayMove, Session, ShowOutcome, TakeBack, ToTitle
from game.ui.tones import reaction_tone
from game.ui.widgets import (
    BLOCKING_MODS,
    Button,
    ButtonKind,
    Control,
    FocusGroup,
    Handled,
    LogEntry,
    LogPanel,
    Meter,
    Shortcut,
    SpeechBubble,
    Tail,
    blit_clipped,
    draw_badge,
    draw_focus_ring,
    draw_lock,
    draw_rule,
    fit_lines,
    fit_text,
    offer_shortcuts,
)

# --- Layout -------------------------------------------------------------------------------------

# The table is the densest screen, so it runs closer to the window's edges vertically than the
# other screens; horizontally it keeps the grid's margins and columns.
TOP: Final = 12
BAR_HEIGHT: Final = 5 * theme.UNIT
BAND_TOP: Final = 8 * theme.UNIT
BAND_BOTTOM: Final = 42 * theme.UNIT
TRAY_TOP: Final = 44 * theme.UNIT
TRAY_BOTTOM: Final = TRAY_TOP + 3 * 84 + 2 * theme.UNIT
DETAIL_TOP: Final = 80 * theme.UNIT
DETAIL_BOTTOM: Final = theme.LOGICAL_HEIGHT - 12
GAUGE_HEIGHT: Final = 10 * theme.UNIT
BUTTON_WIDTH: Final = 80
LEFT_COLUMNS: Final = (0, 3)
CENTRE_COLUMNS: Final = (3, 4)
RIGHT_COLUMNS: Final = (7, 5)
CARD_COLUMNS: Final = 5
CARD_GAP_X: Final = 2 * theme.UNIT
CARD_GAP_Y: Final = theme.UNIT
CARD_PAD: Final = theme.UNIT
LOG_MIN_HEIGHT: Final = 12 * theme.UNIT
TOAST_SECONDS: Final = 3.2
TOAST_FADE: Final = 0.5
THEM: Final = "DPRK delegation"
US: Final = "U.S. delegation"


def statement_limits(scenario: Scenario) -> dict[int, int]:
    """Meter index -> the most it may be for a joint statement to be signable (e.g. 75)."""
    limits: dict[int, int] = {}
    for offer in scenario.offers:
        if offer.kind is OfferKind.STATEMENT:
            for bound in offer.requires.meters:
                if bound.high is not None:
                    limits[bound.meter] = bound.high
    return limits


def walkout_floors(scenario: Scenario) -> dict[int, int]:
    """Meter index -> the value at or below which they walk out (e.g. patience 0)."""
    return {
        bound.meter: bound.high
        for bound in scenario.rules.walkout_when.meters
        if bound.high is not None
    }


def stance_ticks(scenario: Scenario, meter: int) -> tuple[tuple[int, str], ...]:
    """Where, on one meter, the counterpart warms to each next stance: (value, stance)."""
    ticks = []
    for transition in scenario.transitions:
        if transition.target != transition.source + 1:
            continue
        for bound in transition.when.meters:
            if bound.meter == meter and bound.low is not None:
                ticks.append((bound.low, scenario.stances[transition.target].label))
    return tuple(sorted(ticks))


def trust_need(offer: Offer, meter: int) -> int | None:
    """The trust (or other meter) an offer nominally needs, before mood and chance shift it."""
    for need in offer.needs:
        if need.meter == meter and need.at_least is not None:
            return need.at_least
    return None


def log_entries(state: GameState, *, full: bool = False) -> list[LogEntry]:
    """The summit so far, one entry per decision and per event; ``full`` adds their words and
    the reasons."""
    scenario = state.scenario
    entries: list[LogEntry] = []
    if state.carry is not None and state.carry.accords:
        names = ", ".join(scenario.accord_label(a) for a in state.carry.accords)
        entries.append(LogEntry(f"Carried over from the earlier summit: {names}.", "Before"))
    current = -1
    for turn in state.turns:
        label = ""
        if turn.round != current:
            current = turn.round
            held = scenario.rounds[current]
            label = f"Round {current + 1} \u00b7 {held.label}"
        reaction = turn.reaction
        if turn.move.is_answer:
            pending = state.turns[turn.number - 2].reaction.counter if turn.number > 1 else None
            ask = scenario.counter(pending).label if pending else "their proposal"
            verb = "accepted" if turn.move.offer == "accept" else "rejected"
            text = f"{turn.number}. You {verb} their ask: {ask}."
        else:
            text = f"{turn.number}. {move_label(scenario, turn.move)}: {REPLIED[reaction.kind]}"
            if reaction.kind is ReactionKind.COUNTER and reaction.counter:
                text += f", asking for {scenario.counter(reaction.counter).label}"
            text += "."
        if full:
            if reaction.accord:
                text += f" Agreed: {scenario.accord_label(reaction.accord)}."
            if reaction.say:
                text += f" \u201c{reaction.say}\u201d"
            text += f" Why: {reaction.why}."
        entries.append(LogEntry(text, label, reaction_tone(reaction.kind)))
        for event_id in turn.events:
            event = next(e for e in scenario.events if e.id == event_id)
            detail = f" {event.text}" if full else ""
            entries.append(LogEntry(f"{event.title}.{detail}", "Between rounds", Tone.CAUTION))
    result = outcome(state)
    if result is not None:
        entries.append(LogEntry(f"The summit is over: {result.ending.title}.", "The end"))
    return entries


# --- Widgets ------------------------------------------------------------------------------------


class CardStatus(enum.Enum):
    """What an offer card can do now."""

    OPEN = "open"
    LOCKED = "locked"
    AGREED = "agreed"


@attrs.define(kw_only=True, eq=False)
class OfferCard(Control):
    """An offer: key badge, title, and one or two lines (its forms, or why it is locked)."""

    offer_id: str
    title: str
    caption: str = ""
    caption_tone: Tone = Tone.NEUTRAL
    status: CardStatus = CardStatus.OPEN
    selected: bool = False
    """The offer made last: drawn with a navy edge."""

    def draw(self, surface: pygame.Surface, ctx: UiContext) -> None:
        if self.rect.width < 4 * CARD_PAD:
            return  # not on the page of cards shown
        palette = ctx.palette
        rect = self.rect
        open_ = self.status is CardStatus.OPEN
        active = (self.focused or self.hovered) and open_
        fill = palette.surface_hover if active else (palette.surface if open_ else palette.paper)
        pygame.draw.rect(surface, fill, rect, border_radius=theme.RADIUS)
        if self.selected:
            pygame.draw.rect(surface, palette.navy, rect, width=2, border_radius=theme.RADIUS)
        else:
            edge = palette.ink_soft if self.hovered else palette.rule
            pygame.draw.rect(surface, edge, rect, width=1, border_radius=theme.RADIUS)
        x, y = rect.left + CARD_PAD, rect.top + CARD_PAD
        badge_label = self.shortcut.label if self.shortcut is not None else ""
        badge = draw_badge(surface, ctx, (x, y), badge_label, filled=active, enabled=open_)
        title_x = badge.right + theme.UNIT
        width = rect.right - CARD_PAD - title_x
        ink = palette.ink if open_ else palette.ink_soft
        two_lines = 2 * ctx.line_height(TextRole.LABEL)
        title_text = fit_lines(ctx, TextRole.LABEL, self.title, width, two_lines)
        title = ctx.text(TextRole.LABEL, title_text, ink, wrap=width)
        title_y = y + max(0, (badge.height - ctx.line_height(TextRole.LABEL)) // 2)
        surface.blit(title, (title_x, title_y))
        top = max(badge.bottom, title_y + title.get_height()) + 2
        room = rect.bottom - CARD_PAD + 4 - top
        if self.caption and room >= ctx.line_height(TextRole.CAPTION):
            role = TextRole.CAPTION if open_ else TextRole.CAPTION_ITALIC
            colour = (
                palette.tone(self.caption_tone)
                if self.caption_tone is not Tone.NEUTRAL
                else (palette.ink_soft)
            )
            text_x = x
            mid = top + ctx.line_height(TextRole.CAPTION) // 2
            if self.status is CardStatus.LOCKED:
                draw_lock(surface, palette.ink_soft, (x + 6, mid - 1), 11)
                text_x += 18
            elif self.status is CardStatus.AGREED:
                draw_check(surface, palette.positive, (x + 6, mid))
                text_x += 18
            wrap = rect.right - CARD_PAD - text_x
            fitted = fit_lines(ctx, role, self.caption, wrap, room)
            if fitted:
                body = ctx.text(role, fitted, colour, wrap=wrap)
                blit_clipped(surface, body, (text_x, top), rect.inflate(-2, -2))
        if self.focused:
            draw_focus_ring(surface, ctx, rect)


def draw_check(surface: pygame.Surface, colour: Colour, center: tuple[int, int]) -> None:
    """A check mark drawn from lines (glyphs differ between fonts)."""
    x, y = center
    pygame.draw.lines(surface, colour, False, [(x - 5, y), (x - 1, y + 4), (x + 6, y - 4)], 3)


@attrs.define(kw_only=True, eq=False)
class PagerCard(Control):
    """The last slot of a page of cards when they do not all fit: turns to the next page."""

    label: str = "More offers"
    detail: str = ""

    def draw(self, surface: pygame.Surface, ctx: UiContext) -> None:
        palette = ctx.palette
        rect = self.rect
        active = self.focused or self.hovered
        pygame.draw.rect(
            surface,
            palette.surface_hover if active else palette.paper,
            rect,
            border_radius=theme.RADIUS,
        )
        pygame.draw.rect(surface, palette.ink_soft, rect, width=1, border_radius=theme.RADIUS)
        title = ctx.text(TextRole.LABEL, f"{self.label} \u203a", palette.ink)
        surface.blit(title, title.get_rect(midleft=(rect.left + CARD_PAD + 4, rect.centery - 10)))
        note = ctx.text(TextRole.CAPTION, self.detail, palette.ink_soft)
        surface.blit(note, note.get_rect(midleft=(rect.left + CARD_PAD + 4, rect.centery + 12)))
        if self.focused:
            draw_focus_ring(surface, ctx, rect)


@attrs.define(kw_only=True, eq=False)
class SummitLog(LogPanel):
    """The log on the table: Enter or a click opens the whole log."""

    def on_click(self, pos: tuple[int, int]) -> Handled:
        del pos
        return Handled(self.activate())


@attrs.define(kw_only=True, eq=False)
class TrustGauge(Meter):
    """The trust meter drawn wide: the number large, the bar beside it, and the thresholds where
    the other side warms to each next stance marked under the bar."""

    ticks: tuple[tuple[int, str], ...] = ()

    def draw(self, surface: pygame.Surface, ctx: UiContext) -> None:
        palette = ctx.palette
        rect = self.rect
        label = ctx.text(TextRole.KICKER, self.label.upper(), palette.ink_soft)
        surface.blit(label, rect.topleft)
        self._delta(
            surface,
            ctx,
            (rect.left + label.get_width() + theme.UNIT, rect.top + label.get_height() // 2),
            TextRole.LABEL,
        )
        if self.marker is not None and self.marker_label:
            room = rect.width - label.get_width() - 6 * theme.UNIT
            note = ctx.text(
                TextRole.CAPTION,
                fit_text(ctx, TextRole.CAPTION, self.marker_label, room),
                palette.ink,
            )
            surface.blit(note, note.get_rect(topright=(rect.right, rect.top - 2)))
        figure_colour = palette.alarm if self.is_alarming else palette.ink
        figure = ctx.text(TextRole.FIGURE, str(round(self.shown)), figure_colour)
        fy = rect.top + label.get_height()
        surface.blit(figure, (rect.left - 3, fy))
        ascent = ctx.font(TextRole.FIGURE).get_ascent()
        bar_left = rect.left + ctx.text_width(TextRole.FIGURE, "100") + 2 * theme.UNIT
        bar = pygame.Rect(bar_left, fy + ascent // 2 - 6, rect.right - bar_left, 18)
        self._bar(surface, ctx, bar)
        last_right = -10_000
        for value, name in self.ticks:
            tx = bar.left + round(bar.width * self.fraction(value))
            pygame.draw.line(surface, palette.ink_soft, (tx, bar.bottom + 2), (tx, bar.bottom + 6))
            text = ctx.text(TextRole.CAPTION, name, palette.ink_soft)
            spot = text.get_rect(midtop=(tx, bar.bottom + 6))
            spot.right = min(spot.right, rect.right)
            # Crowded names slide right while they still sit by their own tick; else the tick
            # stands alone (the stance's name is in their row above the table).
            spot.left = max(spot.left, last_right + 5)
            if spot.left <= tx + 12 and spot.right <= rect.right:
                surface.blit(text, spot)
                last_right = spot.right


@attrs.define(kw_only=True, eq=False)
class ActionButton(Button):
    """A top-bar button: its label with its key beside it (the key dropped when space is short),
    and, when disabled and in focus, its reason in the details line rather than over the bar."""

    key_hint: str = ""

    def draw(self, surface: pygame.Surface, ctx: UiContext) -> None:
        palette = ctx.palette
        rect = self.rect
        active = self.focused or self.hovered
        if not self.enabled:
            pygame.draw.rect(surface, palette.sunk, rect, border_radius=theme.RADIUS)
            ink = soft = palette.ink_faint
        else:
            fill = palette.surface_hover if active else palette.surface
            pygame.draw.rect(surface, fill, rect, border_radius=theme.RADIUS)
            pygame.draw.rect(surface, palette.ink_soft, rect, width=1, border_radius=theme.RADIUS)
            ink, soft = palette.ink, palette.ink_soft
        label = ctx.text(TextRole.LABEL, self.label, ink)
        hint = ctx.text(TextRole.CAPTION, self.key_hint, soft) if self.key_hint else None
        total = label.get_width()
        if (
            hint is not None
            and total + theme.UNIT + hint.get_width() + 2 * theme.UNIT <= rect.width
        ):
            total += theme.UNIT + hint.get_width()
        else:
            hint = None
        x = rect.centerx - total // 2
        surface.blit(label, label.get_rect(midleft=(x, rect.centery)))
        if hint is not None:
            x += label.get_width() + theme.UNIT
            surface.blit(hint, hint.get_rect(midleft=(x, rect.centery + 1)))
        if self.focused:
            draw_focus_ring(surface, ctx, rect)


# --- The screen ---------------------------------------------------------------------------------


@attrs.frozen
class _Tray:
    """How the offer cards are laid out at the current text size."""

    rows: int
    per_page: int
    pages: int
    card_height: int


class SummitScreen:
    """The table. Reads the session; returns moves, undo and the rest as actions."""

    is_overlay: ClassVar[bool] = False

    def __init__(
        self,
        ctx: UiContext,
        session: Session,
        *,
        hints_seen: set[str] | None = None,
    ) -> None:
        self.ctx = ctx
        self.session = session
        self.hints_seen = hints_seen if hints_seen is not None else set()
        scenario = session.scenario
        self.scenario = scenario
        # A scenario without a trust meter shows its first meter in trust's place.
        self._trust_index = scenario.role_index(MeterRole.TRUST) or 0
        limits = statement_limits(scenario)
        floors = walkout_floors(scenario)
        self.trust = TrustGauge(
            label=capitalise(scenario.meters[self._trust_index].label),
            value=session.state.meters[self._trust_index],
            lo=scenario.meters[self._trust_index].minimum,
            hi=scenario.meters[self._trust_index].maximum,
            hero=True,
            ticks=stance_ticks(scenario, self._trust_index),
        )
        self.meters: list[tuple[int, Meter]] = []
        for index, spec in enumerate(scenario.meters):
            if index == self._trust_index:
                continue
            high_is_good = spec.good is Direction.HIGH
            alarm: int | None = limits.get(index)
            if index in floors:
                alarm = floors[index] + 15
            meter = Meter(
                label=capitalise(spec.label),
                value=session.state.meters[index],
                lo=spec.minimum,
                hi=spec.maximum,
                higher_is_better=high_is_good,
                alarm_at=alarm,
                marker=limits.get(index),
            )
            self.meters.append((index, meter))
        keys = offer_shortcuts(len(scenario.offers))
        self.cards = [
            OfferCard(
                offer_id=offer.id,
                title=offer.label,
                shortcut=key,
                on_activate=self._chooser(offer.id),
            )
            for offer, key in zip(scenario.offers, keys, strict=True)
        ]
        self.pager = PagerCard(on_activate=self._next_page)
        self.log = SummitLog(title="Summit log \u00b7 L", compact=True, on_activate=self._open_log)
        self.note = AdviserNote(on_dismiss=self._dismiss)
        self.undo = ActionButton(
            label="Undo",
            key_hint="U",
            shortcut=Shortcut(pygame.K_u, "U"),
            on_activate=lambda: Apply(TakeBack()),
        )
        self.save = ActionButton(
            label="Save",
            key_hint="S",
            shortcut=Shortcut(pygame.K_s, "S"),
            on_activate=self._open_save,
        )
        self.help = ActionButton(
            label="Help",
            key_hint="H",
            shortcut=Shortcut(pygame.K_h, "H", pygame.K_F1),
            on_activate=self._open_help,
        )
        self.menu = ActionButton(label="Menu", key_hint="Esc", on_activate=self._open_menu)
        self.panel_button = Button(
            label="", kind=ButtonKind.PRIMARY, hint="Enter", on_activate=self._panel_action
        )
        self.bubble = SpeechBubble(speaker="", text="", tail=Tail.LEFT, tail_at=0.2)
        self.focus = FocusGroup([])
        self.page = 0
        self._state: GameState | None = None
        self._notice_seen = len(session.notices)
        self._toast: tuple[str, Tone] | None = None
        self._toast_left = 0.0
        self._layout_key: object = None
        self._tray = _Tray(3, len(self.cards), 1, 84)
        self._accords_top = BAND_BOTTOM
        self._why = ""
        self._refresh()
        first_open = next((c for c in self.cards if c.status is CardStatus.OPEN), None)
        if first_open is not None and first_open in self.focus.controls:
            self.focus.focus(first_open)

    # -- reading the session --

    @property
    def state(self) -> GameState:
        """The state on show."""
        return self.session.state

    def _refresh(self) -> None:
        """Bring everything on screen in line with the session (after a move, an undo...)."""
        state = self.session.state
        if state is self._state:
            self._take_notices()
            return
        animate = self._state is not None
        self._state = state
        values = state.meters
        if animate:
            self.trust.set_value(values[self._trust_index])
            for index, meter in self.meters:
                meter.set_value(values[index])
        else:
            before = state.turns[-2].meters if len(state.turns) > 1 else None
            for index, meter in [(self._trust_index, self.trust), *self.meters]:
                meter.value = meter.shown = values[index]
                meter.last_delta = values[index] - before[index] if before else 0
        self._update_cards(state)
        self.log.entries = log_entries(state)
        self._update_bubble(state)
        self._take_notices()
        self._layout_key = None
        self._layout()
        self._update_focus()
        self.log.measure(self.ctx)
        self.log.scroll_to_end(animate=animate)

    def show_toast(self, text: str, tone: Tone = Tone.NEUTRAL) -> None:
        """Show a short message over the bottom of the table for a few seconds."""
        self._toast = (text, tone)
        self._toast_left = TOAST_SECONDS

    def _take_notices(self) -> None:
        notices = self.session.notices
        if len(notices) > self._notice_seen:
            latest = notices[-1]
            self._notice_seen = len(notices)
            self.show_toast(latest.text, latest.tone)

    def _update_cards(self, state: GameState) -> None:
        options: dict[str, str] = {}
        for option in move_options(state):
            if option.move.is_answer:
                continue
            reason = options.get(option.move.offer)
            if reason is None or not option.available:
                options[option.move.offer] = option.reason if not option.available else ""
        last = state.turns[-1].move.offer if state.turns else ""
        for card in self.cards:
            offer = self.scenario.offer(card.offer_id)
            index = self.scenario.offer_index[offer.id]
            reason = options.get(offer.id, "")
            card.selected = offer.id == last
            card.reason = reason
            card.caption_tone = Tone.NEUTRAL
            if offer.kind in (OfferKind.OFFER, OfferKind.STATEMENT) and offer.id in state.agreed:
                card.status = CardStatus.AGREED
                accord = next((a for a in state.accords if a.id == offer.id), None)
                form = _accord_form(self.scenario, accord.variant) if accord else ""
                card.caption = "Agreed" + (f": {form}" if form else "")
                if accord is not None and accord.prior:
                    card.caption = "Agreed at the earlier summit"
                card.caption_tone = Tone.POSITIVE
            elif reason:
                card.status = CardStatus.LOCKED
                card.caption = capitalise(reason)
            else:
                card.status = CardStatus.OPEN
                refused = state.refusals[index]
                if refused and offer.kind is OfferKind.OFFER:
                    times = "once" if refused == 1 else f"{refused} times"
                    card.caption = f"Refused {times}: again costs patience"
                    card.caption_tone = Tone.CAUTION
                elif offer.variants:
                    forms = " or ".join(v.label for v in offer.variants)
                    card.caption = f"{len(offer.variants)} forms: {forms}"
                else:
                    card.caption = offer.summary
            card.enabled = card.status is CardStatus.OPEN

    def _update_bubble(self, state: GameState) -> None:
        bubble = self.bubble
        if not state.turns:
            held = self.scenario.rounds[state.round]
            bubble.speaker = f"{held.label} \u00b7 {held.time}"
            bubble.text = held.description
            self._why = "Put your first offer on the table: pick a card below."
            bubble.tone = Tone.NEUTRAL
            return
        turn = state.turns[-1]
        reaction = turn.reaction
        if reaction.kind is ReactionKind.ENDED:
            bubble.speaker = "You leave the table"
            bubble.text = reaction.say or "You close your folder and stand. The talks are over."
        else:
            bubble.speaker = f"{THEM} \u00b7 they {REPLY[reaction.kind]}"
            bubble.text = reaction.say or "\u2026"
        self._why = capitalise(reaction.why)
        bubble.tone = reaction_tone(reaction.kind)

    # -- layout --

    def _layout(self) -> None:
        settings = self.ctx.settings
        key = (settings.text_size, settings.hints, self.page, self._mode(), self.note.hint)
        if key == self._layout_key:
            return
        self._layout_key = key
        ctx = self.ctx
        # Top bar: the four buttons at the right, the schedule takes the rest.
        right = theme.column_x(theme.COLUMNS)
        buttons = (self.undo, self.save, self.help, self.menu)
        width = BUTTON_WIDTH
        for i, button in enumerate(buttons):
            left = right - (len(buttons) - i) * width - (len(buttons) - 1 - i) * theme.UNIT
            button.rect = pygame.Rect(left, TOP, width, BAR_HEIGHT)
        # Meters down the left, each with a line under its bar for the limit it may carry.
        left_x = theme.column_x(LEFT_COLUMNS[0])
        y = BAND_TOP
        meter_h = ctx.line_height(TextRole.LABEL) + 17
        limits = statement_limits(self.scenario)
        for index, meter in self.meters:
            meter.rect = pygame.Rect(left_x, y, theme.span(LEFT_COLUMNS[1]), meter_h)
            y += meter_h + (ctx.line_height(TextRole.CAPTION) + 4 if index in limits else 12)
        self._accords_top = y + 4
        # The trust meter in front of the table.
        centre = theme.grid_rect(CENTRE_COLUMNS[0], CENTRE_COLUMNS[1], 0, 0)
        self.trust.rect = pygame.Rect(
            centre.left, BAND_BOTTOM - GAUGE_HEIGHT, centre.width, GAUGE_HEIGHT
        )
        # Reply and log on the right; the reply takes what it needs.
        side = theme.grid_rect(RIGHT_COLUMNS[0], RIGHT_COLUMNS[1], BAND_TOP, 0)
        width = side.width - 14
        limit = BAND_BOTTOM - BAND_TOP - LOG_MIN_HEIGHT - theme.UNIT
        bubble = self.bubble
        bubble.why = self._why
        if bubble.measure(ctx, width) > limit and self._why:
            # Their words always show whole; the reason gives way (it is whole in the log, L).
            bubble.why = ""
            room = limit - bubble.measure(ctx, width) - theme.UNIT
            bubble.why = fit_lines(
                ctx, TextRole.CAPTION_ITALIC, self._why, width - 6 * theme.UNIT, room
            )
        bubble_h = min(bubble.measure(ctx, width), limit)
        bubble.rect = pygame.Rect(side.left + 14, BAND_TOP, width, bubble_h)
        log_top = BAND_TOP + bubble_h + theme.UNIT
        self.log.rect = pygame.Rect(side.left, log_top, side.width, BAND_BOTTOM - log_top)
        # The adviser's note lies over the log, never over the reply or the trust meter.
        note_h = min(self.note.height_for(ctx, side.width), self.log.rect.height)
        self.note.rect = pygame.Rect(side.left, BAND_BOTTOM - note_h, side.width, note_h)
        self._layout_tray()
        # A new text size can page the cards differently: the controls on screen follow.
        self._update_focus()

    def _card_height(self) -> int:
        ctx = self.ctx
        label = ctx.line_height(TextRole.LABEL)
        caption = ctx.line_height(TextRole.CAPTION)
        return 2 * CARD_PAD + max(28, 2 * label) + 2 + caption

    def _layout_tray(self) -> None:
        card_h = self._card_height()
        height = TRAY_BOTTOM - TRAY_TOP
        # A few pixels of slack: rows may close up a little rather than spill onto a second page.
        rows = max(1, (height + CARD_GAP_Y + 6) // (card_h + CARD_GAP_Y))
        slots = rows * CARD_COLUMNS
        count = len(self.cards)
        if count <= slots:
            per_page, pages = count, 1
        else:
            per_page = slots - 1  # the last slot turns the page
            pages = math.ceil(count / per_page)
        self._tray = _Tray(rows, per_page, pages, card_h)
        self.page = min(self.page, pages - 1)
        # Rows share the tray's height so the last row sits on the tray's bottom edge.
        pitch_y = (height + CARD_GAP_Y) / rows
        card_h = min(round(pitch_y) - CARD_GAP_Y, card_h + 12)
        total = theme.CONTENT_WIDTH + CARD_GAP_X
        for card in self.cards:
            card.rect = pygame.Rect(0, 0, 0, 0)
        visible = self._visible_cards()
        slots_used = [*visible, self.pager] if pages > 1 else list(visible)
        for slot, control in enumerate(slots_used):
            row, column = divmod(slot, CARD_COLUMNS)
            left = theme.MARGIN_X + round(column * total / CARD_COLUMNS)
            right = theme.MARGIN_X + round((column + 1) * total / CARD_COLUMNS) - CARD_GAP_X
            top = TRAY_TOP + round(row * pitch_y)
            control.rect = pygame.Rect(left, top, right - left, card_h)
        self.pager.detail = f"Page {self.page + 1} of {pages} \u00b7 PgDn"
        panel = pygame.Rect(theme.MARGIN_X, TRAY_TOP, theme.CONTENT_WIDTH, height)
        width = max(self.panel_button.preferred_width(self.ctx), theme.span(3))
        self.panel_button.rect = pygame.Rect(
            panel.right - 3 * theme.UNIT - width,
            panel.bottom - 3 * theme.UNIT - theme.CONTROL_HEIGHT,
            width,
            theme.CONTROL_HEIGHT,
        )

    def _visible_cards(self) -> list[OfferCard]:
        start = self.page * self._tray.per_page
        return self.cards[start : start + self._tray.per_page]

    def _mode(self) -> str:
        state = self.state
        if state.is_over:
            return "over"
        if state.pending is not None:
            return "pending"
        return "offers"

    def _update_focus(self) -> None:
        """The controls in Tab order for what is on screen; focus stays where it was."""
        previous = self.focus.focused
        mode = self._mode()
        self._update_note()
        controls: list[Control] = []
        if mode == "offers":
            controls.extend(self._visible_cards())
            if self._tray.pages > 1:
                controls.append(self.pager)
        else:
            self.panel_button.label = (
                "See how it ended" if mode == "over" else "Answer their proposal"
            )
            controls.append(self.panel_button)
        controls.append(self.log)
        if self.note.hint is not None:
            controls.append(self.note)
        self.undo.enabled = not self.session.undo_block
        self.undo.reason = self.session.undo_block
        controls.extend((self.undo, self.save, self.help, self.menu))
        self.focus.set_controls(controls)
        if previous is not None and previous in controls:
            self.focus.focus(previous)
        elif mode != "offers":
            self.focus.focus(self.panel_button)
        else:
            first = next((c for c in self._visible_cards() if c.enabled), None)
            if first is not None:
                self.focus.focus(first)
        self._layout()

    def _update_note(self) -> None:
        if not self.ctx.settings.hints:
            self.note.hint = None
            return
        focused = self.focus.focused
        focus = Focus()
        if isinstance(focused, OfferCard) and focused.status is CardStatus.LOCKED:
            focus = Focus(focused.offer_id, focused.reason)
        self.note.hint = next_hint(self.state, focus, self.hints_seen)

    # -- actions --

    def _chooser(self, offer_id: str) -> Callable[[], Action | None]:
        def choose() -> Action | None:
            return self.choose(offer_id)

        return choose

    def choose(self, offer_id: str) -> Action | None:
        """What picking an offer card does: the variant picker, a confirmation, or the move."""
        offer = self.scenario.offer(offer_id)
        state = self.state
        if offer.variants:
            from game.ui.screens.variant import VariantScreen

            def pick(move: Move) -> Action:
                return Chain((Pop(), Apply(PlayMove(move))))

            return Push(VariantScreen(self.ctx, state, offer, on_pick=pick))
        move = Move(offer.id)
        if offer.kind is OfferKind.WALK_AWAY:
            return Push(
                _confirm(
                    self.ctx,
                    "Walk away from the table?",
                    [
                        offer.summary,
                        "The summit ends at once; this cannot be taken back in a graded game.",
                    ],
                    "Walk away",
                    move,
                )
            )
        if offer.kind is OfferKind.STATEMENT:
            return Push(
                _confirm(
                    self.ctx,
                    "Put the joint statement forward?",
                    [
                        offer.summary,
                        "If they sign, the summit closes with everything agreed on "
                        "the record. If they refuse, the talks go on.",
                    ],
                    "Put it forward",
                    move,
                )
            )
        return Apply(PlayMove(move))

    def _next_page(self) -> Action | None:
        self.turn_page(1)
        return None

    def turn_page(self, step: int) -> None:
        """Show the next (or previous) page of cards, wrapping round."""
        pages = self._tray.pages
        if pages <= 1:
            return
        self.page = (self.page + step) % pages
        self.ctx.play(Cue.PAGE)
        self._layout_key = None
        self._layout()
        self.focus.set_controls([])
        self._update_focus()
        if step > 0 and self.pager in self.focus.controls:
            self.focus.focus(self.pager)

    def _panel_action(self) -> Action | None:
        if self.state.is_over:
            return Apply(ShowOutcome())
        if self.state.pending is not None:
            from game.ui.screens.counter import CounterScreen

            return Push(CounterScreen(self.ctx, self.state, hints=self.ctx.settings.hints))
        return None

    def _open_log(self) -> Action | None:
        return Push(LogScreen(self.ctx, self.state))

    def _open_help(self) -> Action | None:
        from game.ui.screens.text_pages import TextPagesScreen
        from game.ui.texts import HOW_TO_PLAY

        return Push(TextPagesScreen(self.ctx, "How to play", HOW_TO_PLAY, kicker="Help"))

    def _open_save(self) -> Action | None:

        return Push(saves_screen(self.ctx, self.session, saving=True))

    def _open_menu(self) -> Action | None:
        return Push(pause_menu(self.ctx, self.session))

    def _dismiss(self, key: str) -> None:
        self.hints_seen.add(key)
        self._update_focus()

    # -- screen protocol --

    def on_event(self, event: pygame.event.Event) -> Action | None:
        self._refresh()
        if event.type == pygame.KEYDOWN and not event.mod & BLOCKING_MODS:
            if event.key == pygame.K_ESCAPE:
                return self._open_menu()
            if event.key == pygame.K_l:
                return self._open_log()
            if self._mode() == "offers":
                picked = self._shortcut(event)
                if picked is not None:
                    return picked.action
                paging = event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP)
                if paging and self._tray.pages > 1 and self.focus.focused is not self.log:
                    self.turn_page(1 if event.key == pygame.K_PAGEDOWN else -1)
                    return None
            if event.key == pygame.K_u and not self.undo.enabled:
                self.show_toast(self.undo.reason, Tone.CAUTION)
                self.ctx.play(Cue.DENIED)
                return None
        if (
            event.type == pygame.MOUSEBUTTONDOWN
            and event.button == 1
            and not self.undo.enabled
            and self.undo.rect.collidepoint(event.pos)
        ):
            self.show_toast(self.undo.reason, Tone.CAUTION)
        before = self.focus.focused
        handled = self.focus.handle(event, self.ctx)
        if self.focus.focused is not before:
            self._update_focus()
        return None if handled is None else handled.action

    def _shortcut(self, event: pygame.event.Event) -> Handled | None:
        """A card's key, even when the card is on another page."""
        for index, card in enumerate(self.cards):
            if card.shortcut is None or not card.shortcut.matches(event):
                continue
            page = index // max(self._tray.per_page, 1)
            if page != self.page:
                self.page = page
                self._layout_key = None
                self._layout()
                self._update_focus()
            self.focus.focus(card)
            self._update_focus()
            if not card.enabled:
                self.ctx.play(Cue.DENIED)
                return Handled()
            self.ctx.play(Cue.SELECT)
            return Handled(card.activate())
        return None

    def update(self, dt: float) -> bool:
        self._refresh()
        self._layout()
        self._update_marker()
        moving = self.focus.update(dt)
        moving = self.trust.update(dt) or moving
        for _, meter in self.meters:
            moving = meter.update(dt) or moving
        moving = self.log.update(dt) or moving
        if self._toast is not None:
            self._toast_left -= dt
            if self._toast_left <= 0:
                self._toast = None
            moving = True
        return moving

    # -- drawing --

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        palette = ctx.palette
        surface.fill(palette.paper)
        self._draw_schedule(surface)
        self._draw_meters(surface)
        self._draw_table(surface)
        self.bubble.draw(surface, ctx)
        mode = self._mode()
        if mode == "offers":
            self._draw_detail(surface)
        else:
            self._draw_panel(surface, mode)
            self._draw_footer(surface)
        self.focus.draw(surface, ctx)
        self._draw_toast(surface)

    def _draw_schedule(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        palette = ctx.palette
        state = self.state
        rounds = self.scenario.rounds
        right = self.undo.rect.left - 3 * theme.UNIT
        left = theme.MARGIN_X
        gap = theme.UNIT
        width = (right - left - gap * (len(rounds) - 1)) / len(rounds)
        for i, held in enumerate(rounds):
            x0 = round(left + i * (width + gap))
            x1 = round(left + i * (width + gap) + width)
            rect = pygame.Rect(x0, TOP, x1 - x0, BAR_HEIGHT)
            current = i == state.round and not state.is_over
            past = i < state.round or (state.is_over and i <= state.round)
            if current:
                pygame.draw.rect(surface, palette.navy, rect, border_radius=theme.RADIUS)
                ink, soft = palette.on_navy, palette.on_navy_soft
            elif past:
                pygame.draw.rect(surface, palette.sunk, rect, border_radius=theme.RADIUS)
                ink, soft = palette.ink_soft, palette.ink_soft
            else:
                pygame.draw.rect(surface, palette.rule, rect, width=1, border_radius=theme.RADIUS)
                ink, soft = palette.ink, palette.ink_soft
            pad = theme.UNIT
            number = ctx.text(TextRole.KICKER, f"{i + 1}", soft)
            surface.blit(number, (rect.left + pad, rect.top + 4))
            name_x = rect.left + pad + number.get_width() + 6
            room = rect.right - pad - name_x
            label = fit_text(ctx, TextRole.CAPTION, capitalise(held.label), room)
            surface.blit(ctx.text(TextRole.CAPTION, label, ink), (name_x, rect.top + 2))
            # One dot per offer the round allows: filled for those already made.
            used = state.turn_in_round if current else (held.turns if past else 0)
            dy = rect.bottom - 10
            for dot in range(held.turns):
                cx = rect.left + pad + 4 + dot * 12
                if dot < used:
                    pygame.draw.circle(surface, ink, (cx, dy), 4)
                else:
                    pygame.draw.circle(surface, soft, (cx, dy), 4, width=1)
            if current:
                left_now = held.turns - state.turn_in_round
                note = f"{left_now} offer{'s' if left_now != 1 else ''} left"
                text = ctx.text(TextRole.CAPTION, note, soft)
                note_x = rect.left + pad + held.turns * 12 + 4
                if note_x + text.get_width() <= rect.right - pad:
                    surface.blit(text, text.get_rect(midleft=(note_x, dy)))

    def _draw_meters(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        palette = ctx.palette
        column = theme.grid_rect(LEFT_COLUMNS[0], LEFT_COLUMNS[1], BAND_TOP, 0)
        limits = statement_limits(self.scenario)
        for index, meter in self.meters:
            meter.draw(surface, ctx)
            limit = limits.get(index)
            if limit is None:
                continue
            bar_bottom = meter.rect.bottom
            mx = meter.rect.left + round(meter.rect.width * meter.fraction(limit))
            pygame.draw.line(surface, palette.ink, (mx, bar_bottom), (mx, bar_bottom + 6), 2)
            note = ctx.text(TextRole.CAPTION, f"above {limit}: no statement", palette.ink_soft)
            spot = note.get_rect(topright=(column.right, bar_bottom + 2))
            if spot.left < mx + 6 <= spot.right:
                spot.right = mx - 6
            surface.blit(note, spot)
        top = self._accords_top
        self._draw_accords(surface, pygame.Rect(column.left, top, column.width, BAND_BOTTOM - top))

    def _draw_accords(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        ctx = self.ctx
        palette = ctx.palette
        state = self.state
        count = len(state.accords)
        kicker = ctx.text(TextRole.KICKER, f"ACCORDS \u00b7 {count}", palette.ink_soft)
        surface.blit(kicker, area.topleft)
        y = area.top + ctx.line_height(TextRole.KICKER)
        line = ctx.line_height(TextRole.CAPTION)
        if y + line > area.bottom + 4:
            return
        if not state.accords:
            text = ctx.text(TextRole.CAPTION_ITALIC, "None yet.", palette.ink_soft)
            surface.blit(text, (area.left, y))
            return
        draw_check(surface, palette.positive, (area.left + 6, y + line // 2))
        names = ", ".join(
            self.scenario.offer(a.id).label if a.id in self.scenario.offer_index else a.id
            for a in state.accords
        )
        text = ctx.text(
            TextRole.CAPTION, fit_text(ctx, TextRole.CAPTION, names, area.width - 18), palette.ink
        )
        surface.blit(text, (area.left + 18, y))

    def _draw_table(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        palette = ctx.palette
        state = self.state
        centre = theme.grid_rect(CENTRE_COLUMNS[0], CENTRE_COLUMNS[1], BAND_TOP, 0)
        flag_h = 16
        # Their side: flag, name and stance.
        flag_rect = art.draw_flag(surface, art.dprk_flag(flag_h), centre.topleft, palette)
        row = pygame.Rect(centre.left, centre.top, centre.width, flag_h)
        stance_left = self._draw_stance(surface, row, centre.right - flag_rect.right - 170)
        room = stance_left - 2 * theme.UNIT - (flag_rect.right + 10)
        them = THEM.upper() if ctx.text_width(TextRole.KICKER, THEM.upper()) <= room else "DPRK"
        name = ctx.text(TextRole.KICKER, them, palette.ink_soft)
        surface.blit(name, name.get_rect(midleft=(flag_rect.right + 10, flag_rect.centery)))
        plan_top = centre.top + flag_h + theme.UNIT
        us_y = self.trust.rect.top - 2 * theme.UNIT - flag_h
        plan_h = us_y - theme.UNIT - plan_top
        plan = art.seating_plan(centre.width, plan_h, palette)
        surface.blit(plan, (centre.left, plan_top))
        flag_rect = art.draw_flag(surface, art.us_flag(flag_h), (centre.left, us_y), palette)
        mode = "hot-seat \u00b7 " if self.session.hotseat else ""
        mode += self.session.mode
        tag = ctx.text(TextRole.CAPTION, f"{mode} \u00b7 seed {state.seed}", palette.ink_soft)
        who = US.upper()
        if self.session.player:
            who += f" \u00b7 {self.session.player.upper()}"
        room = centre.right - tag.get_width() - 2 * theme.UNIT - (flag_rect.right + 10)
        label = ctx.text(
            TextRole.KICKER, fit_text(ctx, TextRole.KICKER, who, room), palette.ink_soft
        )
        surface.blit(label, label.get_rect(midleft=(flag_rect.right + 10, flag_rect.centery)))
        surface.blit(tag, tag.get_rect(midright=(centre.right, flag_rect.centery)))
        draw_rule(
            surface, palette.rule, centre.left, centre.right, self.trust.rect.top - theme.UNIT
        )
        self.trust.draw(surface, ctx)

    def _update_marker(self) -> None:
        # Derived from the focused card each frame; the gauge only draws what it is given.
        focused = self.focus.focused
        self.trust.marker = None
        self.trust.marker_label = ""
        if isinstance(focused, OfferCard) and focused.status is not CardStatus.AGREED:
            need = trust_need(self.scenario.offer(focused.offer_id), self._trust_index)
            if need is not None:
                self.trust.marker = need
                self.trust.marker_label = f"{focused.title} needs about {need}"

    def _draw_stance(self, surface: pygame.Surface, row: pygame.Rect, room: int) -> int:
        """Their stance at the right end of their row: its name and a step scale, and the word
        "stance" too when ``room`` allows. Returns where the drawing starts on the left."""
        ctx = self.ctx
        palette = ctx.palette
        stances = self.scenario.stances
        current = self.state.stance
        x = row.right
        for i in reversed(range(len(stances))):
            colour = palette.navy if i <= current else palette.rule
            pygame.draw.rect(surface, colour, (x - 12, row.centery - 4, 12, 8), border_radius=3)
            x -= 15
        label = ctx.text(TextRole.LABEL, stances[current].label, palette.ink)
        spot = label.get_rect(midright=(x - 4, row.centery))
        surface.blit(label, spot)
        kicker = ctx.text(TextRole.KICKER, "STANCE", palette.ink_soft)
        if row.right - spot.left + 10 + kicker.get_width() <= room:
            place = kicker.get_rect(midright=(spot.left - 10, row.centery))
            surface.blit(kicker, place)
            return place.left
        return spot.left

    def _draw_detail(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        palette = ctx.palette
        area = pygame.Rect(
            theme.MARGIN_X, DETAIL_TOP, theme.CONTENT_WIDTH, DETAIL_BOTTOM - DETAIL_TOP
        )
        draw_rule(surface, palette.rule, area.left, area.right, area.top - theme.UNIT)
        title, body = self._detail_text()
        head = ctx.text(
            TextRole.LABEL, fit_text(ctx, TextRole.LABEL, title, area.width), palette.ink
        )
        surface.blit(head, area.topleft)
        top = area.top + ctx.line_height(TextRole.LABEL)
        text = fit_lines(ctx, TextRole.CAPTION, body, area.width, area.bottom - top)
        if text:
            surface.blit(
                ctx.text(TextRole.CAPTION, text, palette.ink_soft, wrap=area.width),
                (area.left, top),
            )

    def _detail_text(self) -> tuple[str, str]:
        """The focused card in full; or the focused button; or the round on the table."""
        focused = self.focus.focused
        state = self.state
        if isinstance(focused, OfferCard):
            offer = self.scenario.offer(focused.offer_id)
            key = focused.shortcut.label if focused.shortcut else ""
            title = f"{key} \u00b7 {offer.label}" if key else offer.label
            if focused.status is CardStatus.LOCKED:
                return title + " \u00b7 locked", f"{capitalise(focused.reason)}. {offer.summary}"
            if focused.status is CardStatus.AGREED:
                return title + " \u00b7 agreed", f"{offer.summary} {_essay(offer)}"
            parts = [offer.summary, _essay(offer)]
            if offer.variants:
                forms = " or ".join(v.label for v in offer.variants)
                parts.append(f"Next you choose its form: {forms}, each with its own costs.")
            else:
                proposing, accepted = offer_costs(self.scenario, offer, None)
                parts.append(f"Proposing costs {proposing}; if accepted, {accepted}.")
            return title, " ".join(parts)
        if focused is self.undo:
            return "Undo \u00b7 U", self.session.undo_block or "Take back your last move."
        if focused is self.save:
            return "Save \u00b7 S", (
                "Save this game under a name you choose. It also autosaves after every move."
            )
        if focused is self.help:
            return "Help \u00b7 H", "The rules in plain words, and the controls."
        if focused is self.menu:
            return "Menu \u00b7 Esc", "Save, load, settings, or leave the summit."
        if focused is self.log:
            return "Summit log \u00b7 L", (
                "Every move, answer and event so far. Enter or a click opens it in full, with "
                "their words and reasons."
            )
        if focused is self.pager:
            return "More offers \u00b7 PgDn", "The offers do not all fit at this text size."
        if focused is self.note:
            return (
                "Your adviser \u00b7 X",
                "Dismiss this hint. Hints can be switched off in Settings.",
            )
        held = self.scenario.rounds[state.round]
        return f"{capitalise(held.label)} \u00b7 {held.time}", held.description

    def _draw_panel(self, surface: pygame.Surface, mode: str) -> None:
        """Instead of the cards: the end of the summit, or their proposal awaiting an answer."""
        ctx = self.ctx
        palette = ctx.palette
        state = self.state
        panel = pygame.Rect(theme.MARGIN_X, TRAY_TOP, theme.CONTENT_WIDTH, TRAY_BOTTOM - TRAY_TOP)
        pygame.draw.rect(surface, palette.surface, panel, border_radius=theme.RADIUS)
        pygame.draw.rect(surface, palette.rule, panel, width=1, border_radius=theme.RADIUS)
        pad = 4 * theme.UNIT
        x, y = panel.left + pad, panel.top + pad
        width = theme.span(8)
        if mode == "over":
            result = outcome(state)
            kicker, title = "THE SUMMIT IS OVER", result.ending.title if result else ""
            last = state.turns[-1].reaction if state.turns else None
            body = (
                "The talks have ended. See how it ended, and then the debrief: what you "
                "achieved against the two goals, and what happened in history."
            )
            if last is not None and last.kind is ReactionKind.WALKOUT:
                body = "They have left the table. " + body
            if not self.session.undo_block:
                body += " In a practice game you can still undo the last move (U)."
        else:
            assert state.pending is not None
            counter = self.scenario.counters[state.pending]
            kicker, title, body = "THEIR PROPOSAL", counter.label, counter.summary
        kick = ctx.text(TextRole.KICKER, kicker, palette.ink_soft)
        surface.blit(kick, (x, y))
        y += kick.get_height() + theme.UNIT
        heading = ctx.text(TextRole.HEADING, title, palette.ink, wrap=width)
        surface.blit(heading, (x, y))
        y += heading.get_height() + 2 * theme.UNIT
        text = fit_lines(ctx, TextRole.BODY, body, width, panel.bottom - pad - y)
        surface.blit(ctx.text(TextRole.BODY, text, palette.ink, wrap=width), (x, y))

    def _draw_footer(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        palette = ctx.palette
        draw_rule(
            surface,
            palette.rule,
            theme.MARGIN_X,
            theme.column_x(theme.COLUMNS),
            DETAIL_TOP - theme.UNIT,
        )
        title, body = self._detail_text()
        head = ctx.text(TextRole.LABEL, title, palette.ink)
        surface.blit(head, (theme.MARGIN_X, DETAIL_TOP))
        text = fit_lines(
            ctx,
            TextRole.CAPTION,
            body,
            theme.CONTENT_WIDTH,
            DETAIL_BOTTOM - DETAIL_TOP - ctx.line_height(TextRole.LABEL),
        )
        if text:
            surface.blit(
                ctx.text(TextRole.CAPTION, text, palette.ink_soft, wrap=theme.CONTENT_WIDTH),
                (theme.MARGIN_X, DETAIL_TOP + ctx.line_height(TextRole.LABEL)),
            )

    def _draw_toast(self, surface: pygame.Surface) -> None:
        if self._toast is None:
            return
        ctx = self.ctx
        palette = ctx.palette
        text, tone = self._toast
        image = ctx.text(
            TextRole.LABEL, fit_text(ctx, TextRole.LABEL, text, theme.span(10)), palette.on_navy
        )
        box = image.get_rect().inflate(6 * theme.UNIT, 3 * theme.UNIT)
        box.midbottom = (theme.LOGICAL_WIDTH // 2, DETAIL_BOTTOM)
        toast = pygame.Surface(box.size, pygame.SRCALPHA)
        pygame.draw.rect(
            toast, (*palette.navy_deep, 255), toast.get_rect(), border_radius=box.height // 2
        )
        if tone is not Tone.NEUTRAL:
            pygame.draw.circle(toast, palette.tone(tone), (3 * theme.UNIT - 8, box.height // 2), 5)
        toast.blit(image, image.get_rect(center=(box.width // 2 + 4, box.height // 2)))
        alpha = min(1.0, self._toast_left / TOAST_FADE)
        toast.set_alpha(round(255 * alpha))
        surface.blit(toast, box)


def _essay(offer: Offer) -> str:
    """What the essay says of an offer, introduced unless the text introduces itself."""
    text = offer.essay
    return text if text.lower().startswith("the essay") else f"The essay: {text}"


def _accord_form(scenario: Scenario, variant: str) -> str:
    """The form an accord took, in words: a variant's label, or a counter-offer's wording."""
    if not variant:
        return ""
    for offer in scenario.offers:
        for option in offer.variants:
            if option.id == variant:
                return option.label
    return variant


def _confirm(
    ctx: UiContext, title: str, body: Sequence[str], label: str, move: Move
) -> DialogScreen:
    return DialogScreen(
        ctx,
        title,
        body,
        (
            Choice("Not now", Pop),
            Choice(label, lambda: Chain((Pop(), Apply(PlayMove(move)))), ButtonKind.PRIMARY),
        ),
        kicker="Are you sure?",
        default=0,
    )


# --- The whole log and the pause menu -----------------------------------------------------------


class LogScreen:
    """The whole summit log, with their words and reasons: scroll, then Esc."""

    is_overlay: ClassVar[bool] = False

    def __init__(self, ctx: UiContext, state: GameState) -> None:
        self.ctx = ctx
        self.state = state
        self.log = LogPanel(
            title="Every move, answer and event", entries=log_entries(state, full=True)
        )
        self.log.rect = theme.grid_rect(0, theme.COLUMNS, 18 * theme.UNIT, 0)
        self.log.rect.height = (
            theme.CONTENT_BOTTOM - theme.CONTROL_HEIGHT - 3 * theme.UNIT - self.log.rect.top
        )
        self.back = Button(label="Back", kind=ButtonKind.SECONDARY, hint="Esc", on_activate=Pop)
        self.back.rect = footer_back_rect()
        self.focus = FocusGroup([self.log, self.back])

    def on_event(self, event: pygame.event.Event) -> Action | None:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_ESCAPE, pygame.K_l):
            return Pop()
        return self.focus.action_for(event, self.ctx)

    def update(self, dt: float) -> bool:
        return self.focus.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        surface.fill(ctx.palette.paper)
        header = theme.grid_rect(0, theme.COLUMNS, theme.MARGIN_Y, 0)
        draw_header(surface, ctx, self.state.scenario.title, "Summit log", header)
        self.focus.draw(surface, ctx)
        draw_key_hints(
            surface,
            ctx,
            "\u2191\u2193 PgUp PgDn scroll \u00b7 Esc back",
            (theme.column_x(3), theme.CONTENT_BOTTOM - 14),
        )


def saves_screen(ctx: UiContext, session: Session, *, saving: bool) -> Screen:
    """The save (or load) screen for the game in play."""
    from game.store.saves import SaveStore
    from game.ui.screens.saves_screen import SavesScreen

    store = session.store if session.store is not None else SaveStore()
    return SavesScreen(ctx, store, saving=saving, session=session)


def pause_menu(ctx: UiContext, session: Session) -> Screen:
    """Esc on the table: resume, save, load, settings, help, the title, or quit."""
    from game.ui.screens.settings_screen import SettingsScreen
    from game.ui.screens.text_pages import TextPagesScreen
    from game.ui.screens.title import MenuEntry, MenuScreen, confirm_quit
    from game.ui.texts import HOW_TO_PLAY

    return MenuScreen(
        ctx,
        "The summit is paused",
        (
            MenuEntry("Resume", Pop, detail="Back to the table"),
            MenuEntry(
                "Save game",
                lambda: Chain((Pop(), Push(saves_screen(ctx, session, saving=True)))),
                detail="Keep this game under a name",
            ),
            MenuEntry(
                "Load game",
                lambda: Chain((Pop(), Push(saves_screen(ctx, session, saving=False)))),
                detail="Open a saved game",
            ),
            MenuEntry("Settings", lambda: Push(SettingsScreen(ctx)), detail="Text, colours, hints"),
            MenuEntry(
                "How to play",
                lambda: Push(TextPagesScreen(ctx, "How to play", HOW_TO_PLAY, kicker="Help")),
                detail="The rules in plain words",
            ),
            MenuEntry("Main menu", lambda: Apply(ToTitle()), detail="This game is autosaved"),
            MenuEntry("Quit", lambda: Push(confirm_quit(ctx)), detail="Close the game"),
        ),
        kicker="Menu",
    )
