"""The words every front end shares: move labels, reaction words, meter lines and changes.

The terminal, the stdio protocol, the window and the classroom say the same things the same way;
this is where they are worded. Pure: it reads scenarios, moves and effects, nothing else.

>>> capitalise("dinner"), sentence("they walk out")
('Dinner', 'They walk out.')
>>> signed(8), signed(-8)
('+8', '\u22128')
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Final

import attrs

from game.engine.scenario import Direction, Effect, Offer, Scenario, Variant
from game.engine.state import ACCEPT, Move, ReactionKind

MINUS: Final = "\u2212"
"""The true minus sign, wider than a hyphen and set at the height of a plus."""


class StrategyName(enum.StrEnum):
    """The built-in strategies, by the names ``batch --strategy`` and the reports use.

    A ``StrEnum``: each is also the name :data:`game.engine.strategies.STRATEGIES` knows it by.
    """

    HISTORICAL = "historical"
    """What happened in Hanoi."""
    ESSAY = "essay"
    """The essay's agenda in order, closed by a joint statement."""
    HAWK = "hawk"
    """Ask for everything, concede nothing."""
    DOVE = "dove"
    """Reassure first, concede generously, accept every counter-offer."""
    RANDOM = "random"
    """Any available move."""
    GREEDY = "greedy"
    """The offer with the best immediate gain that they should accept."""


def capitalise(text: str) -> str:
    """``text`` with its first letter in capitals and the rest as it was (labels are written to
    read mid-sentence: "working lunch", "U.S. leverage")."""
    return text[:1].upper() + text[1:]


def sentence(text: str) -> str:
    """``text`` as a sentence of its own: capitalised and ending with a full stop."""
    text = capitalise(text)
    return text if text.endswith(".") else f"{text}."


def move_label(scenario: Scenario, move: Move) -> str:
    """The player-facing name of a move: ``Mutual restraint (unwritten)``."""
    if move.is_answer:
        return "You accept their proposal" if move.offer == ACCEPT else "You reject their proposal"
    offer = scenario.offer(move.offer)
    variant = offer.variant(move.variant)
    return f"{offer.label} ({variant.label})" if variant else offer.label


def meters_line(scenario: Scenario, meters: Sequence[int], stance: int | None = None) -> str:
    """``trust 25 · patience 63 · ... · they are guarded`` (the stance only when given)."""
    parts = [f"{meter.label} {value}" for meter, value in zip(scenario.meters, meters, strict=True)]
    if stance is not None:
        parts.append(f"they are {scenario.stances[stance].label}")
    return " \u00b7 ".join(parts)


# --- Their reply ------------------------------------------------------------------------------

REPLY: Final[Mapping[ReactionKind, str]] = MappingProxyType(
    {
        ReactionKind.ACCEPT: "accept",
        ReactionKind.COUNTER: "counter",
        ReactionKind.DEFER: "defer",
        ReactionKind.REJECT: "reject",
        ReactionKind.WALKOUT: "walk out",
        ReactionKind.NOTED: "take note",
        ReactionKind.ENDED: "see you leave",
    }
)
"""What they do, after "they": ``They accept``, ``they see you leave``."""

REPLIED: Final[Mapping[ReactionKind, str]] = MappingProxyType(
    {
        ReactionKind.ACCEPT: "accepted",
        ReactionKind.COUNTER: "countered",
        ReactionKind.DEFER: "deferred",
        ReactionKind.REJECT: "rejected",
        ReactionKind.WALKOUT: "they walked out",
        ReactionKind.NOTED: "noted",
        ReactionKind.ENDED: "you left the table",
    }
)
"""What became of an offer, after it: ``Liaison offices: accepted``."""


def reply_sentence(kind: ReactionKind) -> str:
    """Their reply as the start of a sentence: ``They accept``, ``You leave the table``."""
    if kind is ReactionKind.ENDED:
        return "You leave the table"
    return f"They {REPLY[kind]}"


# --- What moves change ------------------------------------------------------------------------


def signed(value: int) -> str:
    """``+8``, or ``-8`` written with a true minus sign (U+2212)."""
    return f"+{value}" if value >= 0 else f"{MINUS}{-value}"


@attrs.frozen
class Change:
    """One change an effect makes, e.g. ``trust +8``, and whether it is good for the player."""

    text: str
    good: bool


def changes(scenario: Scenario, *effects: Effect) -> list[Change]:
    """The changes the effects make together, one per meter in the scenario's order, then the
    step in their stance."""
    totals: dict[int, int] = {}
    step = 0
    for effect in effects:
        for index, delta in effect.meters:
            totals[index] = totals.get(index, 0) + delta
        step += effect.stance_step
    found = []
    for index, meter in enumerate(scenario.meters):
        delta = totals.get(index, 0)
        if delta:
            good = (delta > 0) == (meter.good is Direction.HIGH)
            found.append(Change(f"{meter.label} {signed(delta)}", good))
    if step:
        word = "warmer" if step > 0 else "cooler"
        steps = "one step" if abs(step) == 1 else f"{abs(step)} steps"
        found.append(Change(f"their stance {steps} {word}", step > 0))
    return found


def effect_text(scenario: Scenario, *effects: Effect, none: str = "no change") -> str:
    """The changes as one phrase: ``trust +8, risk exposure -8`` (true minus signs)."""
    found = changes(scenario, *effects)
    return ", ".join(change.text for change in found) if found else none


def offer_costs(scenario: Scenario, offer: Offer, variant: Variant | None) -> tuple[str, str]:
    """What proposing costs and what acceptance brings, as two phrases."""
    proposing = [offer.on_offer] + ([variant.on_offer] if variant else [])
    accepted = [offer.on_accept] + ([variant.on_accept] if variant else [])
    return (
        effect_text(scenario, *proposing, none="nothing"),
        effect_text(scenario, *accepted, none="no change to the meters"),
    )


__all__ = [
    "MINUS",
    "REPLIED",
    "REPLY",
    "Change",
    "StrategyName",
    "capitalise",
    "changes",
    "effect_text",
    "meters_line",
    "move_label",
    "offer_costs",
    "reply_sentence",
    "sentence",
    "signed",
]
