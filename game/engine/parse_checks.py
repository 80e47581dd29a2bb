"""Checks on a loaded scenario as a whole: what no play can reach, and an opening that leaves
the player no move."""

from __future__ import annotations

from collections.abc import Iterable

from game.engine.moves import can_offer, move_options
from game.engine.parse_reader import _Problems
from game.engine.rules import new_game, opening_against, outcome
from game.engine.scenario import (
    Effect,
    Example,
    OfferKind,
    Scenario,
    Terminal,
)
from game.engine.state import IllegalMoveError, Move
from game.engine.turns import apply


def _check_reachability(scenario: Scenario, problems: _Problems) -> None:
    """Report stances, endings and accords that no play of the scenario can reach."""
    creatable = {offer.id for offer in scenario.offers if offer.kind.judged}
    creatable |= {proposal.accord for proposal in scenario.proposals}
    kinds = {offer.kind for offer in scenario.offers}
    # Their proposals' accords are never tacit: only a tacit form of an offer is.
    tacit = {offer.id for offer in scenario.offers if any(v.tacit for v in offer.variants)}
    # A walkout is always possible: a hot-seat player may walk out of a hostile stance.
    possible = {Terminal.WALKOUT, Terminal.NO_STATEMENT}
    if OfferKind.STATEMENT in kinds:
        possible.add(Terminal.STATEMENT)
    if OfferKind.WALK_AWAY in kinds:
        possible.add(Terminal.WALKED_AWAY)

    reached = {scenario.start_stance} | {t.target for t in scenario.transitions}
    steps = [effect.stance_step for effect in _all_effects(scenario) if effect.stance_step]
    for index, stance in enumerate(scenario.stances):
        if index in reached or steps:
            continue
        problems.add(
            f"stances[{index}]",
            stance.id,
            "expected a way to reach this stance (a transition into it or a stance step), got none",
        )

    for index, ending in enumerate(scenario.endings):
        path = f"endings[{index}]"
        missing = [accord for accord in ending.accords if accord not in creatable]
        if missing:
            problems.add(
                path,
                ending.id,
                f"unreachable ending: no offer or proposal creates {', '.join(missing)}",
            )
            continue
        if not set(ending.terminals) & possible:
            names = ", ".join(t.value for t in ending.terminals)
            problems.add(
                path, ending.id, f"unreachable ending: no way for the summit to end as {names}"
            )
            continue
        if ending.accords and not set(ending.terminals) - {Terminal.WALKOUT}:
            problems.add(path, ending.id, "unreachable ending: a walkout records no accords")
            continue
        untacit = [accord for accord in ending.accords if accord not in tacit]
        if untacit and Terminal.STATEMENT not in set(ending.terminals) & possible:
            names = ", ".join(untacit)
            problems.add(
                path,
                ending.id,
                "unreachable ending: without a statement only tacit accords are on the record, "
                f"and no form of {names} is tacit",
            )
            continue
        if ending.prior and (scenario.carry is None or not scenario.carry.accords):
            problems.add(
                path,
                ending.id,
                "expected a [carry] table with accords = true for an ending that needs accords "
                "of the earlier summit (prior), got none",
            )
            continue
        for earlier in scenario.endings[:index]:
            if (
                set(ending.terminals) <= set(earlier.terminals)
                and set(earlier.accords) <= set(ending.accords)
                and set(earlier.prior) <= set(ending.prior)
            ):
                problems.add(
                    path,
                    ending.id,
                    f'unreachable ending: "{earlier.id}" comes first and always matches instead',
                )
                break
    for terminal in sorted(possible, key=lambda t: t.value):
        if not any(
            terminal in e.terminals and not e.accords and not e.prior for e in scenario.endings
        ):
            problems.add(
                "endings",
                None,
                f'expected an ending for "{terminal.value}" that needs no accords '
                "(so every game has an outcome), got none",
            )
    for offer in scenario.offers:
        for accord in offer.requires.accords + tuple(
            a for alt in offer.requires.any for a in alt.accords
        ):
            if accord not in creatable:
                index = scenario.offer_index[offer.id]
                problems.add(
                    f"offers[{index}].requires.accords",
                    offer.id,
                    f'expected accords some offer can create, got "{accord}"',
                )


def _all_effects(scenario: Scenario) -> Iterable[Effect]:
    for offer in scenario.offers:
        yield from (offer.on_offer, offer.on_accept, offer.on_defer, offer.on_reject)
        for variant in offer.variants:
            yield from (variant.on_offer, variant.on_accept)
    for proposal in scenario.proposals:
        yield from (proposal.on_accept, proposal.on_reject)
    for event in scenario.events:
        yield event.effect
        if event.test is not None:
            yield from (event.test.on_hold, event.test.on_break)
    for drift in scenario.drifts:
        yield drift.effect
    for profile in scenario.profiles:
        yield profile.start
        for quirk in profile.quirks:
            yield from (quirk.on_accept, quirk.on_reject)
    rules = scenario.rules
    yield from (rules.per_turn, rules.per_round, rules.per_accept, rules.repeat, rules.red_line)
    yield from (rules.focus_bonus, rules.early_cost)


_REASONS_SHOWN = 3
"""How many closed offers the line about a closed opening names, with why each is closed."""


def _check_opening(scenario: Scenario, problems: _Problems) -> None:
    """Report an opening that leaves the player no move against some hidden profile: nothing
    is on the table yet, so the game could not even begin."""
    closed = [
        index
        for index in range(len(scenario.profiles))
        if not can_offer(opening_against(scenario, index))
    ]
    if not closed:
        return
    names = ", ".join(f'"{scenario.profiles[index].id}"' for index in closed)
    options = move_options(opening_against(scenario, closed[0]))
    reasons = [
        f"{o.label}: {o.reason}" for o in options if not o.available and not o.move.is_answer
    ]
    shown = "; ".join(reasons[:_REASONS_SHOWN])
    if len(reasons) > _REASONS_SHOWN:
        shown += f"; and {len(reasons) - _REASONS_SHOWN} more"
    which = "profile" if len(closed) == 1 else "profiles"
    problems.add(
        "rounds[0]",
        scenario.rounds[0].id,
        f"expected an offer the player can make as the summit opens, got none against the "
        f"{which} {names} ({shown})",
    )


def known_game_problems(scenario: Scenario, source: str) -> list[str]:
    """Replay each known game (``[[examples]]``) and report, one line each, a move that cannot
    be played, moves that leave the summit going, and a game that ends elsewhere than it says.

    Only ``check`` asks: the game loads a scenario whose known games have drifted from the
    rules, since they serve only screenshots and tests.
    """
    problems = []
    for index, example in enumerate(scenario.examples):
        found = _replay_problem(scenario, example)
        if found is not None:
            key, message = found
            named = f'(ending "{example.ending}", seed {example.seed})'
            problems.append(f"{source}: examples[{index}]{key} {named}: {message}")
    return problems


def _replay_problem(scenario: Scenario, example: Example) -> tuple[str, str] | None:
    """What is wrong with a known game, as the key it concerns and the message (None: it ends
    where it says)."""
    state = new_game(scenario, example.seed)
    for number, text in enumerate(example.moves):
        try:
            state = apply(state, Move.parse(text)).state
        except IllegalMoveError as error:
            return (
                f".moves[{number}]",
                f'expected a move that can be played at that point, got "{text}" ({error.reason})',
            )
    result = outcome(state)
    if result is None:
        count = len(example.moves)
        return ".moves", f"expected moves that end the summit, got {count} that do not"
    if result.ending.id != example.ending:
        reached = result.ending.id
        return (
            ".ending",
            f'expected the ending its moves reach, "{reached}", got "{example.ending}"',
        )
    return None
