"""The game as plain text, for the terminal, `play` and `replay`: the opening, each turn with
its reply and why, the outcome, and the terminal's menu, card details, meters and log.

Plain lines that a screen reader reads well: no box drawing, nothing that needs colour."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import attrs

from game.engine import (
    GameState,
    MeterGroup,
    Move,
    Proposal,
    Scenario,
    is_legal,
    move_options,
    new_game,
    no_trust_wins,
    outcome,
    refused_by_every_profile,
)
from game.engine.describe import (
    answer_foreseen,
    answered_proposal,
    between_rounds,
    bonus_sentence,
    capitalise,
    effect_text,
    essay_view,
    history_and_source,
    meters_line,
    move_label,
    need_sentence,
    proposal_costs,
    region_line,
    rejecting_text,
    remembered,
    reply_sentence,
    round_opened,
    round_when,
)
from game.engine.foresight import (
    agenda_unread,
    expected_need_range,
    foreseen,
    foreseen_refusal,
    foreseen_rejection,
    likely_rejected,
    rejection_ends_talks,
)
from game.engine.scenario import Direction, MeterRole
from game.engine.state import ACCEPT, AMEND, REJECT, MoveOption, ReactionKind
from game.escapes import short
from game.store.who import NOBODY, Who

TALKS: Final = MeterGroup.TALKS


INDENT: Final = "     "
"""Where the lines under a turn's number start."""


def headed(heading: str, text: str) -> str:
    """``heading: text``, or the heading alone where a scenario leaves the text out (it read
    "One offer: " and "Quiet: ")."""
    return f"{heading}: {text}" if text.strip() else heading


def proposal_lines(
    scenario: Scenario,
    proposal: Proposal,
    indent: str = INDENT,
    *,
    closed: str = "",
    now: GameState | None = None,
) -> list[str]:
    """Their proposal as a few lines: its terms, how each side describes it, what accepting
    does to the meters and how it may be answered; ``closed`` is why its amendment cannot be
    played now, when it is pending and cannot (see :func:`amend_closed`), and ``now`` the game
    in which it waits, for what accepting does as its player can foresee it (as a rule, while
    their character may change it: see :func:`answer_foreseen`)."""
    said = (
        ("Terms", proposal.summary),
        ("They call it", proposal.their_view),
        (f"{capitalise(scenario.sides.player.capital)} calls it", proposal.our_view),
    )
    # What a scenario leaves out is not announced with nothing after it ("Terms: ").
    lines = [f"{indent}{heading}: {text}" for heading, text in said if text]
    if now is None:
        lines.append(f"{indent}Accepting: {proposal_costs(scenario, proposal)}")
    else:
        effects, unseen = answer_foreseen(now, proposal, ACCEPT)
        costs = effect_text(scenario, *effects, none="no change to the meters")
        lines.append(f"{indent}Accepting{', as a rule' if unseen else ''}: {costs}")
    if now is None:
        lines.append(f"{indent}Rejecting: {rejecting_text(scenario, proposal)}")
    else:
        effects, unseen = answer_foreseen(now, proposal, REJECT)
        costs = rejecting_text(scenario, proposal, effects)
        lines.append(f"{indent}Rejecting{', as a rule' if unseen else ''}: {costs}")
    if proposal.amend:
        move = Move.parse(proposal.amend)
        amended = move_label(scenario, move)
        if closed:
            # The reason names the offer first ("Light-water reactors: ..."), as a menu does.
            why = closed.removeprefix(f"{scenario.offer(move.offer).label}: ")
            lines.append(
                f"{indent}Answer: accept or reject; amending it to {amended} is not open now: {why}"
            )
        else:
            lines.append(f"{indent}Answer: accept, reject, or amend it to {amended}")
    else:
        lines.append(f"{indent}Answer: accept or reject")
    return lines


def amend_closed(state: GameState) -> str:
    """Why the pending proposal cannot be answered with its amendment now (``""``: it can, or
    nothing is pending)."""
    if state.pending is None:
        return ""
    return next((o.reason for o in move_options(state) if o.move.offer == AMEND), "")


def turn_lines(state: GameState, index: int = -1) -> list[str]:
    """A turn of ``state``'s game (the last one by default) as a few lines of readable text:
    the move, their reply and why, the meters, how the neighbours took it, and what happened
    before the next move."""
    scenario, turns = state.scenario, state.turns
    index %= len(turns)
    turn = turns[index]
    # What the player may answer is told for the proposal they now face.
    closed = amend_closed(state) if index == len(turns) - 1 else ""
    now = state if index == len(turns) - 1 else None
    reaction = turn.reaction
    label = move_label(scenario, turn.move, answered_proposal(scenario, turns, index))
    lines = [
        f"{turn.number:>3}. {label}"
        if turn.move.is_answer
        else f"{turn.number:>3}. You offer: {label}"
    ]
    said = f': "{reaction.say}"' if reaction.say else ""
    lines.append(f"{INDENT}{reply_sentence(reaction.kind, reaction.refused_by)}{said}")
    lines.append(f"{INDENT}Why: {reaction.why}")
    lines.append(f"{INDENT}{meters_line(scenario, turn.meters, turn.stance, group=TALKS)}")
    if reaction.asides:
        lines.append(f"{INDENT}The neighbours: {'; '.join(reaction.asides)}.")
    if reaction.kind is ReactionKind.COUNTER and reaction.counter:
        counter = scenario.proposal(reaction.counter)
        lines.append(f"{INDENT}Their proposal instead: {counter.label}.")
        lines.extend(proposal_lines(scenario, counter, INDENT + "  ", closed=closed, now=now))
    for heading, text in between_rounds(scenario, turn, new_round=round_opened(state, turn)):
        lines.append(f"{INDENT}{heading}: {text}")
    if turn.tabled:
        tabled = scenario.proposal(turn.tabled)
        lines.extend(proposal_lines(scenario, tabled, INDENT + "  ", closed=closed, now=now))
    return lines


def opening_lines(state: GameState) -> list[str]:
    """What is known before the first move: their head of delegation's first words (the
    first tell) and where the neighbours stand."""
    scenario = state.scenario
    start = new_game(scenario, state.seed, state.carry, hotseat=state.hotseat)
    lines = []
    if state.profile_info.opening:
        lines.append(f'Their head of delegation: "{state.profile_info.opening}"')
    region = region_line(scenario, start.meters)
    if region:
        lines.append(f"The neighbours: {region}")
    return lines


def game_text(state: GameState, who: Who = NOBODY) -> str:
    """The whole game as a readable account, turn by turn, then the outcome."""
    scenario = state.scenario
    lines = [headed(scenario.title, scenario.subtitle), f"Seed {state.seed}"]
    if who.teams is not None:
        lines += [capitalise(line) for line in who.teams.lines(scenario)]
    opening = opening_lines(state)
    lines.extend(["", *opening] if opening else [])
    lines.append("")
    lines.extend(_turns_by_round(state))
    lines.append("")
    lines.extend(outcome_lines(state, who))
    return "\n".join(lines)


def outcome_lines(state: GameState, who: Who = NOBODY) -> list[str]:
    """The outcome, accords, scores, the neighbours, what they remember and the hidden profile;
    or where the game stands."""
    scenario = state.scenario
    result = outcome(state)
    if result is None:
        held = scenario.rounds[state.round]
        moves = len(state.turns)
        made = f"{moves} move{'' if moves == 1 else 's'} so far"
        return [f"The summit goes on: {held.label}, {made}."]
    accords = ", ".join(scenario.accord_label(a.id) for a in result.accords) or "none"
    scores = " \u00b7 ".join(f"{s.label} {s.value}/100" for s in result.scores)
    compared = result.ending.history
    history = [f"{history_and_source(scenario)}: {compared}"] if compared else []
    region = region_line(scenario, state.meters)
    neighbours = [f"The neighbours: {region}"] if region else []
    memory = [f"They remember: {remembered(state.grudges)}"] if state.grudges else []
    return [
        f"Outcome: {result.ending.title}. {result.ending.text}",
        *history,
        f"Accords on the record: {accords}",
        *([f"Scores: {scores}"] if scores else []),
        *neighbours,
        *memory,
        f"Across the table: {state.profile_info.label}. {state.profile_info.description}".strip(),
        f"Verification code: {who.verification(state)}",
    ]


def prompt_lines(state: GameState) -> list[str]:
    """Where the game stands before a move: the session, the meters, the neighbours, what they
    remember and the proposal awaiting an answer."""
    scenario = state.scenario
    held = scenario.rounds[state.round]
    turn = f"offer {state.turn_in_round + 1} of {held.turns}"
    lines = [
        f"{capitalise(round_when(held, ' (', ')'))}, {turn}",
        f"  {meters_line(scenario, state.meters, state.stance, group=TALKS)}",
    ]
    region = region_line(scenario, state.meters)
    if region:
        lines.append(f"  The neighbours: {region}")
    if state.grudges:
        lines.append(f"  They remember: {remembered(state.grudges)}")
    if state.pending is not None:
        proposal = scenario.proposals[state.pending.proposal]
        lines.append(f"  Their proposal awaits your answer: {proposal.label}")
    return lines


# --- the terminal's menu and commands ------------------------------------------------------

COMMANDS: Final = (
    ("a number or a move id", "play that card, e.g. 1 or liaison_offices"),
    ("a, r or m", "accept, reject or amend their proposal, while one awaits your answer"),
    ("info N", "all about card N (or a move id), locked or not"),
    ("menu", "the cards again, each with its terms"),
    ("meters", "every meter, what it means and where it stands"),
    ("log", "every turn so far"),
    ("help or ?", "this list"),
    ("q or quit", "stop; the transcript keeps the game so far"),
)
"""What can be typed at the terminal's prompt, and what it does."""


def help_lines() -> list[str]:
    """The commands, one a line."""
    return ["Commands:", *(f"  {typed}: {does}" for typed, does in COMMANDS)]


ANSWER_KEYS: Final = {ACCEPT: "a", REJECT: "r", AMEND: "m"}
"""The letters that answer their proposal, as the window's keys: A accepts, R rejects, M amends.
Not numbers, which name other cards from turn to turn (a play-tester accepted a proposal that
spent most of his leverage by typing the number he had used for a card the turn before)."""


@attrs.frozen
class Card:
    """A line of the terminal's menu: a move the player could make now, or a locked one."""

    number: int
    """Its number in the menu (0 for an answer to their proposal, which has a letter)."""
    option: MoveOption

    @property
    def available(self) -> bool:
        return self.option.available

    @property
    def key(self) -> str:
        """What the player types to play it: the number, or an answer's letter."""
        return ANSWER_KEYS.get(self.option.move.offer, str(self.number))


def menu_cards(state: GameState) -> list[Card]:
    """The menu in order: the answers to their proposal while one awaits it (by letter), the
    playable moves numbered from 1, then the locked cards numbered on (one per offer, whatever
    its forms)."""
    playable = [o for o in move_options(state) if o.available]
    locked: list[MoveOption] = []
    seen: set[str] = set()
    offered = {o.move.offer for o in playable}
    for option in move_options(state):
        if option.available or option.move.offer in seen or option.move.offer in offered:
            continue
        if option.move.is_answer and state.pending is None:
            continue
        seen.add(option.move.offer)
        locked.append(option)
    answers = [Card(0, o) for o in playable if o.move.is_answer]
    numbered = [o for o in [*playable, *locked] if not o.move.is_answer]
    return [*answers, *(Card(n, o) for n, o in enumerate(numbered, start=1))]


def _card_text(state: GameState, move: Move, first: bool) -> list[str]:
    """What a card says: the offer's terms and the essay's view (on the first of its forms
    only), then what this form means."""
    scenario = state.scenario
    index = scenario.offer_index.get(move.offer)
    if index is None:
        return []
    offer = scenario.offers[index]
    lines = []
    if first:
        lines.append(offer.summary)
        if offer.essay:
            lines.append(essay_view(scenario, offer))
    variant = offer.variant(move.variant)
    if variant is not None:
        lines.append(headed(capitalise(variant.label), variant.summary))
    return lines


def menu_lines(state: GameState, cards: Sequence[Card], *, full: bool = True) -> list[str]:
    """The menu as text: each playable card with its terms and the essay's view (said once for
    an offer's several forms), then the locked cards with why. Not ``full``, as after each
    move: a line a card, and the locked cards' numbers and names on one line (a screen reader
    reads sixty lines a turn otherwise); ``menu`` and ``info`` give the rest."""
    lines = ["Your cards:"]
    said: set[str] = set()
    for card in cards:
        if card.available:
            move = card.option.move
            lines.append(f"  {card.key:>2}. {card.option.label}  [{move}]")
            if full:
                texts = _card_text(state, move, move.offer not in said)
                lines += [f"      {text}" for text in texts]
            said.add(move.offer)
    locked = [card for card in cards if not card.available]
    if locked and not full:
        names = ", ".join(f"{card.key}. {_plain_label(card)}" for card in locked)
        lines.append(f"Locked for now: {names}")
        lines.append("Type menu for every card's terms, info and a number for one card's.")
    elif locked:
        lines.append("Locked for now:")
        for card in locked:
            move_id = card.option.move.offer
            lines.append(
                f"  {card.key:>2}. {_plain_label(card)}  [{move_id}]: {card.option.reason}"
            )
    return lines


def _plain_label(card: Card) -> str:
    """A locked card's name: the offer's, without the form (a locked offer is locked in every
    form, and is listed once)."""
    label = card.option.label
    return label.rsplit(" (", 1)[0] if card.option.move.variant is not None else label


def info_lines(state: GameState, cards: Sequence[Card], wanted: str) -> list[str]:
    """All about one card, by its number in the menu or its move id: its terms, every form it
    takes, what proposing it costs and what acceptance brings and what it needs of trust, as the
    window's table foresees them, the essay's view, and whether it can be played now (and why
    not)."""
    scenario = state.scenario
    found = next((c for c in cards if c.key == wanted.lower()), None)
    move = found.option.move if found is not None else Move.parse(wanted)
    if found is not None and not found.available:
        # A locked card stands for its offer in every form (see menu_cards), though its option
        # is the first form's: the info it gives is the offer's, as by its move id.
        move = Move(move.offer)
    if move.is_answer:
        if state.pending is None:
            return [f"{move.offer}: there is no proposal of theirs to answer"]
        proposal = scenario.proposals[state.pending.proposal]
        closed = amend_closed(state)
        return [
            f"Their proposal: {proposal.label}",
            *proposal_lines(scenario, proposal, "  ", closed=closed, now=state),
        ]
    if move.offer not in scenario.offer_index:
        return [f"No card {short(wanted)}: type menu for the cards and their numbers"]
    offer = scenario.offers[scenario.offer_index[move.offer]]
    lines = [f"{offer.label}  [{offer.id}]", f"  {offer.summary}"]
    forms = [offer.variant(move.variant)] if move.variant else list(offer.variants)
    trust = scenario.role_index(MeterRole.TRUST)
    for variant in forms or [None]:
        form = Move(offer.id, variant.id if variant else None)
        costs, brings = foreseen(state, form)
        proposing = effect_text(scenario, *costs, none="nothing")
        name = (
            f"{capitalise(variant.label)} [{offer.id}:{variant.id}]: {variant.summary} "
            if variant
            else ""
        )
        if not offer.kind.judged:
            # A recess or walking away is not put to them: nothing to accept (a play-tester
            # read "Proposing it" on a call to Washington).
            lines.append(f"  {name}It changes {proposing}.")
            continue
        if no_trust_wins(state, form):
            refusal = effect_text(scenario, *foreseen_refusal(state, form), none="no change")
            who = "No delegation accepts it"
            if not refused_by_every_profile(state, form):
                who = "It crosses a red line for them, as their reply said"
            then = f"{who}; when they refuse: {refusal}."
        else:
            # What it needs, and the reward for what they want first, as the form dialog says.
            then = f"If they accept: {effect_text(scenario, *brings, none='no change')}."
            rejection = ""
            # Not on a locked card: it is not on the table to be turned down.
            if is_legal(state, form) and likely_rejected(state, form):
                rejection = effect_text(scenario, *foreseen_rejection(state, form), none="")
            if rejection:
                ends = " and then they would walk out" if rejection_ends_talks(state, form) else ""
                then += (
                    f" As things stand it would be turned down; a rejection changes "
                    f"{rejection}{ends}."
                )
            need = None if trust is None else expected_need_range(state, form, trust)
            if need is not None and trust is not None:
                then += " " + need_sentence(scenario.meters[trust], *need, state.meters[trust])
            bonus = bonus_sentence(scenario) if agenda_unread(state, form) else ""
            then += f" {bonus}" if bonus else ""
        lines.append(f"  {name}Proposing it: {proposing}. {then}")
    if offer.essay:
        lines.append(f"  {essay_view(scenario, offer)}")
    options = [o for o in move_options(state) if o.move.offer == offer.id]
    if move.variant:
        options = [o for o in options if o.move.variant == move.variant] or options
    if any(o.available for o in options):
        lines.append("  You can put it on the table now.")
    elif options:
        lines.append(f"  Locked for now: {options[0].reason}")
    return lines


def meter_lines(state: GameState) -> list[str]:
    """Every meter: its value, its bounds, which way is better and what it means."""
    scenario = state.scenario
    lines = [f"Meters ({scenario.stances[state.stance].label} across the table):"]
    for meter, value in zip(scenario.meters, state.meters, strict=True):
        band = meter.band(value)
        better = "higher" if meter.good is Direction.HIGH else "lower"
        shown = f"{value} {band}" if band else str(value)
        lines.append(
            f"  {capitalise(meter.label)} {shown} (from {meter.minimum} to {meter.maximum}, "
            f"{better} is better): {meter.description}"
        )
    return lines


def log_lines(state: GameState) -> list[str]:
    """Every turn so far, round by round."""
    return _turns_by_round(state) or ["No moves yet."]


def _turns_by_round(state: GameState) -> list[str]:
    """Each turn's lines, under a heading wherever a round begins (none before the first move)."""
    scenario = state.scenario
    lines: list[str] = []
    current = -1
    for index, turn in enumerate(state.turns):
        if turn.round != current:
            current = turn.round
            held = scenario.rounds[current]
            lines.append(f"Round {current + 1}: {round_when(held, ' (', ')')}")
        lines.extend(turn_lines(state, index))
    return lines
