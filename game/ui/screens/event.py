"""The event pop-up between rounds: what happened, what it changed, and the round that follows."""

from __future__ import annotations

from game.draw.context import UiContext
from game.draw.theme import Tone
from game.engine import GameState, Turn
from game.engine.scenario import Event
from game.ui.screen import Pop
from game.ui.widgets.base import does
from game.ui.widgets.buttons import Button, ButtonKind
from game.ui.widgets.choices import ChoiceDialog, effect_parts


def events_of(state: GameState, turn: Turn) -> list[Event]:
    """The scenario's events that followed ``turn``."""
    by_id = {event.id: event for event in state.scenario.events}
    return [by_id[event_id] for event_id in turn.events if event_id in by_id]


class EventScreen(ChoiceDialog):
    """Between rounds: the event's title and text, its meter changes, and what comes next."""

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
        parts = effect_parts(scenario, *(event.effect for event in events))
        notes: list[tuple[str, Tone]] = []
        if state.is_over:
            notes.append(("The summit is over.", Tone.ALARM))
        else:
            held = scenario.rounds[state.round]
            notes.append(
                (
                    f"Next: {held.label}, {held.time}. {held.description} "
                    f"{held.turns} offer{'s' if held.turns != 1 else ''} in this round.",
                    Tone.NEUTRAL,
                )
            )
        button = Button(
            label="Back to the table",
            kind=ButtonKind.PRIMARY,
            hint="Enter",
            on_activate=does(Pop()),
        )
        super().__init__(
            ctx,
            title=title,
            kicker="Between rounds",
            intro=tuple(event.text for event in events),
            parts_title="What it changes",
            parts=parts,
            notes=notes,
            buttons=(button,),
            cancel=Pop(),
            columns=7,
        )
        self.events = events
