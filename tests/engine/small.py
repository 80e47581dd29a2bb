"""Small scenarios written in the tests: one offer, a schedule of one or a few sessions, and
nothing to fall back on (no recess, no walk-away), so the player can run out of moves."""

from __future__ import annotations

from pathlib import Path

from game.engine import Scenario, parse_scenario

HEAD = """format = 1
id = "{ident}"
title = "One offer"
stances = [{{ id = "cold", label = "cold" }}]
rounds = [{rounds}]
"""

BODY = """
[source]
author = "A. Tester"
title = "Nothing"

[briefing]
situation = "A single question."
goals = "Get a yes."

[[meters]]
id = "trust"
label = "trust"
start = 10

[rules]
event_chance = {chance}

[[offers]]
id = "handshake"
label = "Handshake"
needs = [{{ meter = "trust", min = 5, context = "before shaking hands" }}]
{offers}
[[profiles]]
id = "plain"
label = "plain people"
{profiles}
[[endings]]
id = "nothing"
title = "Nothing"
text = "Nothing happened."
terminals = ["walkout", "no_statement"]
"""

ONE_SESSION = '{ id = "only", label = "only session", turns = 2 }'
THREE_SESSIONS = (
    '{ id = "first", label = "first session", turns = 2 }, '
    '{ id = "second", label = "second session", turns = 2 }, '
    '{ id = "third", label = "third session", turns = 2 }'
)
LATE_TOAST = """requires = { round_at_most = "first" }

[[offers]]
id = "toast"
label = "A toast"
requires = { round_at_least = "third", reason = "toasts come at the end" }
"""
"""Offers for :data:`THREE_SESSIONS`: the handshake in the first session only, a toast in the
third only, so that the second holds nothing to put on the table."""

RECESS = """
[[offers]]
id = "pause"
kind = "recess"
label = "Take a pause"
"""
"""A recess, as ``extra``: a move to wait with once the handshake is made."""

EVENTS = """
[[events]]
id = "rain"
title = "Rain"
text = "It rains."

[[events]]
id = "sun"
title = "Sun"
text = "The sun comes out."
"""


def small_text(
    *,
    ident: str = "one_offer",
    rounds: str = ONE_SESSION,
    offers: str = "",
    profiles: str = "",
    chance: int = 0,
    extra: str = "",
) -> str:
    """The text of a small scenario: by default one session of two turns and one offer."""
    head = HEAD.format(ident=ident, rounds=rounds)
    body = BODY.format(offers=offers, profiles=profiles, chance=chance)
    return head + body + extra


def small(text: str | None = None) -> Scenario:
    """A small scenario (by default :func:`small_text`'s), loaded."""
    return parse_scenario(small_text() if text is None else text, "small.toml")


def write_small(folder: Path, text: str | None = None, name: str = "one_offer.toml") -> Path:
    """A small scenario (by default :func:`small_text`'s) written to ``folder`` as ``name``;
    its path."""
    path = folder / name
    path.write_text(small_text() if text is None else text, encoding="utf-8")
    return path
