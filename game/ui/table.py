"""What the summit table shows, worked out from the scenario and the game in play: the limits
marked on the meters, where their stance turns, what an offer needs, what each offer card says,
the answers to a proposal of theirs, and what picking a card does. No drawing: the table screen
and its widgets lay these out (the words of the log and of their reply are in
:mod:`game.ui.record`).
"""

from __future__ import annotations

import enum
from typing import Final

import attrs

from game.draw.theme import Tone
from game.engine import (
    GameState,
    MeterRole,
    OfferKind,
    ReactionKind,
    Scenario,
    Terminal,
    amendment,
    expected_need_range,
    move_options,
    no_trust_wins,
    outcome,
)
from game.engine.describe import (
    again_text,
    answer_foreseen,
    capitalise,
    changes,
    effect_text,
    essay_view,
    rejection_hardens,
    round_when,
)
from game.engine.foresight import (
    foreseen,
    foreseen_rejection,
    likely_rejected,
    rejection_ends_talks,
)
from game.engine.moves import Unavailable
from game.engine.scenario import Offer, Proposal
from game.engine.state import ACCEPT, AMEND, REJECT, Move
from game.ui.art import Pose
from game.ui.in_play import OfferForms, PlayMove
from game.ui.record import amend_title, pending_proposal, proposal_kicker
from game.ui.screen import Action, Apply, Chain, Choice, Dialog, GameInPlay, Open, Pop
from game.words import counted

ANSWER_KEYS: Final = {ACCEPT: "A", REJECT: "R", AMEND: "M"}
"""The letter each answer to a proposal of theirs goes by, on the table and in its dialog."""
PENDING_FIRST: Final = f"{capitalise(Unavailable.PENDING)}."
"""What an offer's key says while their proposal waits for an answer."""
BUTTON_DETAILS: Final = {
    "help": ("Help \u00b7 H", "The rules in plain words, and the controls."),
    "menu": ("Menu \u00b7 Esc", "Save, load, settings, or leave the summit."),
    "save": (
        "Save \u00b7 S",
        "Save this game under a name you choose. It also autosaves after every move.",
    ),
    "log": (
        "Summit log \u00b7 L",
        "Every move, answer and event so far. Enter or a click opens it in full, with their "
        "words and reasons.",
    ),
    "pager": (
        "More offers \u00b7 PgDn",
        "The rest of the offers, on the next page: they do not all fit beside the talks.",
    ),
    "pager_back": (
        "First offers \u00b7 PgDn",
        "Back to the first page: the offers do not all fit beside the talks.",
    ),
    "note": ("Your adviser \u00b7 X", "Dismiss this hint. Hints can be switched off in Settings."),
}
"""What the details line says of the table's buttons and panels in focus."""


class TableMode(enum.Enum):
    """What the tray under the table holds."""

    OFFERS = "offers"
    """The offer cards: the player's move."""
    PENDING = "pending"
    """Their proposal, waiting for an answer."""
    OVER = "over"
    """The summit is over: on to how it ended."""

    @classmethod
    def of(cls, state: GameState) -> TableMode:
        """The mode for ``state``."""
        if state.is_over:
            return cls.OVER
        if state.pending is not None:
            return cls.PENDING
        return cls.OFFERS


class CardStatus(enum.Enum):
    """What an offer card can do now."""

    OPEN = enum.auto()
    LOCKED = enum.auto()
    AGREED = enum.auto()


@attrs.frozen
class CardFace:
    """What an offer card shows now: whether it can be played, its caption and why not."""

    status: CardStatus
    caption: str
    tone: Tone = Tone.NEUTRAL
    reason: str = ""
    """Why the offer cannot be made now (``""`` when it can)."""
    selected: bool = False
    """The offer made last."""


def card_faces(state: GameState) -> dict[str, CardFace]:
    """Every offer's card face, by offer id."""
    scenario = state.scenario
    reasons: dict[str, str] = {}
    for option in move_options(state):
        if option.move.is_answer:
            continue
        reason = reasons.get(option.move.offer)
        if reason is None or not option.available:
            reasons[option.move.offer] = option.reason if not option.available else ""
    last = state.turns[-1].move.offer if state.turns else ""
    faces = {}
    for index, offer in enumerate(scenario.offers):
        reason = reasons.get(offer.id, "")
        selected = offer.id == last
        accord = next((a for a in state.accords if a.id == offer.id), None)
        if accord is not None and accord.broken:
            faces[offer.id] = CardFace(
                CardStatus.LOCKED, "Broken: off the record", Tone.ALARM, reason, selected
            )
        elif offer.kind in (OfferKind.OFFER, OfferKind.STATEMENT) and offer.id in state.agreed:
            form = accord_form(scenario, accord.variant) if accord else ""
            caption = "Agreed" + (f": {form}" if form else "")
            if accord is not None and accord.prior:
                caption = "Agreed at the earlier summit"
            faces[offer.id] = CardFace(CardStatus.AGREED, caption, Tone.POSITIVE, reason, selected)
        elif reason:
            faces[offer.id] = CardFace(
                CardStatus.LOCKED, capitalise(reason), reason=reason, selected=selected
            )
        else:
            refused = state.refusals[index]
            tone = Tone.NEUTRAL
            if refused and offer.kind is OfferKind.OFFER:
                caption = refused_caption(scenario, refused)
                tone = Tone.CAUTION
            elif offer.variants:
                forms = " or ".join(v.label for v in offer.variants)
                caption = f"{counted(len(offer.variants), 'form')}: {forms}"
            else:
                caption = offer.summary
            faces[offer.id] = CardFace(CardStatus.OPEN, caption, tone, selected=selected)
    return faces


def refused_caption(scenario: Scenario, refused: int) -> str:
    """What an offer's card says once it has been refused (rejected, deferred or countered:
    each counts, and each makes it dearer to offer again): ``Not taken up once: offering it
    again costs patience``."""
    times = "once" if refused == 1 else f"{refused} times"
    return f"Not taken up {times}: offering it again {again_text(scenario)}"


_POSES: Final = {
    ReactionKind.ACCEPT: Pose.LEANING_IN,
    ReactionKind.DEFER: Pose.CONFERRING,
    ReactionKind.REJECT: Pose.LEANING_BACK,
    ReactionKind.COUNTER: Pose.COUNTERING,
    ReactionKind.WALKOUT: Pose.WALKED_OUT,
    ReactionKind.ENDED: Pose.WALKED_AWAY,
}


def delegation_pose(state: GameState) -> Pose:
    """How the delegation across the table sits after its last answer: leaning in to shake
    hands on an accord, conferring over a move put off, leaning back from a refusal, sliding a
    paper of their own across, gone after a walkout (or ours gone after walking away)."""
    if state.terminal is Terminal.WALKOUT:
        return Pose.WALKED_OUT
    if state.terminal is Terminal.WALKED_AWAY:
        return Pose.WALKED_AWAY
    if state.pending is not None:
        return Pose.COUNTERING
    if not state.turns:
        return Pose.SEATED
    return _POSES.get(state.turns[-1].reaction.kind, Pose.SEATED)


def statement_limits(scenario: Scenario) -> dict[int, int]:
    """Meter index -> the most it may be for a joint statement to be signable (e.g. 75)."""
    limits: dict[int, int] = {}
    for offer in scenario.offers:
        if offer.kind is OfferKind.STATEMENT:
            for bound in offer.requires.meters:
                if bound.high is not None:
                    limits[bound.meter] = bound.high
    return limits


def walkout_floors(scenario: Scenario) -> dict[int, int]:
    """Meter index -> the value at or below which they walk out (e.g. patience 0)."""
    return {
        bound.meter: bound.high
        for bound in scenario.rules.walkout_when.meters
        if bound.high is not None
    }


def stance_ticks(scenario: Scenario, meter: int) -> tuple[tuple[int, str], ...]:
    """Where, on one meter, the counterpart warms to each next stance: (value, stance)."""
    ticks = []
    for transition in scenario.transitions:
        if transition.target != transition.source + 1:
            continue
        for bound in transition.when.meters:
            if bound.meter == meter and bound.low is not None:
                ticks.append((bound.low, scenario.stances[transition.target].label))
    return tuple(sorted(ticks))


def trust_need(state: GameState, offer: Offer, meter: int) -> tuple[int, int] | None:
    """The least and the most of the trust meter (or another) an offer needs in any of its
    forms, as a player can estimate it: their stance, each form, what they remember and the
    proposals refused all counted (the figure their reply names), their mood and chance not;
    until a reply has said what they want first, from what it needs if the offer serves that to
    what it needs if they want something else first. None when it needs nothing of that
    meter."""
    forms = [Move(offer.id, v.id) for v in offer.variants] or [Move(offer.id)]
    # A form every delegation refuses needs no figure: no trust wins it.
    forms = [move for move in forms if not no_trust_wins(state, move)]
    ranges = [r for r in (expected_need_range(state, move, meter) for move in forms) if r]
    if not ranges:
        return None
    return min(low for low, _ in ranges), max(high for _, high in ranges)


def need_words(low: int, high: int, floor: int) -> str:
    """What :func:`trust_need` found, in the words the replies use: "they need about 25", or
    a range over an offer's forms; a need at the meter's minimum is none, as a reply says.

    >>> need_words(25, 29, 0), need_words(0, 12, 0), need_words(0, 0, 0)
    ('they need about 25\u201329', 'they need none to about 12', 'they need none')
    """
    if high <= floor:
        return "they need none"
    if low <= floor:
        # Not "up to about 12", which read as a ceiling beside the trust bar (a play-tester).
        return f"they need none to about {high}"
    return f"they need about {low}" + (f"\u2013{high}" if high != low else "")


def accord_form(scenario: Scenario, variant: str) -> str:
    """The form an accord took, in words: a variant's label, or a counter-offer's wording."""
    if not variant:
        return ""
    for offer in scenario.offers:
        for option in offer.variants:
            if option.id == variant:
                return option.label
    return variant


def tray_panel(state: GameState, can_undo: bool) -> tuple[str, str, str]:
    """What the tray holds instead of the cards, as (kicker, title, body): the end of the
    summit, or their proposal awaiting an answer."""
    proposal = pending_proposal(state)
    if proposal is not None and state.pending is not None:
        kicker = proposal_kicker(state).upper()
        return kicker, proposal.label, proposal.summary
    result = outcome(state)
    last = state.turns[-1].reaction if state.turns else None
    body = (
        "The talks have ended. See how it ended, and then the debrief: what you "
        "achieved against the briefing's goals, and what happened in history."
    )
    if last is not None and last.kind is ReactionKind.WALKOUT:
        body = "They have left the table. " + body
    if can_undo:
        body += " In a practice game you can still undo the last move (U)."
    return "THE SUMMIT IS OVER", result.ending.title if result else "", body


def outside_needs(state: GameState, offer: Offer) -> str:
    """What an offer needs of others than the delegation (a neighbour, the Senate), and any
    fixed need on a meter other than trust (leverage for the big deal), with where each stands
    now: ``Also needs Tokyo at 45 or more (now 34).`` (``""`` when nothing). Those needs do not
    move, so the table can show them exactly, unlike the delegation's own."""
    scenario = state.scenario
    parts = []
    for need in offer.needs:
        meter = scenario.meters[need.meter]
        # A play-tester saw only "about 95" for the big deal, and was refused for leverage.
        if not need.who and not (need.fixed and meter.role is not MeterRole.TRUST):
            continue
        now = state.meters[need.meter]
        if need.at_least is not None:
            bound = f"{need.at_least} or more"
        elif need.at_most is not None:
            bound = f"{need.at_most} or less"
        else:
            continue
        # "Tokyo at 45 or more", "the Senate, with domestic pressure at 55 or less", or
        # "U.S. leverage at 60 or more".
        if not need.who:
            parts.append(f"{meter.label} at {bound} (now {now})")
            continue
        whose = "" if meter.label.lower() == need.who.lower() else f", with {meter.label.lower()}"
        parts.append(f"{need.who}{whose} at {bound} (now {now})")
    return f"Also needs {'; '.join(parts)}." if parts else ""


def card_detail(
    state: GameState, offer: Offer, status: CardStatus, reason: str, key: str
) -> tuple[str, str]:
    """An offer card in full, as a title and a body: the offer, what others than the
    delegation need for it, what the essay says of it, and what playing it would cost (or why
    it is locked). ``key`` is the card's shortcut."""
    scenario = state.scenario
    title = f"{key} \u00b7 {offer.label}" if key else offer.label
    serves = serves_text(scenario, offer)
    if serves:
        title += f" \u00b7 {serves}"
    if status is CardStatus.LOCKED:
        return title + " \u00b7 locked", f"{capitalise(reason)}. {offer.summary}"
    if status is CardStatus.AGREED:
        return title + " \u00b7 agreed", f"{offer.summary} {essay_view(scenario, offer)}"
    parts = [outside_needs(state, offer)]
    if not offer.variants:
        # First, where a short details line keeps it (a play-tester saw "Proposing it
        # changes..." cut at 1024x600), and as the form dialog foresees it: the rules' share
        # of every accord counted (he read "if accepted, trust +5" and got +10). Neutral words:
        # a change may be good news (domestic pressure falling), not a cost.
        proposing, accepted = foreseen(state, Move(offer.id))
        changes = effect_text(scenario, *proposing, none="nothing")
        if not offer.kind.judged:
            parts.append(f"It changes {changes}.")
        else:
            brings = effect_text(scenario, *accepted, none="no change to the meters")
            move = Move(offer.id)
            if likely_rejected(state, move):
                # What it costs when they turn it down, as they would now (a play-tester lost
                # six trust more than the big deal's card said).
                rejection = effect_text(scenario, *foreseen_rejection(state, move), none="")
                if rejection:
                    turned = "as things stand it would be turned down, and a rejection changes"
                    changes += f"; {turned} {rejection}"
            parts.append(f"Proposing it changes {changes}; if accepted, {brings}.")
    parts += [offer.summary, essay_view(scenario, offer)]
    if offer.variants:
        forms = " or ".join(v.label for v in offer.variants)
        if len(offer.variants) > 1:
            parts.append(f"Next you choose its form: {forms}, each with its own costs.")
        else:
            parts.append(f"Next you see its one form, {forms}, and what it costs.")
    return title, " ".join(part for part in parts if part)


def serves_text(scenario: Scenario, offer: Offer) -> str:
    """Which of their interests an offer serves, in any of its forms (public: the scenario
    says so): ``serves recognition`` (``""`` when none)."""
    indexes: list[int] = []
    for index, points in (*offer.serves, *(s for v in offer.variants for s in v.serves)):
        if points > 0 and index not in indexes:
            indexes.append(index)
    if not indexes:
        return ""
    return "serves " + " and ".join(scenario.interests[i].label for i in indexes)


# --- Answers to their proposal ------------------------------------------------------------------


@attrs.frozen
class AnswerFace:
    """One answer to the proposal on the table, as its card shows it."""

    answer: str
    """``accept``, ``reject`` or ``amend``."""
    key: str
    title: str
    caption: str
    available: bool
    reason: str = ""
    """Why it cannot be given now (the amendment: none, or its offer is closed)."""
    tone: Tone = Tone.NEUTRAL


def _answer_changes(state: GameState, proposal: Proposal, answer: str) -> str:
    """What accepting or rejecting their proposal changes, as a clause: "It changes trust +4"
    ("nothing" for none), or "As a rule, it changes ..." while their character, which no reply
    has shown yet, may change it (as the proposal's dialog heads its chips). The largest
    changes come first: the card's one line cut "U.S. leverage -35" off the end at large text
    (a play-tester); the dialog lists them all in the meters' order."""
    effects, unseen = answer_foreseen(state, proposal, answer)
    found = sorted(changes(state.scenario, *effects), key=lambda change: -change.size)
    said = ", ".join(change.text for change in found) or "nothing"
    return f"As a rule, it changes {said}" if unseen else f"It changes {said}"


def amend_uses(state: GameState) -> str:
    """What an amendment takes of the round, in words: one of its offers, or, with none left
    (they countered the round's last offer), the round's close after it (a play-tester, told
    it used one of the round's offers when none were left, amended anyway)."""
    left = state.scenario.rounds[state.round].turns - state.turn_in_round
    if left > 0:
        return "it uses one of this round's offers"
    return "none of this round's offers is left, so the round closes after it"


def answer_faces(state: GameState) -> tuple[AnswerFace, ...]:
    """The three answers to the proposal on the table: accept, reject and amend (the last named
    by the offer it plays, or closed with the reason). Empty when nothing is pending."""
    proposal = pending_proposal(state)
    if proposal is None:
        return ()
    options = {o.move.offer: o for o in move_options(state) if o.move.is_answer}
    faces = []
    for answer in (ACCEPT, REJECT, AMEND):
        option = options[answer]
        key = ANSWER_KEYS[answer]
        if answer in (ACCEPT, REJECT):
            title = "Accept their proposal" if answer == ACCEPT else "Reject it"
            caption = _answer_changes(state, proposal, answer)
            if answer == REJECT:  # what it does to your own offer first, before any cut
                caption = f"{rejection_hardens(state.scenario, proposal)} {caption}".strip()
        else:
            amended = amendment(state)
            title = amend_title(state, amended) if amended is not None else "Amend it"
            caption = f"A counter-offer of yours: {amend_uses(state)}"
        if not option.available:
            caption = capitalise(option.reason)
        faces.append(
            AnswerFace(answer, key, title, caption, option.available, option.reason, Tone.NEUTRAL)
        )
    return tuple(faces)


def answer_detail(state: GameState, face: AnswerFace) -> tuple[str, str]:
    """An answer card in full, as a title and a body, for the details line under the tray."""
    proposal = pending_proposal(state)
    title = f"{face.key} \u00b7 {face.title}"
    if proposal is None:
        return title, ""
    scenario = state.scenario
    if not face.available:
        return title + " \u00b7 closed", f"{capitalise(face.reason)}."
    if face.answer == ACCEPT:
        accord = scenario.accord_label(proposal.accord)
        changes = _answer_changes(state, proposal, ACCEPT)
        return title, (
            f"The accord: {accord}, {proposal.variant}. {changes}. "
            "Answering does not use up an offer."
        )
    if face.answer == REJECT:
        said = f"They will not table it again. {_answer_changes(state, proposal, REJECT)}."
        hardens = rejection_hardens(scenario, proposal)
        return title, " ".join(filter(None, (said, hardens, "Answering does not use up an offer.")))
    return title, (
        "Answer with an offer of your own instead: they judge it as they would your offer, "
        f"and {amend_uses(state)}. Enter on the proposal shows what it costs."
    )


def proposal_detail(state: GameState) -> tuple[str, str]:
    """The proposal on the table, as each side describes it."""
    proposal = pending_proposal(state)
    if proposal is None:
        return "", ""
    return f"{proposal.label} \u00b7 Enter opens it", (
        f"How they put it: {proposal.their_view} "
        f"How {state.scenario.sides.player.capital} puts it: {proposal.our_view}"
    )


def round_detail(state: GameState) -> tuple[str, str]:
    """The round on the table, for the details line when nothing else is in focus; once the
    summit is over, the round it ended in and that nothing more can be put forward (the
    round's own description invites moves: "A joint statement can now be put forward")."""
    held = state.scenario.rounds[state.round]
    title = capitalise(round_when(held, " \u00b7 "))
    if state.is_over:
        return f"{title} \u00b7 the summit is over", (
            "Nothing more can be put forward. See how it ended (Enter), then the debrief."
        )
    return title, held.description


def offer_action(state: GameState, offer_id: str, *, graded: bool = False) -> Action:
    """What picking an offer card does: the forms to choose from, a confirmation before a move
    that ends or may close the summit, or before one that, as things stand, would be turned
    down, or the move itself; ``graded`` adds that it cannot be taken back."""
    offer = state.scenario.offer(offer_id)
    final = " It cannot be taken back: this is a graded game." if graded else ""
    if offer.variants:
        return Open(OfferForms(offer.id))
    move = Move(offer.id)
    if offer.kind is OfferKind.WALK_AWAY:
        return Open(
            _confirm(
                "Walk away from the table?",
                (
                    offer.summary,
                    f"Nothing more can be agreed after it.{final}",
                ),
                "Walk away",
                move,
            )
        )
    if offer.kind is OfferKind.STATEMENT:
        rounds = state.scenario.rounds
        last = state.round == len(rounds) - 1 and state.turn_in_round == rounds[-1].turns - 1
        refused = (
            "If they refuse, the summit ends without one: this is the schedule's last offer."
            if last
            else "If they refuse, the talks go on."
        )
        signed = f"If they sign, the summit closes with everything agreed on the record. {refused}"
        # The card said it would be turned down, and the dialog did not (a play-tester).
        doomed = _turned_down(state, offer, move, final) if likely_rejected(state, move) else ()
        body = (offer.summary, signed) if not doomed else (doomed[0], signed, doomed[1])
        return Open(_confirm("Put the joint statement forward?", body, "Put it forward", move))
    if offer.kind.judged and likely_rejected(state, move):
        # One key played the big deal, which could not succeed, in a graded game where nothing
        # is taken back (a play-tester); a form is chosen on a dialog that shows its costs.
        body = _turned_down(state, offer, move, final)
        return Open(
            _confirm(f"Put \u201c{offer.label}\u201d forward?", body, "Put it forward", move)
        )
    return Apply(PlayMove(move))


def _turned_down(state: GameState, offer: Offer, move: Move, final: str) -> tuple[str, str]:
    """What a confirmation says of an offer that, as things stand, would be turned down: what
    they need, then what proposing it and the rejection change, and whether they would then
    walk out (a play-tester added up the patience himself, after they had)."""
    proposing, _ = foreseen(state, move)
    scenario = state.scenario
    rejection = effect_text(scenario, *foreseen_rejection(state, move), none="nothing more")
    trust = scenario.role_index(MeterRole.TRUST)
    need = None if trust is None else trust_need(state, offer, trust)
    why = ""
    # Trust named only where it may fall short: with it met, what blocks is someone else's
    # (a re-check read "about 60 of trust (now 77)" first, the Senate's limit after it).
    if need is not None and trust is not None and state.meters[trust] < need[1]:
        meter = scenario.meters[trust]
        why = f": {need_words(*need, meter.minimum)} of {meter.label} (now {state.meters[trust]})"
    ends = " and then they would walk out" if rejection_ends_talks(state, move) else ""
    outside = outside_needs(state, offer)
    outside = outside if why else outside.replace("Also needs", "It needs", 1)
    return (
        f"As things stand it would be turned down{why}. {outside}".strip(),
        f"Proposing it changes {effect_text(scenario, *proposing, none='nothing')}; a "
        f"rejection, {rejection}{ends}.{final}",
    )


def _confirm(title: str, body: tuple[str, ...], label: str, move: Move) -> Dialog:
    """'Are you sure?' before a move that ends the summit or may close it."""
    return Dialog(
        title,
        body,
        (
            Choice("Not now", Pop()),
            Choice(label, Chain((Pop(), Apply(PlayMove(move)))), primary=True),
        ),
        kicker="Are you sure?",
        default=0,
    )


def delegation_names(session: GameInPlay) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """What the table writes beside each flag: their delegation and ours, each with its team's
    name (ours with the player's) and, where that does not fit, shorter ("DPRK · CRANES", the
    team alone; a delegation without a team, its first word: "DPRK"); and the tag after ours
    (mode and seed)."""
    who = session.who
    seat = ("hot-seat \u00b7 " if session.hotseat else "") + who.mode
    player = who.player or (who.teams.us.name if who.teams else "")
    sides = session.state.scenario.sides
    us = sides.player.name
    ours = (f"{us} \u00b7 {player}", player) if player else (us, us.split()[0])
    them = sides.counterpart.name
    team = who.teams.north.name if who.teams else ""
    short = them.split()[0]
    theirs = (f"{them} \u00b7 {team}", f"{short} \u00b7 {team}", team) if team else (them, short)
    tag = f"{seat} \u00b7 seed {session.state.seed}"
    return tuple(n.upper() for n in theirs), tuple(n.upper() for n in ours), tag
