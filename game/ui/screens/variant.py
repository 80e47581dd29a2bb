"""The offer variant picker (written or unwritten restraint, partial or generous relief...), and
the choice dialog it is built on, which the counter-offer and event pop-ups share.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar, Final

import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import TextRole, Tone
from game.engine import GameState, Move
from game.engine.describe import capitalise
from game.engine.scenario import Offer, Variant
from game.ui.screen import Action, Pop
from game.ui.screens.common import place_buttons_right
from game.ui.screens.costs import (
    ChoiceRow,
    Part,
    chips_height,
    difficulty,
    draw_chips,
    effect_parts,
    labelled,
)
from game.ui.widgets import (
    ActionFn,
    Button,
    ButtonKind,
    Control,
    FocusGroup,
    draw_modal_frame,
    fit_lines,
    shortcuts,
)

DIALOG_COLUMNS: Final = 8
PAD: Final = 4 * theme.UNIT
SCREEN_PAD: Final = 3 * theme.UNIT
ADVISER: Final = "YOUR ADVISER"


def _pop() -> Action:
    return Pop()


class ChoiceDialog:
    """A modal panel: an introduction, a few choice rows, chips of changes, notes, an adviser's
    note, and buttons. Esc runs ``cancel``; number keys pick the rows."""

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
        adviser: str = "",
        buttons: Sequence[Button] = (),
        cancel: ActionFn | None = _pop,
        columns: int = DIALOG_COLUMNS,
    ) -> None:
        self.ctx = ctx
        self.title = title
        self.kicker = kicker
        self.intro = tuple(intro)
        self.rows = list(rows)
        self.parts_title = parts_title
        self.parts = tuple(parts)
        self.notes = tuple(notes)
        self.adviser = adviser
        self.buttons = list(buttons)
        self.cancel = cancel
        self.frame = pygame.Rect(0, 0, theme.span(columns), 0)
        controls: list[Control] = [*self.rows, *self.buttons]
        self.focus = FocusGroup(controls)
        self._intro_room = 0
        self._show_adviser = bool(adviser)

    # -- geometry --

    def _head_height(self) -> int:
        ctx = self.ctx
        width = self.frame.width - 2 * PAD
        head = theme.UNIT + 3 * theme.UNIT
        if self.kicker:
            head += ctx.line_height(TextRole.KICKER) + theme.UNIT
        head += ctx.text(TextRole.HEADING, self.title, ctx.palette.ink, wrap=width).get_height()
        return head + 4 * theme.UNIT + 1

    def _blocks(self, width: int, intro_room: int | None) -> list[tuple[str, int]]:
        """Each block of content and its height, top to bottom."""
        ctx = self.ctx
        blocks: list[tuple[str, int]] = []
        for i, text in enumerate(self.intro):
            shown = self._intro_text(text, width, intro_room) if i == 0 else text
            height = ctx.text(TextRole.BODY, shown, ctx.palette.ink, wrap=width).get_height()
            blocks.append((f"intro:{i}", height + 2 * theme.UNIT))
        for i, row in enumerate(self.rows):
            blocks.append((f"row:{i}", row.height_for(ctx, width) + theme.UNIT))
        if self.parts:
            head = ctx.line_height(TextRole.KICKER) + theme.UNIT if self.parts_title else 0
            blocks.append(("parts", head + chips_height(ctx, self.parts, width) + 2 * theme.UNIT))
        for i, (text, _) in enumerate(self.notes):
            height = ctx.text(TextRole.CAPTION, text, ctx.palette.ink, wrap=width).get_height()
            blocks.append((f"note:{i}", height + theme.UNIT))
        if self.adviser and self._show_adviser:
            height = ctx.text(
                TextRole.CAPTION, self.adviser, ctx.palette.ink, wrap=width - 4 * theme.UNIT
            ).get_height()
            blocks.append(("adviser", height + ctx.line_height(TextRole.KICKER) + 5 * theme.UNIT))
        return blocks

    def _intro_text(self, text: str, width: int, room: int | None) -> str:
        if room is None:
            return text
        return fit_lines(self.ctx, TextRole.BODY, text, width, max(room, 0)) or text[:0]

    def layout(self) -> pygame.Rect:
        """Size the panel to its content (shortening the introduction if the screen is too
        small for it) and centre it; place rows and buttons."""
        ctx = self.ctx
        width = self.frame.width - 2 * PAD
        head = self._head_height()
        foot = (theme.CONTROL_HEIGHT + 2 * theme.UNIT) if self.buttons else 0
        blocks = self._blocks(width, None)
        body = sum(height for _, height in blocks)
        limit = theme.LOGICAL_HEIGHT - 2 * SCREEN_PAD
        self._show_adviser = bool(self.adviser)
        if head + body + foot + PAD > limit and self.adviser:
            # The adviser's note is the first thing to give way when the screen is short.
            self._show_adviser = False
            blocks = self._blocks(width, None)
            body = sum(height for _, height in blocks)
        room: int | None = None
        if head + body + foot + PAD > limit and self.intro:
            first = blocks[0][1] - 2 * theme.UNIT
            room = max(ctx.line_height(TextRole.BODY), first - (head + body + foot + PAD - limit))
            blocks = self._blocks(width, room)
            body = sum(height for _, height in blocks)
        self._intro_room = room if room is not None else -1
        height = min(limit, head + body + foot + PAD)
        frame = pygame.Rect(0, 0, self.frame.width, height)
        frame.center = (theme.LOGICAL_WIDTH // 2, theme.LOGICAL_HEIGHT // 2)
        y = frame.top + head
        for name, block_height in blocks:
            if name.startswith("row:"):
                row = self.rows[int(name[4:])]
                row.rect = pygame.Rect(frame.left + PAD, y, width, block_height - theme.UNIT)
            y += block_height
        place_buttons_right(self.buttons, ctx, frame.right - PAD, frame.bottom - PAD)
        self.frame = frame
        return frame

    # -- screen protocol --

    def on_event(self, event: pygame.event.Event) -> Action | None:
        self.layout()
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return None if self.cancel is None else self.cancel()
        return self.focus.action_for(event, self.ctx)

    def update(self, dt: float) -> bool:
        return self.focus.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        palette = ctx.palette
        frame = self.layout()
        content = draw_modal_frame(surface, ctx, frame, self.title, self.kicker)
        width = content.width
        room = None if self._intro_room < 0 else self._intro_room
        y = content.top
        for name, height in self._blocks(width, room):
            if name.startswith("intro:"):
                index = int(name[6:])
                text = self.intro[index]
                if index == 0:
                    text = self._intro_text(text, width, room)
                image = ctx.text(TextRole.BODY, text, palette.ink, wrap=width)
                surface.blit(image, (content.left, y))
            elif name == "parts":
                top = y
                if self.parts_title:
                    kick = ctx.text(TextRole.KICKER, self.parts_title.upper(), palette.ink_soft)
                    surface.blit(kick, (content.left, y))
                    top += ctx.line_height(TextRole.KICKER) + theme.UNIT
                draw_chips(surface, ctx, self.parts, (content.left, top), width)
            elif name.startswith("note:"):
                text, tone = self.notes[int(name[5:])]
                colour = palette.tone(tone) if tone is not Tone.NEUTRAL else palette.ink_soft
                image = ctx.text(TextRole.CAPTION, text, colour, wrap=width)
                surface.blit(image, (content.left, y))
            elif name == "adviser":
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


def variant_row(state: GameState, offer: Offer, variant: Variant) -> ChoiceRow:
    """One form of an offer: what it means, what proposing it costs, and what acceptance brings."""
    scenario = state.scenario
    notes = [variant.summary]
    how = difficulty(variant)
    if how:
        notes.append(how)
    if variant.tacit:
        notes.append("It stands even if the summit ends without a statement.")
    proposing = effect_parts(scenario, offer.on_offer, variant.on_offer)
    accepted = effect_parts(scenario, offer.on_accept, variant.on_accept)
    parts = labelled("Proposing it:", proposing) + labelled("If accepted:", accepted)
    return ChoiceRow(title=capitalise(variant.label), body=" ".join(notes), parts=parts)


class VariantScreen(ChoiceDialog):
    """Pick the form an offer takes; ``on_pick`` gets the move (offer and variant)."""

    def __init__(
        self,
        ctx: UiContext,
        state: GameState,
        offer: Offer,
        *,
        on_pick: Callable[[Move], Action | None],
        on_cancel: ActionFn = _pop,
    ) -> None:
        keys = shortcuts(len(offer.variants))
        rows = []
        for variant, key in zip(offer.variants, keys, strict=True):
            row = variant_row(state, offer, variant)
            row.shortcut = key
            row.on_activate = _picker(on_pick, Move(offer.id, variant.id))
            rows.append(row)
        cancel = Button(label="Cancel", kind=ButtonKind.QUIET, hint="Esc", on_activate=on_cancel)
        super().__init__(
            ctx,
            title=offer.label,
            kicker="Choose the form of your offer",
            intro=(offer.summary,),
            rows=rows,
            buttons=(cancel,),
            cancel=on_cancel,
            columns=10,
        )
        self.offer = offer


def _picker(on_pick: Callable[[Move], Action | None], move: Move) -> ActionFn:
    def pick() -> Action | None:
        return on_pick(move)

    return pick
