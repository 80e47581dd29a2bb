"""The offer variant picker: written or unwritten restraint, partial or generous relief..."""

from __future__ import annotations

from game.draw.context import UiContext
from game.engine import (
    GameState,
    MeterRole,
    Move,
    expected_need_range,
    no_trust_wins,
    refused_by_every_profile,
)
from game.engine.describe import bonus_sentence, capitalise, need_sentence
from game.engine.foresight import (
    agenda_unread,
    walkout_possible,
)
from game.engine.scenario import Offer, OfferKind, Variant
from game.ui.in_play import PlayMove
from game.ui.screen import Apply, Chain, Pop
from game.ui.widgets.base import does, shortcuts
from game.ui.widgets.buttons import Button, ButtonKind
from game.ui.widgets.chips import cost_parts, difficulty
from game.ui.widgets.choices import ChoiceDialog, ChoiceRow


def variant_row(state: GameState, offer: Offer, variant: Variant) -> ChoiceRow:
    """One form of an offer: what it means, what proposing it costs, and what acceptance brings."""
    scenario = state.scenario
    notes = [variant.summary]
    trust = scenario.role_index(MeterRole.TRUST)
    move = Move(offer.id, variant.id)
    refused = no_trust_wins(state, move)
    need = None if trust is None or refused else expected_need_range(state, move, trust)
    # How much harder or easier the form is, unless the figure of what it needs says it: "4
    # more on the meter" beside "needed: about 0" read as a contradiction (a play-tester).
    how = difficulty(variant)
    if how and (need is None or any(n.meter != trust for n in offer.needs)):
        notes.append(how)
    # The form's own words may say it already: not worth saying twice.
    if refused and not refused_by_every_profile(state, move):
        notes.append("It crosses a red line for them, as their reply said: no trust wins it.")
    elif refused and "no delegation accepts" not in variant.summary.lower():
        notes.append("No delegation accepts it in this form, whatever the trust.")
    if refused and walkout_possible(scenario):
        notes.append("They may walk out over it.")
    elif need is not None and trust is not None:
        notes.append(need_sentence(scenario.meters[trust], *need, state.meters[trust]))
    if not refused and agenda_unread(state, move):
        # What the reward for serving what they want first adds, if it is that (a play-tester
        # read "trust +6" and got +10 on his first offer, with nothing to say why).
        bonus = bonus_sentence(scenario)
        if bonus:
            notes.append(bonus)
    # Some forms say so in their own words already; the sentence is not worth saying twice.
    if variant.tacit and "stands even if" not in variant.summary:
        notes.append("It stands even if the summit ends without a statement.")
    return ChoiceRow(
        title=capitalise(variant.label), body=" ".join(notes), parts=cost_parts(state, move)
    )


class VariantScreen(ChoiceDialog):
    """Pick the form an offer takes: the picker closes and the offer is played in that form."""

    def __init__(self, ctx: UiContext, state: GameState, offer: Offer) -> None:
        keys = shortcuts(len(offer.variants))
        rows = []
        for variant, key in zip(offer.variants, keys, strict=True):
            row = variant_row(state, offer, variant)
            row.shortcut = key
            row.on_activate = does(Chain((Pop(), Apply(PlayMove(Move(offer.id, variant.id))))))
            rows.append(row)
        cancel = Button(label="Cancel", kind=ButtonKind.QUIET, hint="Esc", on_activate=does(Pop()))
        super().__init__(
            ctx,
            title=offer.label,
            kicker=(
                "Choose how to step out"
                if offer.kind is OfferKind.RECESS
                else "Choose the form of your offer"
            ),
            intro=(offer.summary,),
            rows=rows,
            buttons=(cancel,),
            columns=10,
        )
        self.offer = offer

    def key_for(self, move: Move | None) -> int | None:
        """The key of the form ``move`` takes."""
        if move is None or move.offer != self.offer.id:
            return None
        ids = [variant.id for variant in self.offer.variants]
        if move.variant not in ids:
            return None
        shortcut = self.rows[ids.index(move.variant)].shortcut
        return None if shortcut is None else shortcut.key
