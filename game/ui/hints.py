"""The U.S. adviser's hints for a first game: what a meter means, why a card is locked, what a
proposal of theirs costs, what their words may give away. One short note at a time, each shown
once, dismissed with X or a click.

Which hint shows is worked out here from the game state and what has been dismissed; dismissing
is interface state (a set of keys the flow keeps), never game state. The note on the table is
:class:`game.ui.widgets.adviser.AdviserNote`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Final

import attrs

from game.engine import (
    GameState,
    MeterRole,
    Move,
    OfferKind,
    ReactionKind,
    available_moves,
    is_legal,
)
from game.engine.describe import again_text, move_label
from game.engine.foresight import expected_need_range, no_trust_wins


@attrs.frozen
class Hint:
    """One note: ``key`` identifies it so it is shown once; ``topic`` heads it."""

    key: str
    text: str
    topic: str = ""


@attrs.frozen
class Focus:
    """What the player is looking at on the table: an offer card and why it is locked."""

    offer: str = ""
    reason: str = ""


_REFUSALS: Final = frozenset((ReactionKind.REJECT, ReactionKind.DEFER, ReactionKind.COUNTER))
"""The answers that count as refusing an offer: each makes it dearer to offer again."""


def _meter_hint(state: GameState, seen: Collection[str]) -> Hint | None:
    """The first meter the last turn moved that has not been explained yet (trust has its own
    word, for the opening moves)."""
    if not state.turns:
        return None
    before = state.turns[-2].meters if len(state.turns) > 1 else None
    after = state.turns[-1].meters
    trust = state.scenario.role_index(MeterRole.TRUST)
    for index, meter in enumerate(state.scenario.meters):
        key = f"meter:{meter.id}"
        if key in seen or index == trust:
            continue
        moved = before is None or before[index] != after[index]
        if moved:
            return Hint(key, meter.description, meter.label)
    return None


OPENING_MOVES: Final = 3
"""For how many moves the word on trust, the first of the hints, stays up undismissed."""


def _most_need_more(state: GameState, meter: int) -> str:
    """ " Most accords need more of it than you start with.", when they do: a summit carried on
    at trust 90 was told so too (a play-tester)."""
    value = state.meters[meter]
    needs = [
        need.at_least
        for offer in state.scenario.offers
        for need in offer.needs
        if need.meter == meter and need.at_least is not None
    ]
    if sum(1 for need in needs if need > value) * 2 <= len(needs):
        return ""
    have = "you start with" if not state.turns else "you have"
    return f" Most accords need more of it than {have}."


def stalled(state: GameState) -> tuple[str, bool]:
    """What the adviser says when no offer open to the player meets what they need now, as far
    as the table's figures show ("" otherwise), and whether not even a good day carries the
    nearest: a play-tester spent three rounds of patience on near misses ("about 16, now 12"),
    every one refused, his grudges raising them all."""
    scenario = state.scenario
    trust = scenario.role_index(MeterRole.TRUST)
    if trust is None or state.pending is not None or state.is_over:
        return "", False
    value = state.meters[trust]
    nearest: tuple[int, str] | None = None
    for move in available_moves(state):
        if not scenario.offer(move.offer).kind.judged or no_trust_wins(state, move):
            continue
        needed = expected_need_range(state, move, trust)
        if needed is None or needed[0] <= value:
            return "", False  # something on the table may be won as things stand
        if nearest is None or needed[0] < nearest[0]:
            nearest = (needed[0], move_label(scenario, move))
    if nearest is None:
        return "", False
    label = scenario.meters[trust].label
    text = (
        f"Nothing on the table meets what they need now: {label} {value}; the nearest, "
        f"{nearest[1]}, needs about {nearest[0]}. Every refusal adds to what they remember."
    )
    if nearest[0] - scenario.rules.noise <= value:
        return f"{text} Only a good day carries an offer that falls short.", False
    leave = next((o.label for o in scenario.offers if o.kind is OfferKind.WALK_AWAY), "")
    ending = f"; \u201c{leave}\u201d ends the summit at once" if leave else ""
    later = f"events between rounds can still move {label}{ending}"
    return f"{text} Not even a good day carries one: {later}.", True


def next_hint(state: GameState, focus: Focus, seen: Collection[str]) -> Hint | None:
    """The most useful hint not yet dismissed, or None (always None once the summit is over:
    nothing is left to advise on)."""
    if state.is_over:
        return None
    scenario = state.scenario
    candidates: list[Callable[[], Hint | None]] = []

    def add(key: str, when: bool, text: Callable[[], str], topic: str = "") -> None:
        if key not in seen and when:
            candidates.append(lambda: Hint(key, text(), topic))

    trust_index = scenario.role_index(MeterRole.TRUST)
    if trust_index is not None:
        trust = scenario.meters[trust_index]
        add(
            f"meter:{trust.id}",
            # An opening word: after the first moves it gives way to advice on what happens
            # (a play-tester saw it stay up for all eleven moves of a game, never dismissed).
            len(state.turns) < OPENING_MOVES,
            lambda: trust.description + _most_need_more(state, trust_index),
            trust.label,
        )
    if state.pending is not None and not state.is_over:
        add(
            "proposal",
            True,
            lambda: (
                "Accept it (A), reject it (R), or amend it (M) with an offer of your own: each "
                "answer's card says what it changes. They table each proposal only once."
            ),
            "their proposal",
        )
    add(
        "opening",
        not state.turns and bool(state.profile_info.opening),
        lambda: (
            "Listen to their head of delegation: what they say first, and what they refuse, "
            "tells you what they want settled first."
        ),
        "their words",
    )
    if focus.reason and focus.offer:
        offer = scenario.offer(focus.offer)
        add(
            "locked",
            True,
            lambda: (
                f"{offer.label}: {focus.reason}. Cards open as trust grows and accords are reached."
            ),
            "locked cards",
        )
    # Said again once not even a good day carries the nearest (it stood through a move, read).
    said = {"stalled", "stalled:far"} <= set(seen)  # both read: nothing left to work out
    stuck, far = stalled(state) if state.turns and not said else ("", False)
    add("stalled:far" if far else "stalled", bool(stuck), lambda: stuck, "offers out of reach")
    last = state.turns[-1] if state.turns else None
    if last is not None:
        add(
            "refused",
            last.reaction.kind in _REFUSALS,
            lambda: (
                "Whether they reject it, defer it or counter it, an offer not taken up "
                f"{again_text(scenario)} each time you make it again. Build trust elsewhere first."
            ),
            "refusals",
        )
        add(
            "event",
            bool(last.events),
            lambda: (
                "Events between rounds move the meters. You cannot stop them; plan around them."
            ),
            "events",
        )
        add(
            "accord",
            last.reaction.accord is not None,
            lambda: (
                "An accord counts only if a joint statement records it, unless it is "
                "unwritten: a tacit understanding stands even without one."
            ),
            "accords",
        )
    statement_open = any(
        offer.kind is OfferKind.STATEMENT and is_legal(state, Move(offer.id))
        for offer in scenario.offers
    )
    add(
        "statement",
        statement_open and bool(state.accords),
        lambda: (
            "A joint statement can now be put forward. If they sign, the summit closes "
            "with everything agreed on the record."
        ),
        "the statement",
    )
    for candidate in candidates:
        hint = candidate()
        if hint is not None:
            return hint
    return _meter_hint(state, seen)
