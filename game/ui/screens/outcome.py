"""The outcome scene: how the summit ended, as a picture drawn in code beside its story.

The picture (see :mod:`game.ui.scenes`) enters with a short animation and then rests; the text
column gives the ending's title and text from the scenario, who left the table when somebody
did, what stands on the record, and how the ending compares with history and the essay.
Enter, Space, Esc or the Continue button moves on.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Final

import attrs
import pygame

from game.draw import theme
from game.draw.blending import blit_faded
from game.draw.context import UiContext
from game.draw.theme import TextRole
from game.engine import (
    Ending,
    GameState,
    Move,
    Terminal,
    outcome,
)
from game.engine.describe import (
    NO_BREAK,
    capitalise,
    history_and_source,
    ordinal,
    round_when,
    sentence,
)
from game.store.settings import TextSize
from game.ui import scenes
from game.ui.screen import Action, Debrief, Open
from game.ui.widgets.base import BLOCKING_MODS, FocusGroup, does
from game.ui.widgets.buttons import Button, ButtonKind
from game.ui.widgets.drawing import draw_rule, fit_text

PICTURE_SIZE: Final = (scenes.SCENE_WIDTH, theme.LOGICAL_HEIGHT)
"""The picture fills the left of the screen, bleeding off the top, left and bottom edges."""
TEXT_FIRST_COLUMN: Final = 7
TEXT_COLUMNS: Final = 5
TEXT_FADE_SECONDS: Final = 0.6
"""The text column fades in over the start of the picture's entry."""
MORE: Final = " (More in the debrief.)"
"""Ends the history and the essay when the column has room for only part of it."""
HISTORY_LINES: Final = 2
"""The least of the history and the essay kept, in lines, beside the record."""
_CONTINUE_KEYS: Final = frozenset(
    {pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_ESCAPE}
)


@attrs.frozen
class Departure:
    """Who left the table, when, and why (for walkouts and walking away)."""

    who: str
    """Which delegation left."""
    when: str
    """The round, its time, and the decision at which it happened."""
    why: str
    """The engine's reason, as a sentence."""
    said: str
    """What they said as they left ("" when it was the player)."""


def departure(state: GameState) -> Departure | None:
    """Who left, for a summit that ended with somebody leaving the table; None otherwise."""
    if state.terminal not in (Terminal.WALKOUT, Terminal.WALKED_AWAY) or not state.turns:
        return None
    last = state.turns[-1]
    held = state.scenario.rounds[last.round]
    sides = state.scenario.sides
    # "at your decision 10" read as if a decision were a place (a play-tester).
    decision = f"{ordinal(last.number)}{NO_BREAK}decision"
    when = f"During the {round_when(held, ' (', ')')}, at your {decision}."
    if state.terminal is Terminal.WALKED_AWAY:
        why = "You chose to end the talks rather than sign what was on offer."
        return Departure(f"You and {sides.player.text}", when, why, "")
    why = last.reaction.why
    marker = "then they walk out: "
    if marker in why:
        why = why.split(marker, 1)[1]
    return Departure(capitalise(sides.counterpart.text), when, sentence(why), last.reaction.say)


def record_summary(state: GameState) -> tuple[str, str]:
    """What stands on the record, and what was reached but lost, as two short sentences."""
    result = outcome(state)
    if result is None:
        return ("The summit is not over.", "")
    scenario = state.scenario
    recorded = [scenario.accord_label(a.id) for a in result.accords]
    kept = {(a.id, a.turn) for a in result.accords}
    # An accord a test broke was lost to the test, not to how the summit ended (a play-tester
    # read "lost for want of a statement" under a signed statement).
    broken = [scenario.accord_label(a.id) for a in state.accords if a.broken]
    lost = [
        scenario.accord_label(a.id)
        for a in state.accords
        if not a.broken and (a.id, a.turn) not in kept
    ]
    stands = capitalise("; ".join(recorded)) + "." if recorded else "No accord stands."
    why = (
        "when they walked out" if state.terminal is Terminal.WALKOUT else "for want of a statement"
    )
    losses = [
        _losses(broken, "Broken when put to the test", "were broken when put to the test"),
        _losses(lost, f"Lost {why}", f"reached today were lost {why}"),
    ]
    return (stands, " ".join(line for line in losses if line))


def _losses(labels: Sequence[str], named: str, counted_as: str) -> str:
    """One sentence of accords lost one way: named when two or fewer, else counted
    (``""`` for none)."""
    if not labels:
        return ""
    if len(labels) <= 2:
        return f"{named}: {' and '.join(labels)}."
    return f"{len(labels)} accords {counted_as}."


class OutcomeScreen:
    """The ending's picture and story; Continue (Enter, Space, Esc or a click) moves on."""

    is_overlay: ClassVar[bool] = False

    def __init__(self, ctx: UiContext, state: GameState) -> None:
        result = outcome(state)
        if result is None:
            raise ValueError("the outcome scene needs a finished game")
        self.ctx = ctx
        self.state = state
        self.result = result
        self.go_on: Action = Open(Debrief(), replace=True)
        """What Continue does: the debrief, in this screen's place."""
        self.scene = scenes.scene_for(result.ending, result.terminal)
        sides = state.scenario.sides
        flags = scenes.Flags(sides.player.flag, sides.counterpart.flag)
        self.picture = scenes.ScenePicture(self.scene, PICTURE_SIZE, flags)
        self.departure = departure(state)
        self.record = record_summary(state)
        self.elapsed = 0.0
        self.button = Button(
            label="Continue", kind=ButtonKind.PRIMARY, hint="Enter", on_activate=does(self.go_on)
        )
        self.focus = FocusGroup([self.button])
        self._text_cache: tuple[object, pygame.Surface] | None = None
        self.plan = _PLANS[0]
        """How the text column was last set (layout, derived from the text size)."""
        self.history_shown = self.ending.history
        """The history and the essay as last set: whole, or cut short ending :data:`MORE`."""
        self._layout_button()

    @property
    def ending(self) -> Ending:
        """The ending shown."""
        return self.result.ending

    @property
    def progress(self) -> float:
        """How far the entry animation has got, 0-1."""
        return min(1.0, self.elapsed / scenes.ENTRY_SECONDS)

    def _layout_button(self) -> None:
        width = max(self.button.preferred_width(self.ctx), theme.span(2))
        self.button.rect = pygame.Rect(
            theme.column_x(theme.COLUMNS) - width,
            theme.CONTENT_BOTTOM - theme.CONTROL_HEIGHT,
            width,
            theme.CONTROL_HEIGHT,
        )

    def on_event(self, event: pygame.event.Event) -> Action | None:
        if (
            event.type == pygame.KEYDOWN
            and event.key in _CONTINUE_KEYS
            and not event.mod & BLOCKING_MODS
        ):
            return self.go_on
        self._layout_button()
        return self.focus.action_for(event, self.ctx)

    def key_for(self, move: Move | None) -> int | None:
        """Enter, once the picture has settled (a watcher sees the whole scene first)."""
        del move
        return pygame.K_RETURN if self.progress >= 1.0 else None

    def update(self, dt: float) -> bool:
        moving = self.focus.update(dt)
        if self.elapsed < scenes.ENTRY_SECONDS:
            self.elapsed = min(scenes.ENTRY_SECONDS, self.elapsed + dt)
            return True
        return moving

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        palette = ctx.palette
        surface.fill(palette.paper)
        self.picture.draw(surface, (0, 0), palette, ctx.fonts, self.progress)
        text = self._text_column()
        fade = min(1.0, self.elapsed / TEXT_FADE_SECONDS) if TEXT_FADE_SECONDS else 1.0
        blit_faded(surface, text, (theme.column_x(TEXT_FIRST_COLUMN), 0), fade)
        self._layout_button()
        self.focus.draw(surface, ctx)
        hint = ctx.text(TextRole.CAPTION, "Enter, Space or Esc to continue", palette.ink_soft)
        surface.blit(
            hint,
            hint.get_rect(midleft=(theme.column_x(TEXT_FIRST_COLUMN), self.button.rect.centery)),
        )

    # -- the text column ---------------------------------------------------------------------

    def _text_column(self) -> pygame.Surface:
        """The column of text, laid out for the current text size and cached until it changes."""
        ctx = self.ctx
        key = (ctx.palette, ctx.settings.text_size)
        if self._text_cache is not None and self._text_cache[0] == key:
            return self._text_cache[1]
        width = theme.span(TEXT_COLUMNS)
        room = self.button.rect.top - 3 * theme.UNIT - theme.MARGIN_Y
        column = pygame.Surface((width, theme.LOGICAL_HEIGHT), pygame.SRCALPHA)
        blocks = self._fitted(ctx, width, room)
        y = theme.MARGIN_Y
        for block in blocks:
            column.blit(block, (0, y))
            y += block.get_height()
        self._text_cache = (key, column)
        return column

    def _fitted(self, ctx: UiContext, width: int, room: int) -> list[pygame.Surface]:
        """The column's blocks as set at ``ctx``'s text size to fit ``room``: the most generous
        plan that fits whole; past that, the history and the essay cut short, pointing to the
        debrief, beside the record (or its first accord and a count of the rest) if two lines
        of them fit with it, else beside the quote of who left and their reason, else beside
        the reason alone."""
        plans = self._plans(ctx, width, room)
        self.history_shown = self.ending.history
        for plan in plans:
            self.plan = plan
            blocks = self._blocks(ctx, width, plan)
            if sum(block.get_height() for block in blocks) <= room:
                return blocks
        last = plans[-1]
        cuts = (
            (attrs.evolve(last, record=True), HISTORY_LINES),
            (attrs.evolve(last, record=True, record_short=True), HISTORY_LINES),
            (attrs.evolve(last, record=False), 1),
            (attrs.evolve(last, record=False, quote=False), 1),
            (attrs.evolve(last, record=False, why=False), 0),
        )
        for plan, lines in cuts:
            self.plan = plan
            blocks = self._blocks(ctx, width, plan, limit=room)
            if sum(b.get_height() for b in blocks) <= room and self._history_kept(ctx, lines):
                break
        return blocks

    def _plans(self, ctx: UiContext, width: int, room: int) -> tuple[_Plan, ...]:
        """The plans to try at ``ctx``'s text size, most generous first: at a text size larger
        than normal, only those that set nothing smaller than normal text would (a play-tester
        saw large text shrink the title, the history and the essay, and drop the record)."""
        if theme.TEXT_SCALE[ctx.settings.text_size] <= theme.TEXT_SCALE[TextSize.NORMAL]:
            return _PLANS
        normal = UiContext(
            attrs.evolve(ctx.settings, text_size=TextSize.NORMAL), ctx.fonts, ctx.sounds
        )
        floor = next(
            (
                plan
                for plan in _PLANS
                if sum(b.get_height() for b in self._blocks(normal, width, plan)) <= room
            ),
            _PLANS[-1],
        )
        kept = tuple(plan for plan in _PLANS if _no_smaller(ctx, plan, normal, floor))
        return kept or (_PLANS[0],)

    def _history_kept(self, ctx: UiContext, lines: int) -> bool:
        """True when the history and the essay, as last set, are whole or keep ``lines``
        lines."""
        history = self.history_shown
        if history == self.ending.history:
            return True
        role = self.plan.roles()[2]
        width = theme.span(TEXT_COLUMNS)
        height = ctx.text(role, history, (0, 0, 0), wrap=width).get_height() if history else 0
        return height >= lines * ctx.line_height(role)

    def _blocks(
        self, ctx: UiContext, width: int, plan: _Plan, limit: int | None = None
    ) -> list[pygame.Surface]:
        """The column's blocks, top to bottom, each including the space after it; past
        ``limit``, the history and the essay cut short to fit."""
        palette = ctx.palette
        ending = self.ending
        scenario = self.state.scenario
        blocks: list[pygame.Surface] = []
        unit = theme.UNIT

        final_round = scenario.rounds[self.state.turns[-1].round] if self.state.turns else None
        when = f" \u00b7 {final_round.label}" if final_round else ""
        kicker = fit_text(ctx, TextRole.KICKER, f"THE OUTCOME{when}".upper(), width)
        title_role, story_role, history_role = plan.roles()
        blocks.append(
            _stack(
                width,
                [
                    (ctx.text(TextRole.KICKER, kicker, palette.ink_soft), unit),
                    (ctx.text(title_role, ending.title, palette.ink, wrap=width), 2 * unit),
                    (ctx.text(story_role, ending.text, palette.ink, wrap=width), 3 * unit),
                ],
            )
        )
        if self.departure is not None:
            blocks.append(self._departure_block(ctx, width, plan))
        history, kicker = ending.history, history_and_source(scenario).upper()
        record = self._record_block(ctx, width, plan.record_short) if plan.record else None
        if limit is not None:
            used = sum(block.get_height() for block in blocks)
            used += record.get_height() if record is not None else 0
            # The rule and the heading over it, and the gaps between and after them.
            head = ctx.text(TextRole.KICKER, kicker, palette.ink_soft).get_height()
            extra = 1 + head + 6 * unit
            history = _cut(ctx, history_role, history, width, max(0, limit - used - extra))
            self.history_shown = history
        rule = pygame.Surface((width, 1), pygame.SRCALPHA)
        draw_rule(rule, palette.rule, 0, width, 0)
        compared: list[tuple[pygame.Surface | None, int]] = [(rule, 2 * unit)]
        if history:  # an ending the scenario leaves uncompared has no heading over nothing
            compared += [
                (ctx.text(TextRole.KICKER, kicker, palette.ink_soft), unit),
                (ctx.text(history_role, history, palette.ink_soft, wrap=width), 3 * unit),
            ]
        blocks.append(_stack(width, compared))
        if record is not None:
            blocks.append(record)
        return blocks

    def _record_block(self, ctx: UiContext, width: int, short: bool) -> pygame.Surface:
        """What stands on the record (``short``: the first accord and a count of the rest),
        and what was lost."""
        palette = ctx.palette
        unit = theme.UNIT
        stands, lost = self.record
        accords = self.result.accords
        if short and len(accords) > 1:
            first = capitalise(self.state.scenario.accord_label(accords[0].id))
            stands = f"{first}, and {len(accords) - 1} more: the debrief lists them."
        parts: list[tuple[pygame.Surface | None, int]] = [
            (ctx.text(TextRole.KICKER, "ON THE RECORD", palette.ink_soft), unit),
            (ctx.text(TextRole.CAPTION, stands, palette.ink, wrap=width), unit // 2),
        ]
        if lost:
            parts.append((ctx.text(TextRole.CAPTION_ITALIC, lost, palette.alarm, wrap=width), 0))
        return _stack(width, parts)

    def _departure_block(self, ctx: UiContext, width: int, plan: _Plan) -> pygame.Surface:
        palette = ctx.palette
        gone = self.departure
        assert gone is not None
        unit = theme.UNIT
        inner = width - 3 * unit
        parts = [
            ctx.text(TextRole.KICKER, "WHO LEFT THE TABLE", palette.alarm),
            ctx.text(TextRole.BODY_STRONG, gone.who, palette.ink, wrap=inner),
            ctx.text(TextRole.CAPTION, gone.when, palette.ink_soft, wrap=inner),
        ]
        if plan.why and plan.quote and gone.said and plan.history_body:
            quote = f"\u201c{gone.said}\u201d"
            parts.append(ctx.text(TextRole.CAPTION_ITALIC, quote, palette.ink, wrap=inner))
        if plan.why:
            parts.append(ctx.text(TextRole.CAPTION_ITALIC, gone.why, palette.ink_soft, wrap=inner))
        height = sum(part.get_height() for part in parts) + unit // 2 * (len(parts) - 1)
        block = pygame.Surface((width, height + 3 * unit), pygame.SRCALPHA)
        pygame.draw.rect(block, palette.alarm, (0, 0, 4, height), border_radius=2)
        y = 0
        for part in parts:
            block.blit(part, (3 * unit, y))
            y += part.get_height() + unit // 2
        return block


@attrs.frozen
class _Plan:
    """How generously the text column is set; later plans fit more into less room."""

    big_title: bool = True
    history_body: bool = True
    why: bool = True
    record: bool = True
    history_fine: bool = False
    """History and the essay in fine print, the size of normal text's captions at any size."""
    story_body: bool = True
    """The ending's story in body text, else in captions."""
    quote: bool = True
    """What they said as they walked out, when the reason shows."""
    record_short: bool = False
    """The record as its first accord and a count of the rest."""

    def roles(self) -> tuple[TextRole, TextRole, TextRole]:
        """The roles of the title, the story, and the history and the essay."""
        history = TextRole.BODY if self.history_body else TextRole.CAPTION
        return (
            TextRole.TITLE if self.big_title else TextRole.HEADING,
            TextRole.BODY if self.story_body else TextRole.CAPTION,
            TextRole.FINE_PRINT if self.history_fine else history,
        )


# Why a walkout happened teaches more than a large title or the list of accords (which the
# debrief shows in full), so those give way first. The essay's conclusion ends its paragraph
# and is the point of it: at large text the paragraph, and then the story, are set a step
# smaller before any of it is cut (play-test B).
_SMALLEST_WHOLE: Final = _Plan(big_title=False, history_body=False, why=False, record=False)
_PLANS: Final = (
    _Plan(),
    _Plan(history_body=False),
    _Plan(big_title=False, history_body=False),
    _Plan(big_title=False, history_body=False, record=False),
    _SMALLEST_WHOLE,
    attrs.evolve(_SMALLEST_WHOLE, history_fine=True),
    attrs.evolve(_SMALLEST_WHOLE, history_fine=True, story_body=False),
)


def _stack(width: int, parts: list[tuple[pygame.Surface | None, int]]) -> pygame.Surface:
    """``parts`` one under the other, each followed by its gap, on a block ``width`` wide."""
    height = sum((part.get_height() if part else 0) + gap for part, gap in parts)
    block = pygame.Surface((width, max(height, 1)), pygame.SRCALPHA)
    y = 0
    for part, gap in parts:
        if part is not None:
            block.blit(part, (0, y))
            y += part.get_height()
        y += gap
    return block


def _no_smaller(ctx: UiContext, plan: _Plan, normal: UiContext, floor: _Plan) -> bool:
    """True when ``plan`` at ``ctx`` sets the title, the story and the history and the essay
    no smaller than ``floor`` does at ``normal`` text."""
    return all(
        ctx.px(role) >= normal.px(least)
        for role, least in zip(plan.roles(), floor.roles(), strict=True)
    )


def _cut(ctx: UiContext, role: TextRole, text: str, width: int, height: int) -> str:
    """``text`` whole if it fits ``height`` wrapped at ``width``, else its most words that fit
    followed by :data:`MORE`; "" when not even one does."""

    def fits(candidate: str) -> bool:
        return ctx.text(role, candidate, (0, 0, 0), wrap=width).get_height() <= height

    if fits(text):
        return text
    words = text.split(" ")

    def shortened(count: int) -> str:
        head = " ".join(words[:count]).rstrip(",;:")
        return head + ("" if head.endswith(".") else "\u2026") + MORE

    low, high = 0, len(words) - 1
    while low < high:  # the most words that fit with the pointer
        middle = (low + high + 1) // 2
        if fits(shortened(middle)):
            low = middle
        else:
            high = middle - 1
    return shortened(low) if low else ""


__all__ = ["Departure", "OutcomeScreen", "departure", "record_summary"]
