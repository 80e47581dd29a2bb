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

import functools
from typing import ClassVar

import pygame

from game.draw import theme
from game.draw.assets import Cue
from game.draw.context import UiContext
from game.draw.theme import Tone
from game.engine import GameState, MeterGroup, MeterRole, Move
from game.engine.describe import group_of
from game.ui import table_layout as layout
from game.ui.hints import Focus, next_hint
from game.ui.in_play import PlayMove
from game.ui.record import log_entries, their_reply
from game.ui.screen import (
    Action,
    Apply,
    GameInPlay,
    HowToPlay,
    Open,
    PauseMenu,
    Saves,
    ShowOutcome,
    SummitLog,
    TakeBack,
    TheirProposal,
)
from game.ui.table import (
    ANSWER_KEYS,
    BUTTON_DETAILS,
    PENDING_FIRST,
    CardStatus,
    TableMode,
    answer_detail,
    answer_faces,
    card_detail,
    card_faces,
    delegation_names,
    need_words,
    offer_action,
    proposal_detail,
    round_detail,
    statement_limits,
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
    keyed,
    offer_shortcuts,
)
from game.ui.widgets.board import (
    accords_height,
    draw_accords,
    draw_delegations,
    draw_details,
    draw_meters,
    draw_schedule,
    draw_tray_panel,
    seating_area,
)
from game.ui.widgets.buttons import Button, ButtonKind
from game.ui.widgets.meter import Meter
from game.ui.widgets.neighbours import NeighbourStrip, neighbour_meters
from game.ui.widgets.speech import SpeechBubble, Tail
from game.ui.widgets.table import (
    AGAIN,
    ActionButton,
    AnswerCard,
    OfferCard,
    PagerCard,
    TableLog,
    Toast,
    Tray,
    first_to_focus,
    plays_again,
    table_meters,
)


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
        region = group_of(scenario, MeterGroup.REGION)
        self.trust, self.meters = table_meters(session.state, self._trust_index, region)
        self.neighbours = NeighbourStrip(meters=neighbour_meters(session.state, region))
        keys = offer_shortcuts(len(scenario.offers))
        self.cards = [
            OfferCard(
                offer_id=offer.id,
                title=offer.label,
                shortcut=key,
                on_activate=functools.partial(self.choose, offer.id),
            )
            for offer, key in zip(scenario.offers, keys, strict=True)
        ]
        self.answers = [
            AnswerCard(
                offer_id=answer,
                title=answer,
                shortcut=Shortcut(getattr(pygame, f"K_{letter.lower()}"), letter),
                on_activate=does(Apply(PlayMove(Move(answer)))),
            )
            for answer, letter in ANSWER_KEYS.items()
        ]
        self.pager = PagerCard(on_activate=self._next_page)
        self.log = TableLog(
            title="Summit log \u00b7 L", compact=True, on_activate=does(Open(SummitLog()))
        )
        self.note = AdviserNote(on_dismiss=self._dismiss)
        self.undo = ActionButton(
            label="Undo",
            shortcut=Shortcut(pygame.K_u, "U"),
            on_activate=does(Apply(TakeBack())),
        )
        self.save = ActionButton(
            label="Save",
            shortcut=Shortcut(pygame.K_s, "S"),
            on_activate=does(Open(Saves(saving=True))),
        )
        self.help = ActionButton(
            label="Help",
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
        self._played: OfferCard | None = None
        """The card of the move just played, until anything else is done (see :data:`AGAIN`)."""
        self._notice_seen = len(session.notices)
        self.toast = Toast()
        self._layout_key: object = None
        self._tray = Tray(3, len(self.cards), 1, 84)
        self._tray_area = layout.TRAY_ROOM
        self.band_bottom = layout.BAND_BOTTOM
        self._accords = pygame.Rect(0, 0, 0, 0)
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

    def _all_meters(self) -> list[tuple[int, Meter]]:
        return [(self._trust_index, self.trust), *self.meters, *self.neighbours.meters]

    def _refresh(self) -> None:
        """Bring everything on screen in line with the session (after a move, an undo...)."""
        state = self.session.state
        if state is self._state:
            self._take_notices()
            return
        shown = self._state
        self._state = state
        values = state.meters
        # The mark shows what the last move on the record changed; a meter it left alone has
        # none. After a move that is the change from the state shown; after an undo (or on
        # opening a game) it is the change the move now last made, not the undo's own.
        played = shown is not None and len(state.turns) > len(shown.turns)
        if played:
            assert shown is not None
            before: tuple[int, ...] | None = shown.meters
            if self.note.hint is not None:  # it stood through a move: read, not to come back
                self.hints_seen.add(self.note.hint.key)  # (a play-tester closed one each move)
        else:
            before = state.turns[-2].meters if len(state.turns) > 1 else None
        for index, meter in self._all_meters():
            if shown is not None:
                meter.set_value(values[index])
            else:
                meter.value = meter.shown = values[index]
            meter.last_delta = values[index] - before[index] if before else 0
        self._update_cards(state)
        self.log.entries = log_entries(state)
        self._update_bubble(state)
        self._take_notices()
        self._layout_key = None
        self._layout()
        # A card its move has just agreed has nothing left to offer: focus moves on.
        focused = self.focus.focused
        agreed = (
            isinstance(focused, OfferCard)
            and not isinstance(focused, AnswerCard)
            and focused.status is CardStatus.AGREED
        )
        self._update_focus(leave=focused if played and agreed else None)
        if played:
            self._played = None
            # A card of several forms asks anyway, its forms to choose from (wanting another
            # form of a consultation, a play-tester was told to press again).
            if (
                isinstance(focused, OfferCard)
                and not isinstance(focused, AnswerCard)
                and len(self.scenario.offer(focused.offer_id).variants) < 2
            ):
                self._played = focused
        self.log.measure(self.ctx)
        self.log.scroll_to_end(animate=shown is not None)

    def _take_notices(self) -> None:
        notices = self.session.notices
        if len(notices) > self._notice_seen:
            latest = notices[-1]
            self._notice_seen = len(notices)
            self.toast.show(latest.text, latest.tone)

    def _update_cards(self, state: GameState) -> None:
        faces = card_faces(state)
        for card in self.cards:
            card.show(faces[card.offer_id])
        answers = {face.answer: face for face in answer_faces(state)}
        for card in self.answers:
            if card.offer_id in answers:
                card.show_answer(answers[card.offer_id])

    def _update_bubble(self, state: GameState) -> None:
        reply = their_reply(state, state.scenario.sides.counterpart.name)
        bubble = self.bubble
        bubble.speaker, bubble.text, bubble.tone = reply.speaker, reply.said, reply.tone
        bubble.asides = reply.asides
        self._why = reply.why

    # -- layout --

    def _layout(self) -> None:
        settings = self.ctx.settings
        key = (settings.text_size, settings.hints, self.page, self._mode(), self.note.hint)
        if key == self._layout_key:
            return
        self._layout_key = key
        ctx = self.ctx
        # The rows of cards follow the text size alone: a long reply or the adviser's note makes
        # room for itself in the band (a play-tester saw the cards flip between one row and two).
        self._tray = Tray.fit(ctx, len(self.cards), layout.TRAY_ROOM)
        self._tray_area = layout.tray_area(self._tray)
        self.band_bottom = layout.band_bottom(self._tray_area)
        buttons = (self.undo, self.save, self.help, self.menu)
        for button, rect in zip(buttons, layout.top_buttons(len(buttons)), strict=True):
            button.rect = rect
        limits = tuple(statement_limits(self.scenario))
        layout.place_left(ctx, self.meters, limits, self.neighbours, self.band_bottom)
        self.trust.rect = layout.trust_rect(self.band_bottom)
        # Messages and the adviser's note go over the picture of the table, not the schedule; a
        # message veils the note while it shows (a play-tester saw the two garble each other).
        seats = seating_area(self._centre(), accords_height(ctx))
        self.toast.rect = seats
        layout.place_note(ctx, self.note, seats, self.trust.rect.top - theme.UNIT)
        self.toast.veil = self.note.rect if self.note.hint is not None else None
        self.log.rect = layout.place_reply(ctx, self.bubble, self._why, self.band_bottom)
        self._layout_tray(ctx)
        # A new text size can page the cards differently: the controls on screen follow.
        self._update_focus()

    def _centre(self) -> pygame.Rect:
        """The centre of the band: the delegations and the table, down to the trust meter."""
        centre = theme.grid_rect(*layout.CENTRE_COLUMNS, layout.BAND_TOP, 0)
        centre.height = self.trust.rect.top - layout.BAND_TOP
        return centre

    def _layout_tray(self, ctx: UiContext) -> None:
        tray = self._tray
        self.page = min(self.page, tray.pages - 1)
        for card in self.cards:
            card.rect = pygame.Rect(0, 0, 0, 0)
        visible = self._visible_cards() if self._mode() is TableMode.OFFERS else []
        tray.place(
            [*visible, self.pager] if visible and tray.pages > 1 else visible, self._tray_area
        )
        # On the last page there are no more: it turns back to the first.
        self.pager.back = self.page == tray.pages - 1
        self.pager.label = "First offers" if self.pager.back else "More offers"
        self.pager.detail = f"Page {self.page + 1} of {tray.pages} \u00b7 PgDn"
        width = max(self.panel_button.preferred_width(ctx), theme.span(3))
        self.panel_button.rect = layout.panel_button(self._panel_rect(), width)
        layout.place_answers(ctx, self.answers, self._tray_area)

    def _panel_rect(self) -> pygame.Rect:
        """The panel in the tray's place: all of it, or beside (or over) the answers to a
        proposal."""
        if self._mode() is not TableMode.PENDING:
            return self._tray_area
        return layout.proposal_panel(self.ctx, self._tray_area, len(self.answers))

    def _visible_cards(self) -> list[OfferCard]:
        start = self.page * self._tray.per_page
        return self.cards[start : start + self._tray.per_page]

    def _mode(self) -> TableMode:
        return TableMode.of(self.state)

    def _update_focus(self, leave: Control | None = None) -> None:
        """The controls in Tab order for what is on screen; focus stays where it was, unless
        that is ``leave``."""
        previous = self.focus.focused
        if previous is leave:
            previous = None
        mode = self._mode()
        self._update_note()
        controls: list[Control] = []
        if mode is TableMode.OFFERS:
            controls.extend(self._visible_cards())
            if self._tray.pages > 1:
                controls.append(self.pager)
        else:
            self.panel_button.label = (
                "See how it ended" if mode is TableMode.OVER else "Read it in full"
            )
            controls.append(self.panel_button)
            if mode is TableMode.PENDING:
                controls.extend(self.answers)
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
            first: Control | None = first_to_focus(self.scenario, self._visible_cards())
            if first is None and self.pager in controls:
                first = self.pager  # nothing open on this page: Enter turns to the next one
            if first is not None:
                self.focus.focus(first)
        self._layout()

    def _update_note(self) -> None:
        if not self.ctx.settings.hints:
            self.note.hint = None
            return
        focused = self.focus.focused
        focus = Focus()
        if (
            isinstance(focused, OfferCard)
            and not isinstance(focused, AnswerCard)
            and focused.status is CardStatus.LOCKED
        ):
            focus = Focus(focused.offer_id, focused.reason)
        self.note.hint = next_hint(self.state, focus, self.hints_seen)

    # -- actions --

    def choose(self, offer_id: str) -> Action | None:
        """What picking an offer card does: the forms to choose from, a confirmation, or the
        move itself."""
        return offer_action(self.state, offer_id, graded=self.session.who.is_graded)

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

    def _dismiss(self, key: str) -> None:
        self.hints_seen.add(key)
        self._update_focus()

    # -- screen protocol --

    def on_event(self, event: pygame.event.Event) -> Action | None:
        self._refresh()
        if self._played is not None:
            again = plays_again(event, self._played, self.focus.focused)
            if again is not None:
                self._played = None  # asked once, or something else done: the wait is over
            if again:
                self.toast.show(AGAIN, Tone.CAUTION)
                return None
        if event.type == pygame.KEYDOWN and not event.mod & BLOCKING_MODS:
            if event.key == pygame.K_ESCAPE:
                return Open(PauseMenu())
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
            refused = self._refused(event)
            if refused:
                self.toast.show(refused, Tone.CAUTION)
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
        """A card's key; on another page, it turns to the card first and plays nothing (at
        large text a play-tester's key played a card he could not see, nor its figures)."""
        for index, card in enumerate(self.cards):
            if card.shortcut is None or not card.shortcut.matches(event):
                continue
            page = index // max(self._tray.per_page, 1)
            turned = page != self.page
            if turned:
                self.page = page
                self._layout_key = None
                self._layout()
                self._update_focus()
            self.focus.focus(card)
            self._update_focus()
            if turned:
                self.ctx.play(Cue.PAGE)
                return Handled()
            if not card.enabled:
                self.ctx.play(Cue.DENIED)
                return Handled()
            self.ctx.play(Cue.SELECT)
            return Handled(card.activate())
        return None

    def _refused(self, event: pygame.event.Event) -> str:
        """Why a key does nothing now (``""``: it does something): Undo where it is off, or an
        offer's key while their proposal waits (a play-tester pressed T to walk away)."""
        if event.key == pygame.K_u and not self.undo.enabled:
            return self.undo.reason
        if self._mode() is not TableMode.PENDING or keyed(self.answers, event):
            return ""
        return PENDING_FIRST if keyed(self.cards, event) else ""

    def key_for(self, move: Move | None) -> int | None:
        """Enter for the panel's button once the summit is over; the letter of an answer to
        their proposal; otherwise the key on the move's card."""
        if move is None:
            return pygame.K_RETURN
        keys = [*self.answers, *self.cards] if self._mode() is TableMode.PENDING else self.cards
        card = next((c for c in keys if c.offer_id == move.offer), None)
        return None if card is None or card.shortcut is None else card.shortcut.key

    def update(self, dt: float) -> bool:
        self._refresh()
        self._layout()
        self._update_marker()
        moving = self.focus.update(dt)
        for _, meter in self._all_meters():
            moving = meter.update(dt) or moving
        moving = self.log.update(dt) or moving
        moving = self.toast.update(dt) or moving
        return moving

    # -- drawing --

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        palette = ctx.palette
        surface.fill(palette.paper)
        draw_schedule(surface, ctx, self.scenario.rounds, self.state, layout.schedule_bar())
        column = theme.grid_rect(*layout.LEFT_COLUMNS, layout.BAND_TOP, 0)
        draw_meters(surface, ctx, self.scenario, self.meters, column.right)
        self.neighbours.draw(surface, ctx)
        centre = self._centre()
        footer = draw_delegations(
            surface,
            ctx,
            self.state,
            centre,
            delegation_names(self.session),
            footer=accords_height(ctx),
        )
        draw_accords(surface, ctx, self.state, footer)
        self.trust.draw(surface, ctx)
        self.bubble.draw(surface, ctx)
        mode = self._mode()
        if mode is not TableMode.OFFERS:
            text = tray_panel(self.state, can_undo=not self.session.undo_block)
            draw_tray_panel(surface, ctx, self._panel_rect(), text, self.panel_button.rect)
        draw_details(surface, ctx, *self._detail_text(), layout.DETAILS)
        self.focus.draw(surface, ctx)
        self.toast.draw(surface, ctx)

    def _update_marker(self) -> None:
        # Derived from the focused card each frame; the gauge only draws what it is given.
        focused = self.focus.focused
        self.trust.marker = None
        self.trust.marker_label = self.trust.marker_short = ""
        if (
            isinstance(focused, OfferCard)
            and not isinstance(focused, AnswerCard)
            and focused.status is not CardStatus.AGREED
        ):
            need = trust_need(self.state, self.scenario.offer(focused.offer_id), self._trust_index)
            if need is not None:
                about = need_words(*need, self.scenario.meters[self._trust_index].minimum)
                self.trust.marker = need[0]
                self.trust.marker_label = f"{focused.title}: {about}"
                short = about.removeprefix("they need ")
                # "Security assurances: none" read as if the card had nothing (a play-tester).
                short = "none needed" if short == "none" else short
                self.trust.marker_short = f"{focused.title}: {short}"

    def _detail_text(self) -> tuple[str, str]:
        """The focused card in full; or the focused button; or the round on the table."""
        focused = self.focus.focused
        state = self.state
        if isinstance(focused, AnswerCard) and focused.face is not None:
            return answer_detail(state, focused.face)
        if isinstance(focused, OfferCard):
            key = focused.shortcut.label if focused.shortcut else ""
            offer = self.scenario.offer(focused.offer_id)
            return card_detail(state, offer, focused.status, focused.reason, key)
        if focused is self.undo:
            return "Undo \u00b7 U", self.session.undo_block or "Take back your last move."
        if focused is self.panel_button and state.pending is not None and not state.is_over:
            return proposal_detail(state)
        named = (
            (self.save, "save"),
            (self.help, "help"),
            (self.menu, "menu"),
            (self.log, "log"),
            (self.pager, "pager_back" if self.pager.back else "pager"),
            (self.note, "note"),
        )
        return next((BUTTON_DETAILS[n] for c, n in named if focused is c), round_detail(state))
