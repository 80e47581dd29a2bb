"""A paged text screen (the briefing, How to play): contents on the left, the page on the
right."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Final

import attrs
import pygame

from game.draw import theme
from game.draw.assets import Cue
from game.draw.context import UiContext
from game.draw.theme import TextRole
from game.ui.screen import Action, Pop
from game.ui.texts import Page
from game.ui.widgets.base import ActionFn, Control, FocusGroup, does
from game.ui.widgets.buttons import Button, ButtonKind
from game.ui.widgets.drawing import (
    draw_focus_ring,
    draw_header,
    draw_paragraph,
    draw_rule,
    fit_text,
    kicker_lines,
    paragraph_height,
)

SIDEBAR_COLUMNS: Final = 3
BODY_FIRST_COLUMN: Final = 4
BODY_COLUMNS: Final = 8
CONTENTS_ROW: Final = 44
PARAGRAPH_GAP: Final = 2 * theme.UNIT
HEADING_TOP: Final = theme.MARGIN_Y + 32


_POP: Final = Pop()


@attrs.frozen
class Sheet:
    """What fits on the screen at once: part or all of one page."""

    page: int
    heading: str
    paragraphs: tuple[str, ...]
    continued: bool = False


SPLIT_LINES: Final = 3
"""A paragraph taller than a sheet starts on a sheet with room for at least this many lines."""
_CLOSERS: Final = '\u201d\u2019")'


def _ends_sentence(word: str, after: str) -> bool:
    """True when ``word``, followed by ``after``, ends a sentence (not "U.S." or "e.g.")."""
    bare = word.rstrip(_CLOSERS)
    if not bare.endswith((".", "?", "!")) or "." in bare[:-1]:
        return False
    return not after[:1].islower()


def _split(
    ctx: UiContext, text: str, width: int, room: int, *, mid_sentence: bool = False
) -> tuple[str, str]:
    """``text`` cut into the most whole sentences that fit ``room`` and the rest; ``("", text)``
    when not one does, when fewer than :data:`SPLIT_LINES` lines would fit, or for a bullet
    (its mark belongs to one sheet). Only ``mid_sentence`` (one sentence taller than a sheet)
    cuts after a word."""
    if text.startswith("- ") or room < SPLIT_LINES * ctx.line_height(TextRole.BODY):
        return "", text
    words = text.split(" ")
    ends = [
        i + 1
        for i in range(len(words) - 1)
        if mid_sentence or _ends_sentence(words[i], words[i + 1])
    ]
    low, high = 0, len(ends)
    while low < high:  # the most sentences whose paragraph fits
        middle = (low + high + 1) // 2
        if paragraph_height(ctx, " ".join(words[: ends[middle - 1]]), width) <= room:
            low = middle
        else:
            high = middle - 1
    if not low:
        return "", text
    cut = ends[low - 1]
    return " ".join(words[:cut]), " ".join(words[cut:])


def _flow(
    ctx: UiContext, paragraphs: Sequence[str], width: int, room: int
) -> list[list[tuple[str, int]]]:
    """``paragraphs`` flowed onto sheets ``room`` high: each piece with the index of its
    paragraph. A paragraph moves whole to the next sheet when it does not fit this one; only
    one taller than a sheet is cut, between sentences, and its pieces go on sheets of their own
    (play-test 3 saw "...only the mood" / "in Washington has moved on." as two paragraphs on one
    sheet)."""
    chunks: list[list[tuple[str, int]]] = [[]]
    used = 0
    for index, paragraph in enumerate(paragraphs):
        text = paragraph
        while True:
            height = paragraph_height(ctx, text, width) + PARAGRAPH_GAP
            if used + height <= room or (not chunks[-1] and height <= room):
                break
            head = ""
            if height > room:
                head, text = _split(ctx, text, width, room - used - PARAGRAPH_GAP)
                if not head and not chunks[-1]:
                    head, text = _split(ctx, text, width, room, mid_sentence=True)
                if not head and not chunks[-1]:
                    break  # nothing of it fits even a sheet of its own: shown clipped
            if head:
                chunks[-1].append((head, index))
            chunks.append([])
            used = 0
        chunks[-1].append((text, index))
        used += height
    # A continuation holding a lone paragraph takes one more from the sheet before it, when
    # both fit and they are not pieces of one paragraph: a sheet of one bullet reads as a
    # mistake.
    if len(chunks) > 1 and len(chunks[-1]) == 1 and len(chunks[-2]) > 2:
        moved = [chunks[-2][-1], *chunks[-1]]
        apart = moved[0][1] != moved[1][1]
        if apart and sum(paragraph_height(ctx, t, width) + PARAGRAPH_GAP for t, _ in moved) <= room:
            chunks[-2].pop()
            chunks[-1] = moved
    return chunks


@attrs.define(kw_only=True, eq=False)
class ContentsEntry(Control):
    """A line of the contents list; a bar marks the page on screen."""

    label: str
    is_current: bool = False

    def draw(self, surface: pygame.Surface, ctx: UiContext) -> None:
        palette = ctx.palette
        if self.focused or self.hovered:
            pygame.draw.rect(surface, palette.surface_hover, self.rect, border_radius=theme.RADIUS)
        if self.is_current:
            pygame.draw.rect(
                surface,
                palette.navy,
                (self.rect.left, self.rect.top + 8, 4, self.rect.height - 16),
                border_radius=2,
            )
        room = self.rect.width - 3 * theme.UNIT
        role = TextRole.BODY_STRONG if self.is_current else TextRole.BODY
        if ctx.text_width(role, self.label) > room:
            role = TextRole.BODY  # bold would run past the box; the bar marks the page anyway
        colour = palette.ink if self.is_current else palette.ink_soft
        # A heading from a name the players typed ("The North Korean team: ...") is cut to the
        # box rather than run over the rule beside it; it may use the box's right padding, up
        # to a few pixels short of the rule.
        fitted = fit_text(ctx, role, self.label, self.rect.width - theme.UNIT - 3)
        text = ctx.text(role, fitted, colour)
        surface.blit(
            text, text.get_rect(midleft=(self.rect.left + 2 * theme.UNIT, self.rect.centery))
        )
        if self.focused:
            draw_focus_ring(surface, ctx, self.rect)


class TextPagesScreen:
    """Title, contents and pages of paragraphs; long pages flow onto continuation sheets."""

    is_overlay: ClassVar[bool] = False

    def __init__(
        self,
        ctx: UiContext,
        title: str,
        pages: Sequence[Page],
        *,
        kicker: str = "",
        done_label: str = "Done",
        done: Action = _POP,
        back: Action = _POP,
    ) -> None:
        """``done`` is what the last page's button does (close the pages, or start the game
        after the briefing); ``back`` what Back and Esc do."""
        if not pages:
            raise ValueError("a text screen needs at least one page")
        self.ctx = ctx
        self.title = title
        self.pages = tuple(pages)
        self.kicker = kicker
        self.done_label = done_label
        self.done = done
        self.back_action = back
        self.sheet = 0
        self._flow_key: object = None
        self._sheets: list[Sheet] = []
        self.contents = [
            ContentsEntry(label=page.heading, on_activate=self._goto_page(i))
            for i, page in enumerate(self.pages)
        ]
        self.back = Button(label="Back", kind=ButtonKind.QUIET, hint="Esc", on_activate=does(back))
        self.previous = Button(
            label="Previous", kind=ButtonKind.SECONDARY, on_activate=self._turn(-1)
        )
        self.next = Button(label="Next", kind=ButtonKind.PRIMARY, on_activate=self._next)
        self.focus = FocusGroup([*self.contents, self.back, self.previous, self.next])
        self.focus.focus(self.next)
        self._layout()
        self._sync()

    # -- geometry --

    @property
    def body_rect(self) -> pygame.Rect:
        """Where paragraphs go."""
        return theme.grid_rect(BODY_FIRST_COLUMN, BODY_COLUMNS, HEADING_TOP, 0)

    def _body_bottom(self) -> int:
        return theme.CONTENT_BOTTOM - theme.CONTROL_HEIGHT - 3 * theme.UNIT

    def _layout(self) -> None:
        ctx = self.ctx
        side = theme.grid_rect(0, SIDEBAR_COLUMNS, 0, 0)
        title_h = ctx.text(
            TextRole.HEADING, self.title, ctx.palette.ink, wrap=side.width
        ).get_height()
        kicker = len(kicker_lines(ctx, self.kicker, side.width)) if self.kicker else 1
        top = (
            theme.MARGIN_Y
            + kicker * ctx.line_height(TextRole.KICKER)
            + theme.UNIT
            + title_h
            + 5 * theme.UNIT
        )
        # The entries reach to just short of the rule between the contents and the page, so a
        # long heading at the large text size stays inside its box.
        right = theme.column_x(SIDEBAR_COLUMNS) + theme.COLUMN // 2 - theme.UNIT
        for i, entry in enumerate(self.contents):
            entry.rect = pygame.Rect(
                side.left - 2 * theme.UNIT,
                top + i * CONTENTS_ROW,
                right - (side.left - 2 * theme.UNIT),
                CONTENTS_ROW - 4,
            )
        self.back.rect = pygame.Rect(
            side.left - 2 * theme.UNIT,
            theme.CONTENT_BOTTOM - theme.CONTROL_HEIGHT,
            self.back.preferred_width(ctx),
            theme.CONTROL_HEIGHT,
        )
        right = theme.column_x(theme.COLUMNS)
        # Two columns wide, or as wide as the last page's label needs ("Take your seats" at a
        # large text size), so that it is never set smaller than the button beside it.
        width = max(theme.span(2), self.next.preferred_width(ctx, self.done_label))
        self.next.rect = pygame.Rect(
            right - width, theme.CONTENT_BOTTOM - theme.CONTROL_HEIGHT, width, theme.CONTROL_HEIGHT
        )
        self.previous.rect = pygame.Rect(
            self.next.rect.left - theme.GUTTER - theme.span(2),
            self.next.rect.top,
            theme.span(2),
            theme.CONTROL_HEIGHT,
        )

    def sheets(self) -> list[Sheet]:
        """The pages cut to fit the body area at the current text size."""
        key = (self.ctx.settings.text_size,)
        if key == self._flow_key:
            return self._sheets
        ctx = self.ctx
        width = self.body_rect.width
        sheets: list[Sheet] = []
        for index, page in enumerate(self.pages):
            heading_h = ctx.text(
                TextRole.TITLE, page.heading, ctx.palette.ink, wrap=width
            ).get_height()
            room = self._body_bottom() - (HEADING_TOP + heading_h + 4 * theme.UNIT)
            chunks = [
                tuple(text for text, _ in chunk)
                for chunk in _flow(ctx, page.paragraphs, width, room)
            ]
            sheets += [
                Sheet(index, page.heading, tuple(chunk), continued=number > 0)
                for number, chunk in enumerate(chunks)
            ]
        # Re-flowing is derived layout; the sheet index is clamped so a change of text size
        # never leaves the reader past the end.
        self._flow_key, self._sheets = key, sheets
        self.sheet = min(self.sheet, len(sheets) - 1)
        return sheets

    # -- actions --

    def _goto_page(self, page: int) -> ActionFn:
        def go() -> Action | None:
            for i, sheet in enumerate(self.sheets()):
                if sheet.page == page:
                    self.sheet = i
                    break
            # Enter reads on from the page chosen, as from any other (a play-tester's Enter
            # chose the same contents entry again, and the page stayed).
            self.focus.focus(self.next)
            return None

        return go

    def _turn(self, step: int) -> ActionFn:
        def turn() -> Action | None:
            self.turn(step)
            return None

        return turn

    def _next(self) -> Action | None:
        if self.sheet >= len(self.sheets()) - 1:
            return self.done
        self.turn(1)
        return None

    def turn(self, step: int) -> bool:
        """Move ``step`` sheets; False if already at that end."""
        target = max(0, min(len(self.sheets()) - 1, self.sheet + step))
        if target == self.sheet:
            return False
        self.sheet = target
        self.ctx.play(Cue.PAGE)
        self._sync()
        return True

    def on_event(self, event: pygame.event.Event) -> Action | None:
        if event.type == pygame.KEYDOWN and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
            if event.key == pygame.K_ESCAPE:
                return self.back_action
            if event.key in (pygame.K_RIGHT, pygame.K_PAGEDOWN):
                self.turn(1)
                return None
            if event.key in (pygame.K_LEFT, pygame.K_PAGEUP):
                self.turn(-1)
                return None
            if event.key == pygame.K_HOME:
                self.turn(-len(self.sheets()))
                return None
            if event.key == pygame.K_END:
                self.turn(len(self.sheets()))
                return None
        handled = self.focus.handle(event, self.ctx)
        self._sync()
        return None if handled is None else handled.action

    def update(self, dt: float) -> bool:
        self._sync()
        return self.focus.update(dt)

    def _sync(self) -> None:
        """Bring the contents marker and the buttons in line with the sheet on screen."""
        sheets = self.sheets()
        current = sheets[self.sheet]
        for i, entry in enumerate(self.contents):
            entry.is_current = i == current.page
        self.previous.enabled = self.sheet > 0
        self.previous.reason = "" if self.previous.enabled else "This is the first page"
        self.next.label = self.done_label if self.sheet == len(sheets) - 1 else "Next"

    # -- drawing --

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        palette = ctx.palette
        surface.fill(palette.paper)
        sheets = self.sheets()
        sheet = sheets[self.sheet]
        side = theme.grid_rect(0, SIDEBAR_COLUMNS, theme.MARGIN_Y, 0)
        draw_header(surface, ctx, self.kicker, self.title, side, title_role=TextRole.HEADING)
        rule_x = theme.column_x(SIDEBAR_COLUMNS) + theme.COLUMN // 2
        pygame.draw.line(
            surface, palette.rule, (rule_x, theme.MARGIN_Y), (rule_x, theme.CONTENT_BOTTOM)
        )

        body = self.body_rect
        count = ctx.text(
            TextRole.KICKER, f"PAGE {self.sheet + 1} OF {len(sheets)}", palette.ink_soft
        )
        surface.blit(count, (body.left, theme.MARGIN_Y))
        heading_text = sheet.heading + (" (continued)" if sheet.continued else "")
        heading = ctx.text(TextRole.TITLE, heading_text, palette.ink, wrap=body.width)
        surface.blit(heading, (body.left, HEADING_TOP))
        y = HEADING_TOP + heading.get_height() + 2 * theme.UNIT
        draw_rule(surface, palette.rule, body.left, body.right, y)
        y += 2 * theme.UNIT
        clip = pygame.Rect(body.left - 8, y, body.width + 16, self._body_bottom() - y)
        previous_clip = surface.get_clip()
        surface.set_clip(clip)
        for text in sheet.paragraphs:
            y += draw_paragraph(surface, ctx, text, (body.left, y), body.width) + PARAGRAPH_GAP
        surface.set_clip(previous_clip)
        self._draw_dots(surface, len(sheets))
        self.focus.draw(surface, ctx)

    def _draw_dots(self, surface: pygame.Surface, count: int) -> None:
        palette = self.ctx.palette
        y = theme.CONTENT_BOTTOM - theme.CONTROL_HEIGHT // 2
        x = self.body_rect.left + 5
        for i in range(count):
            if i == self.sheet:
                pygame.draw.circle(surface, palette.navy, (x, y), 5)
            else:
                pygame.draw.circle(surface, palette.rule, (x, y), 4)
            x += 18
