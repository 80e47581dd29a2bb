"""The summit table: the two delegations, the schedule, the trust meter, the offers and the log.

The hero screen. It reads the game in play and never changes it: offers and undo go back to the
flow as commands, the other screens it leads to (the forms of an offer, their proposal, the log,
saving, the menu) as places to open, and whatever the engine did shows up here on the next
update (meters glide to their new values, the reply appears in the bubble, the log grows).

Layout, on the 1280x720 grid: the schedule and the buttons along the top; the other meters on
the left, the table with the trust meter in front of it in the centre, the reply and the log on
the right; the offer cards across the bottom with the focused card's details under them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Final

import pygame

from game.draw import theme
from game.draw.assets import Cue
from game.draw.context import UiContext
from game.draw.theme import TextRole, Tone
from game.engine import GameState, MeterRole, Move, OfferKind
from game.engine.describe import capitalise
from game.ui.hints import Focus, next_hint
from game.ui.screen import (
    Action,
    Apply,
    Chain,
    Choice,
    Dialog,
    GameInPlay,
    HowToPlay,
    OfferForms,
    Open,
    PauseMenu,
    PlayMove,
    Pop,
    Saves,
    ShowOutcome,
    SummitLog,
    TakeBack,
    TheirProposal,
)
from game.ui.table import (
    CardStatus,
    TableMode,
    card_detail,
    card_faces,
    log_entries,
    statement_limits,
    their_reply,
    tray_panel,
    trust_need,
)
from game.ui.widgets.adviser import AdviserNote
from game.ui.widgets.base import (
    BLOCKING_MODS,
    Control,
    FocusGroup,
    Handled,
    Shortcut,
    does,
    offer_shortcuts,
)
from game.ui.widgets.buttons import Button, ButtonKind
from game.ui.widgets.drawing import (
    fit_lines,
)
from game.ui.widgets.speech import SpeechBubble, Tail
from game.ui.widgets.table import (
    ActionButton,
    OfferCard,
    PagerCard,
    TableLog,
    Toast,
    Tray,
    draw_accords,
    draw_delegations,
    draw_details,
    draw_meters,
    draw_schedule,
    draw_tray_panel,
    table_meters,
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
LOG_MIN_HEIGHT: Final = 12 * theme.UNIT
TRAY: Final = pygame.Rect(theme.MARGIN_X, TRAY_TOP, theme.CONTENT_WIDTH, TRAY_BOTTOM - TRAY_TOP)
"""The offer cards' tray, or the panel in its place."""
DETAILS: Final = pygame.Rect(
    theme.MARGIN_X, DETAIL_TOP, theme.CONTENT_WIDTH, DETAIL_BOTTOM - DETAIL_TOP
)
"""Where the focused card's (or button's) details go, under the tray."""
THEM: Final = "DPRK delegation"
US: Final = "U.S. delegation"


class SummitScreen:
    """The table. Reads the session; returns moves, undo and the rest as actions."""

    is_overlay: ClassVar[bool] = False

    def __init__(
        self,
        ctx: UiContext,
        session: GameInPlay,
        *,
        hints_seen: set[str] | None = None,
    ) -> None:
        self.ctx = ctx
        self.session = session
        self.hints_seen = hints_seen if hints_seen is not None else set()
        scenario = session.state.scenario
        self.scenario = scenario
        # A scenario without a trust meter shows its first meter in trust's place.
        self._trust_index = scenario.role_index(MeterRole.TRUST) or 0
        self.trust, self.meters = table_meters(session.state, self._trust_index)
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
        self.log = TableLog(
            title="Summit log \u00b7 L", compact=True, on_activate=does(Open(SummitLog()))
        )
        self.note = AdviserNote(on_dismiss=self._dismiss)
        self.undo = ActionButton(
            label="Undo",
            key_hint="U",
            shortcut=Shortcut(pygame.K_u, "U"),
            on_activate=does(Apply(TakeBack())),
        )
        self.save = ActionButton(
            label="Save",
            key_hint="S",
            shortcut=Shortcut(pygame.K_s, "S"),
            on_activate=does(Open(Saves(saving=True))),
        )
        self.help = ActionButton(
            label="Help",
            key_hint="H",
            shortcut=Shortcut(pygame.K_h, "H", pygame.K_F1),
            on_activate=does(Open(HowToPlay())),
        )
        self.menu = ActionButton(label="Menu", key_hint="Esc", on_activate=does(Open(PauseMenu())))
        self.panel_button = Button(
            label="", kind=ButtonKind.PRIMARY, hint="Enter", on_activate=self._panel_action
        )
        self.bubble = SpeechBubble(speaker="", text="", tail=Tail.LEFT, tail_at=0.2)
        self.focus = FocusGroup([])
        self.page = 0
        self._state: GameState | None = None
        self._notice_seen = len(session.notices)
        self.toast = Toast(rect=pygame.Rect(theme.LOGICAL_WIDTH // 2, DETAIL_BOTTOM, 0, 0))
        self._layout_key: object = None
        self._tray = Tray(3, len(self.cards), 1, 84)
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

    def _take_notices(self) -> None:
        notices = self.session.notices
        if len(notices) > self._notice_seen:
            latest = notices[-1]
            self._notice_seen = len(notices)
            self.toast.show(latest.text, latest.tone)

    def _update_cards(self, state: GameState) -> None:
        faces = card_faces(state)
        for card in self.cards:
            face = faces[card.offer_id]
            card.status = face.status
            card.caption = face.caption
            card.caption_tone = face.tone
            card.reason = face.reason
            card.selected = face.selected
            card.enabled = face.status is CardStatus.OPEN

    def _update_bubble(self, state: GameState) -> None:
        reply = their_reply(state, THEM)
        self.bubble.speaker, self.bubble.text, self.bubble.tone = (
            reply.speaker,
            reply.said,
            reply.tone,
        )
        self._why = reply.why

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
        self._layout_tray(ctx)
        # A new text size can page the cards differently: the controls on screen follow.
        self._update_focus()

    def _layout_tray(self, ctx: UiContext) -> None:
        area = TRAY
        self._tray = tray = Tray.fit(ctx, len(self.cards), area)
        self.page = min(self.page, tray.pages - 1)
        for card in self.cards:
            card.rect = pygame.Rect(0, 0, 0, 0)
        visible = self._visible_cards()
        tray.place([*visible, self.pager] if tray.pages > 1 else visible, area)
        self.pager.detail = f"Page {self.page + 1} of {tray.pages} \u00b7 PgDn"
        width = max(self.panel_button.preferred_width(ctx), theme.span(3))
        self.panel_button.rect = pygame.Rect(
            area.right - 3 * theme.UNIT - width,
            area.bottom - 3 * theme.UNIT - theme.CONTROL_HEIGHT,
            width,
            theme.CONTROL_HEIGHT,
        )

    def _visible_cards(self) -> list[OfferCard]:
        start = self.page * self._tray.per_page
        return self.cards[start : start + self._tray.per_page]

    def _mode(self) -> TableMode:
        return TableMode.of(self.state)

    def _update_focus(self) -> None:
        """The controls in Tab order for what is on screen; focus stays where it was."""
        previous = self.focus.focused
        mode = self._mode()
        self._update_note()
        controls: list[Control] = []
        if mode is TableMode.OFFERS:
            controls.extend(self._visible_cards())
            if self._tray.pages > 1:
                controls.append(self.pager)
        else:
            self.panel_button.label = (
                "See how it ended" if mode is TableMode.OVER else "Answer their proposal"
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
        elif mode is not TableMode.OFFERS:
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
        """What picking an offer card does: the forms to choose from, a confirmation, or the
        move itself."""
        offer = self.scenario.offer(offer_id)
        if offer.variants:
            return Open(OfferForms(offer.id))
        move = Move(offer.id)
        if offer.kind is OfferKind.WALK_AWAY:
            return Open(
                _confirm(
                    "Walk away from the table?",
                    (
                        offer.summary,
                        "The summit ends at once; this cannot be taken back in a graded game.",
                    ),
                    "Walk away",
                    move,
                )
            )
        if offer.kind is OfferKind.STATEMENT:
            return Open(
                _confirm(
                    "Put the joint statement forward?",
                    (
                        offer.summary,
                        "If they sign, the summit closes with everything agreed on "
                        "the record. If they refuse, the talks go on.",
                    ),
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
            return Open(TheirProposal())
        return None

    def _open_menu(self) -> Action | None:
        return Open(PauseMenu())

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
                return Open(SummitLog())
            if self._mode() is TableMode.OFFERS:
                picked = self._shortcut(event)
                if picked is not None:
                    return picked.action
                paging = event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP)
                if paging and self._tray.pages > 1 and self.focus.focused is not self.log:
                    self.turn_page(1 if event.key == pygame.K_PAGEDOWN else -1)
                    return None
            if event.key == pygame.K_u and not self.undo.enabled:
                self.toast.show(self.undo.reason, Tone.CAUTION)
                self.ctx.play(Cue.DENIED)
                return None
        if (
            event.type == pygame.MOUSEBUTTONDOWN
            and event.button == 1
            and not self.undo.enabled
            and self.undo.rect.collidepoint(event.pos)
        ):
            self.toast.show(self.undo.reason, Tone.CAUTION)
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
        moving = self.toast.update(dt) or moving
        return moving

    # -- drawing --

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        palette = ctx.palette
        surface.fill(palette.paper)
        right = self.undo.rect.left - 3 * theme.UNIT
        bar = pygame.Rect(theme.MARGIN_X, TOP, right - theme.MARGIN_X, BAR_HEIGHT)
        draw_schedule(surface, ctx, self.scenario.rounds, self.state, bar)
        column = theme.grid_rect(LEFT_COLUMNS[0], LEFT_COLUMNS[1], BAND_TOP, 0)
        draw_meters(surface, ctx, self.scenario, self.meters, column.right)
        area = pygame.Rect(
            column.left, self._accords_top, column.width, BAND_BOTTOM - self._accords_top
        )
        draw_accords(surface, ctx, self.state, area)
        centre = theme.grid_rect(CENTRE_COLUMNS[0], CENTRE_COLUMNS[1], BAND_TOP, 0)
        centre.height = self.trust.rect.top - BAND_TOP
        session = self.session
        seat = ("hot-seat \u00b7 " if session.hotseat else "") + session.mode
        who = US.upper() + (f" \u00b7 {session.player.upper()}" if session.player else "")
        tag = f"{seat} \u00b7 seed {self.state.seed}"
        draw_delegations(surface, ctx, self.state, centre, (THEM.upper(), who, tag))
        self.trust.draw(surface, ctx)
        self.bubble.draw(surface, ctx)
        mode = self._mode()
        if mode is not TableMode.OFFERS:
            text = tray_panel(self.state, can_undo=not self.session.undo_block)
            draw_tray_panel(surface, ctx, TRAY, text)
        draw_details(surface, ctx, *self._detail_text(), DETAILS)
        self.focus.draw(surface, ctx)
        self.toast.draw(surface, ctx)

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

    def _detail_text(self) -> tuple[str, str]:
        """The focused card in full; or the focused button; or the round on the table."""
        focused = self.focus.focused
        state = self.state
        if isinstance(focused, OfferCard):
            key = focused.shortcut.label if focused.shortcut else ""
            offer = self.scenario.offer(focused.offer_id)
            return card_detail(self.scenario, offer, focused.status, focused.reason, key)
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


def _confirm(title: str, body: tuple[str, ...], label: str, move: Move) -> Dialog:
    """'Are you sure?' before a move that ends the summit or may close it."""
    return Dialog(
        title,
        body,
        (
            Choice("Not now", Pop()),
            Choice(label, Chain((Pop(), Apply(PlayMove(move)))), primary=True),
        ),
        kicker="Are you sure?",
        default=0,
    )
