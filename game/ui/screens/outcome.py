"""The outcome scene: how the summit ended, as a picture drawn in code beside its story.

The picture (see :mod:`game.ui.scenes`) enters with a short animation and then rests; the text
column gives the ending's title and text from the scenario, who left the table when somebody
did, what stands on the record, and how the ending compares with history and the essay.
Enter, Space, Esc or the Continue button moves on.

This module also finds a finished game for every ending of a scenario, for screenshots and tests
(:func:`finished_games`): built-in strategies first, then a directed search that steers towards
the ending, and only when that fails the hot-seat override of the counterpart's reaction.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import ClassVar, Final

import attrs
import pygame

from game.draw import theme
from game.draw.context import UiContext
from game.draw.theme import TextRole
from game.engine import (
    Ending,
    GameState,
    IllegalMoveError,
    Move,
    OfferKind,
    ReactionKind,
    Scenario,
    Terminal,
    apply,
    available_moves,
    judge,
    new_game,
    outcome,
)
from game.engine.describe import capitalise, sentence
from game.engine.state import ACCEPT, REJECT
from game.engine.strategies import play
from game.engine.transcript import verification_code
from game.ui import scenes
from game.ui.screen import Action, Screen
from game.ui.widgets import (
    BLOCKING_MODS,
    Button,
    ButtonKind,
    FocusGroup,
    draw_rule,
    fit_lines,
    fit_text,
)

PICTURE_SIZE: Final = (scenes.SCENE_WIDTH, theme.LOGICAL_HEIGHT)
"""The picture fills the left of the screen, bleeding off the top, left and bottom edges."""
TEXT_FIRST_COLUMN: Final = 7
TEXT_COLUMNS: Final = 5
TEXT_FADE_SECONDS: Final = 0.6
"""The text column fades in over the start of the picture's entry."""
THEM: Final = "The North Korean delegation"
US: Final = "You and the U.S. delegation"
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
    when = f"During the {held.label} ({held.time}), at your decision {last.number}."
    if state.terminal is Terminal.WALKED_AWAY:
        why = "You chose to end the talks rather than sign what was on offer."
        return Departure(US, when, why, "")
    why = last.reaction.why
    marker = "then they walk out: "
    if marker in why:
        why = why.split(marker, 1)[1]
    return Departure(THEM, when, sentence(why), last.reaction.say)


def record_summary(state: GameState) -> tuple[str, str]:
    """What stands on the record, and what was reached but lost, as two short sentences."""
    result = outcome(state)
    if result is None:
        return ("The summit is not over.", "")
    scenario = state.scenario
    recorded = [scenario.accord_label(a.id) for a in result.accords]
    kept = {(a.id, a.turn) for a in result.accords}
    lost = [scenario.accord_label(a.id) for a in state.accords if (a.id, a.turn) not in kept]
    stands = capitalise("; ".join(recorded)) + "." if recorded else "No accord stands."
    if not lost:
        return (stands, "")
    why = (
        "when they walked out" if state.terminal is Terminal.WALKOUT else "for want of a statement"
    )
    if len(lost) <= 2:
        return (stands, f"Lost {why}: {' and '.join(lost)}.")
    return (stands, f"{len(lost)} accords reached today were lost {why}.")


class OutcomeScreen:
    """The ending's picture and story; Continue (Enter, Space, Esc or a click) moves on."""

    is_overlay: ClassVar[bool] = False

    def __init__(
        self,
        ctx: UiContext,
        state: GameState,
        on_continue: Callable[[], Action | None],
    ) -> None:
        result = outcome(state)
        if result is None:
            raise ValueError("the outcome scene needs a finished game")
        self.ctx = ctx
        self.state = state
        self.result = result
        self.on_continue = on_continue
        self.scene = scenes.scene_for(result.ending, result.terminal)
        self.picture = scenes.ScenePicture(self.scene, PICTURE_SIZE)
        self.departure = departure(state)
        self.record = record_summary(state)
        self.elapsed = 0.0
        self.button = Button(
            label="Continue", kind=ButtonKind.PRIMARY, hint="Enter", on_activate=on_continue
        )
        self.focus = FocusGroup([self.button])
        self._text_cache: tuple[object, pygame.Surface] | None = None
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
            return self.on_continue()
        self._layout_button()
        return self.focus.action_for(event, self.ctx)

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
        if fade < 1.0:
            text.set_alpha(round(255 * fade))
            surface.blit(text, (theme.column_x(TEXT_FIRST_COLUMN), 0))
            text.set_alpha(None)
        else:
            surface.blit(text, (theme.column_x(TEXT_FIRST_COLUMN), 0))
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
        # Tighten step by step until everything fits above the button, most generous first.
        for plan in _PLANS:
            blocks = self._blocks(width, plan)
            if sum(block.get_height() for block in blocks) <= room:
                break
        else:
            blocks = self._blocks(width, _PLANS[-1], limit=room)
        y = theme.MARGIN_Y
        for block in blocks:
            column.blit(block, (0, y))
            y += block.get_height()
        self._text_cache = (key, column)
        return column

    def _blocks(self, width: int, plan: _Plan, limit: int | None = None) -> list[pygame.Surface]:
        """The column's blocks, top to bottom, each including the space after it."""
        ctx = self.ctx
        palette = ctx.palette
        ending = self.ending
        scenario = self.state.scenario
        blocks: list[pygame.Surface] = []
        unit = theme.UNIT

        def stack(parts: list[tuple[pygame.Surface | None, int]]) -> pygame.Surface:
            height = sum((part.get_height() if part else 0) + gap for part, gap in parts)
            block = pygame.Surface((width, max(height, 1)), pygame.SRCALPHA)
            y = 0
            for part, gap in parts:
                if part is not None:
                    block.blit(part, (0, y))
                    y += part.get_height()
                y += gap
            return block

        final_round = scenario.rounds[self.state.turns[-1].round] if self.state.turns else None
        when = f" \u00b7 {final_round.label}" if final_round else ""
        kicker = fit_text(ctx, TextRole.KICKER, f"THE OUTCOME{when}".upper(), width)
        title_role = TextRole.TITLE if plan.big_title else TextRole.HEADING
        blocks.append(
            stack(
                [
                    (ctx.text(TextRole.KICKER, kicker, palette.ink_soft), unit),
                    (ctx.text(title_role, ending.title, palette.ink, wrap=width), 2 * unit),
                    (ctx.text(TextRole.BODY, ending.text, palette.ink, wrap=width), 3 * unit),
                ]
            )
        )
        if self.departure is not None:
            blocks.append(self._departure_block(width, plan))
        history_role = TextRole.BODY if plan.history_body else TextRole.CAPTION
        history = ending.history
        if limit is not None:
            used = sum(block.get_height() for block in blocks)
            extra = ctx.line_height(TextRole.KICKER) + 4 * unit
            history = fit_lines(ctx, history_role, history, width, max(0, limit - used - extra))
        rule = pygame.Surface((width, 1), pygame.SRCALPHA)
        draw_rule(rule, palette.rule, 0, width, 0)
        blocks.append(
            stack(
                [
                    (rule, 2 * unit),
                    (ctx.text(TextRole.KICKER, "HISTORY AND THE ESSAY", palette.ink_soft), unit),
                    (ctx.text(history_role, history, palette.ink_soft, wrap=width), 3 * unit),
                ]
            )
        )
        if plan.record:
            stands, lost = self.record
            parts: list[tuple[pygame.Surface | None, int]] = [
                (ctx.text(TextRole.KICKER, "ON THE RECORD", palette.ink_soft), unit),
                (ctx.text(TextRole.CAPTION, stands, palette.ink, wrap=width), unit // 2),
            ]
            if lost:
                parts.append(
                    (ctx.text(TextRole.CAPTION_ITALIC, lost, palette.alarm, wrap=width), 0)
                )
            blocks.append(stack(parts))
        return blocks

    def _departure_block(self, width: int, plan: _Plan) -> pygame.Surface:
        ctx = self.ctx
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
        if plan.why and gone.said and plan.history_body:
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


# Why a walkout happened teaches more than a large title or the list of accords (which the
# debrief shows in full), so those give way first.
_PLANS: Final = (
    _Plan(),
    _Plan(history_body=False),
    _Plan(big_title=False, history_body=False),
    _Plan(big_title=False, history_body=False, record=False),
    _Plan(big_title=False, history_body=False, why=False, record=False),
)


# --- Finished games for every ending ------------------------------------------------------------

SHOT_STRATEGIES: Final = ("historical", "essay", "hawk", "dove", "random")
"""Built-in strategies tried first: their games are the most natural to show."""
SEARCH_SEEDS: Final = 24
"""Seeds tried per strategy, starting from the one asked for."""
DIRECTED_TRIES: Final = 240
"""Games a directed search plays before giving up on an ending."""
RECIPES: Final[dict[str, dict[str, tuple[int, tuple[str, ...]]]]] = {
    "hanoi": {
        # No built-in strategy reaches the grand bargain, and a directed search seldom does:
        # trust must reach 95 while leverage stays at 60 or more, which takes every
        # trust-building accord and a kind seed. Found by a seeded random search over orders.
        "grand_bargain": (
            38,
            (
                "mutual_restraint:written",
                "liaison_offices",
                "embassies",
                "security_assurances:written",
                "next_summit:in_pyongyang",
                "peace_declaration:treaty_talks",
                "regional_handoff",
                "embassies",
                "demand_cvid",
                "joint_statement",
            ),
        ),
    },
}
"""Scripted games, (seed, moves) by scenario and ending, for endings strategies seldom reach."""
_JUDGED: Final = (OfferKind.OFFER, OfferKind.STATEMENT)
"""Offer kinds the counterpart answers (others, like walking away, are not judged)."""


@attrs.frozen
class Found:
    """A finished game and how it was found (for reports and test messages)."""

    state: GameState
    how: str
    """E.g. ``"essay, seed 8"`` or ``"directed, seed 7, moves: ..."``."""


def _shadowing(scenario: Scenario, target: Ending, terminal: Terminal) -> frozenset[str]:
    """Accords to avoid: each would let an earlier ending match first, or lock a needed offer."""
    avoid: set[str] = set()
    for ending in scenario.endings:
        if ending.id == target.id:
            break
        if terminal in ending.terminals:
            avoid.update(set(ending.accords) - set(target.accords))
    for accord in target.accords:
        if accord in scenario.offer_index:
            avoid.update(scenario.offer(accord).requires.no_accords)
    return frozenset(avoid)


def _is_shadowed(scenario: Scenario, target: Ending, terminal: Terminal) -> bool:
    """True when an earlier ending needs nothing more than ``target`` does for this terminal."""
    for ending in scenario.endings:
        if ending.id == target.id:
            return False
        if terminal in ending.terminals and set(ending.accords) <= set(target.accords):
            return True
    return False


def _variant_for(state: GameState, move: Move, terminal: Terminal) -> Move:
    """Without a joint statement only tacit accords stand, so prefer a tacit form then."""
    offer = state.scenario.offer(move.offer)
    if terminal is Terminal.STATEMENT or not offer.variants:
        return move
    for variant in offer.variants:
        if variant.tacit:
            return Move(offer.id, variant.id)
    return move


def _guarded(scenario: Scenario, target: Ending) -> dict[int, int]:
    """Meters the target needs, by index: +1 must stay high, -1 must stay low.

    That is what the target's accords need from the counterpart, and what closing the summit
    with a statement requires (e.g. a President who can sell it at home).
    """
    guard: dict[int, int] = {}
    closing = [o for o in scenario.offers if o.kind is OfferKind.STATEMENT]
    for offer in [
        *(scenario.offer(a) for a in target.accords if a in scenario.offer_index),
        *closing,
    ]:
        for need in offer.needs:
            guard[need.meter] = 1 if need.at_least is not None else -1
        for bound in offer.requires.meters:
            guard[bound.meter] = 1 if bound.low is not None else -1
    return guard


def _helpfulness(state: GameState, move: Move, guard: dict[int, int]) -> int:
    """How much accepting ``move`` moves the guarded meters the right way (negative: harms)."""
    offer = state.scenario.offer(move.offer)
    variant = offer.variant(move.variant)
    effects = [offer.on_offer, offer.on_accept]
    if variant is not None:
        effects += [variant.on_offer, variant.on_accept]
    return sum(
        delta * guard[index]
        for effect in effects
        for index, delta in effect.meters
        if index in guard
    )


def _directed_move(
    state: GameState,
    target: Ending,
    terminal: Terminal,
    avoid: frozenset[str],
    rng: random.Random,
    *,
    hot_seat: bool = False,
) -> tuple[Move, ReactionKind | None]:
    """The next move of a game steered towards ``target``, and the reaction it would need."""
    scenario = state.scenario
    if state.pending is not None:
        counter = scenario.counters[state.pending]
        wanted = counter.accord in target.accords and terminal is Terminal.STATEMENT
        return Move(ACCEPT if wanted and counter.accord not in avoid else REJECT), None
    moves = available_moves(state)
    offers = [
        move
        for move in moves
        if scenario.offer(move.offer).kind is OfferKind.OFFER
        and move.offer not in avoid
        and not state.has_accord(move.offer)
    ]
    needed = [_variant_for(state, m, terminal) for m in offers if m.offer in target.accords]
    missing = [a for a in target.accords if not state.has_accord(a)]
    closing_kind = OfferKind.STATEMENT if terminal is Terminal.STATEMENT else OfferKind.WALK_AWAY
    closing = [m for m in moves if scenario.offer(m.offer).kind is closing_kind]
    last_round = state.round == len(scenario.rounds) - 1
    if not missing and closing and terminal in (Terminal.STATEMENT, Terminal.WALKED_AWAY):
        move = closing[0]
        if terminal is Terminal.WALKED_AWAY or last_round:
            return move, None
        if judge(state, move).kind is ReactionKind.ACCEPT:
            return move, None
    rng.shuffle(needed)
    for move in needed:
        if judge(state, move).kind is ReactionKind.ACCEPT:
            return move, None
    if terminal is Terminal.WALKOUT:
        # Pressing what they refuse wears their patience down.
        pool = [m for m in offers if judge(state, m).kind is not ReactionKind.ACCEPT] or offers
        if pool:
            return rng.choice(pool), None
    guard = _guarded(scenario, target)
    fillers = [
        m for m in offers if m.offer not in target.accords and _helpfulness(state, m, guard) >= 0
    ]
    welcome = [m for m in fillers if judge(state, m).kind is ReactionKind.ACCEPT]
    if welcome and rng.random() < 0.85:
        # Mostly the filler that does most for what the target needs; sometimes any other.
        welcome.sort(key=lambda m: -_helpfulness(state, m, guard))
        return (welcome[0] if rng.random() < 0.6 else rng.choice(welcome)), None
    if needed and hot_seat:
        return rng.choice(needed), ReactionKind.ACCEPT
    fresh = [m for m in fillers if not state.refusals[scenario.offer_index[m.offer]]]
    if fresh:
        return rng.choice(fresh), None
    # Rather than press a refused offer again, take a pause (a recess), if the scenario has one.
    pauses = [
        m for m in moves if scenario.offer(m.offer).kind not in (*_JUDGED, OfferKind.WALK_AWAY)
    ]
    return rng.choice(pauses or fillers or offers or moves), None


def directed_game(
    scenario: Scenario, target: Ending, seed: int, *, hot_seat: bool = False
) -> Found | None:
    """Play towards ``target``, trying seeds from ``seed`` on; None if no game reached it.

    Without ``hot_seat`` every reaction is the engine's own; with it, the counterpart may be
    made to accept (or walk out) wherever the rules allow a human player to choose that.
    """
    rng = random.Random(f"{scenario.id}:{target.id}:{seed}")
    terminals = [t for t in target.terminals if not _is_shadowed(scenario, target, t)]
    for attempt in range(DIRECTED_TRIES):
        terminal = terminals[attempt % len(terminals)] if terminals else target.terminals[0]
        avoid = _shadowing(scenario, target, terminal)
        game_seed = seed + attempt // 4
        state = new_game(scenario, game_seed)
        while not state.is_over:
            move, forced = _directed_move(state, target, terminal, avoid, rng, hot_seat=hot_seat)
            reaction: ReactionKind | None = None
            if hot_seat and not move.is_answer:
                offer = scenario.offer(move.offer)
                if offer.kind in _JUDGED:
                    allowed = judge(state, move).allowed
                    wish = ReactionKind.WALKOUT if terminal is Terminal.WALKOUT else forced
                    if wish is not None and wish in allowed:
                        reaction = wish
            state = apply(state, move, reaction).state
        result = outcome(state)
        if result is not None and result.ending.id == target.id:
            moves = ", ".join(str(turn.move) for turn in state.turns)
            how = "hot-seat" if hot_seat else "directed"
            return Found(state, f"{how}, seed {game_seed}, moves: {moves}")
    return None


def finished_games(scenario: Scenario, seed: int) -> dict[str, Found]:
    """A finished game for every ending the scenario can reach, by ending id."""
    found: dict[str, Found] = {}
    wanted = {ending.id for ending in scenario.endings}
    for offset in range(SEARCH_SEEDS):
        for name in SHOT_STRATEGIES:
            state = play(scenario, name, seed + offset)
            result = outcome(state)
            if result is not None and result.ending.id not in found:
                found[result.ending.id] = Found(state, f"{name}, seed {seed + offset}")
        if wanted <= set(found):
            break
    for ending_id, (recipe_seed, moves) in RECIPES.get(scenario.id, {}).items():
        if ending_id not in found:
            scripted = _scripted(scenario, recipe_seed, moves)
            result = None if scripted is None else outcome(scripted)
            if scripted is not None and result is not None and result.ending.id == ending_id:
                found[ending_id] = Found(
                    scripted, f"script, seed {recipe_seed}: {', '.join(moves)}"
                )
    for ending in scenario.endings:
        if ending.id in found:
            continue
        hit = directed_game(scenario, ending, seed) or directed_game(
            scenario, ending, seed, hot_seat=True
        )
        if hit is not None:
            found[ending.id] = hit
    return {ending.id: found[ending.id] for ending in scenario.endings if ending.id in found}


def _scripted(scenario: Scenario, seed: int, moves: tuple[str, ...]) -> GameState | None:
    """The game a script of moves plays, or None if a move is no longer legal."""
    state = new_game(scenario, seed)
    for text in moves:
        try:
            state = apply(state, Move.parse(text)).state
        except IllegalMoveError:
            return None
    return state


def rich_game(scenario: Scenario, seed: int) -> GameState:
    """A finished game with plenty to debrief: the essay's line on this seed, or a longer one."""
    candidates = [play(scenario, name, seed) for name in ("essay", "dove", "historical")]
    return max(candidates, key=lambda s: (len(s.accords), len(s.turns)))


def _no_action() -> Action | None:
    return None


def outcome_shots(ctx: UiContext, seed: int) -> list[tuple[str, Screen]]:
    """One outcome scene per ending of Hanoi (``outcome-<ending id>``), then the debrief."""
    from game.store.scenarios import load_scenario
    from game.ui.screens.debrief import DebriefScreen

    scenario = load_scenario("hanoi")
    shots: list[tuple[str, Screen]] = [
        (f"outcome-{ending_id}", OutcomeScreen(ctx, found.state, _no_action))
        for ending_id, found in finished_games(scenario, seed).items()
    ]
    state = rich_game(scenario, seed)
    shots.append(
        (
            "debrief",
            DebriefScreen(
                ctx,
                state,
                on_replay=_no_action,
                on_export=_no_action,
                on_next_summit=None,
                on_title=_no_action,
                verification=verification_code(state),
            ),
        )
    )
    return shots


__all__ = [
    "Departure",
    "Found",
    "OutcomeScreen",
    "departure",
    "directed_game",
    "finished_games",
    "outcome_shots",
    "record_summary",
    "rich_game",
]
