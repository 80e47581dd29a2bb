"""How the window colours what happens at the table: their replies, and the changes a move
makes, as the theme's tones (good news, a caution, an alarm)."""

from __future__ import annotations

from game.draw.theme import Tone
from game.engine import ReactionKind
from game.engine.describe import Change


def reaction_tone(kind: ReactionKind) -> Tone:
    """Good news, a caution or an alarm, by what they did (the player leaving is neutral)."""
    if kind is ReactionKind.ACCEPT:
        return Tone.POSITIVE
    if kind in (ReactionKind.COUNTER, ReactionKind.DEFER):
        return Tone.CAUTION
    if kind in (ReactionKind.REJECT, ReactionKind.WALKOUT):
        return Tone.ALARM
    return Tone.NEUTRAL


def decision_tone(kind: ReactionKind) -> Tone:
    """The tone of a decision looking back on the game: as :func:`reaction_tone`, except that
    leaving the table ended the talks, which the debrief counts with the refusals."""
    return Tone.ALARM if kind is ReactionKind.ENDED else reaction_tone(kind)


def change_tone(change: Change) -> Tone:
    """Good news or an alarm, by whether the change helps the player."""
    return Tone.POSITIVE if change.good else Tone.ALARM
