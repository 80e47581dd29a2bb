"""The trust-and-leverage state machine, move by move."""

from __future__ import annotations

import re

import attrs
import pytest

from game.engine import (
    ChosenBy,
    GameOverError,
    IllegalMoveError,
    Move,
    PendingKind,
    ReactionKind,
    Scenario,
    Terminal,
    apply,
    available_moves,
    is_legal,
    judge,
    move_options,
    new_game,
    outcome,
)
from game.engine.describe import StrategyName
from game.engine.replay import replay
from game.engine.state import GameState
from game.engine.strategies import play
from game.engine.transcript import from_document, to_document
from game.escapes import SHORT, short

WHY = re.compile(
    r"^(accepted|rejected|deferred|countered): [\w. ]+ \d+ "
    r"(meets|is below|is close to|is above|is within|is just above) the \d+ "
    r"(they need|they can accept|[\w ]+ needs|[\w ]+ can accept)"
)


def run(scenario: Scenario, seed: int, *moves: str) -> GameState:
    state = new_game(scenario, seed)
    for text in moves:
        state = apply(state, Move.parse(text)).state
    return state


def seed_where(scenario: Scenario, wanted: ReactionKind, *moves: str) -> tuple[int, GameState]:
    """The first seed at which the last of ``moves`` draws the wanted reaction."""
    for seed in range(500):
        state = run(scenario, seed, *moves)
        if state.turns[-1].reaction.kind is wanted:
            return seed, state
    raise AssertionError(f"no seed gives {wanted} for {moves}")


def test_a_new_game_starts_with_low_trust_and_the_first_round(hanoi: Scenario) -> None:
    state = new_game(hanoi, 1)
    assert state.round == 0 and state.turns == () and not state.is_over
    assert state.meter("trust") <= 15  # the Libya and Iran history
    assert hanoi.stances[state.stance].id in ("hostile", "guarded")


def test_same_seed_same_profile_different_seeds_differ(hanoi: Scenario) -> None:
    assert new_game(hanoi, 5) == new_game(hanoi, 5)
    profiles = {new_game(hanoi, seed).profile_info.id for seed in range(60)}
    assert profiles == {p.id for p in hanoi.profiles}


def test_every_reaction_explains_itself_with_meter_and_threshold(hanoi: Scenario) -> None:
    for seed in range(40):
        state = run(hanoi, seed, "yongbyon_for_relief:partial")
        why = state.turns[-1].reaction.why
        assert WHY.match(why), why
        assert "before giving up Yongbyon" in why


def test_a_refusal_names_the_shortfall_and_the_reason(hanoi: Scenario) -> None:
    _, state = seed_where(hanoi, ReactionKind.REJECT, "liaison_offices")
    reaction = state.turns[-1].reaction
    trust = re.search(r"trust (\d+) is below the (\d+) they need", reaction.why)
    assert trust and int(trust.group(1)) < int(trust.group(2))
    assert "an American presence in their capital needs confidence" in reaction.why
    # Their words: the scenario's refusal, and when the offer came out of turn, what they want
    # first (a tell).
    assert reaction.say.startswith("That is not acceptable to us.")


def test_an_accepted_offer_creates_its_accord_and_moves_meters(hanoi: Scenario) -> None:
    seed, state = seed_where(hanoi, ReactionKind.ACCEPT, "mutual_restraint:unwritten")
    before = new_game(hanoi, seed)
    assert state.has_accord("mutual_restraint")
    assert state.accords[0].variant == "unwritten" and state.accords[0].tacit
    assert state.meter("trust") > before.meter("trust")
    assert state.meter("risk") < before.meter("risk")
    assert not is_legal(state, Move("mutual_restraint", "written"))
    reasons = {str(o.move): o.reason for o in move_options(state)}
    assert reasons["mutual_restraint:written"] == "already agreed"


def test_their_yongbyon_proposal_is_tabled_and_must_be_answered(hanoi: Scenario) -> None:
    # Their standing offer of Hanoi comes when the one-on-one opens, whatever else happened.
    state = new_game(hanoi, 3)
    while state.pending is None:
        state = apply(
            state,
            Move("consult", "washington") if state.round else Move("next_summit", "working_level"),
        ).state
    assert state.round == 1 and state.turns[-1].tabled == "yongbyon_for_sanctions"
    assert state.pending is not None and state.pending.kind is PendingKind.PROPOSAL
    assert available_moves(state) == (Move("accept"), Move("reject"), Move("amend"))
    options = {str(o.move): o for o in move_options(state)}
    assert options["embassies"].reason == "answer their proposal first (accept, reject or amend)"
    assert options["amend"].label == "Amend: Yongbyon for relief (partial relief)"
    accepted = apply(state, Move("accept")).state
    assert accepted.accords[-1].id == "yongbyon_for_relief"
    assert accepted.accords[-1].variant == "the 2016-17 sanctions lifted"
    assert accepted.meter("leverage") == state.meter("leverage") - 35
    assert accepted.meter("domestic") != state.meter("domestic")
    refused = apply(state, Move("reject")).state
    assert refused.turns[-1].reaction.kind is ReactionKind.NOTED
    assert "in history this is where the talks broke down" in refused.turns[-1].reaction.why
    # Their position does not move: their thresholds for Yongbyon rise once it is refused.
    assert "yongbyon_for_sanctions" in refused.rejected
    # The answer takes no turn of the schedule; an amendment is an offer and takes one.
    assert refused.turn_in_round == state.turn_in_round
    amended = apply(state, Move("amend")).state
    assert amended.turns[-1].move == Move("amend")
    assert (
        "you answered \u201cYongbyon for the 2016-17 sanctions\u201d with an offer of your own, "
        "\u201cYongbyon for relief\u201d: " in amended.turns[-1].reaction.why
    )
    assert amended.turn_in_round == state.turn_in_round + 1


def test_answers_only_when_a_proposal_is_pending(hanoi: Scenario) -> None:
    state = new_game(hanoi, 1)
    with pytest.raises(IllegalMoveError) as caught:
        apply(state, Move("accept"))
    assert caught.value.reason == "there is no proposal of theirs to answer"


def test_unknown_moves_and_variants_are_refused_with_a_reason(hanoi: Scenario) -> None:
    state = new_game(hanoi, 1)
    with pytest.raises(IllegalMoveError, match="unknown move"):
        apply(state, Move("hug"))
    with pytest.raises(IllegalMoveError, match=r"unknown variant .*unwritten, written"):
        apply(state, Move("mutual_restraint", "shouted"))
    with pytest.raises(IllegalMoveError, match="this offer has no variants"):
        apply(state, Move("embassies", "grand"))


def test_a_replayed_illegal_move_gives_its_reason_cut_between_words(hanoi: Scenario) -> None:
    """The one-line reason of ``replay --verify`` and ``verify`` is cut at a space, never in
    the middle of a word (a play-tester read "unless trust is alr...")."""
    state = run(hanoi, 1, "mutual_restraint:written")
    reason = next(o.reason for o in move_options(new_game(hanoi, 1)) if str(o.move) == "embassies")
    document = to_document(state, game_version="test")
    document["turns"][0]["move"] = "embassies"
    report = replay(hanoi, from_document(document))
    assert not report.ok
    shown = report.message.removeprefix("turn 1: move 'embassies': ")
    assert shown.endswith("...") and len(shown) <= SHORT < len(reason)
    kept = shown.removesuffix("...")
    assert reason.startswith(kept) and reason[len(kept)] in " ,;:"
    for text in ("x" * 200, "a " * 100, reason, "x" * 50 + " " + "y" * 100):
        for limit in (4, 10, 40, 60, 200):
            assert len(short(text, quoted=False, limit=limit)) <= limit


def test_locked_offers_say_why(hanoi: Scenario) -> None:
    state = new_game(hanoi, 1)
    reasons = {str(o.move): o.reason for o in move_options(state) if not o.available}
    assert reasons["embassies"].startswith("embassies come after liaison offices")
    assert "needs liaison offices in both capitals agreed first" in reasons["embassies"]
    assert "trust 15 is below 70" in reasons["embassies"] or "trust" in reasons["embassies"]
    assert reasons["joint_statement"] == (
        "nothing has been agreed at this summit yet that a statement could record"
    )
    assert "not before the expanded talks" in reasons["walk_away"]
    assert "needs a declaration ending the Korean War" in reasons["regional_handoff"]


def test_walking_away_ends_the_summit_without_a_statement(hanoi: Scenario) -> None:
    state = new_game(hanoi, 2)
    while not is_legal(state, Move("walk_away")):
        state = apply(state, available_moves(state)[0]).state
    state = apply(state, Move("walk_away")).state
    assert state.terminal is Terminal.WALKED_AWAY
    assert state.turns[-1].reaction.kind is ReactionKind.ENDED
    result = outcome(state)
    assert result is not None and result.ending.id == "walked_away"
    with pytest.raises(GameOverError):
        apply(state, Move("next_summit", "working_level"))
    assert all(not o.available for o in move_options(state))
    assert all(o.reason == "the summit is over" for o in move_options(state))


def test_repeating_a_refused_offer_costs_patience(hanoi: Scenario) -> None:
    # Within one session (no round's break in between), the second refusal costs more.
    for seed in range(200):
        start = attrs.evolve(new_game(hanoi, seed), round=1)
        first = apply(start, Move("liaison_offices")).state
        again = apply(first, Move("liaison_offices")).state
        kinds = (first.turns[-1].reaction.kind, again.turns[-1].reaction.kind)
        if kinds == (ReactionKind.REJECT, ReactionKind.REJECT) and not again.turns[-1].events:
            break
    else:
        raise AssertionError("no seed refuses liaison offices twice in the one-on-one")
    # Beside the verdict, not after the last thing they said (where it read as part of it).
    assert again.turns[-1].reaction.why.startswith("rejected (offered again after 1 refusal): ")
    first_cost = start.meter("patience") - first.meter("patience")
    second_cost = first.meter("patience") - again.meter("patience")
    assert second_cost > first_cost


def test_repeating_any_single_offer_never_yields_more_than_one_accord(hanoi: Scenario) -> None:
    for offer in hanoi.offers:
        moves = [Move(offer.id, v.id) for v in offer.variants] or [Move(offer.id)]
        for move in moves:
            for seed in range(30):
                state = new_game(hanoi, seed)
                while not state.is_over:
                    if state.pending is not None:
                        state = apply(state, Move("reject")).state
                    elif is_legal(state, move):
                        state = apply(state, move).state
                    else:
                        break
                assert len(state.accords) <= 1, (move, seed)


def test_the_schedule_ends_the_summit_after_the_last_round(hanoi: Scenario) -> None:
    state = new_game(hanoi, 11)
    rounds_seen = set()
    while not state.is_over:
        rounds_seen.add(state.round)
        moves = available_moves(state)
        safe = [m for m in moves if m.offer in ("next_summit", "security_assurances")]
        pick = safe[0] if safe else (Move("reject") if state.pending is not None else None)
        if pick is None:
            pick = next(m for m in moves if m.offer not in ("walk_away", "joint_statement"))
        state = apply(state, pick).state
    total = sum(r.turns for r in hanoi.rounds)
    offers_made = sum(1 for t in state.turns if not t.move.is_answer)
    if state.terminal is Terminal.NO_STATEMENT:
        assert offers_made == total
        assert rounds_seen == set(range(len(hanoi.rounds)))
        assert "the schedule has run out" in state.turns[-1].reaction.why


def test_events_happen_between_rounds_and_are_recorded(hanoi: Scenario) -> None:
    seen = set()
    for seed in range(40):
        state = play(hanoi, "essay", seed)
        for turn in state.turns:
            for event in turn.events:
                seen.add(event)
                nxt = state.turns[turn.number] if turn.number < len(state.turns) else None
                assert nxt is None or nxt.round == turn.round + 1
    assert len(seen) >= 6


def test_domestic_pressure_can_make_the_statement_unsignable(hanoi: Scenario) -> None:
    seed, state = seed_where(hanoi, ReactionKind.ACCEPT, "next_summit:working_level")
    domestic = hanoi.meter_index["domestic"]
    meters = list(state.meters)
    meters[domestic] = 80
    lunch = next(i for i, r in enumerate(hanoi.rounds) if r.id == "lunch")
    probe = attrs.evolve(state, round=lunch, turn_in_round=0, meters=tuple(meters))
    reasons = {str(o.move): o.reason for o in move_options(probe)}
    assert "a President who can sell it at home" in reasons["joint_statement"]
    assert "domestic pressure 80 is above 75" in reasons["joint_statement"]
    # Calling Washington is the way back: it lowers the pressure, less each time.
    first = apply(probe, Move("consult", "washington")).state
    second = apply(first, Move("consult", "washington")).state
    assert first.turns[-1].reaction.kind is ReactionKind.NOTED
    assert first.meter("domestic") == 74
    assert 74 > second.meter("domestic") > 74 - 6
    assert "each helps less" in second.turns[-1].reaction.why
    assert not first.has_accord("consult")
    assert is_legal(first, Move("joint_statement"))
    del seed


def test_a_walkout_records_nothing_and_an_unwritten_freeze_survives_a_walk_away(
    hanoi: Scenario,
) -> None:
    for seed in range(200):
        state = play(hanoi, "random", seed)
        result = outcome(state)
        assert result is not None
        if state.terminal is Terminal.WALKOUT:
            assert result.accords == ()
        elif state.terminal is Terminal.WALKED_AWAY:
            assert all(a.tacit for a in result.accords)
        elif state.terminal is Terminal.STATEMENT:
            # A promise broken at a test between rounds is off the record.
            assert result.accords == tuple(a for a in state.accords if not a.broken)


def test_hot_seat_player_chooses_among_allowed_reactions(hanoi: Scenario) -> None:
    state = new_game(hanoi, 4)
    move = Move("liaison_offices")
    verdict = judge(state, move)
    assert verdict.kind in verdict.allowed
    assert ReactionKind.REJECT in verdict.allowed and ReactionKind.DEFER in verdict.allowed
    other = next(k for k in verdict.allowed if k is not verdict.kind)
    result = apply(state, move, other)
    assert result.reaction.kind is other
    assert result.reaction.chosen_by is ChosenBy.PLAYER
    assert "by their choice; the rules would have" in result.reaction.why
    not_allowed = [k for k in ReactionKind if k not in verdict.allowed]
    with pytest.raises(IllegalMoveError, match="the rules do not allow"):
        apply(state, move, not_allowed[0])
    # Judging does not change the game.
    assert judge(state, move) == verdict


def test_outcome_is_none_until_the_end_and_names_an_ending(hanoi: Scenario) -> None:
    state = new_game(hanoi, 8)
    assert outcome(state) is None
    final = play(hanoi, "essay", 8)
    result = outcome(final)
    assert result is not None
    assert result.ending.id in {e.id for e in hanoi.endings}
    assert {s.id for s in result.scores} == {c.id for c in hanoi.scorecards}
    assert all(0 <= s.value <= 100 for s in result.scores)
    assert result.turns == len(final.turns)


def test_apply_builds_the_next_state_field_by_field(hanoi: Scenario) -> None:
    """apply builds the next state positionally (the cheapest call): the fields must stay in
    the order it passes them, and each must carry what the turn made of it."""
    assert [field.name for field in attrs.fields(GameState)] == [
        "scenario", "seed", "profile", "hardness", "rng", "meters", "stance", "round",
        "turn_in_round", "accords", "agreed", "attempts", "refusals", "answered", "fired",
        "pending", "terminal", "turns", "hash", "carry", "points", "grudges", "hotseat",
        "rejected", "tabled",
    ]  # fmt: skip
    for seed in range(40):
        before = play(hanoi, StrategyName.RANDOM, seed)
        assert [turn.number for turn in before.turns] == list(range(1, len(before.turns) + 1))
        assert len({turn.hash for turn in before.turns}) == len(before.turns)
        last = before.turns[-1]
        assert before.hash == last.hash and before.meters == last.meters
        assert before.stance == last.stance and before.seed == seed
        assert before.agreed == frozenset(a.id for a in before.accords)
        assert sum(before.attempts) >= sum(before.refusals)
        assert before.fired >= frozenset(e for t in before.turns for e in t.events)
        assert before.answered >= frozenset(t.tabled for t in before.turns if t.tabled)
        assert before.tabled == sum(1 for t in before.turns if t.tabled)
        assert all(isinstance(points, int) for points in before.points)


def test_the_moves_are_those_of_the_scenario_played_even_one_evolved_from_another(
    hanoi: Scenario,
) -> None:
    # The moves were kept by the scenario's digest, which an evolved scenario keeps: a
    # scenario with fewer offers was offered the moves of the one it came from.
    assert len(available_moves(new_game(hanoi, 1))) > 3
    offers = hanoi.offers[:3]
    fewer = attrs.evolve(
        hanoi, offers=offers, offer_index={offer.id: i for i, offer in enumerate(offers)}
    )
    assert fewer.sha256 == hanoi.sha256
    moves = available_moves(new_game(fewer, 1))
    assert moves and {move.offer for move in moves} <= {offer.id for offer in offers}
