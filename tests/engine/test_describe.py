"""The words every front end shares: labels, replies, meter lines and the changes moves make."""

from __future__ import annotations

import attrs

from game.engine import ChosenBy, Move, ReactionKind, Scenario, apply, new_game
from game.engine.describe import (
    REPLIED,
    REPLY,
    StrategyName,
    capitalise,
    changes,
    effect_text,
    essay_view,
    history_and_source,
    meters_line,
    move_label,
    reply_sentence,
    sentence,
)
from game.engine.strategies import STRATEGIES


def test_labels_read_as_the_scenario_words_them(hanoi: Scenario) -> None:
    assert move_label(hanoi, Move("mutual_restraint", "unwritten")) == (
        "Mutual restraint (unwritten)"
    )
    assert move_label(hanoi, Move("accept")) == "You accept their proposal"
    assert move_label(hanoi, Move("reject")) == "You reject their proposal"
    # Mid-sentence, a name keeps its capital and the rest read small.
    assert move_label(hanoi, Move("mutual_restraint", "unwritten"), mid=True) == (
        "mutual restraint (unwritten)"
    )
    assert move_label(hanoi, Move("yongbyon_for_relief", "partial"), mid=True) == (
        "Yongbyon for relief (partial relief)"
    )
    assert move_label(hanoi, Move("reject"), mid=True) == "you reject their proposal"


def test_every_reply_has_its_words() -> None:
    assert set(REPLY) == set(REPLIED) == set(ReactionKind)
    assert reply_sentence(ReactionKind.ACCEPT) == "They accept"
    assert reply_sentence(ReactionKind.ENDED) == "You leave the table"


def test_capitals_keep_the_rest_of_a_label() -> None:
    assert capitalise("working lunch") == "Working lunch"
    assert capitalise("") == ""
    assert sentence("talks in Pyongyang") == "Talks in Pyongyang."
    assert sentence("done.") == "Done."


def test_changes_say_whether_they_help(hanoi: Scenario) -> None:
    offer = hanoi.offer("liaison_offices")
    found = changes(hanoi, offer.on_accept)
    assert found and all(change.text for change in found)
    assert effect_text(hanoi) == "no change"
    line = meters_line(hanoi, tuple(m.start for m in hanoi.meters), hanoi.start_stance)
    assert line.endswith(f"they are {hanoi.stances[hanoi.start_stance].label}")


def test_strategy_names_are_the_built_in_strategies() -> None:
    assert tuple(StrategyName) == tuple(STRATEGIES)


def test_a_refusal_names_who_decided_it_when_it_was_not_them(hanoi: Scenario) -> None:
    # A play-tester saw the Senate's refusal headed "DPRK delegation · they reject".
    from game.engine.strategies import play

    games = [play(hanoi, "random", seed) for seed in range(60)]
    refused = [
        (game, turn)
        for game in games
        for turn in game.turns
        if turn.reaction.kind in (ReactionKind.REJECT, ReactionKind.DEFER)
    ]
    named = {turn.reaction.refused_by for _, turn in refused} - {""}
    assert {"the Senate", "Tokyo"} <= named
    for _, turn in refused:
        reaction = turn.reaction
        who = reaction.refused_by
        # Exactly the refusals the engine left unvoiced, and the name is the one the why gives.
        assert bool(who) == (reaction.say == ""), reaction.why
        assert not who or f" {who} " in reaction.why
    game, senate = next((g, t) for g, t in refused if t.reaction.refused_by == "the Senate")
    assert reply_sentence(senate.reaction.kind, "the Senate") == (
        "Refused by the Senate"
        if senate.reaction.kind is ReactionKind.REJECT
        else "Held up by the Senate"
    )
    # A hot-seat player who chose the refusal spoke for the delegation: it is theirs.
    before = new_game(hanoi, game.seed)
    for turn in game.turns[: senate.number - 1]:
        before = apply(before, turn.move).state
    chosen = apply(before, senate.move, reaction=ReactionKind.REJECT).reaction
    assert chosen.chosen_by is ChosenBy.PLAYER and chosen.refused_by == ""
    assert reply_sentence(ReactionKind.REJECT, "") == "They reject"
    assert reply_sentence(ReactionKind.ACCEPT, "Tokyo") == "They accept"


def test_the_essays_view_names_the_essay_once(hanoi: Scenario) -> None:
    # A play-tester read "The essay: A modest step the essay welcomes".
    from game.store.scenarios import load_scenario

    views = [
        essay_view(scenario, offer)
        for scenario in (hanoi, load_scenario("next_summit"))
        for offer in scenario.offers
        if offer.essay
    ]
    assert "A modest step the essay welcomes, whether written down or simply observed." in views
    for view in views:
        assert "essay" in view.lower(), "every view says whose it is"
        assert not view.startswith("The essay: ") or "essay" not in view[len("The essay: ") :]


def test_a_source_that_is_not_an_essay_is_called_what_it_is(hanoi: Scenario) -> None:
    """A scenario built on a book says "the book" where Hanoi's says "the essay" (a scenario
    author's play-test read "History and the essay" for a 2004 book)."""
    book = attrs.evolve(hanoi, source=attrs.evolve(hanoi.source, kind="book"))
    offer = next(o for o in hanoi.offers if o.essay and "essay" not in o.essay)
    assert essay_view(hanoi, offer) == f"The essay: {offer.essay}"
    assert essay_view(book, offer) == f"The book: {offer.essay}"
    assert history_and_source(hanoi) == "History and the essay"
    assert history_and_source(book) == "History and the book"


def test_offers_made_count_an_amendment_once_and_answers_not() -> None:
    from game.engine import is_legal
    from game.engine.describe import offers_made
    from game.engine.strategies import play
    from game.store.scenarios import load_scenario

    hanoi = load_scenario("hanoi")
    for seed in range(40):
        state = new_game(hanoi, seed)
        line = play(hanoi, "essay", seed).turns
        while not state.is_over and not (state.pending and is_legal(state, Move("amend"))):
            state = apply(state, line[len(state.turns)].move).state
        if not state.is_over:
            break
    else:
        raise AssertionError("no game of the essay's line came to an amendment in 40 seeds")
    assert state.pending is not None
    amended = Move.parse(hanoi.proposals[state.pending.proposal].amend).offer
    before = offers_made(hanoi, state.turns)
    after = offers_made(hanoi, apply(state, Move("amend")).state.turns)
    assert after == (*before, amended) or (amended in before and after == before)
    assert not {"accept", "reject", "amend"} & set(after)


def test_a_new_round_says_what_it_brings_to_the_meters(hanoi: Scenario) -> None:
    """Each new round brings the rules' per_round change (Hanoi: patience +7), which the meters
    after the round's last move include: the turn's lines say so, and only where a new round
    began (a play-tester saw patience rise by 7 and was told nothing of it)."""
    from game.engine.describe import between_rounds, round_opened
    from game.engine.strategies import play

    line = ("Between rounds", "A new round begins (patience +7).")
    state = play(hanoi, "essay", 4)
    opened = [turn for turn in state.turns if round_opened(state, turn)]
    assert len(opened) == state.round > 0  # each round after the first began after a turn
    for turn in state.turns:
        new_round = round_opened(state, turn)
        said = between_rounds(hanoi, turn, new_round=new_round)
        assert (line in said) == new_round
        if new_round:
            assert said.index(line) == 0
