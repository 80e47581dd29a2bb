"""Where everything goes on the summit table, on the 1280x720 grid: the top bar, the band of
meters, table and reply, the tray of cards (or the proposal on the table and its answers, or the
end of the summit) and the details line under it. Geometry only: the table screen places its
widgets with these.

The table is the densest screen, so it runs closer to the window's edges vertically than the
other screens; horizontally it keeps the grid's margins and columns. The band ends where the
tray begins; the tray takes only the rows of cards the text size lets it show, and the band
gets the rest. Nothing else moves them: a long reply or the adviser's note makes room for itself
inside the band (a play-tester saw the cards flip between one row and two from move to move).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import attrs
import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import TextRole
from game.ui.widgets.adviser import AdviserNote
from game.ui.widgets.drawing import fit_lines
from game.ui.widgets.meter import Meter
from game.ui.widgets.neighbours import NeighbourStrip
from game.ui.widgets.speech import SpeechBubble
from game.ui.widgets.table import CARD_GAP_Y, AnswerCard, Tray

TOP: Final = 12
BAR_HEIGHT: Final = 5 * theme.UNIT
BAND_TOP: Final = TOP + BAR_HEIGHT + theme.UNIT
BAND_BOTTOM: Final = 42 * theme.UNIT
"""Where the band ends at the least: the tray's rows never push it higher."""
TRAY_TOP: Final = BAND_BOTTOM + 3 * theme.UNIT // 2
TRAY_BOTTOM: Final = 628
DETAIL_TOP: Final = TRAY_BOTTOM + 2 * theme.UNIT
DETAIL_BOTTOM: Final = theme.LOGICAL_HEIGHT - 12
GAUGE_HEIGHT: Final = 10 * theme.UNIT
BUTTON_WIDTH: Final = 80
LEFT_COLUMNS: Final = (0, 3)
CENTRE_COLUMNS: Final = (3, 4)
RIGHT_COLUMNS: Final = (7, 5)
PANEL_COLUMNS: Final = 7
"""Columns of the tray the proposal on the table takes; its answer cards take the rest."""
LOG_LINES: Final = 2
"""The lines of its newest entry the log on the table always keeps (play-testers saw its title
over an empty strip, its round's heading alone, or one line cut mid-sentence)."""
METER_GAP: Final = 5
TRAY_ROOM: Final = pygame.Rect(
    theme.MARGIN_X, TRAY_TOP, theme.CONTENT_WIDTH, TRAY_BOTTOM - TRAY_TOP
)
"""The most room the tray can have: from where the band ends at the least."""
DETAILS: Final = pygame.Rect(
    theme.MARGIN_X, DETAIL_TOP, theme.CONTENT_WIDTH, DETAIL_BOTTOM - DETAIL_TOP
)
"""Where the focused card's (or button's) details go, under the tray."""
WHOLE: Final = " (The whole reason is in the log: L.)"
"""Ends a reason the bubble has no room for in full."""


def tray_area(tray: Tray) -> pygame.Rect:
    """The tray for ``tray``'s rows of cards: as tall as they need, ending where it always
    ends."""
    needed = tray.rows * tray.card_height + (tray.rows - 1) * CARD_GAP_Y
    top = max(TRAY_TOP, TRAY_BOTTOM - needed)
    return pygame.Rect(theme.MARGIN_X, top, theme.CONTENT_WIDTH, TRAY_BOTTOM - top)


def band_bottom(tray: pygame.Rect) -> int:
    """Where the band ends over a tray placed at ``tray``."""
    return tray.top - (TRAY_TOP - BAND_BOTTOM)


def schedule_bar(buttons: int = 4) -> pygame.Rect:
    """The schedule's bar along the top, left of the top bar's ``buttons``."""
    right = top_buttons(buttons)[0].left - 3 * theme.UNIT
    return pygame.Rect(theme.MARGIN_X, TOP, right - theme.MARGIN_X, BAR_HEIGHT)


def top_buttons(count: int) -> list[pygame.Rect]:
    """Where the top bar's ``count`` buttons go: right-aligned on the grid, all as wide."""
    right = theme.column_x(theme.COLUMNS)
    return [
        pygame.Rect(
            right - (count - i) * BUTTON_WIDTH - (count - 1 - i) * theme.UNIT,
            TOP,
            BUTTON_WIDTH,
            BAR_HEIGHT,
        )
        for i in range(count)
    ]


def place_left(
    ctx: UiContext,
    meters: Sequence[tuple[int, Meter]],
    limits: Sequence[int],
    neighbours: NeighbourStrip,
    bottom: int,
) -> None:
    """The talks meters down the left, each with a line under its bar for the limit it may
    carry (``limits``: the meters that have one); the neighbours under them, down to
    ``bottom``."""
    left = theme.column_x(LEFT_COLUMNS[0])
    width = theme.span(LEFT_COLUMNS[1])
    y = BAND_TOP
    meter_h = ctx.line_height(TextRole.LABEL) + 13
    for index, meter in meters:
        meter.rect = pygame.Rect(left, y, width, meter_h)
        y += meter_h + (ctx.line_height(TextRole.CAPTION) + 2 if index in limits else 0)
        y += METER_GAP
    neighbours.place(ctx, pygame.Rect(left, y, width, bottom - y))


def trust_rect(bottom: int) -> pygame.Rect:
    """The trust gauge, in front of the table, on the band's bottom."""
    centre = theme.grid_rect(CENTRE_COLUMNS[0], CENTRE_COLUMNS[1], 0, 0)
    return pygame.Rect(centre.left, bottom - GAUGE_HEIGHT, centre.width, GAUGE_HEIGHT)


def right_column() -> pygame.Rect:
    """The right-hand column of the band (its top; no height)."""
    return theme.grid_rect(RIGHT_COLUMNS[0], RIGHT_COLUMNS[1], BAND_TOP, 0)


def log_min_height(ctx: UiContext) -> int:
    """The least height of the log, at this text size: the compact log panel's title and rule,
    room for the newest entry's first :data:`LOG_LINES` lines, or its round's heading and its
    first line, and the gap under them (see :meth:`~game.ui.widgets.log.LogPanel.body_rect`)."""
    head = ctx.line_height(TextRole.KICKER) + 2 * theme.UNIT
    caption = ctx.line_height(TextRole.CAPTION)
    lines = max(LOG_LINES * caption, ctx.line_height(TextRole.KICKER) + caption)
    return head + lines + theme.UNIT


@attrs.frozen
class Spacing:
    """The room around the parts of the right-hand column."""

    pad: int
    """Above and below the words inside the reply's bubble."""
    gap: int
    """Between the reply and the log."""


ROOMY: Final = Spacing(12, theme.UNIT)
TIGHT: Final = Spacing(8, theme.UNIT // 2)
"""The spacing that gives way first when the column is short of room."""


def place_reply(ctx: UiContext, bubble: SpeechBubble, why: str, bottom: int) -> pygame.Rect:
    """Put the reply at the top of the right-hand column, giving it the reason ``why`` as whole
    as room allows, and return where the log goes under it, down to ``bottom``.

    The log keeps its title and at least the newest entry's first lines
    (:func:`log_min_height`; it opens in full with L). Short of room, the spacing tightens
    first, then the reason gives way, and says where it is whole: the log never does (a
    play-tester saw it squeezed to its round's heading alone, or one line cut mid-sentence).
    The reply makes room inside the column and never takes it from the cards."""
    width = right_column().width - 14
    log = log_min_height(ctx)
    bubble.why = why
    for spacing in (ROOMY, TIGHT):
        bubble.pad_y = spacing.pad
        room = bottom - BAND_TOP - spacing.gap - log
        if bubble.measure(ctx, width) <= room:
            return _reply_column(bubble, bubble.measure(ctx, width), bottom, spacing.gap)
    gap = TIGHT.gap
    room = bottom - BAND_TOP - gap - log
    if why:
        bubble.why = ""
        space = room - bubble.measure(ctx, width) - theme.UNIT
        inner = bubble.inner_width(width)
        bubble.why = fit_lines(ctx, TextRole.CAPTION_ITALIC, why + WHOLE, inner, space)
        if not bubble.why.endswith(WHOLE):
            line = ctx.line_height(TextRole.CAPTION_ITALIC)
            bubble.why = fit_lines(ctx, TextRole.CAPTION_ITALIC, why, inner, space - line) + WHOLE
    height = min(bubble.measure(ctx, width), room)
    return _reply_column(bubble, height, bottom, gap)


def _reply_column(bubble: SpeechBubble, height: int, bottom: int, gap: int) -> pygame.Rect:
    """The reply ``height`` high at the top of the column; the log's place under it."""
    side = right_column()
    bubble.rect = pygame.Rect(side.left + 14, BAND_TOP, side.width - 14, height)
    top = bubble.rect.bottom + gap
    return pygame.Rect(side.left, top, side.width, bottom - top)


def place_note(ctx: UiContext, note: AdviserNote, seats: pygame.Rect, bottom: int) -> None:
    """The adviser's note over the picture of the table (``seats``), whole: all of the picture,
    or as tall as its hint needs, down over the accords' line under the picture if it must,
    never past ``bottom`` (the trust gauge's top). It used to share the right-hand column with
    the reply and the log, and there it was cut ("they remember how Libya and...") or took a
    row of cards away."""
    height = min(max(note.height_for(ctx, seats.width), seats.height), bottom - seats.top)
    note.rect = pygame.Rect(seats.left, seats.top, seats.width, height if note.hint else 0)


def answers_stacked(ctx: UiContext, area: pygame.Rect, count: int) -> bool:
    """True when the answers to a proposal fit one above the other beside it."""
    needed = count * AnswerCard.height_for(ctx) + (count - 1) * CARD_GAP_Y
    return area.height >= needed


def _beside_in_a_row(ctx: UiContext, area: pygame.Rect, count: int) -> bool:
    """True when the tray is too short for the answers above or under the proposal's panel
    (large text with the adviser's note): the panel and the answers share one row."""
    if answers_stacked(ctx, area, count):
        return False
    under = area.height - AnswerCard.height_for(ctx) - CARD_GAP_Y
    return under < theme.CONTROL_HEIGHT + 6 * theme.UNIT


def place_answers(ctx: UiContext, answers: Sequence[AnswerCard], area: pygame.Rect) -> None:
    """The answers to their proposal beside it, one above the other; or, when the tray is too
    short for that, side by side under it; or, shorter still, side by side beside it."""
    count = len(answers)
    left = theme.column_x(PANEL_COLUMNS)
    if answers_stacked(ctx, area, count):
        pitch = (area.height + CARD_GAP_Y) / count
        for i, card in enumerate(answers):
            top = area.top + round(i * pitch)
            card.rect = pygame.Rect(left, top, area.right - left, round(pitch) - CARD_GAP_Y)
        return
    row = _beside_in_a_row(ctx, area, count)
    start = left if row else area.left
    card_h = area.height if row else AnswerCard.height_for(ctx)
    pitch = (area.right - start + CARD_GAP_Y) / count
    for i, card in enumerate(answers):
        x = start + round(i * pitch)
        card.rect = pygame.Rect(x, area.bottom - card_h, round(pitch) - CARD_GAP_Y, card_h)


def proposal_panel(ctx: UiContext, area: pygame.Rect, answers: int) -> pygame.Rect:
    """The panel with the proposal on the table: beside its answers, or over them."""
    if answers_stacked(ctx, area, answers) or _beside_in_a_row(ctx, area, answers):
        return pygame.Rect(area.left, area.top, theme.span(PANEL_COLUMNS), area.height)
    height = area.height - AnswerCard.height_for(ctx) - CARD_GAP_Y
    return pygame.Rect(area.left, area.top, area.width, height)


def panel_button(panel: pygame.Rect, width: int) -> pygame.Rect:
    """The panel's button, in its bottom right corner."""
    return pygame.Rect(
        panel.right - 3 * theme.UNIT - width,
        panel.bottom - 3 * theme.UNIT - theme.CONTROL_HEIGHT,
        width,
        theme.CONTROL_HEIGHT,
    )
