"""Choices and what they cost: a choice row (badge, title, description, and its changes as
chips, :mod:`game.ui.widgets.chips`), and the modal panel of choices the variant picker, the
counter-offer dialog and the event pop-up are built on.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import ClassVar, Final

import attrs
import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import Colour, TextRole, Tone
from game.ui.screen import Action, Pop
from game.ui.widgets.base import Control, FocusGroup
from game.ui.widgets.buttons import Button
from game.ui.widgets.chips import Part, chip_height, chips_height, draw_chips, flow_chips
from game.ui.widgets.drawing import (
    draw_badge,
    draw_focus_ring,
    draw_modal_frame,
    fit_lines,
    fit_text,
)
from game.ui.widgets.page import FocusScreen, place_buttons_right

DIALOG_COLUMNS: Final = 8
"""Width of a dialog of choices, in grid columns."""
PAD: Final = 4 * theme.UNIT
SCREEN_PAD: Final = 3 * theme.UNIT
ADVISER: Final = "YOUR ADVISER"
"""The heading over the adviser's note in a dialog."""
_POP: Final = Pop()


SIDE_WIDER: Final = 2
"""The columns the side column may take from the choices before its type is set smaller."""


@attrs.define(kw_only=True, eq=False)
class ChoiceRow(Control):
    """One choice in a dialog: key badge, title (and a tag), a description and its costs."""

    title: str
    body: str = ""
    detail: str = ""
    """More of the description, after ``body``: the first thing to go when room is short."""
    brief: bool = False
    """True when the dialog is short of room: ``detail`` is left out."""
    parts: Sequence[Part] = ()
    brief_parts: Sequence[Part] | None = None
    """What the row shows of its costs when it is brief (None: ``parts``), e.g. one sum for
    "Proposing it" and "If accepted", which takes fewer chips."""
    tag: str = ""
    """A short note beside the title, e.g. "the rules' choice"."""
    tag_tone: Tone = Tone.NEUTRAL

    PAD: ClassVar[int] = 2 * theme.UNIT

    def _text_left(self) -> int:
        return self.rect.left + self.PAD + 28 + 2 * theme.UNIT

    @property
    def shown_parts(self) -> Sequence[Part]:
        """The costs as shown: the brief ones when the row is brief and has them."""
        return self.brief_parts if self.brief and self.brief_parts is not None else self.parts

    @property
    def text(self) -> str:
        """The description as shown: the body, and the detail unless the row is brief."""
        if self.detail and not self.brief:
            return f"{self.body} {self.detail}".strip()
        return self.body

    def inner_width(self, width: int) -> int:
        """Width of the row's text in a row ``width`` wide."""
        return width - (self.PAD + 28 + 2 * theme.UNIT) - self.PAD

    def _title(self, ctx: UiContext, inner: int, colour: Colour) -> tuple[pygame.Surface, bool]:
        """The title, and whether the tag stands beside it: there the title is cut to one line
        in the room the tag leaves; where the title would be cut and the costs' last line has
        room for the tag, the tag goes there instead and the title is whole, on as many lines
        as it takes (at large text "Counter: table “Yongbyon..." hid which proposal the rules
        would table; a play-tester)."""
        room = inner
        if self.tag:
            room -= ctx.text_width(TextRole.KICKER, self.tag.upper()) + 2 * theme.UNIT
            if ctx.text_width(TextRole.LABEL, self.title) > room and self.shown_parts:
                rects, _ = flow_chips(ctx, self.shown_parts, pygame.Rect(0, 0, inner, 0))
                if rects[-1].right <= room:
                    return ctx.text(TextRole.LABEL, self.title, colour, wrap=inner), False
        cut = fit_text(ctx, TextRole.LABEL, self.title, room)
        return ctx.text(TextRole.LABEL, cut, colour), bool(self.tag)

    def height_for(self, ctx: UiContext, width: int) -> int:
        """Height the row needs at ``width``."""
        inner = self.inner_width(width)
        title, _ = self._title(ctx, inner, (0, 0, 0))
        height = self.PAD + max(title.get_height(), ctx.line_height(TextRole.LABEL))
        if self.text:
            height += 2 + ctx.text(TextRole.CAPTION, self.text, (0, 0, 0), wrap=inner).get_height()
        if self.shown_parts:
            height += theme.UNIT + chips_height(ctx, self.shown_parts, inner)
        return height + self.PAD

    def draw(self, surface: pygame.Surface, ctx: UiContext) -> None:
        palette = ctx.palette
        rect = self.rect
        active = self.focused or self.hovered
        fill = palette.surface_hover if active and self.enabled else palette.surface
        pygame.draw.rect(surface, fill, rect, border_radius=theme.RADIUS)
        edge = palette.ink_soft if active else palette.rule
        pygame.draw.rect(surface, edge, rect, width=1, border_radius=theme.RADIUS)
        label = self.shortcut.label if self.shortcut is not None else ""
        draw_badge(
            surface,
            ctx,
            (rect.left + self.PAD, rect.top + self.PAD - 3),
            label,
            filled=active and self.enabled,
            enabled=self.enabled,
        )
        x = self._text_left()
        inner = rect.right - self.PAD - x
        y = rect.top + self.PAD
        tag: pygame.Surface | None = None
        if self.tag:
            colour = (
                palette.tone(self.tag_tone)
                if self.tag_tone is not Tone.NEUTRAL
                else palette.ink_soft
            )
            tag = ctx.text(TextRole.KICKER, self.tag.upper(), colour)
        # The title gives way to the tag beside it: cut to the room left, never under it (a
        # long counter-offer's title pushed "the rules' choice" off the row); or the tag goes
        # at the end of the costs, and the title is whole (see _title).
        title, beside = self._title(ctx, inner, palette.ink if self.enabled else palette.ink_faint)
        surface.blit(title, (x, y))
        if tag is not None and beside:
            tag_x = max(
                x + title.get_width() + 2 * theme.UNIT, rect.right - self.PAD - tag.get_width()
            )
            surface.blit(tag, tag.get_rect(midleft=(tag_x, y + title.get_height() // 2)))
        y += max(title.get_height(), ctx.line_height(TextRole.LABEL))
        if self.text:
            body = ctx.text(TextRole.CAPTION, self.text, palette.ink_soft, wrap=inner)
            surface.blit(body, (x, y + 2))
            y += 2 + body.get_height()
        if self.shown_parts:
            height = draw_chips(surface, ctx, self.shown_parts, (x, y + theme.UNIT), inner)
            if tag is not None and not beside:
                middle = y + theme.UNIT + height - chip_height(ctx) // 2
                surface.blit(tag, tag.get_rect(midright=(x + inner, middle)))
        if self.focused:
            draw_focus_ring(surface, ctx, rect)


class _Kind(enum.Enum):
    """What a block of a choice dialog's content is."""

    INTRO = "intro"
    ROW = "row"
    PARTS = "parts"
    NOTE = "note"
    ADVISER = "adviser"


@attrs.frozen
class _Block:
    """One block of a choice dialog's content, top to bottom: which one, and its height."""

    kind: _Kind
    index: int
    """Which paragraph, row or note (0 for the parts and the adviser's note)."""
    height: int


class ChoiceDialog(FocusScreen):
    """A modal panel: an introduction, a few choice rows, chips of changes, notes, an adviser's
    note, and buttons. Esc does ``cancel`` (nothing when it is None); number keys pick the rows.

    A base for dialog screens: each builds its rows and buttons and hands them in."""

    is_overlay: ClassVar[bool] = True

    def __init__(
        self,
        ctx: UiContext,
        *,
        title: str,
        kicker: str = "",
        intro: Sequence[str] = (),
        rows: Sequence[ChoiceRow] = (),
        parts_title: str = "",
        parts: Sequence[Part] = (),
        notes: Sequence[tuple[str, Tone]] = (),
        recap: Sequence[tuple[str, Tone]] = (),
        adviser: str = "",
        buttons: Sequence[Button] = (),
        cancel: Action | None = _POP,
        columns: int = DIALOG_COLUMNS,
        side: Sequence[tuple[str, str]] = (),
        side_columns: int = 0,
    ) -> None:
        """``side`` puts paragraphs, each under its kicker (``""``: none), in a column of
        ``side_columns`` on the left, with everything else to its right."""
        self.ctx = ctx
        self.side = tuple(side)
        self.side_width = theme.span(side_columns) if side and side_columns else 0
        self._side_columns = side_columns if side else 0
        self._fine = 0
        """How much of the side column is set in fine print: none, all but the first
        paragraph, or all of it."""
        self._intro_role = TextRole.BODY
        self.title = title
        self.kicker = kicker
        self.intro = tuple(intro)
        self.rows = list(rows)
        self.parts_title = parts_title
        self.parts = tuple(parts)
        self.notes = (*recap, *notes)
        self._recap = len(recap)
        """How many of the first notes only recall what the table shows (what became of the
        last move): they give way when nothing else will make room, before the text is cut."""
        self._show_recap = True
        self.adviser = adviser
        self.buttons = list(buttons)
        self.escape = cancel
        self.frame = pygame.Rect(0, 0, theme.span(columns), 0)
        self._narrow = self.frame.width
        """The panel's width unless its content needs the screen's (see :meth:`layout`)."""
        controls: list[Control] = [*self.rows, *self.buttons]
        self.focus = FocusGroup(controls)
        self._intro_room = 0
        self._show_adviser = bool(adviser)
        self._compact = False

    # -- geometry --

    def _head_height(self) -> int:
        ctx = self.ctx
        width = self.frame.width - 2 * PAD
        head = theme.UNIT + 3 * theme.UNIT
        if self.kicker:
            head += ctx.line_height(TextRole.KICKER) + theme.UNIT
        head += ctx.text(TextRole.HEADING, self.title, ctx.palette.ink, wrap=width).get_height()
        return head + 4 * theme.UNIT + 1

    def _blocks(self, width: int, intro_room: int | None) -> list[_Block]:
        """Each block of content and its height, top to bottom."""
        ctx = self.ctx
        blocks: list[_Block] = []
        for i, text in enumerate(self.intro):
            shown = self._intro_text(text, width, intro_room) if i == 0 else text
            height = ctx.text(self._intro_role, shown, ctx.palette.ink, wrap=width).get_height()
            blocks.append(_Block(_Kind.INTRO, i, height + 2 * theme.UNIT))
        for i, row in enumerate(self.rows):
            blocks.append(_Block(_Kind.ROW, i, row.height_for(ctx, width) + theme.UNIT))
        if self.parts:
            head = ctx.line_height(TextRole.KICKER) + theme.UNIT if self.parts_title else 0
            height = head + chips_height(ctx, self.parts, width) + 2 * theme.UNIT
            blocks.append(_Block(_Kind.PARTS, 0, height))
        for i, (text, _) in enumerate(self.notes):
            if i < self._recap and not self._show_recap:
                continue
            height = ctx.text(TextRole.CAPTION, text, ctx.palette.ink, wrap=width).get_height()
            blocks.append(_Block(_Kind.NOTE, i, height + theme.UNIT))
        if self.adviser and self._show_adviser:
            height = ctx.text(
                TextRole.CAPTION, self.adviser, ctx.palette.ink, wrap=width - 4 * theme.UNIT
            ).get_height()
            height += ctx.line_height(TextRole.KICKER) + 5 * theme.UNIT
            blocks.append(_Block(_Kind.ADVISER, 0, height))
        return blocks

    def _side_blocks(self) -> list[tuple[int, int]]:
        """Each paragraph of the side column: (kicker height, text height), with no gaps."""
        ctx = self.ctx
        blocks = []
        for i, (kicker, text) in enumerate(self.side):
            head = ctx.line_height(TextRole.KICKER) + theme.UNIT if kicker else 0
            role = self._side_role(i)
            height = ctx.text(role, text, ctx.palette.ink, wrap=self.side_width).get_height()
            blocks.append((head, height))
        return blocks

    def _side_role(self, index: int) -> TextRole:
        """The side column's first paragraph is body text, unless room is short."""
        if self._fine > 1 or (self._fine and index > 0):
            return TextRole.FINE_PRINT
        return TextRole.BODY if index == 0 and not self._compact else TextRole.CAPTION

    def _side_height(self) -> int:
        """Height of the side column, with the buttons under it."""
        text = sum(head + text + 2 * theme.UNIT for head, text in self._side_blocks())
        return text + (theme.CONTROL_HEIGHT if self.buttons else 0)

    def _main_width(self) -> int:
        """Width of the column of choices (the whole content less the side column)."""
        width = self.frame.width - 2 * PAD
        return width - self.side_width - theme.GUTTER if self.side_width else width

    def _intro_text(self, text: str, width: int, room: int | None) -> str:
        if room is None:
            return text
        return fit_lines(self.ctx, self._intro_role, text, width, max(room, 0)) or text[:0]

    def _set_compact(self, compact: bool) -> None:
        """Leave out what gives way when room is short: each row's detail, and the side
        column's first paragraph set smaller."""
        self._compact = compact
        for row in self.rows:
            row.brief = compact

    def _measure(self, width: int) -> tuple[list[_Block], int, int]:
        """The blocks at the current compaction, the body's height and the footer's."""
        blocks = self._blocks(width, None)
        rows = sum(block.height for block in blocks)
        if self.side_width:
            # With a side column, the buttons stand at its foot, not under the choices.
            return blocks, max(self._side_height(), rows), 0
        foot = (theme.CONTROL_HEIGHT + 2 * theme.UNIT) if self.buttons else 0
        return blocks, rows, foot

    def layout(self) -> pygame.Rect:
        """Size the panel to its content and centre it; place rows and buttons. When the
        screen is short, the adviser's note gives way first, then the rows' details (and the
        side column's large type), then the introduction is shortened."""
        ctx = self.ctx
        self._fine = 0
        self._intro_role = TextRole.BODY
        self.frame.width = self._narrow
        if self._side_columns:
            self.side_width = theme.span(self._side_columns)
        width = self._main_width()
        head = self._head_height()
        limit = theme.LOGICAL_HEIGHT - 2 * SCREEN_PAD
        self._show_adviser = bool(self.adviser)
        self._show_recap = True
        self._set_compact(False)
        blocks, body, foot = self._measure(width)
        if head + body + foot + PAD > limit and self.adviser:
            self._show_adviser = False
            blocks, body, foot = self._measure(width)
        if head + body + foot + PAD > limit and (self.side or any(r.detail for r in self.rows)):
            self._set_compact(True)
            blocks, body, foot = self._measure(width)
        rows = sum(block.height for block in blocks)
        while (
            head + body + foot + PAD > limit
            and self.side_width
            and self._side_height() > rows
            and self.side_width < theme.span(self._side_columns + SIDE_WIDER)
        ):
            # Still too tall (large text), and the side column is what is too tall: it takes a
            # column more from the choices, which have room to spare across (set in fine
            # print, it read smaller than at normal text: a play-tester). Where the choices are
            # the taller, a wider side column would win nothing.
            self.side_width += theme.COLUMN + theme.GUTTER
            width = self._main_width()
            blocks, body, foot = self._measure(width)
            rows = sum(block.height for block in blocks)
        while (
            head + body + foot + PAD > limit
            and self.side_width
            and self._fine < 2
            and self._side_height() > rows
        ):
            # Then its later paragraphs, then all of it, are set in fine print rather than cut.
            self._fine += 1
            blocks, body, foot = self._measure(width)
        if head + body + foot + PAD > limit:
            # Then the panel takes the screen's margins too.
            limit = theme.LOGICAL_HEIGHT - 2 * theme.UNIT
        if head + body + foot + PAD > limit and self._recap:
            # Then what became of the last move goes: the table and the log show it.
            self._show_recap = False
            blocks, body, foot = self._measure(width)
        wide = theme.LOGICAL_WIDTH - 2 * SCREEN_PAD
        if head + body + foot + PAD > limit and not self.side_width and self.frame.width < wide:
            # Then the panel takes the screen's width, where its lines hold more (at large
            # text a play-tester read a form's introduction shrunk to fine print, and cut).
            self.frame.width = wide
            width, head = self._main_width(), self._head_height()
            blocks, body, foot = self._measure(width)
        for smaller in (TextRole.CAPTION, TextRole.FINE_PRINT):
            # And the introduction is set smaller, before it is shortened.
            if head + body + foot + PAD <= limit or not self.intro:
                break
            self._intro_role = smaller
            blocks, body, foot = self._measure(width)
        room: int | None = None
        if head + body + foot + PAD > limit and self.intro:
            first = blocks[0].height - 2 * theme.UNIT
            line = ctx.line_height(self._intro_role)
            room = max(line, first - (head + body + foot + PAD - limit))
            blocks = self._blocks(width, room)
            body = sum(block.height for block in blocks)
        self._intro_room = room if room is not None else -1
        height = min(limit, head + body + foot + PAD)
        frame = pygame.Rect(0, 0, self.frame.width, height)
        frame.center = (theme.LOGICAL_WIDTH // 2, theme.LOGICAL_HEIGHT // 2)
        y = frame.top + head
        left = frame.left + PAD + (self.side_width + theme.GUTTER if self.side_width else 0)
        for block in blocks:
            if block.kind is _Kind.ROW:
                row = self.rows[block.index]
                row.rect = pygame.Rect(left, y, width, block.height - theme.UNIT)
            y += block.height
        if self.side_width:
            right = frame.left + PAD + self.side_width
            place_buttons_right(self.buttons, ctx, right, frame.bottom - PAD)
        else:
            place_buttons_right(self.buttons, ctx, frame.right - PAD, frame.bottom - PAD)
        self.frame = frame
        return frame

    # -- screen protocol --

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        palette = ctx.palette
        frame = self.layout()
        content = draw_modal_frame(surface, ctx, frame, self.title, self.kicker)
        if self.side_width:
            self._draw_side(surface, content)
            shift = self.side_width + theme.GUTTER
            content = pygame.Rect(content.left + shift, content.top, content.width - shift, 0)
        width = content.width
        room = None if self._intro_room < 0 else self._intro_room
        y = content.top
        for block in self._blocks(width, room):
            kind, height = block.kind, block.height
            if kind is _Kind.INTRO:
                text = self.intro[block.index]
                if block.index == 0:
                    text = self._intro_text(text, width, room)
                image = ctx.text(self._intro_role, text, palette.ink, wrap=width)
                surface.blit(image, (content.left, y))
            elif kind is _Kind.PARTS:
                top = y
                if self.parts_title:
                    kick = ctx.text(TextRole.KICKER, self.parts_title.upper(), palette.ink_soft)
                    surface.blit(kick, (content.left, y))
                    top += ctx.line_height(TextRole.KICKER) + theme.UNIT
                draw_chips(surface, ctx, self.parts, (content.left, top), width)
            elif kind is _Kind.NOTE:
                text, tone = self.notes[block.index]
                colour = palette.tone(tone) if tone is not Tone.NEUTRAL else palette.ink_soft
                image = ctx.text(TextRole.CAPTION, text, colour, wrap=width)
                surface.blit(image, (content.left, y))
            elif kind is _Kind.ADVISER:
                box = pygame.Rect(content.left, y, width, height - 2 * theme.UNIT)
                pygame.draw.rect(surface, palette.navy, box, border_radius=theme.RADIUS)
                kick = ctx.text(TextRole.KICKER, ADVISER, palette.on_navy_soft)
                surface.blit(kick, (box.left + 2 * theme.UNIT, box.top + 2 * theme.UNIT - 2))
                advice = ctx.text(
                    TextRole.CAPTION, self.adviser, palette.on_navy, wrap=width - 4 * theme.UNIT
                )
                surface.blit(
                    advice,
                    (box.left + 2 * theme.UNIT, box.top + 2 * theme.UNIT + kick.get_height()),
                )
            y += height
        self.focus.draw(surface, ctx)

    def _draw_side(self, surface: pygame.Surface, content: pygame.Rect) -> None:
        """The side column: its first paragraph as body text, the rest as captions, each under
        its kicker; a hairline parts it from the choices."""
        ctx = self.ctx
        palette = ctx.palette
        y = content.top
        for i, ((kicker, text), (head, _)) in enumerate(
            zip(self.side, self._side_blocks(), strict=True)
        ):
            if kicker:
                kick = ctx.text(TextRole.KICKER, kicker.upper(), palette.ink_soft)
                surface.blit(kick, (content.left, y))
            role = self._side_role(i)
            colour = palette.ink if i == 0 else palette.ink_soft
            image = ctx.text(role, text, colour, wrap=self.side_width)
            surface.blit(image, (content.left, y + head))
            y += head + image.get_height() + 2 * theme.UNIT
        x = content.left + self.side_width + theme.GUTTER // 2
        pygame.draw.line(surface, palette.rule, (x, content.top), (x, self.frame.bottom - PAD))
