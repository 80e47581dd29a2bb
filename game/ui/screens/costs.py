"""What moves cost, in words and chips: meter changes coloured by whether they help the player.

Shared by the table's card details, the variant picker, the counter-offer dialog, the event
pop-up and the hot-seat screens, so a cost reads the same everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Final

import attrs
import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import TextRole, Tone
from game.engine import Scenario
from game.engine.describe import changes, effect_text
from game.engine.scenario import Effect, Offer, Variant
from game.ui.tones import change_tone
from game.ui.widgets import Control, draw_badge, draw_focus_ring

CHIP_HEIGHT: Final = 26
CHIP_GAP: Final = 6


@attrs.frozen
class Part:
    """One change, e.g. ``trust +8``, and whether it is good or bad news for the player."""

    text: str
    tone: Tone
    plain: bool = False
    """Drawn as a plain word heading the chips that follow (no outline)."""


def effect_parts(scenario: Scenario, *effects: Effect) -> list[Part]:
    """The changes the effects make together as parts: one per meter, in the scenario's order,
    then their stance."""
    return [Part(change.text, change_tone(change)) for change in changes(scenario, *effects)]


def offer_costs(scenario: Scenario, offer: Offer, variant: Variant | None) -> tuple[str, str]:
    """What proposing costs and what acceptance brings, as two phrases."""
    proposing = [offer.on_offer] + ([variant.on_offer] if variant else [])
    accepted = [offer.on_accept] + ([variant.on_accept] if variant else [])
    return (
        effect_text(scenario, *proposing, none="nothing"),
        effect_text(scenario, *accepted, none="no change to the meters"),
    )


def difficulty(variant: Variant) -> str:
    """How a variant changes what they need before they accept, in a sentence ("" if not)."""
    if variant.shift > 0:
        return f"They need {variant.shift} more on the meter before they accept."
    if variant.shift < 0:
        return f"They need {-variant.shift} less on the meter before they accept."
    return ""


def labelled(label: str, parts: Sequence[Part]) -> list[Part]:
    """``parts`` headed by a plain word, e.g. "If accepted:" (nothing when there are none)."""
    return [Part(label, Tone.NEUTRAL, plain=True), *parts] if parts else []


def chips_height(ctx: UiContext, parts: Sequence[Part], width: int) -> int:
    """Height :func:`draw_chips` takes for ``parts`` at ``width``."""
    return _flow(ctx, parts, pygame.Rect(0, 0, width, 0))[1]


def draw_chips(
    surface: pygame.Surface,
    ctx: UiContext,
    parts: Sequence[Part],
    topleft: tuple[int, int],
    width: int,
    *,
    empty: str = "",
) -> int:
    """Draw each part as a small outlined chip, wrapping at ``width``; return the height used."""
    palette = ctx.palette
    if not parts:
        if not empty:
            return 0
        text = ctx.text(TextRole.CAPTION_ITALIC, empty, palette.ink_soft)
        surface.blit(text, topleft)
        return text.get_height()
    rects, height = _flow(ctx, parts, pygame.Rect(topleft, (width, 0)))
    for part, rect in zip(parts, rects, strict=True):
        if part.plain:
            text = ctx.text(TextRole.CAPTION, part.text, palette.ink_soft)
            surface.blit(text, text.get_rect(midleft=(rect.left, rect.centery)))
            continue
        colour = palette.tone(part.tone)
        pygame.draw.rect(surface, palette.surface, rect, border_radius=rect.height // 2)
        pygame.draw.rect(surface, colour, rect, width=1, border_radius=rect.height // 2)
        text = ctx.text(TextRole.CAPTION, part.text, colour)
        surface.blit(text, text.get_rect(center=rect.center))
    return height


def _chip_height(ctx: UiContext) -> int:
    return max(CHIP_HEIGHT, ctx.line_height(TextRole.CAPTION) + 6)


def _flow(
    ctx: UiContext, parts: Sequence[Part], area: pygame.Rect
) -> tuple[list[pygame.Rect], int]:
    chip_h = _chip_height(ctx)
    x, y = area.left, area.top
    rects = []
    for part in parts:
        w = ctx.text_width(TextRole.CAPTION, part.text) + (0 if part.plain else 2 * theme.UNIT + 4)
        if x > area.left and x + w > area.right:
            x = area.left
            y += chip_h + CHIP_GAP
        rects.append(pygame.Rect(x, y, w, chip_h))
        x += w + CHIP_GAP
    height = (y - area.top) + chip_h if parts else 0
    return rects, height


@attrs.define(kw_only=True, eq=False)
class ChoiceRow(Control):
    """One choice in a dialog: key badge, title (and a tag), a description and its costs."""

    title: str
    body: str = ""
    parts: Sequence[Part] = ()
    tag: str = ""
    """A short note beside the title, e.g. "the rules' choice"."""
    tag_tone: Tone = Tone.NEUTRAL

    PAD: ClassVar[int] = 2 * theme.UNIT

    def _text_left(self) -> int:
        return self.rect.left + self.PAD + 28 + 2 * theme.UNIT

    def height_for(self, ctx: UiContext, width: int) -> int:
        """Height the row needs at ``width``."""
        inner = width - (self.PAD + 28 + 2 * theme.UNIT) - self.PAD
        height = self.PAD + ctx.line_height(TextRole.LABEL)
        if self.body:
            height += 2 + ctx.text(TextRole.CAPTION, self.body, (0, 0, 0), wrap=inner).get_height()
        if self.parts:
            height += theme.UNIT + chips_height(ctx, self.parts, inner)
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
        title = ctx.text(
            TextRole.LABEL, self.title, palette.ink if self.enabled else palette.ink_faint
        )
        surface.blit(title, (x, y))
        if self.tag:
            colour = (
                palette.tone(self.tag_tone)
                if self.tag_tone is not Tone.NEUTRAL
                else palette.ink_soft
            )
            tag = ctx.text(TextRole.KICKER, self.tag.upper(), colour)
            tag_x = max(
                x + title.get_width() + 2 * theme.UNIT, rect.right - self.PAD - tag.get_width()
            )
            surface.blit(tag, tag.get_rect(midleft=(tag_x, y + title.get_height() // 2)))
        y += ctx.line_height(TextRole.LABEL)
        if self.body:
            body = ctx.text(TextRole.CAPTION, self.body, palette.ink_soft, wrap=inner)
            surface.blit(body, (x, y + 2))
            y += 2 + body.get_height()
        if self.parts:
            draw_chips(surface, ctx, self.parts, (x, y + theme.UNIT), inner)
        if self.focused:
            draw_focus_ring(surface, ctx, rect)
