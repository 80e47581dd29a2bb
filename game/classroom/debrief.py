"""The debrief of a finished game, worked out once from the game alone: the meters over every
decision, the neighbours' support, the rounds, the accords and whether they stand, the scores
against the historical and the essay's lines on the same seed, the proposals they tabled and
how the player answered, the hidden counterpart and what reading it would have shown, and the
essay's view of each move.

The debrief screen lays this out; it is pygame-free so that tests and other front ends can read
it too.
"""

from __future__ import annotations

import attrs

from game.engine import (
    Direction,
    GameState,
    MeterGroup,
    MeterRole,
    Move,
    OfferKind,
    Outcome,
    Proposal,
    ReactionKind,
    Scenario,
    Terminal,
    Turn,
    new_game,
    opening_tell,
    outcome,
)
from game.engine.describe import (
    REPLIED,
    StrategyName,
    answered_proposal,
    capitalise,
    move_label,
    offers_made,
)
from game.engine.state import ACCEPT, AMEND
from game.engine.strategies import STRATEGIES, play


@attrs.frozen
class MeterLine:
    """One meter over the game: its start value, then its value after every decision."""

    label: str
    values: tuple[int, ...]
    """The start value, then the value after every decision."""
    lower_is_better: bool
    """True for a meter the player wants low (pressure at home, risk): its line is dashed and
    its label says so."""
    emphasis: bool
    """True for the meter of trust, the one the player's eye returns to: drawn heavier, and
    first in the legend."""
    span: tuple[int, int] = (0, 100)
    """The meter's range, as the scenario gives it: where a chart's axis runs."""


@attrs.frozen
class RoundSpan:
    """The decisions made in one round of the schedule (x positions on the chart)."""

    label: str
    first: int
    last: int


@attrs.frozen
class AccordLine:
    """An accord reached during the summit and whether it stands on the record."""

    label: str
    form: str
    when: str
    status: str
    stands: bool


@attrs.frozen
class ScoreLine:
    """A scorecard: the player's value, and what the historical and essay lines scored."""

    label: str
    description: str
    value: int
    history: int | None
    essay: int | None


@attrs.frozen
class LineSummary:
    """A named line of play (history or the essay) and how it ends on this game's seed."""

    heading: str
    description: str
    ending: str
    """Title of the ending the line reaches with this seed ("" when it cannot be replayed)."""
    ends: str = ""
    """The same ending as it reads mid-sentence, after "this line ends:" (``you walk away``)."""


@attrs.frozen
class NeighbourLine:
    """A neighbour's support for the talks over the game, and the words for where it began and
    where it ended."""

    label: str
    values: tuple[int, ...]
    """The start value, then the value after every decision."""
    start: str
    """The band word for the start value, e.g. "wary" ("" when the meter has no bands)."""
    end: str
    """The band word for the final value."""
    span: tuple[int, int] = (0, 100)
    """The meter's range, as the scenario gives it: where a chart's axis runs."""


@attrs.frozen
class ProposalLine:
    """A proposal of theirs that came to the table, and what the player answered."""

    label: str
    how: str
    """How it came: "they tabled it as the one-on-one opened", or "instead of liaison
    offices"."""
    decision: int
    """The decision after which it was on the table."""
    answer: str
    """What the player answered, e.g. "you accepted it" ("" when it was never answered)."""
    reaction: ReactionKind | None
    """How the answer went (ACCEPT: an accord was made), None when unanswered."""
    main: bool
    """True for the scenario's main proposal, the decision the summit turns on."""


@attrs.frozen
class Tell:
    """A reply that gave away what they wanted first: what it said of it, and the interest."""

    decision: int
    """The decision it answered (0: their opening words)."""
    said: str
    """The words of the reply's reason that name the interest (``recognition settled, next they
    want security guarantees``), not what they said across the table, which may be of
    something else."""
    interest: str
    """The interest's label, e.g. "sanctions relief"."""


@attrs.frozen
class Reading:
    """What reading the counterpart would have shown: who they were, what they wanted in what
    order, the replies that said so, and what they held against the player."""

    label: str
    description: str
    agenda: tuple[str, ...]
    """Interest labels, in the order they wanted them served."""
    opening: str
    """Their head of delegation's first words."""
    opening_interest: str
    """The interest the opening words named ("" when none)."""
    tells: tuple[Tell, ...]
    grudges: tuple[str, ...]
    """What they remembered against the player, oldest first."""


@attrs.frozen
class MoveLine:
    """One of the player's decisions, summarised."""

    number: int
    round_label: str
    label: str
    verdict: str
    """What became of it, e.g. "accepted" ("agreed" for a proposal of theirs accepted)."""
    reaction: ReactionKind


@attrs.frozen
class Debrief:
    """Everything the debrief shows, worked out from a finished game."""

    kicker: str
    """The line over the title: the scenario, the seed and how many decisions were made."""
    outcome: Outcome
    """How the summit ended (its ending's title, scene and history) after how many decisions."""
    meters: tuple[MeterLine, ...]
    """The talks meters over the game, in the scenario's order; the region's are in
    ``neighbours``."""
    rounds: tuple[RoundSpan, ...]
    """The rounds the decisions fell in, in order: the bands of the meters' chart."""
    accords: tuple[AccordLine, ...]
    """Every accord reached (and any carried over), in order, with what became of it."""
    scores: tuple[ScoreLine, ...]
    """The scorecards, beside what the history and essay lines scored on this seed."""
    profile: tuple[str, str]
    """The counterpart's hidden profile: label and description."""
    stance: tuple[str, str]
    """Their stance when the summit ended: label and description."""
    history: LineSummary | None
    """What happened in history, played on this seed (None when the scenario has no such
    line)."""
    essay: LineSummary | None
    """What the essay recommended, played on this seed (None when the scenario has none)."""
    essay_views: tuple[tuple[str, str], ...]
    """(offer label, the essay's view) for every offer the player made, in order of first use."""
    citation: str
    """The essay, by author, publication and year."""
    moves: tuple[MoveLine, ...]
    neighbours: tuple[NeighbourLine, ...] = ()
    """The region meters (Seoul, Tokyo, Beijing...) over the game; the talks meters are in
    ``meters``."""
    proposals: tuple[ProposalLine, ...] = ()
    reading: Reading | None = None
    hotseat: bool = False
    """True when a second player chose the other side's answers (their character only shaped
    the rules' reading, shown to that player as advice)."""
    source_kind: str = "essay"
    """What the scenario's source is called: "the essay", "the book" (:class:`Source`)."""
    carried: bool = False
    """True when the game carried on from an earlier summit: its scores are not compared with
    the lines, which start from the scenario's own beginning."""


def _is_statement(scenario: Scenario, accord: str) -> bool:
    """True when ``accord`` is the one a closing joint statement records of itself."""
    return accord in scenario.offer_index and scenario.offer(accord).kind is OfferKind.STATEMENT


def _line_outcome(state: GameState, strategy: StrategyName) -> Outcome | None:
    """How the built-in strategy of a line ends a game on this seed; None where the scenario
    has no such line, or where the game continued an earlier summit (a fresh game from the
    scenario's own start would not compare)."""
    if state.carry is not None or strategy not in STRATEGIES:
        return None
    try:
        state.scenario.line(strategy)
    except KeyError:
        return None
    return outcome(play(state.scenario, strategy, state.seed))


def _line_summary(
    state: GameState, strategy: StrategyName, heading: str, result: Outcome | None
) -> LineSummary | None:
    try:
        line = state.scenario.line(strategy)
    except KeyError:
        return None
    if result is None:
        return LineSummary(heading, line.description, "")
    return LineSummary(heading, line.description, result.ending.title, result.ending.mid_title)


def build_debrief(state: GameState) -> Debrief:
    """Work out the debrief of a finished game (ValueError if the game is not over)."""
    result = outcome(state)
    if result is None:
        raise ValueError("the debrief needs a finished game")
    scenario = state.scenario
    start = new_game(scenario, state.seed, state.carry).meters
    trust = scenario.role_index(MeterRole.TRUST)
    meters = tuple(
        MeterLine(
            label=capitalise(meter.label),
            values=(start[i], *(turn.meters[i] for turn in state.turns)),
            lower_is_better=meter.good is Direction.LOW,
            emphasis=i == trust,
            span=(meter.minimum, meter.maximum),
        )
        for i, meter in enumerate(scenario.meters)
        if meter.group is MeterGroup.TALKS
    )
    neighbours = tuple(
        NeighbourLine(
            label=capitalise(meter.label),
            values=(start[i], *(turn.meters[i] for turn in state.turns)),
            start=meter.band(start[i]),
            end=meter.band(state.meters[i]),
            span=(meter.minimum, meter.maximum),
        )
        for i, meter in enumerate(scenario.meters)
        if meter.group is MeterGroup.REGION
    )
    rounds: list[RoundSpan] = []
    for turn in state.turns:
        label = scenario.rounds[turn.round].label
        if rounds and rounds[-1].label == label:
            rounds[-1] = attrs.evolve(rounds[-1], last=turn.number)
        else:
            rounds.append(RoundSpan(label, turn.number, turn.number))

    kept = {(accord.id, accord.turn) for accord in result.accords}
    accords = []
    for accord in state.accords:
        form = accord.variant
        if accord.id in scenario.offer_index:
            variant = scenario.offer(accord.id).variant(accord.variant or None)
            if accord.variant and variant is not None:
                form = variant.label
        when = "at the earlier summit" if accord.prior else f"decision {accord.turn}"
        stands = (accord.id, accord.turn) in kept
        if accord.broken:
            status = "broken when it was put to the test"
        elif stands and accord.prior:
            status = "carried over"
        elif stands and _is_statement(scenario, accord.id):
            # The statement itself: "A joint statement · in the joint statement" said it twice
            # (a play-tester).
            status = "signed"
        elif stands and result.terminal is Terminal.STATEMENT:
            status = "in the joint statement"
        elif stands:
            status = "stands without a statement"
        elif result.terminal is Terminal.WALKOUT:
            status = "lost: they walked out"
        else:
            status = "lost: no statement"
        accords.append(
            AccordLine(capitalise(scenario.accord_label(accord.id)), form, when, status, stands)
        )

    history_line = _line_outcome(state, StrategyName.HISTORICAL)
    essay_line = _line_outcome(state, StrategyName.ESSAY)
    history_scores = [s.value for s in history_line.scores] if history_line else None
    essay_scores = [s.value for s in essay_line.scores] if essay_line else None
    cards = {card.id: card for card in scenario.scorecards}
    scores = tuple(
        ScoreLine(
            score.label,
            cards[score.id].description if score.id in cards else "",
            score.value,
            history_scores[i] if history_scores else None,
            essay_scores[i] if essay_scores else None,
        )
        for i, score in enumerate(result.scores)
    )

    views: dict[str, tuple[str, str]] = {}
    moves = []
    for turn in state.turns:
        verdict = REPLIED[turn.reaction.kind]
        if turn.reaction.kind is ReactionKind.ACCEPT and turn.move.is_answer:
            verdict = "agreed"
        moves.append(
            MoveLine(
                turn.number,
                scenario.rounds[turn.round].label,
                _decision_label(state, turn),
                verdict,
                turn.reaction.kind,
            )
        )

    # Amendments included: a play-tester's peace declaration, made as one, had no word.
    for offer_id in offers_made(scenario, state.turns):
        offer = scenario.offer(offer_id)
        if offer.essay:
            views[offer.id] = (offer.label, offer.essay)

    stance = scenario.stances[state.stance]
    source = scenario.source
    verb = "decision" if len(state.turns) == 1 else "decisions"
    return Debrief(
        kicker=f"Debrief \u00b7 {scenario.title} \u00b7 seed {state.seed} \u00b7 "
        f"{len(state.turns)} {verb}",
        outcome=result,
        meters=meters,
        rounds=tuple(rounds),
        accords=tuple(accords),
        scores=scores,
        profile=(state.profile_info.label, state.profile_info.description),
        stance=(stance.label, stance.description),
        history=_line_summary(
            state, StrategyName.HISTORICAL, "What happened in history", history_line
        ),
        essay=_line_summary(
            state, StrategyName.ESSAY, f"What the {source.kind} recommended", essay_line
        ),
        essay_views=tuple(views.values()),
        citation=f"{source.author}, {source.publication}, {source.year}.",
        moves=tuple(moves),
        neighbours=neighbours,
        proposals=_proposals(state),
        reading=_reading(state),
        hotseat=state.hotseat,
        source_kind=source.kind,
        carried=state.carry is not None,
    )


def _decision_label(state: GameState, turn: Turn) -> str:
    """A decision in words; an answer to a proposal of theirs names the proposal."""
    if not turn.move.is_answer:
        return move_label(state.scenario, turn.move)
    proposal = answered_proposal(state.scenario, state.turns, turn.number - 1)
    name = proposal.label if proposal is not None else "their proposal"
    if turn.move.offer == ACCEPT:
        return f"Accept their proposal: {name}"
    if turn.move.offer == AMEND:
        amended = _amended(state, proposal)
        named = proposal.mid_label if proposal is not None else name
        return f"Answer {named} with {amended}" if amended else f"Amend {named}"
    return f"Reject their proposal: {name}"


def _amended(state: GameState, proposal: Proposal | None) -> str:
    """The offer an amendment of ``proposal`` plays, in words as they read mid-sentence (""
    when none)."""
    if proposal is None or not proposal.amend:
        return ""
    return move_label(state.scenario, Move.parse(proposal.amend), mid=True)


def _proposals(state: GameState) -> tuple[ProposalLine, ...]:
    """Every proposal of theirs that came to the table, in order, with the player's answer."""
    scenario = state.scenario
    found = []
    for turn in state.turns:
        ident = turn.reaction.counter or turn.tabled
        if ident is None:
            continue
        proposal = scenario.proposal(ident)
        if turn.reaction.counter:
            how = f"instead of {move_label(scenario, turn.move, mid=True)}"
        else:
            opened = scenario.rounds[min(turn.round + 1, len(scenario.rounds) - 1)].label
            how = f"tabled on their own as the {opened} opened"
        answer, reaction = "never answered", None
        following = state.turns[turn.number] if turn.number < len(state.turns) else None
        if following is not None and following.move.is_answer:
            reaction = following.reaction.kind
            if following.move.offer == ACCEPT:
                answer = "you accepted it"
            elif following.move.offer == AMEND:
                amended = _amended(state, proposal) or "an amendment"
                answer = f"you answered with {amended}: {REPLIED[reaction]}"
            else:
                answer = "you rejected it"
        found.append(
            ProposalLine(proposal.label, how, turn.number, answer, reaction, proposal.main)
        )
    return tuple(found)


def _naming(why: str, interest: str) -> str:
    """The clause of a reply's reason that names ``interest`` as what they want (first, next,
    or settled first): ``"recognition settled, next they want security guarantees"``.

    >>> _naming("rejected: trust 25 is far below the 48 they need (they do want recognition "
    ...         "first); they have not forgotten your walkout", "recognition")
    'they do want recognition first'
    """
    clauses = why.replace("(", "; ").replace(")", ";").split("; ")
    said = (f"they want {interest}", f"they do want {interest}")
    return next((c.strip(" ;") for c in clauses if any(s in c for s in said)), "")


def _reading(state: GameState) -> Reading:
    """What a careful reader of their replies could have learnt, revealed."""
    scenario = state.scenario
    profile = state.profile_info
    interests = {interest.id: interest.label for interest in scenario.interests}
    tell = opening_tell(state)
    tells = tuple(
        Tell(turn.number, _naming(turn.reaction.why, label), label)
        for turn in state.turns
        if turn.reaction.focus is not None
        for label in (interests.get(turn.reaction.focus, ""),)
    )
    return Reading(
        label=profile.label,
        description=profile.description,
        agenda=tuple(scenario.interests[index].label for index in profile.agenda),
        opening=profile.opening,
        opening_interest=interests.get(tell, "") if tell else "",
        tells=tells,
        grudges=state.grudges,
    )
