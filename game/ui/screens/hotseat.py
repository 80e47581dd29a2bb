"""Hot-seat: the U.S. player hands over, and the North Korean player answers the offer.

The second player chooses among the reactions the rules allow for this offer
(:func:`game.engine.judge`), with the rules' own choice and its reason shown as advice; to
counter, they table one of the proposals of theirs the moment allows (the engine tables none of
its own in a hot-seat game). The choice goes back to the app as the move plus the reaction (and
the proposal); the engine records it as the player's (``chosen_by = "player"``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Final

import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import TextRole, Tone
from game.engine import AMEND, GameState, Judgement, Move, ReactionKind, offered
from game.engine.describe import (
    REPLY,
    capitalise,
    meters_line,
    move_label,
    side_called,
)
from game.engine.foresight import reaction_effects
from game.engine.scenario import Offer, Proposal
from game.engine.sides import Side
from game.engine.teams import Team, Teams
from game.ui import art
from game.ui.in_play import Answer, PlayMove, Tabling
from game.ui.record import turn_text
from game.ui.screen import Action, Apply, Chain, Open, Pop
from game.ui.seats import acceptance_line, team_names, views_from_their_seat
from game.ui.widgets.base import ActionFn, FocusGroup, does, shortcuts
from game.ui.widgets.buttons import Button, ButtonKind
from game.ui.widgets.chips import effect_parts
from game.ui.widgets.choices import ChoiceRow
from game.ui.widgets.drawing import draw_header, draw_rule, fit_lines
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
    *,
    answering: bool = False,
) -> ChoiceRow:
    """What answering ``kind`` means for this offer, with all it changes on the meters as the
    rules foresee it (what the offer changes whatever the answer, and what this answer adds);
    a counter tables one of ``proposals``; ``answering``: the offer amends their proposal."""
    scenario = state.scenario
    # All the answer changes, the offer's own costs with it: a play-tester read "Reject:
    # trust -2" and saw trust go up by one, another "Counter: patience -1" and saw -3.
    parts = effect_parts(scenario, *reaction_effects(state, move, kind, answering=answering))
    title = capitalise(REPLY[kind])
    if kind is ReactionKind.ACCEPT:
        body = f"Agree to it. The accord: {scenario.accord_label(offer.id)}."
    elif kind is ReactionKind.COUNTER:
        if len(proposals) == 1:
            counter = scenario.proposal(proposals[0])
            title = f"Counter: table \u201c{counter.label}\u201d"
            # In their own words: the summary is written for the other side ("accepting
            # spends most of your leverage").
            body = counter.their_view
        else:
            title = "Counter: table a proposal of yours"
            body = f"Choose which of your {len(proposals)} proposals to put forward instead."
    elif kind is ReactionKind.DEFER:
        body = "Not now: you want to see more first. They may offer it again."
    elif kind is ReactionKind.REJECT:
        body = "Refuse it."
    else:
        body = "Leave the table. The summit ends at once and nothing agreed today stands."
    return ChoiceRow(title=title, body=body, parts=parts)


def _draw_halves(surface: pygame.Surface, ctx: UiContext) -> None:
    """The paper, and the navy half on the left that is the other delegation's side (or, handing
    the keyboard back, the side that takes it)."""
    palette = ctx.palette
    surface.fill(palette.paper)
    panel_right = theme.column_x(OFFER_COLUMNS + 1) - theme.GUTTER
    pygame.draw.rect(surface, palette.navy, (0, 0, panel_right, theme.LOGICAL_HEIGHT))


class _HotSeatScreen(FocusScreen):
    """What both hot-seat screens share: the move on the table, the rules' judgement of it, the
    way back to the U.S. side and the navy half that is the other delegation's side."""

    escape: Action | None = Pop()

    def __init__(self, ctx: UiContext, state: GameState, move: Move, judgement: Judgement) -> None:
        self.ctx = ctx
        self.state = state
        self.move = move
        # The offer on the table: the move itself, or the offer an amendment answers their
        # proposal with (the move stays ``amend``: that is what is played).
        self.offered = offered(state, move)
        self.judgement = judgement
        self.sides = state.scenario.sides
        self.back = Button(
            label=f"Back to the {side_called(self.sides.player, 'side', 'first player')}",
            kind=ButtonKind.QUIET,
            hint="Esc",
            on_activate=does(Pop()),
        )

    def _draw_sides(self, surface: pygame.Surface) -> None:
        _draw_halves(surface, self.ctx)

    @property
    def offers(self) -> str:
        """What the first side did, as a kicker: it offers, or it answers their proposal."""
        side = side_called(self.sides.player, "side", "first player")
        verb = "answers your proposal with" if self.move.offer == AMEND else "offers"
        return f"The {side} {verb}".upper()

    def _draw_seat(self, surface: pygame.Surface) -> int:
        """Whose side this is, at the top of the navy half; returns where the rest begins."""
        ctx = self.ctx
        palette = ctx.palette
        left, y = theme.MARGIN_X, theme.MARGIN_Y
        them = self.sides.counterpart
        rect = art.draw_side_flag(surface, them.flag, 20, (left, y), palette)
        seat = f"You are the {them.name}" if them.short else "You answer for the other side"
        kick = ctx.text(TextRole.KICKER, seat.upper(), palette.on_navy_soft)
        surface.blit(kick, kick.get_rect(midleft=(max(left, rect.right + 12), rect.centery)))
        return y + rect.height + 3 * theme.UNIT


class _ChoosingScreen(_HotSeatScreen):
    """A hot-seat screen where the second player chooses among rows: their answers, or the
    proposals to table; the rows stand in the paper half under a kicker, the way back below."""

    rows: list[ChoiceRow]
    crowded_names_only: ClassVar[bool] = False
    """Short of room, the rows keep only their names (the one in focus is shown in full on the
    left); otherwise their descriptions are first cut to two lines."""
    _bodies: list[str] | None = None
    """The rows' descriptions in full, as they were before any was cut to fit."""

    def _fitted(self, width: int, room: int) -> tuple[list[int], int]:
        """The rows' heights and the gap between them, giving way until the rows fit ``room``:
        closed up, then descriptions cut to two lines, then to one, then names and costs
        alone."""
        ctx = self.ctx
        if self._bodies is None:
            self._bodies = [row.body for row in self.rows]
        for row, body in zip(self.rows, self._bodies, strict=True):
            row.body = body

        def heights() -> list[int]:
            return [row.height_for(ctx, width) for row in self.rows]

        def fit(found: list[int], gap: int) -> bool:
            return sum(found) + gap * (len(found) - 1) <= room

        found, gap = heights(), theme.UNIT
        if fit(found, gap):
            return found, gap
        gap = 4
        for lines in () if self.crowded_names_only else (2, 1):
            most = lines * ctx.line_height(TextRole.CAPTION)
            for row in self.rows:
                inner = row.inner_width(width)
                row.body = fit_lines(ctx, TextRole.CAPTION, row.body, inner, most)
            found = heights()
            if fit(found, gap):
                return found, gap
        for row in self.rows:
            row.body = ""
        return heights(), gap

    def layout(self) -> None:
        ctx = self.ctx
        area = theme.grid_rect(CHOICES_FIRST_COLUMN, CHOICES_COLUMNS, 0, 0)
        y = theme.MARGIN_Y + ctx.line_height(TextRole.KICKER) + theme.UNIT
        bottom = theme.CONTENT_BOTTOM - theme.CONTROL_HEIGHT - 2 * theme.UNIT
        heights, gap = self._fitted(area.width, bottom - y)
        for row, height in zip(self.rows, heights, strict=True):
            row.rect = pygame.Rect(area.left, y, area.width, height)
            y += height + gap
        width = self.back.preferred_width(ctx)
        self.back.rect = pygame.Rect(
            area.right - width,
            theme.CONTENT_BOTTOM - theme.CONTROL_HEIGHT,
            width,
            theme.CONTROL_HEIGHT,
        )

    @property
    def kicker(self) -> str:
        """Over the offer on the navy half: they offer, or they answer your proposal with."""
        return "THEY ANSWER YOUR PROPOSAL WITH" if self.move.offer == AMEND else "THEY OFFER"

    def _draw_titled(self, surface: pygame.Surface, y: int, kicker: str, title: str) -> int:
        """A kicker and a heading on the navy half from ``y``; returns the y under the heading."""
        ctx = self.ctx
        palette = ctx.palette
        left, width = theme.MARGIN_X, theme.span(OFFER_COLUMNS)
        kick = ctx.text(TextRole.KICKER, kicker, palette.on_navy_soft)
        surface.blit(kick, (left, y))
        y += kick.get_height() + theme.UNIT
        heading = ctx.text(TextRole.HEADING, title, palette.on_navy, wrap=width)
        surface.blit(heading, (left, y))
        return y + heading.get_height()

    def _draw_choices(self, surface: pygame.Surface, kicker: str) -> None:
        """The rows under ``kicker`` in the paper half, the way back, and the key hint where it
        clears the way back."""
        ctx = self.ctx
        area = theme.grid_rect(CHOICES_FIRST_COLUMN, CHOICES_COLUMNS, theme.MARGIN_Y, 0)
        surface.blit(ctx.text(TextRole.KICKER, kicker, ctx.palette.ink_soft), area.topleft)
        self.layout()
        self.focus.draw(surface, ctx)
        hints = ctx.text(TextRole.CAPTION, KEYS_HINT, ctx.palette.ink_soft)
        if area.left + hints.get_width() + 2 * theme.UNIT < self.back.rect.left:
            draw_key_hints(surface, ctx, KEYS_HINT, (area.left, theme.CONTENT_BOTTOM - 14))


def _place_pass_buttons(ctx: UiContext, go: Button, back: Button | None) -> None:
    """The buttons of a hand-over, at the foot of the paper half: the primary one at the right,
    the way back (if any) beside it, or above it when both do not fit in a row."""
    right = theme.column_x(theme.COLUMNS)
    half = theme.column_x(OFFER_COLUMNS + 1)
    back_w = back.preferred_width(ctx) if back is not None else 0
    go_w = go.preferred_width(ctx)
    # The primary button is three columns wide when the way back still fits beside it on
    # the paper half; at a large text size it keeps to its own width.
    width = max(go_w, min(theme.span(3), right - half - back_w - 2 * theme.UNIT))
    top = theme.CONTENT_BOTTOM - theme.CONTROL_HEIGHT
    go.rect = pygame.Rect(right - width, top, width, theme.CONTROL_HEIGHT)
    if back is None:
        return
    back_left = go.rect.left - 2 * theme.UNIT - back_w
    if back_left < half:
        # No room for both in a row: the way back stands above the primary button.
        back_left, top = right - back_w, top - theme.CONTROL_HEIGHT - theme.UNIT
    back.rect = pygame.Rect(back_left, top, back_w, theme.CONTROL_HEIGHT)


def _take_over_button(side: Side, team: Team | None, nameless: str, action: Action) -> Button:
    """A hand-over's primary button, on which the player taking the keyboard says who they are:
    their team (in a team game), else their side, or ``nameless`` when the scenario names none."""
    if team is not None:
        label = f"We are {team.name}"
    else:
        label = f"I am the {side.name}" if side.short else nameless
    return Button(label=label, kind=ButtonKind.PRIMARY, hint="Enter", on_activate=does(action))


def _draw_pass(
    surface: pygame.Surface,
    ctx: UiContext,
    *,
    flag: str,
    whom: str,
    header: tuple[str, str],
    paragraphs: Sequence[str],
) -> None:
    """A hand-over between the players: on the navy half, the flag of the side that takes the
    keyboard and "Over to ``whom``"; on the paper half, ``header`` (a kicker and what was just
    decided) and what each player does now."""
    palette = ctx.palette
    _draw_halves(surface, ctx)
    left = theme.MARGIN_X
    width = theme.span(OFFER_COLUMNS)
    y = theme.MARGIN_Y + 8
    kick = ctx.text(TextRole.KICKER, "HOT-SEAT \u00b7 PASS THE KEYBOARD", palette.on_navy_soft)
    surface.blit(kick, (left, y))
    y += kick.get_height() + 4 * theme.UNIT
    image = art.flag_image(flag, 56)
    if image is not None:
        art.draw_flag(surface, image, (left, y), palette)
        y += image.get_height() + 4 * theme.UNIT
    title = ctx.text(TextRole.TITLE, f"Over to {whom}", palette.on_navy, wrap=width)
    surface.blit(title, (left, y))
    right_left = theme.column_x(OFFER_COLUMNS + 1)
    right_width = theme.column_x(theme.COLUMNS) - right_left
    head = pygame.Rect(right_left, theme.MARGIN_Y + 8, right_width, 0)
    y = draw_header(surface, ctx, *header, head, title_role=TextRole.HEADING)
    y += 3 * theme.UNIT
    for text in paragraphs:
        body = ctx.text(TextRole.BODY, text, palette.ink, wrap=right_width)
        surface.blit(body, (right_left, y))
        y += body.get_height() + 2 * theme.UNIT


class HandOverScreen(_HotSeatScreen):
    """Between the two players: the U.S. side has chosen; pass the keyboard to the other side
    (named by its team, in a team game)."""

    def __init__(
        self,
        ctx: UiContext,
        state: GameState,
        move: Move,
        judgement: Judgement,
        teams: Teams | None = None,
    ) -> None:
        super().__init__(ctx, state, move, judgement)
        self.teams = teams
        self.go = _take_over_button(
            self.sides.counterpart,
            teams.north if teams is not None else None,
            "I answer for the other side",
            Open(Answer(move, judgement), replace=True),
        )
        self.focus = FocusGroup([self.back, self.go], index=1)
        self.layout()

    def layout(self) -> None:
        _place_pass_buttons(self.ctx, self.go, self.back)

    def draw(self, surface: pygame.Surface) -> None:
        sides = self.sides
        # In a team game, the teams by their names (a play-tester missed them here).
        teams = self.teams
        them = teams.north.name if teams is not None else sides.counterpart.text
        first, second = team_names(sides, teams)
        label = move_label(self.state.scenario, self.offered)
        _draw_pass(
            surface,
            self.ctx,
            flag=sides.counterpart.flag,
            whom=them,
            header=(self.offers, label),
            paragraphs=(
                f"{second}: you decide how {sides.counterpart.capital} answers, choosing among "
                "the answers the rules allow, or counter by tabling one of "
                f"{sides.counterpart.capital}'s proposals. The rules' own reading is shown "
                "beside them as advice.",
                f"{first}: hand over the "
                "keyboard or the mouse. There are no secrets at this table; the answer and its "
                "reason will be on the record for both of you.",
            ),
        )
        self.layout()
        self.focus.draw(surface, self.ctx)


class HandBackScreen(FocusScreen):
    """Between the two players, the other way: the other side has answered (the last turn);
    pass the keyboard back to the first side (named by its team, in a team game), before
    whatever the answer brings (their proposal, the break between rounds, the end)."""

    def __init__(self, ctx: UiContext, state: GameState, teams: Teams | None = None) -> None:
        self.ctx = ctx
        self.state = state
        self.teams = teams
        self.sides = state.scenario.sides
        self.go = _take_over_button(
            self.sides.player,
            teams.us if teams is not None else None,
            "I play the first side",
            Pop(),
        )
        self.escape = Pop()
        self.focus = FocusGroup([self.go])
        self.layout()

    def layout(self) -> None:
        _place_pass_buttons(self.ctx, self.go, None)

    @property
    def answered(self) -> str:
        """Who answered, as a kicker: the other side's team, or the other side."""
        teams = self.teams
        them = teams.north.name if teams is not None else capitalise(self.sides.counterpart.text)
        return f"{them} answered".upper()

    def next_step(self) -> str:
        """What the first side decides now: their proposal, the next move, or nothing (the
        summit is over)."""
        state = self.state
        if state.is_over:
            return "the summit is over. The outcome and the debrief are for both of you."
        if state.pending is not None:
            return (
                "their proposal waits for your answer: accept it, reject it, or answer it with "
                "an offer of your own."
            )
        return "the next move is yours."

    def draw(self, surface: pygame.Surface) -> None:
        state = self.state
        sides = self.sides
        teams = self.teams
        us = teams.us.name if teams is not None else sides.player.text
        first, second = team_names(sides, teams)
        # An answer to their proposal is the first side's, made before the other answered.
        done = turn_text(state, state.turns[-1], who=capitalise(us)) if state.turns else ""
        _draw_pass(
            surface,
            self.ctx,
            flag=sides.player.flag,
            whom=us,
            header=(self.answered, done),
            paragraphs=(
                f"{first}: {self.next_step()}",
                f"{second}: hand back the keyboard or the mouse. Your answer and its reason are "
                "on the record for both of you.",
            ),
        )
        self.layout()
        self.focus.draw(surface, self.ctx)


class AnswerScreen(_ChoosingScreen):
    """The North Korean player's choice: the offer on the left, the allowed answers on the right."""

    def __init__(self, ctx: UiContext, state: GameState, move: Move, judgement: Judgement) -> None:
        super().__init__(ctx, state, move, judgement)
        self.offer = state.scenario.offer(self.offered.offer)
        keys = shortcuts(len(judgement.allowed))
        self.rows: list[ChoiceRow] = []
        for kind, key in zip(judgement.allowed, keys, strict=True):
            row = reaction_row(
                state,
                self.offer,
                self.offered,
                kind,
                judgement.proposals,
                answering=move.offer == AMEND,
            )
            row.shortcut = key
            row.on_activate = self._chooser(kind)
            if kind is judgement.kind:
                row.tag = RULES_CHOICE
                row.tag_tone = Tone.POSITIVE
            self.rows.append(row)
        # No way back from here: the offer is made, and the rules' reading of it is on show
        # (a play-tester's U.S. side read it and took the offer back, free, with Esc). The
        # hand-over before it is where a move made by mistake is taken back.
        self.escape = None
        self.focus = FocusGroup(list(self.rows))
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

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        palette = ctx.palette
        state = self.state
        scenario = state.scenario
        self._draw_sides(surface)
        left = theme.MARGIN_X
        width = theme.span(OFFER_COLUMNS)
        y = self._draw_seat(surface)
        y = self._draw_titled(surface, y, self.kicker, move_label(scenario, self.offered))
        y += 2 * theme.UNIT
        variant = self.offer.variant(self.offered.variant)
        summary = variant.summary if variant is not None else self.offer.summary
        text = ctx.text(TextRole.BODY, summary, palette.on_navy_soft, wrap=width)
        surface.blit(text, (left, y))
        y += text.get_height() + 3 * theme.UNIT
        draw_rule(surface, palette.on_navy_soft, left, left + width, y)
        y += 2 * theme.UNIT
        meters = meters_line(scenario, state.meters, unbroken=True)
        line = ctx.text(TextRole.CAPTION, meters, palette.on_navy_soft, wrap=width)
        spot = line.get_rect(bottomleft=(left, theme.CONTENT_BOTTOM))
        surface.blit(line, spot)
        self._draw_reading(surface, y, spot.top - 2 * theme.UNIT)
        self._draw_choices(surface, "YOUR ANSWER: ONE OF THOSE THE RULES ALLOW")

    def _draw_reading(self, surface: pygame.Surface, y: int, bottom: int) -> None:
        """The rules' reading between ``y`` and ``bottom``, above the meters: in smaller type
        when it does not fit, and then cut (a long one ran into the meters at large text)."""
        ctx = self.ctx
        palette = ctx.palette
        left, width = theme.MARGIN_X, theme.span(OFFER_COLUMNS)
        kicker = ctx.text(TextRole.KICKER, "THE RULES' READING (ADVICE)", palette.on_navy_soft)
        room = bottom - y - kicker.get_height() - theme.UNIT
        why = capitalise(self.judgement.why) + "."
        role = TextRole.BODY_ITALIC
        if ctx.text(role, why, palette.on_navy, wrap=width).get_height() > room:
            role = TextRole.CAPTION_ITALIC
        why = fit_lines(ctx, role, why, width, room)
        if not why:
            return
        surface.blit(kicker, (left, y))
        y += kicker.get_height() + theme.UNIT
        surface.blit(ctx.text(role, why, palette.on_navy, wrap=width), (left, y))


class TablingScreen(_ChoosingScreen):
    """The North Korean player counters: which of their proposals to table. The offer and the
    proposal in focus on the left (what it asks, and what the U.S. side's acceptance would
    change); the proposals the moment allows on the right."""

    crowded_names_only = True

    def __init__(self, ctx: UiContext, state: GameState, move: Move, judgement: Judgement) -> None:
        super().__init__(ctx, state, move, judgement)
        scenario = state.scenario
        offer = scenario.offer(self.offered.offer)
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

    def _draw_views(self, surface: pygame.Surface, proposal: Proposal, y: int, bottom: int) -> None:
        """How each side puts the proposal, from the tabling side's seat, between ``y`` and
        ``bottom``: in smaller type when they do not fit, and then cut. (The proposal's summary
        is written for the other side: "accepting spends most of your leverage".)"""
        ctx = self.ctx
        palette = ctx.palette
        left, width = theme.MARGIN_X, theme.span(OFFER_COLUMNS)
        views = views_from_their_seat(self.sides, proposal)
        kick_height = ctx.line_height(TextRole.KICKER) + theme.UNIT
        role = TextRole.BODY
        tall = sum(
            kick_height + ctx.text(role, text, palette.on_navy, wrap=width).get_height()
            for _, text in views
        ) + 2 * theme.UNIT * (len(views) - 1)
        if tall > bottom - y:
            role = TextRole.CAPTION
        for number, (kicker, text) in enumerate(views):
            later = len(views) - number - 1
            # Room for the views still to come: a kicker and a line each.
            reserve = later * (kick_height + ctx.line_height(role) + 2 * theme.UNIT)
            fitted = fit_lines(ctx, role, text, width, bottom - y - kick_height - reserve)
            if not fitted:
                continue
            surface.blit(ctx.text(TextRole.KICKER, kicker, palette.on_navy_soft), (left, y))
            y += kick_height
            body = ctx.text(role, fitted, palette.on_navy, wrap=width)
            surface.blit(body, (left, y))
            y += body.get_height() + 2 * theme.UNIT

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
        seat = self._draw_seat(surface)
        y = draw_header(
            surface,
            ctx,
            self.kicker,
            move_label(scenario, self.offered),
            pygame.Rect(left, seat, width, 0),
            title_role=TextRole.LABEL,
            title_gap=3 * theme.UNIT,
            on_navy=True,
        )
        y += 2 * theme.UNIT
        proposal = self.proposals[self._in_focus()] if self.proposals else None
        if proposal is not None:
            y = self._draw_titled(surface, y, "YOU WOULD TABLE", proposal.label)
            y += 2 * theme.UNIT
            line = ctx.text(
                TextRole.CAPTION,
                acceptance_line(scenario, proposal),
                palette.on_navy_soft,
                wrap=width,
            )
            spot = line.get_rect(bottomleft=(left, theme.CONTENT_BOTTOM))
            surface.blit(line, spot)
            self._draw_views(surface, proposal, y, spot.top - 2 * theme.UNIT)
        self._draw_choices(surface, "TABLE ONE OF YOUR PROPOSALS")
