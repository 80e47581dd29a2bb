"""The counter-offer dialog: their proposal, and what accepting or rejecting it would cost.

Accepting or rejecting hands the answer to the flow as a move; Esc ("later") closes the dialog
and leaves the proposal on the table, where a button opens this dialog again.
"""

from __future__ import annotations

from typing import Final

import pygame

from game.draw.context import UiContext
from game.draw.theme import Tone
from game.engine import Direction, GameState, Move, OfferKind
from game.engine.describe import capitalise, sentence
from game.engine.state import ACCEPT, REJECT
from game.ui.screen import Action, Apply, Chain, PlayMove, Pop
from game.ui.widgets.base import Shortcut, does
from game.ui.widgets.buttons import Button, ButtonKind
from game.ui.widgets.choices import ChoiceDialog, ChoiceRow, effect_parts, labelled

ACCEPT_KEY: Final = Shortcut(pygame.K_a, "A")
REJECT_KEY: Final = Shortcut(pygame.K_r, "R")


def _answer(word: str) -> Action:
    return Chain((Pop(), Apply(PlayMove(Move(word)))))


def consequence(why: str) -> str:
    """An engine explanation ("accepted their ask: Yongbyon closes...") as a consequence to
    weigh beforehand ("Yongbyon closes...")."""
    _, colon, rest = why.partition(": ")
    text = rest if colon else why
    return sentence(text)


def adviser_note(state: GameState) -> str:
    """What the adviser says of a proposal: what its heaviest cost means for the player."""
    scenario = state.scenario
    assert state.pending is not None
    counter = scenario.proposals[state.pending.proposal]
    worst: tuple[int, int] | None = None
    for index, delta in counter.on_accept.meters:
        meter = scenario.meters[index]
        harm = -delta if meter.good is Direction.HIGH else delta
        if harm > 0 and (worst is None or harm > worst[1]):
            worst = (index, harm)
    if worst is None:
        return "Accepting costs you nothing on the meters; refusing closes this door for good."
    meter = scenario.meters[worst[0]]
    text = meter.description
    if text[1:2].islower():
        text = text[:1].lower() + text[1:]
    return f"The heaviest cost is {meter.label}: {text}"


def crossing_notes(state: GameState, which: str) -> list[tuple[str, Tone]]:
    """Warnings about limits an answer would cross: the domestic line a statement needs, or
    the patience at which they walk out."""
    scenario = state.scenario
    assert state.pending is not None
    counter = scenario.proposals[state.pending.proposal]
    effect = counter.on_accept if which == ACCEPT else counter.on_reject
    after = list(state.meters)
    for index, delta in effect.meters:
        meter = scenario.meters[index]
        after[index] = min(max(after[index] + delta, meter.minimum), meter.maximum)
    notes: list[tuple[str, Tone]] = []
    for offer in scenario.offers:
        for bound in offer.requires.meters:
            if offer.kind is OfferKind.STATEMENT and bound.high is not None:
                meter = scenario.meters[bound.meter]
                if after[bound.meter] > bound.high >= state.meters[bound.meter]:
                    notes.append(
                        (
                            f"{capitalise(meter.label)} would reach "
                            f"{after[bound.meter]}: above {bound.high}, no joint statement "
                            "can be signed.",
                            Tone.ALARM,
                        )
                    )
    for bound in scenario.rules.walkout_when.meters:
        if bound.high is not None and after[bound.meter] <= bound.high:
            meter = scenario.meters[bound.meter]
            notes.append(
                (
                    f"{capitalise(meter.label)} would fall to "
                    f"{after[bound.meter]}: they would walk out.",
                    Tone.ALARM,
                )
            )
    return notes


class CounterScreen(ChoiceDialog):
    """Their proposal: accept (A) or reject (R), each with its cost; Esc answers later."""

    def __init__(self, ctx: UiContext, state: GameState, *, hints: bool = False) -> None:
        if state.pending is None:
            raise ValueError("there is no proposal of theirs to answer")
        scenario = state.scenario
        counter = scenario.proposals[state.pending.proposal]
        accord = scenario.accord_label(counter.accord)
        accept, reject = (
            ChoiceRow(
                title=title,
                body=f"{intro} {consequence(why)}",
                parts=labelled("It changes:", effect_parts(scenario, effect)),
                shortcut=key,
                on_activate=does(_answer(word)),
            )
            for title, intro, why, effect, key, word in (
                (
                    "Accept their proposal",
                    f"The accord: {accord}, {counter.variant}.",
                    counter.accept_why,
                    counter.on_accept,
                    ACCEPT_KEY,
                    ACCEPT,
                ),
                (
                    "Reject it",
                    "They will not offer it again.",
                    counter.reject_why,
                    counter.on_reject,
                    REJECT_KEY,
                    REJECT,
                ),
            )
        )
        notes = [(f"If you accept: {text}", tone) for text, tone in crossing_notes(state, ACCEPT)]
        notes += [(f"If you reject: {text}", tone) for text, tone in crossing_notes(state, REJECT)]
        adviser = adviser_note(state) if hints else ""
        later = Button(
            label="Answer later", kind=ButtonKind.QUIET, hint="Esc", on_activate=does(Pop())
        )
        super().__init__(
            ctx,
            title=counter.label,
            kicker="Their proposal",
            intro=(counter.summary,),
            rows=(accept, reject),
            notes=notes,
            adviser=adviser,
            buttons=(later,),
            cancel=Pop(),
            columns=10,
        )
        self.focus.focus(reject)
