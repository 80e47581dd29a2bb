"""The search for a fixed line on a scenario with fewer lines than its budget (the play-tester's
one_offer2.toml and one_offer3.toml, on which ``analyze`` never finished): it stops once no line
it can make is new, and says how many it played."""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import TypeVar

from game.engine import Move
from game.engine.analysis import analyze, search_line
from tests.engine.small import THREE_SESSIONS, small, small_text

T = TypeVar("T")

LINES: int = 16
"""The distinct lines of the small scenario: its one offer, played 1 to 16 times."""


@contextmanager
def _deadline(seconds: int) -> Iterator[None]:
    """Fail, rather than hang, a search that does not end."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"still searching after {seconds} seconds")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _soon(run: Callable[[], T]) -> T:
    with _deadline(60):
        return run()


def test_the_search_ends_when_the_budget_exceeds_the_lines_there_are() -> None:
    line, score = _soon(lambda: search_line(small(), range(1, 5), 40))
    assert line.moves == (Move("handshake"),)
    assert score.games == 4


def test_the_analysis_counts_only_the_lines_it_played() -> None:
    scenario = small(small_text(rounds=THREE_SESSIONS))
    analysis = _soon(lambda: analyze(scenario, budget=1200, train=10, test=20))
    # The main search and the one profile's, each at most every line there is.
    assert 0 < analysis.evaluations <= 2 * LINES
    assert analysis.best.moves == (Move("handshake"),)
