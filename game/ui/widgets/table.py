"""The summit table's own widgets: the offer cards (and when a second press on the card just
played makes its offer again), the answers to a proposal of theirs, the pager, the trust gauge,
the top bar's buttons, the log that opens in full, the toast, and the layout of the tray of
cards. What is only drawn across the table is in :mod:`game.ui.widgets.board`."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import ClassVar, Final

import attrs
import pygame

from game.draw import theme
from game.draw.blending import blit_faded
from game.draw.context import UiContext
from game.draw.theme import Colour, TextRole, Tone
from game.engine import GameState, Scenario
from game.engine.describe import capitalise
from game.ui.table import (
    AnswerFace,
    CardFace,
    CardStatus,
    stance_ticks,
    statement_limits,
    walkout_floors,
)
from game.ui.widgets.base import BLOCKING_MODS, Control, Handled, Widget
from game.ui.widgets.buttons import Button
from game.ui.widgets.drawing import (
    Snapshot,
    blit_clipped,
    draw_badge,
    draw_focus_ring,
    draw_lock,
    fit_lines,
    fit_text,
)
from game.ui.widgets.log import LogPanel
from game.ui.widgets.meter import DELTA_ARROW, Meter

CARD_PAD: Final = theme.UNIT
"""Inner margin of an offer card."""
CARD_COLUMNS: Final = 5
CARD_GAP_X: Final = 2 * theme.UNIT
CARD_GAP_Y: Final = theme.UNIT
TOAST_SECONDS: Final = 3.2
TOAST_FADE: Final = 0.5
TOAST_HEIGHT: Final = 5 * theme.UNIT
"""The toast's height on one line: its ends are round."""
TOAST_LINES: Final = 3
"""A longer message wraps to this many lines, then is cut."""


AGAIN: Final = "Just offered: press again to make it once more, at a cost."
"""What the first Enter, Space or click on the card just played says, instead of playing it: a
key pressed twice in haste made the same offer again, which costs (a play-test did it)."""
_ACTIVATE_KEYS: Final = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)


def plays_again(event: pygame.event.Event, card: Control, focused: Control | None) -> bool | None:
    """How ``event`` stands to ``card``, the card of the move just played: True for Enter,
    Space or a click that would play it again; False for any other key or click (which ends
    the wait for it); None for anything else (a pointer moving, a key let go)."""
    if event.type == pygame.KEYDOWN:
        return focused is card and not event.mod & BLOCKING_MODS and event.key in _ACTIVATE_KEYS
    if event.type == pygame.MOUSEBUTTONDOWN:
        return event.button == 1 and card.rect.collidepoint(event.pos)
    return None


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

    FOCUS_WHEN_DISABLED: ClassVar[bool] = True
    """A locked card says why in the details line (and the adviser's note) when in focus."""

    _drawn: Snapshot = attrs.field(factory=Snapshot, init=False)
    """The card as last painted: it repaints only when something it shows changed."""

    def show(self, face: CardFace) -> None:
        """Show what the offer's card face says now (see :func:`game.ui.table.card_faces`)."""
        self.status = face.status
        self.caption = face.caption
        self.caption_tone = face.tone
        self.reason = face.reason
        self.selected = face.selected
        self.enabled = face.status is CardStatus.OPEN

    def draw(self, surface: pygame.Surface, ctx: UiContext) -> None:
        if self.rect.width < 4 * CARD_PAD:
            return  # not on the page of cards shown
        key = (
            ctx.settings,
            self.title,
            self.caption,
            self.caption_tone,
            self.status,
            self.selected,
            self.hovered,
            self.focused,
            self.shortcut,
        )
        self._drawn.blit(surface, self.rect, key, lambda image: self._paint(image, ctx))
        if self.focused:
            draw_focus_ring(surface, ctx, self.rect)

    def _paint(self, surface: pygame.Surface, ctx: UiContext) -> None:
        """The card on ``surface``, a transparent surface of the card's size."""
        palette = ctx.palette
        rect = surface.get_rect()
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


def first_to_focus(scenario: Scenario, cards: Sequence[OfferCard]) -> OfferCard | None:
    """The card focus goes to when it must move (a page turned, the card in focus agreed): the
    first open one, but not one the essay calls counterproductive while another is open, where
    a stray Enter would play it (a play-tester found focus on "Demand the big deal")."""
    open_cards = [card for card in cards if card.enabled]
    harmless = (c for c in open_cards if not scenario.offer(c.offer_id).counterproductive)
    return next(harmless, open_cards[0] if open_cards else None)


@attrs.define(kw_only=True, eq=False)
class AnswerCard(OfferCard):
    """An answer to the proposal on the table: accept, reject, or amend with a named offer.
    ``offer_id`` holds the answer (``accept``, ``reject`` or ``amend``)."""

    face: AnswerFace | None = None

    def show_answer(self, face: AnswerFace) -> None:
        """Show the answer as it stands now (see :func:`game.ui.table.answer_faces`)."""
        self.face = face
        self.title = face.title
        self.caption = face.caption
        self.status = CardStatus.OPEN if face.available else CardStatus.LOCKED
        self.reason = face.reason
        self.enabled = face.available

    @staticmethod
    def height_for(ctx: UiContext) -> int:
        """The height an answer card needs: a title line and a caption line."""
        label = ctx.line_height(TextRole.LABEL)
        return 2 * CARD_PAD + max(28, label) + 2 + ctx.line_height(TextRole.CAPTION)


def draw_check(surface: pygame.Surface, colour: Colour, center: tuple[int, int]) -> None:
    """A check mark drawn from lines (glyphs differ between fonts)."""
    x, y = center
    pygame.draw.lines(surface, colour, False, [(x - 5, y), (x - 1, y + 4), (x + 6, y - 4)], 3)


@attrs.define(kw_only=True, eq=False)
class PagerCard(Control):
    """The last slot of a page of cards when they do not all fit: turns to the next page, or
    from the last page back to the first."""

    label: str = "More offers"
    detail: str = ""
    back: bool = False
    """True on the last page, where it turns back to the first: its arrow points back."""

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
        words = f"\u2039 {self.label}" if self.back else f"{self.label} \u203a"
        title = ctx.text(TextRole.LABEL, words, palette.ink)
        surface.blit(title, title.get_rect(midleft=(rect.left + CARD_PAD + 4, rect.centery - 10)))
        note = ctx.text(TextRole.CAPTION, self.detail, palette.ink_soft)
        surface.blit(note, note.get_rect(midleft=(rect.left + CARD_PAD + 4, rect.centery + 12)))
        if self.focused:
            draw_focus_ring(surface, ctx, rect)


@attrs.define(kw_only=True, eq=False)
class TableLog(LogPanel):
    """The log on the table: Enter or a click opens the whole log."""

    def on_click(self, pos: tuple[int, int]) -> Handled:
        del pos
        return Handled(self.activate())


@attrs.define(kw_only=True, eq=False)
class TrustGauge(Meter):
    """The trust meter drawn wide: the number large, the bar beside it, and the thresholds where
    the other side warms to each next stance marked under the bar."""

    ticks: tuple[tuple[int, str], ...] = ()
    marker_short: str = ""
    """The marker's label when ``marker_label`` does not fit: ``Security assurances: about
    25-29``; cut in the offer's name if need be, never in the figure after the last colon."""

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
            room = self.note_room(ctx)
            said = self.marker_label
            if self.marker_short and ctx.text_width(TextRole.CAPTION, said) > room:
                said = self.marker_short
            if ctx.text_width(TextRole.CAPTION, said) > room:
                said = _cut_name(ctx, said, room)
            note = ctx.text(TextRole.CAPTION, said, palette.ink)
            surface.blit(note, note.get_rect(topright=(rect.right, rect.top - 2)))
        figure_colour = palette.alarm if self.is_alarming else palette.ink
        figure = ctx.text(TextRole.FIGURE, str(round(self.shown)), figure_colour)
        fy = rect.top + label.get_height()
        surface.blit(figure, (rect.left - 3, fy))
        ascent = ctx.font(TextRole.FIGURE).get_ascent()
        bar_left = rect.left + ctx.text_width(TextRole.FIGURE, "100") + 2 * theme.UNIT
        bar = pygame.Rect(bar_left, fy + ascent // 2 - 6, rect.right - bar_left, 18)
        self._bar(surface, ctx, bar)
        # The stances' names under their ticks, in smaller type when they do not all fit (at
        # large text the last one was dropped: a play-tester never saw "cooperative").
        for role in (TextRole.CAPTION, TextRole.FINE_PRINT):
            placed = self._tick_names(ctx, bar, role)
            if len(placed) == len(self.ticks):
                break
        for tx in (bar.left + round(bar.width * self.fraction(v)) for v, _ in self.ticks):
            pygame.draw.line(surface, palette.ink_soft, (tx, bar.bottom + 2), (tx, bar.bottom + 6))
        for text, spot in placed:
            surface.blit(text, spot)

    def note_room(self, ctx: UiContext) -> int:
        """The width the marker's note has, right of the label and its last change with a
        clear gap: "TRUST ▲10 Embassies: they need about 65" ran together (a play-tester)."""
        label = ctx.text_width(TextRole.KICKER, self.label.upper())
        delta = 0
        if self.last_delta:
            delta = DELTA_ARROW + ctx.text_width(TextRole.LABEL, str(abs(self.last_delta)))
        return self.rect.width - label - theme.UNIT - delta - 3 * theme.UNIT

    def _tick_names(
        self, ctx: UiContext, bar: pygame.Rect, role: TextRole
    ) -> list[tuple[pygame.Surface, pygame.Rect]]:
        """Where the stances' names go under the bar in ``role``: crowded names slide right
        while they still sit by their own tick; else the tick stands alone (the stance's name
        is in their row above the table)."""
        placed = []
        last_right = -10_000
        for value, name in self.ticks:
            tx = bar.left + round(bar.width * self.fraction(value))
            text = ctx.text(role, name, ctx.palette.ink_soft)
            spot = text.get_rect(midtop=(tx, bar.bottom + 6))
            spot.right = min(spot.right, self.rect.right)
            spot.left = max(spot.left, last_right + 5)
            if spot.left <= tx + 12 and spot.right <= self.rect.right:
                placed.append((text, spot))
                last_right = spot.right
        return placed


def _cut_name(ctx: UiContext, said: str, room: int) -> str:
    """``Security assurances: about 25-29`` fitted to ``room``: the offer's name cut short,
    never the figure (nor the name dropped: a figure alone does not say what it is for); the
    figure alone after the name's start when even that is too long."""
    name, colon, need = said.rpartition(": ")
    if not name:
        return fit_text(ctx, TextRole.CAPTION, said, room)
    for tail in (colon + need, colon + need.split()[-1]):
        room_left = room - ctx.text_width(TextRole.CAPTION, tail)
        cut = fit_text(ctx, TextRole.CAPTION, name, room_left, within_a_word=False)
        if cut != "\u2026":
            return cut + tail
    return fit_text(ctx, TextRole.CAPTION, said, room)


@attrs.define(kw_only=True, eq=False)
class ActionButton(Button):
    """A top-bar button: its label with its key beside it (the key dropped when space is short),
    and, when disabled and in focus, its reason in the details line rather than over the bar."""

    key_hint: str = ""
    """The key shown beside the label (``""``: its shortcut's, if any)."""

    FOCUS_WHEN_DISABLED: ClassVar[bool] = True
    """Undo in a graded game says why in the details line when in focus."""

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
        key = self.key_hint or (self.shortcut.label if self.shortcut is not None else "")
        hint = ctx.text(TextRole.CAPTION, key, soft) if key else None
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


@attrs.define(kw_only=True, eq=False)
class Toast(Widget):
    """A short message (saved, undo refused...) that fades out after a few seconds: a pill
    centred in its rectangle and no wider, the message on up to three lines where one is too
    long (on two, a kept game's name was cut at large text). The table gives it the picture of
    the table itself, where it covers nothing a player reads."""

    text: str = ""
    tone: Tone = Tone.NEUTRAL
    left: float = 0.0
    """Seconds until it is gone."""
    veil: pygame.Rect | None = None
    """What it hides while it shows, fading with it: the adviser's note, where the message
    lies over it (the two garbled each other, a play-tester)."""

    @property
    def is_showing(self) -> bool:
        """True while the message is on screen."""
        return self.left > 0

    def show(self, text: str, tone: Tone = Tone.NEUTRAL) -> None:
        """Show ``text`` for a few seconds."""
        self.text, self.tone, self.left = text, tone, TOAST_SECONDS

    def update(self, dt: float) -> bool:
        if not self.is_showing:
            return False
        self.left -= dt
        # True on the frame it ends too: that frame must be drawn without it.
        return True

    def _image(self, ctx: UiContext) -> pygame.Surface:
        room = self.rect.width - 6 * theme.UNIT
        lines = TOAST_LINES * ctx.line_height(TextRole.LABEL)
        text = fit_lines(ctx, TextRole.LABEL, self.text, room, lines)
        return ctx.text(TextRole.LABEL, text, ctx.palette.on_navy, wrap=max(room, 1))

    def box(self, ctx: UiContext) -> pygame.Rect:
        """Where the message is drawn."""
        image = self._image(ctx).get_rect()
        box = image.inflate(6 * theme.UNIT, 2 * theme.UNIT)
        box.height = max(box.height, TOAST_HEIGHT)
        box.center = self.rect.center
        return box

    def draw(self, surface: pygame.Surface, ctx: UiContext) -> None:
        if not self.is_showing:
            return
        palette = ctx.palette
        fade = min(1.0, self.left / TOAST_FADE)
        if self.veil is not None and self.veil.width and self.veil.height:
            veil = pygame.Surface(self.veil.size)
            veil.fill(palette.paper)
            blit_faded(surface, veil, self.veil, fade)
        image = self._image(ctx)
        box = self.box(ctx)
        toast = pygame.Surface(box.size, pygame.SRCALPHA)
        radius = TOAST_HEIGHT // 2
        pygame.draw.rect(toast, (*palette.navy_deep, 255), toast.get_rect(), border_radius=radius)
        if self.tone is not Tone.NEUTRAL:
            centre = (3 * theme.UNIT - 8, box.height // 2)
            pygame.draw.circle(toast, palette.tone(self.tone), centre, 5)
        toast.blit(image, image.get_rect(center=(box.width // 2 + 4, box.height // 2)))
        blit_faded(surface, toast, box, fade)


@attrs.frozen
class Tray:
    """How the offer cards are laid out at the current text size: in rows of five, paged when
    they do not all fit (the last slot of a page then turns it)."""

    rows: int
    per_page: int
    pages: int
    card_height: int

    @classmethod
    def fit(cls, ctx: UiContext, count: int, area: pygame.Rect) -> Tray:
        """The layout of ``count`` cards in ``area`` at the context's text size."""
        label = ctx.line_height(TextRole.LABEL)
        caption = ctx.line_height(TextRole.CAPTION)
        card_h = 2 * CARD_PAD + max(28, 2 * label) + 2 + caption
        # A few pixels of slack: rows may close up a little rather than spill onto a second page.
        rows = max(1, (area.height + CARD_GAP_Y + 6) // (card_h + CARD_GAP_Y))
        slots = rows * CARD_COLUMNS
        if count <= slots:
            return cls(rows, count, 1, card_h)
        per_page = slots - 1
        return cls(rows, per_page, math.ceil(count / per_page), card_h)

    def place(self, controls: Sequence[Control], area: pygame.Rect) -> None:
        """Put ``controls`` (a page of cards, then the pager if any) in their slots."""
        # Rows share the tray's height so the last row sits on the tray's bottom edge.
        pitch_y = (area.height + CARD_GAP_Y) / self.rows
        card_h = min(round(pitch_y) - CARD_GAP_Y, self.card_height + 12)
        total = area.width + CARD_GAP_X
        for slot, control in enumerate(controls):
            row, column = divmod(slot, CARD_COLUMNS)
            left = area.left + round(column * total / CARD_COLUMNS)
            right = area.left + round((column + 1) * total / CARD_COLUMNS) - CARD_GAP_X
            top = area.top + round(row * pitch_y)
            control.rect = pygame.Rect(left, top, right - left, card_h)


def table_meters(
    state: GameState, trust: int, apart: Sequence[int] = ()
) -> tuple[TrustGauge, list[tuple[int, Meter]]]:
    """The trust gauge (meter ``trust``) and the other meters with their indices (but those
    shown ``apart``: the neighbours), each marked with the limit a joint statement needs and
    warning near the walkout floor."""
    scenario = state.scenario
    limits = statement_limits(scenario)
    floors = walkout_floors(scenario)
    spec = scenario.meters[trust]
    gauge = TrustGauge(
        label=capitalise(spec.label),
        value=state.meters[trust],
        lo=spec.minimum,
        hi=spec.maximum,
        hero=True,
        ticks=stance_ticks(scenario, trust),
    )
    meters: list[tuple[int, Meter]] = []
    for index, spec in enumerate(scenario.meters):
        if index == trust or index in apart:
            continue
        # Red once past the statement's limit ("above 75: no statement"), not at it: a
        # play-tester read red at 75, where a statement can still be signed.
        limit = limits.get(index)
        alarm: int | None = None if limit is None else limit + 1
        if index in floors:
            alarm = floors[index] + 15
        meter = Meter.from_spec(spec, state.meters[index], alarm_at=alarm, marker=limits.get(index))
        meters.append((index, meter))
    return gauge, meters
