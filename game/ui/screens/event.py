"""The event pop-up between rounds: what happened (and how an accord it put to the test fared),
what it changed, the standing pressures that bore on the talks, and the round that follows."""

from __future__ import annotations

import pygame

from game.draw.context import UiContext
from game.draw.theme import Tone
from game.engine import GameState, Move, Turn
from game.engine.describe import (
    NEW_ROUND,
    changes,
    effect_text,
    event_effect,
    round_opened,
    round_when,
    sentence,
)
from game.engine.scenario import Effect, Event
from game.ui.record import before_the_break
from game.ui.screen import Pop
from game.ui.widgets.base import does
from game.ui.widgets.buttons import Button, ButtonKind
from game.ui.widgets.chips import effect_parts
from game.ui.widgets.choices import ChoiceDialog
from game.words import counted


def events_of(state: GameState, turn: Turn) -> list[Event]:
    """The scenario's events that followed ``turn``."""
    by_id = {event.id: event for event in state.scenario.events}
    return [by_id[event_id] for event_id in turn.events if event_id in by_id]


def event_effects(event: Event, turn: Turn) -> tuple[str, list[Effect]]:
    """What became of an event: the text of its test's outcome (``""`` when it tested no
    accord on the record), and the effects it had."""
    tested = dict(turn.tests)
    test = event.test
    effect = event_effect(event, turn)
    if test is None or test.accord not in tested:
        return "", [effect]
    return (test.held if tested[test.accord] else test.broken), [effect]


class EventScreen(ChoiceDialog):
    """Between rounds: the event's title and text, its meter changes, the standing pressures,
    and what comes next."""

    def __init__(
        self,
        ctx: UiContext,
        state: GameState,
        turn: Turn,
    ) -> None:
        events = events_of(state, turn)
        if not events:
            raise ValueError(f"nothing happened after turn {turn.number}")
        scenario = state.scenario
        title = " \u00b7 ".join(event.title for event in events)
        intro: list[str] = []
        effects: list[Effect] = []
        for event in events:
            outcome_text, applied = event_effects(event, turn)
            intro.append(f"{event.text} {outcome_text}".strip())
            effects.extend(applied)
        # What it changes is the event's own doing, as the terminal and the log say it; the
        # new round's change and the standing pressures follow as notes with their own figures
        # (a play-tester saw patience rise by 7 with nothing to say why; a teacher saw the
        # event credited with what the new round and a pressure did).
        parts = effect_parts(scenario, *effects)
        notes = before_the_break(state, turn)
        if round_opened(state, turn) and not scenario.rules.per_round.is_empty:
            rested = effect_text(scenario, scenario.rules.per_round)
            notes.append((f"Also: {NEW_ROUND.lower()} ({rested}).", Tone.NEUTRAL))
        for drift in scenario.drifts:
            if drift.id in turn.drifts:
                said = sentence(drift.text).removesuffix(".")
                found = changes(scenario, drift.effect)
                good = bool(found) and all(change.good for change in found)
                figures = ", ".join(change.text for change in found) or "no change"
                notes.append(
                    (f"Also: {said} ({figures}).", Tone.POSITIVE if good else Tone.CAUTION)
                )
        if state.is_over:
            notes.append(("The summit is over.", Tone.ALARM))
        else:
            held = scenario.rounds[state.round]
            # The time and the description are optional: what is left out leaves no gap.
            following = (
                f"Next: {round_when(held)}.",
                held.description.strip(),
                f"{counted(held.turns, 'offer')} in this round.",
            )
            notes.append((" ".join(words for words in following if words), Tone.NEUTRAL))
        if turn.tabled is not None:
            proposal = scenario.proposal(turn.tabled)
            notes.append((f"As it opens, they table a proposal: {proposal.label}.", Tone.CAUTION))
        # Their proposal waits under this dialog when they have one on the table.
        waiting = state.pending is not None and not state.is_over
        button = Button(
            label="On to their proposal" if waiting else "Back to the table",
            kind=ButtonKind.PRIMARY,
            hint="Enter",
            on_activate=does(Pop()),
        )
        super().__init__(
            ctx,
            title=title,
            kicker="Between rounds",
            intro=tuple(intro),
            parts_title="What it changes",
            parts=parts,
            notes=notes,
            buttons=(button,),
            columns=7,
        )
        self.events = events

    def key_for(self, move: Move | None) -> int | None:
        """Enter: back to the table, whatever comes next."""
        del move
        return pygame.K_RETURN
