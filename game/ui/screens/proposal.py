"""The proposal dialog: a proposal of theirs on the table (tabled on their own, or put forward
instead of your offer), how each side describes it, and what each answer would cost.

Accept (A), reject (R) and amend (M: answer with an offer of your own, named) hand the answer to
the flow as a move; Esc ("see the table first") closes the dialog and leaves the proposal on
the table, where the answer cards and a button to open this dialog again wait for it.
"""

from __future__ import annotations

from typing import Final

import pygame

from game.draw.context import UiContext
from game.draw.theme import Tone
from game.engine import Direction, GameState, MeterRole, Move, OfferKind, amendment, move_options
from game.engine.describe import (
    answer_foreseen,
    capitalise,
    need_sentence,
    rejection_hardens,
    sentence,
)
from game.engine.foresight import (
    expected_need_range,
    foreseen,
)
from game.engine.state import ACCEPT, AMEND, REJECT
from game.ui.in_play import PlayMove
from game.ui.record import amend_title, before_the_break, insists, proposal_kicker
from game.ui.screen import Action, Apply, Chain, Pop
from game.ui.table import ANSWER_KEYS, amend_uses
from game.ui.widgets.base import Shortcut, does
from game.ui.widgets.buttons import Button, ButtonKind
from game.ui.widgets.chips import cost_parts, difficulty, effect_parts, labelled
from game.ui.widgets.choices import ChoiceDialog, ChoiceRow

KEYS: Final = {
    answer: Shortcut(getattr(pygame, f"K_{letter.lower()}"), letter)
    for answer, letter in ANSWER_KEYS.items()
}
"""A, R and M: the keys of the three answers, here and on the table."""
THEIR_VIEW: Final = "How they put it"
UNSEEN: Final = " Their character, which no reply has shown yet, may change what it does."
"""Said of an answer whose effects some delegations' character adds to (see answer_foreseen)."""


def _changes(unseen: bool) -> str:
    """What an answer's chips are headed: "As a rule:" while their character may still change
    them (the sentence that says so is the first thing a short dialog leaves out)."""
    return "As a rule:" if unseen else "It changes:"


def _answer(word: str) -> Action:
    return Chain((Pop(), Apply(PlayMove(Move(word)))))


def consequence(why: str) -> str:
    """An engine explanation ("accepted their proposal: Yongbyon closes...") as a consequence
    to weigh beforehand ("Yongbyon closes...")."""
    _, colon, rest = why.partition(": ")
    text = rest if colon else why
    return sentence(text)


def adviser_note(state: GameState) -> str:
    """What the adviser says of a proposal: what its heaviest cost means for the player."""
    scenario = state.scenario
    assert state.pending is not None
    proposal = scenario.proposals[state.pending.proposal]
    worst: tuple[int, int] | None = None
    for index, delta in proposal.on_accept.meters:
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
    proposal = scenario.proposals[state.pending.proposal]
    after = list(state.meters)
    for effect in answer_foreseen(state, proposal, which)[0]:
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


def amend_row(state: GameState) -> ChoiceRow:
    """Answering with an offer of your own: which, what it costs, and that it is judged like any
    offer; disabled, saying why, when there is no amendment or its offer is closed."""
    scenario = state.scenario
    option = next(o for o in move_options(state) if o.move.offer == AMEND)
    amended = amendment(state)
    if amended is None:
        return ChoiceRow(title="Amend it", body=capitalise(option.reason) + ".", enabled=False)
    offer = scenario.offer(amended.offer)
    variant = offer.variant(amended.variant)
    title = amend_title(state, amended)
    if not option.available:
        return ChoiceRow(title=title, body=capitalise(option.reason) + ".", enabled=False)
    judged = "They judge it as they would your offer"
    if scenario.rules.amend_shift > 0:
        judged += ", a little more harshly for coming as an amendment"
    elif scenario.rules.amend_shift < 0:
        # Hanoi's amendments need less (a helper found "as they would your offer" hid it).
        judged += ", a little more readily for coming as an answer to theirs"
    notes = [f"{judged}; {amend_uses(state)}."]
    if insists(state, amended):
        # A play-tester took it for a new offer, and lost a grudge's worth on it.
        notes.insert(
            0,
            "The very offer they have just countered: they cannot counter it again, so it is "
            "likely to win only if they were holding out for more (their reply says so).",
        )
    trust = scenario.role_index(MeterRole.TRUST)
    need = None
    if trust is not None:
        need = expected_need_range(state, amended, trust, answering=True)
    needed = ""
    if need is not None and trust is not None:
        # What it needs, as the form dialog says it, shown however short the room (a
        # play-tester saw what insisting would bring, and not what it needed).
        needed = need_sentence(scenario.meters[trust], *need, state.meters[trust])
    elif variant is not None and difficulty(variant):
        notes.append(difficulty(variant))
    # As the form dialog foresees it (the rules' share of every accord, the reward for serving
    # what they have said they want first): a play-tester read "trust +5" and got +10.
    # Short of room, the title names the offer and its form, and one sum says what it changes
    # if accepted, proposing it included (large text at 1024x600 ran off the dialog).
    proposing, accepted = foreseen(state, amended)
    in_all = labelled("If accepted, in all:", effect_parts(scenario, *proposing, *accepted))
    summary = variant.summary if variant is not None else offer.summary
    return ChoiceRow(
        title=title,
        body=needed,
        detail=" ".join([summary, *notes]),
        parts=cost_parts(state, amended),
        brief_parts=in_all,
    )


class ProposalScreen(ChoiceDialog):
    """Their proposal: accept (A), reject (R) or amend (M), each with its cost; Esc answers
    later."""

    def __init__(self, ctx: UiContext, state: GameState, *, hints: bool = False) -> None:
        if state.pending is None or state.is_over:
            raise ValueError("there is no proposal of theirs to answer")
        scenario = state.scenario
        proposal = scenario.proposals[state.pending.proposal]
        accord = scenario.accord_label(proposal.accord)
        taking, unseen_yes = answer_foreseen(state, proposal, ACCEPT)
        refusing, unseen_no = answer_foreseen(state, proposal, REJECT)
        accept = ChoiceRow(
            title="Accept their proposal",
            body=f"The accord: {accord}, {proposal.variant}.",
            detail="Answering does not use up an offer." + (UNSEEN if unseen_yes else ""),
            parts=labelled(_changes(unseen_yes), effect_parts(scenario, *taking)),
        )
        hardens = rejection_hardens(scenario, proposal)
        reject = ChoiceRow(
            title="Reject it",
            body="They will not table it again.",
            # What it does to your own offer first: a play-tester rejected their Yongbyon deal
            # and found his own Yongbyon offer needing 16 more, unannounced.
            detail=f"{hardens} {consequence(proposal.reject_why)}".strip()
            + (UNSEEN if unseen_no else ""),
            parts=labelled(_changes(unseen_no), effect_parts(scenario, *refusing)),
        )
        amend = amend_row(state)
        rows = {ACCEPT: accept, REJECT: reject, AMEND: amend}
        for word, row in rows.items():
            row.shortcut = KEYS[word]
            row.on_activate = does(_answer(word)) if row.enabled else None
        notes: list[tuple[str, Tone]] = []
        notes += [(f"If you accept: {text}", tone) for text, tone in crossing_notes(state, ACCEPT)]
        notes += [(f"If you reject: {text}", tone) for text, tone in crossing_notes(state, REJECT)]
        adviser = adviser_note(state) if hints else ""
        later = Button(
            label="See the table first", kind=ButtonKind.QUIET, hint="Esc", on_activate=does(Pop())
        )
        super().__init__(
            ctx,
            title=proposal.label,
            kicker=proposal_kicker(state),
            rows=(accept, reject, amend),
            notes=notes,
            recap=before_the_break(state),
            adviser=adviser,
            buttons=(later,),
            columns=12,
            side=(
                ("", proposal.summary),
                (THEIR_VIEW, proposal.their_view),
                (f"How {state.scenario.sides.player.capital} puts it", proposal.our_view),
            ),
            side_columns=4,
        )
        self.proposal = proposal
        self.answers = rows
        # Enter pressed in haste only closes the dialog: an answer is a move, taken on purpose
        # (its key, a click, or Tab to it).
        self.focus.focus(later)

    def key_for(self, move: Move | None) -> int | None:
        """A, R or M for an answer; nothing for another move."""
        if move is None or move.offer not in KEYS:
            return None
        return KEYS[move.offer].key
