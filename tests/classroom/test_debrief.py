"""The debrief's model: the meters over every decision, the rounds, whether each accord stands,
the scores against the historical and the essay's lines."""

from __future__ import annotations

from game.classroom.debrief import build_debrief
from game.engine import GameState, Terminal, new_game, outcome
from game.engine.search import Found
from game.engine.strategies import play


def test_the_meters_run_from_the_start_through_every_decision(rich: GameState) -> None:
    debrief = build_debrief(rich)
    start = new_game(rich.scenario, rich.seed).meters
    assert len(debrief.meters) == len(rich.scenario.meters)
    for i, meter in enumerate(debrief.meters):
        assert meter.values[0] == start[i]
        assert meter.values[1:] == tuple(turn.meters[i] for turn in rich.turns)
    assert [m.emphasis for m in debrief.meters].count(True) == 1
    assert debrief.meters[rich.scenario.meter_index["trust"]].emphasis


def test_rounds_cover_every_decision_in_order(rich: GameState) -> None:
    debrief = build_debrief(rich)
    assert debrief.rounds[0].first == 1
    assert debrief.rounds[-1].last == len(rich.turns)
    for before, after in zip(debrief.rounds, debrief.rounds[1:], strict=False):
        assert after.first == before.last + 1


def test_accords_say_whether_they_stand(games: dict[str, Found]) -> None:
    signed = build_debrief(games["embassies"].state)
    assert signed.accords and all(a.stands for a in signed.accords)
    assert all(a.status == "in the joint statement" for a in signed.accords)
    for name, found in games.items():
        state = found.state
        debrief = build_debrief(state)
        result = outcome(state)
        assert result is not None
        assert sum(a.stands for a in debrief.accords) == len(result.accords), name
        if state.terminal is Terminal.WALKOUT:
            assert all(a.status == "lost: they walked out" for a in debrief.accords)
        if state.terminal in (Terminal.WALKED_AWAY, Terminal.NO_STATEMENT):
            for accord in debrief.accords:
                expected = "stands without a statement" if accord.stands else "lost: no statement"
                assert accord.status == expected


def test_scores_profile_and_the_two_lines(rich: GameState) -> None:
    debrief = build_debrief(rich)
    result = outcome(rich)
    assert result is not None
    assert [s.value for s in debrief.scores] == [s.value for s in result.scores]
    assert {s.label for s in debrief.scores} >= {"A normal relationship", "Less risk exposure"}
    assert debrief.profile == (rich.profile_info.label, rich.profile_info.description)
    assert debrief.history is not None and debrief.history.ending
    assert debrief.essay is not None and debrief.essay.ending
    historical = outcome(play(rich.scenario, "historical", rich.seed))
    assert historical is not None
    assert debrief.history.ending == historical.ending.title
    assert all(s.history is not None and s.essay is not None for s in debrief.scores)
    assert len(debrief.moves) == len(rich.turns)
    offered = {t.move.offer for t in rich.turns if not t.move.is_answer}
    assert len(debrief.essay_views) == len(offered)
