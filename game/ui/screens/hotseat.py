"""Hot-seat: the U.S. player hands over, and the North Korean player answers the offer.

The second player chooses among the reactions the rules allow for this offer
(:func:`game.engine.judge`), with the rules' own choice and its reason shown as advice; to
counter, they table one of the proposals of theirs the moment allows (the engine tables none of
its own in a hot-seat game). The choice goes back to the app as the move plus the reaction (and
the proposal); the engine records it as the player's (``chosen_by = "player"``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import TextRole, Tone
from game.engine import GameState, Judgement, Move, ReactionKind
from game.engine.describe import REPLY, capitalise, effect_text, meters_line, move_label
from game.engine.scenario import Offer
from game.ui import art
from game.ui.screen import Answer, Apply, Chain, Open, PlayMove, Pop, Tabling
from game.ui.widgets.base import ActionFn, Control, FocusGroup, does, shortcuts
from game.ui.widgets.buttons import Button, ButtonKind
from game.ui.widgets.choices import ChoiceRow, Part, effect_parts
from game.ui.widgets.drawing import draw_rule, fit_lines
from game.ui.widgets.page import FocusScreen, draw_key_hints

OFFER_COLUMNS: Final = 5
CHOICES_FIRST_COLUMN: Final = 6
CHOICES_COLUMNS: Final = 6
RULES_CHOICE: Final = "The rules' choice"
KEYS_HINT: Final = "Number keys or Enter choose"


def reaction_row(
    state: GameState,
    offer: Offer,
    move: Move,
    kind: ReactionKind,
    proposals: Sequence[str] = (),
) -> ChoiceRow:
    """What answering ``kind`` means for this offer, with its costs to the meters; a counter
    tables one of ``proposals``."""
    scenario = state.scenario
    variant = offer.variant(move.variant)
    parts: list[Part] = []
    title = capitalise(REPLY[kind])
    if kind is ReactionKind.ACCEPT:
        body = f"Agree to it: {scenario.accord_label(offer.id)} is made."
        effects = [offer.on_accept, *([variant.on_accept] if variant else [])]
        parts = effect_parts(scenario, *effects)
    elif kind is ReactionKind.COUNTER:
        if len(proposals) == 1:
            counter = scenario.proposal(proposals[0])
            title = f"Counter: table {counter.label}"
            body = counter.summary
        else:
            title = "Counter: table a proposal of yours"
            body = f"Choose which of your {len(proposals)} proposals to put forward instead."
    elif kind is ReactionKind.DEFER:
        body = "Not now: you want to see more first. They may offer it again."
        parts = effect_parts(scenario, offer.on_defer)
    elif kind is ReactionKind.REJECT:
        body = "Refuse it."
        parts = effect_parts(scenario, offer.on_reject)
    else:
        body = "Leave the table. The summit ends at once and nothing agreed today stands."
    return ChoiceRow(title=title, body=body, parts=parts)


class _HotSeatScreen(FocusScreen):
    """What both hot-seat screens share: the move on the table, the rules' judgement of it, the
    way back to the U.S. side and the navy half that is the other delegation's side."""

    escape = Pop()

    def __init__(self, ctx: UiContext, state: GameState, move: Move, judgement: Judgement) -> None:
        self.ctx = ctx
        self.state = state
        self.move = move
        self.judgement = judgement
        self.back = Button(
            label="Back to the U.S. side",
            kind=ButtonKind.QUIET,
            hint="Esc",
            on_activate=does(Pop()),
        )

    def _draw_sides(self, surface: pygame.Surface) -> None:
        palette = self.ctx.palette
        surface.fill(palette.paper)
        panel_right = theme.column_x(OFFER_COLUMNS + 1) - theme.GUTTER
        pygame.draw.rect(surface, palette.navy, (0, 0, panel_right, theme.LOGICAL_HEIGHT))

    def _draw_seat(self, surface: pygame.Surface) -> int:
        """Whose side this is, at the top of the navy half; returns where the rest begins."""
        ctx = self.ctx
        palette = ctx.palette
        left, y = theme.MARGIN_X, theme.MARGIN_Y
        flag = art.dprk_flag(20)
        rect = art.draw_flag(surface, flag, (left, y), palette)
        kick = ctx.text(TextRole.KICKER, "YOU ARE THE DPRK DELEGATION", palette.on_navy_soft)
        surface.blit(kick, kick.get_rect(midleft=(rect.right + 12, rect.centery)))
        return y + flag.get_height() + 3 * theme.UNIT

    def _draw_keys(self, surface: pygame.Surface) -> None:
        """The key hint at the foot of the choices, where it clears the way back."""
        ctx = self.ctx
        area = theme.grid_rect(CHOICES_FIRST_COLUMN, CHOICES_COLUMNS, 0, 0)
        hints = ctx.text(TextRole.CAPTION, KEYS_HINT, ctx.palette.ink_soft)
        if area.left + hints.get_width() + 2 * theme.UNIT < self.back.rect.left:
            draw_key_hints(surface, ctx, KEYS_HINT, (area.left, theme.CONTENT_BOTTOM - 14))


class HandOverScreen(_HotSeatScreen):
    """Between the two players: the U.S. side has chosen; pass the keyboard to the other side."""

    def __init__(self, ctx: UiContext, state: GameState, move: Move, judgement: Judgement) -> None:
        super().__init__(ctx, state, move, judgement)
        self.go = Button(
            label="I am the DPRK delegation",
            kind=ButtonKind.PRIMARY,
            hint="Enter",
            on_activate=does(Open(Answer(move, judgement), replace=True)),
        )
        self.focus = FocusGroup([self.back, self.go], index=1)
        self.layout()

    def layout(self) -> None:
        ctx = self.ctx
        right = theme.column_x(theme.COLUMNS)
        half = theme.column_x(OFFER_COLUMNS + 1)
        back_w = self.back.preferred_width(ctx)
        go_w = self.go.preferred_width(ctx)
        # The primary button is three columns wide when the way back still fits beside it on
        # the paper half; at a large text size it keeps to its own width.
        width = max(go_w, min(theme.span(3), right - half - back_w - 2 * theme.UNIT))
        top = theme.CONTENT_BOTTOM - theme.CONTROL_HEIGHT
        self.go.rect = pygame.Rect(right - width, top, width, theme.CONTROL_HEIGHT)
        back_left = self.go.rect.left - 2 * theme.UNIT - back_w
        if back_left < half:
            # No room for both in a row: the way back stands above the primary button.
            back_left, top = right - back_w, top - theme.CONTROL_HEIGHT - theme.UNIT
        self.back.rect = pygame.Rect(back_left, top, back_w, theme.CONTROL_HEIGHT)

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        palette = ctx.palette
        self._draw_sides(surface)
        left = theme.MARGIN_X
        width = theme.span(OFFER_COLUMNS)
        y = theme.MARGIN_Y + 8
        kick = ctx.text(TextRole.KICKER, "HOT-SEAT \u00b7 PASS THE KEYBOARD", palette.on_navy_soft)
        surface.blit(kick, (left, y))
        y += kick.get_height() + 4 * theme.UNIT
        flag = art.dprk_flag(56)
        art.draw_flag(surface, flag, (left, y), palette)
        y += flag.get_height() + 4 * theme.UNIT
        title = ctx.text(
            TextRole.TITLE, "Over to the North Korean delegation", palette.on_navy, wrap=width
        )
        surface.blit(title, (left, y))
        right_left = theme.column_x(OFFER_COLUMNS + 1)
        right_width = theme.column_x(theme.COLUMNS) - right_left
        y = theme.MARGIN_Y + 8
        kicker = ctx.text(TextRole.KICKER, "THE U.S. SIDE OFFERS", palette.ink_soft)
        surface.blit(kicker, (right_left, y))
        y += kicker.get_height() + theme.UNIT
        label = move_label(self.state.scenario, self.move)
        heading = ctx.text(TextRole.HEADING, label, palette.ink, wrap=right_width)
        surface.blit(heading, (right_left, y))
        y += heading.get_height() + 2 * theme.UNIT
        draw_rule(surface, palette.rule, right_left, right_left + right_width, y)
        y += 3 * theme.UNIT
        for text in (
            "Second player: you decide how Pyongyang answers, choosing among the answers the "
            "rules allow, or counter by tabling one of Pyongyang's proposals. The rules' own "
            "reading is shown beside them as advice.",
            "U.S. player: hand over the keyboard or the mouse. There are no secrets at this "
            "table; the answer and its reason will be on the record for both of you.",
        ):
            body = ctx.text(TextRole.BODY, text, palette.ink, wrap=right_width)
            surface.blit(body, (right_left, y))
            y += body.get_height() + 2 * theme.UNIT
        self.layout()
        self.focus.draw(surface, ctx)


class AnswerScreen(_HotSeatScreen):
    """The North Korean player's choice: the offer on the left, the allowed answers on the right."""

    def __init__(self, ctx: UiContext, state: GameState, move: Move, judgement: Judgement) -> None:
        super().__init__(ctx, state, move, judgement)
        self.offer = state.scenario.offer(move.offer)
        keys = shortcuts(len(judgement.allowed))
        self.rows: list[ChoiceRow] = []
        for kind, key in zip(judgement.allowed, keys, strict=True):
            row = reaction_row(state, self.offer, move, kind, judgement.proposals)
            row.shortcut = key
            row.on_activate = self._chooser(kind)
            if kind is judgement.kind:
                row.tag = RULES_CHOICE
                row.tag_tone = Tone.POSITIVE
            self.rows.append(row)
        controls: list[Control] = [*self.rows, self.back]
        self.focus = FocusGroup(controls)
        advised = next((r for r in self.rows if r.tag), None)
        if advised is not None:
            self.focus.focus(advised)
        self.layout()

    def _chooser(self, kind: ReactionKind) -> ActionFn | None:
        proposals = self.judgement.proposals
        if kind is ReactionKind.COUNTER and len(proposals) != 1:
            return does(Open(Tabling(self.move, self.judgement)))
        table = proposals[0] if kind is ReactionKind.COUNTER else None
        return does(Chain((Pop(), Apply(PlayMove(self.move, kind, table)))))

    def layout(self) -> None:
        ctx = self.ctx
        area = theme.grid_rect(CHOICES_FIRST_COLUMN, CHOICES_COLUMNS, 0, 0)
        y = theme.MARGIN_Y + ctx.line_height(TextRole.KICKER) + theme.UNIT
        bottom = theme.CONTENT_BOTTOM - theme.CONTROL_HEIGHT - 2 * theme.UNIT
        heights = [row.height_for(ctx, area.width) for row in self.rows]
        gap = theme.UNIT
        total = sum(heights) + gap * (len(heights) - 1)
        if total > bottom - y:
            gap = 4
        for row, height in zip(self.rows, heights, strict=True):
            row.rect = pygame.Rect(area.left, y, area.width, height)
            y += height + gap
        self.back.rect = pygame.Rect(
            area.right - self.back.preferred_width(ctx),
            theme.CONTENT_BOTTOM - theme.CONTROL_HEIGHT,
            self.back.preferred_width(ctx),
            theme.CONTROL_HEIGHT,
        )

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        palette = ctx.palette
        state = self.state
        scenario = state.scenario
        self._draw_sides(surface)
        left = theme.MARGIN_X
        width = theme.span(OFFER_COLUMNS)
        y = self._draw_seat(surface)
        kicker = ctx.text(TextRole.KICKER, "THEY OFFER", palette.on_navy_soft)
        surface.blit(kicker, (left, y))
        y += kicker.get_height() + theme.UNIT
        title = ctx.text(
            TextRole.HEADING, move_label(scenario, self.move), palette.on_navy, wrap=width
        )
        surface.blit(title, (left, y))
        y += title.get_height() + 2 * theme.UNIT
        variant = self.offer.variant(self.move.variant)
        summary = variant.summary if variant is not None else self.offer.summary
        text = ctx.text(TextRole.BODY, summary, palette.on_navy_soft, wrap=width)
        surface.blit(text, (left, y))
        y += text.get_height() + 3 * theme.UNIT
        draw_rule(surface, palette.on_navy_soft, left, left + width, y)
        y += 2 * theme.UNIT
        kicker = ctx.text(TextRole.KICKER, "THE RULES' READING (ADVICE)", palette.on_navy_soft)
        surface.blit(kicker, (left, y))
        y += kicker.get_height() + theme.UNIT
        why = capitalise(self.judgement.why) + "."
        room = theme.CONTENT_BOTTOM - 6 * theme.UNIT - y
        why = fit_lines(ctx, TextRole.BODY_ITALIC, why, width, room)
        advice = ctx.text(TextRole.BODY_ITALIC, why, palette.on_navy, wrap=width)
        surface.blit(advice, (left, y))
        meters = meters_line(scenario, state.meters)
        line = ctx.text(TextRole.CAPTION, meters, palette.on_navy_soft, wrap=width)
        surface.blit(line, line.get_rect(bottomleft=(left, theme.CONTENT_BOTTOM)))
        area = theme.grid_rect(CHOICES_FIRST_COLUMN, CHOICES_COLUMNS, theme.MARGIN_Y, 0)
        head = ctx.text(
            TextRole.KICKER, "YOUR ANSWER: ONE OF THOSE THE RULES ALLOW", palette.ink_soft
        )
        surface.blit(head, area.topleft)
        self.layout()
        self.focus.draw(surface, ctx)
        self._draw_keys(surface)


class TablingScreen(_HotSeatScreen):
    """The North Korean player counters: which of their proposals to table. The offer and the
    proposal in focus on the left (what it asks, and what the U.S. side's acceptance would
    change); the proposals the moment allows on the right."""

    escape = Pop()

    def __init__(self, ctx: UiContext, state: GameState, move: Move, judgement: Judgement) -> None:
        super().__init__(ctx, state, move, judgement)
        scenario = state.scenario
        offer = scenario.offer(move.offer)
        self.back.label = "Back to the answers"
        self.proposals = [scenario.proposal(ident) for ident in judgement.proposals]
        keys = shortcuts(len(self.proposals))
        self.rows: list[ChoiceRow] = []
        for proposal, key in zip(self.proposals, keys, strict=True):
            row = ChoiceRow(title=proposal.label, body=proposal.their_view, shortcut=key)
            row.on_activate = does(
                Chain((Pop(), Pop(), Apply(PlayMove(move, ReactionKind.COUNTER, proposal.id))))
            )
            if proposal.id == offer.counter and judgement.kind is ReactionKind.COUNTER:
                row.tag = RULES_CHOICE
                row.tag_tone = Tone.POSITIVE
            self.rows.append(row)
        self.focus = FocusGroup([*self.rows, self.back])
        self.layout()

    def layout(self) -> None:
        ctx = self.ctx
        area = theme.grid_rect(CHOICES_FIRST_COLUMN, CHOICES_COLUMNS, 0, 0)
        y = theme.MARGIN_Y + ctx.line_height(TextRole.KICKER) + theme.UNIT
        bottom = theme.CONTENT_BOTTOM - theme.CONTROL_HEIGHT - 2 * theme.UNIT
        heights = [row.height_for(ctx, area.width) for row in self.rows]
        gap = theme.UNIT
        if sum(heights) + gap * (len(heights) - 1) > bottom - y:
            # Short of room, each keeps its name; how they put it is in focus on the left.
            for row in self.rows:
                row.body = ""
            heights = [row.height_for(ctx, area.width) for row in self.rows]
            gap = 4
        for row, height in zip(self.rows, heights, strict=True):
            row.rect = pygame.Rect(area.left, y, area.width, height)
            y += height + gap
        width = self.back.preferred_width(ctx)
        self.back.rect = pygame.Rect(
            area.right - width, theme.CONTENT_BOTTOM - theme.CONTROL_HEIGHT, width, 48
        )

    def _in_focus(self) -> int:
        focused = self.focus.focused
        return self.rows.index(focused) if focused in self.rows else 0

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        palette = ctx.palette
        scenario = self.state.scenario
        self._draw_sides(surface)
        left = theme.MARGIN_X
        width = theme.span(OFFER_COLUMNS)
        y = self._draw_seat(surface)
        kicker = ctx.text(TextRole.KICKER, "THEY OFFER", palette.on_navy_soft)
        surface.blit(kicker, (left, y))
        y += kicker.get_height() + theme.UNIT
        offered = ctx.text(
            TextRole.LABEL, move_label(scenario, self.move), palette.on_navy, wrap=width
        )
        surface.blit(offered, (left, y))
        y += offered.get_height() + 3 * theme.UNIT
        draw_rule(surface, palette.on_navy_soft, left, left + width, y)
        y += 2 * theme.UNIT
        proposal = self.proposals[self._in_focus()] if self.proposals else None
        if proposal is not None:
            kicker = ctx.text(TextRole.KICKER, "YOU WOULD TABLE", palette.on_navy_soft)
            surface.blit(kicker, (left, y))
            y += kicker.get_height() + theme.UNIT
            title = ctx.text(TextRole.HEADING, proposal.label, palette.on_navy, wrap=width)
            surface.blit(title, (left, y))
            y += title.get_height() + 2 * theme.UNIT
            changes = effect_text(scenario, proposal.on_accept)
            line = ctx.text(
                TextRole.CAPTION,
                f"If the U.S. side accepts: {changes}.",
                palette.on_navy_soft,
                wrap=width,
            )
            spot = line.get_rect(bottomleft=(left, theme.CONTENT_BOTTOM))
            surface.blit(line, spot)
            room = spot.top - 2 * theme.UNIT - y
            role = TextRole.BODY
            if ctx.text(role, proposal.summary, palette.ink, wrap=width).get_height() > room:
                role = TextRole.CAPTION
            summary = fit_lines(ctx, role, proposal.summary, width, room)
            surface.blit(ctx.text(role, summary, palette.on_navy_soft, wrap=width), (left, y))
        area = theme.grid_rect(CHOICES_FIRST_COLUMN, CHOICES_COLUMNS, theme.MARGIN_Y, 0)
        head = ctx.text(TextRole.KICKER, "TABLE ONE OF YOUR PROPOSALS", palette.ink_soft)
        surface.blit(head, area.topleft)
        self.layout()
        self.focus.draw(surface, ctx)
        self._draw_keys(surface)
