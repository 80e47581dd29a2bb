"""``analyze`` on the play-tester's small scenarios: the text report of a scenario of one session
(one_round.toml crashed), and targets that do not apply where nothing can be measured (a
scenario without proposals of theirs reported "0.0% ... MISSED")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.cli import main
from tests.engine.small import RECESS, THREE_SESSIONS, small_text, write_small

TINY = ["--budget", "6", "--train", "4", "--test", "8"]

GRIN = """
[[proposals]]
id = "grin"
label = "A grin instead"
accord = "handshake"
main = true
accept_why = "you grinned"
reject_why = "you did not grin"
"""
"""A main proposal of theirs, for the only profile to table (``proposals = ["grin"]``)."""


def _report(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["analyze", *args, *TINY]) == 0
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return captured.out


def _proposals(text: str) -> list[str]:
    lines = text.splitlines()
    return lines[lines.index(next(x for x in lines if x.startswith("Their proposals"))) :]


@pytest.mark.parametrize("offers", ["", RECESS], ids=["one_offer", "recess"])
def test_a_scenario_of_one_session_without_proposals_gets_its_text_report(
    offers: str, workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_small(workdir, small_text(extra=offers))
    text = _report(["one_offer.toml"], capsys)
    assert _proposals(text) == [
        "Their proposals: the scenario has none (target at least 90%: does not apply)"
    ]


def test_without_proposals_of_theirs_no_proposal_target_applies(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_small(workdir, small_text(rounds=THREE_SESSIONS, extra=RECESS))
    assert "MISSED" not in "\n".join(_proposals(_report(["one_offer.toml"], capsys)))
    report = json.loads(_report(["one_offer.toml", "--json"], capsys))
    checks = report["checks"]
    assert checks["proposal_tabled"]["ok"] is None
    assert checks["accepting_main_better"]["ok"] is None
    assert checks["best_line_counterproductive"]["ok"] is True


def test_a_proposal_no_game_can_wait_for_does_not_count_as_missed(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # One session: their proposal waits for a second, which never comes.
    write_small(workdir, small_text(profiles='proposals = ["grin"]', extra=GRIN))
    assert _proposals(_report(["one_offer.toml"], capsys)) == [
        "Their proposals:",
        "  No game of the built-in strategies reached a second session, which the scenario "
        "does not have (target at least 90%: does not apply)",
        "  A grin instead: it never came up in the essay strategy's games "
        "(target 25% to 75%: does not apply)",
    ]
    report = json.loads(_report(["one_offer.toml", "--json"], capsys))
    assert report["proposals"]["reached"] == 0
    assert report["checks"]["proposal_tabled"]["ok"] is None


def test_with_one_hidden_profile_its_best_line_has_no_others_to_lose_against(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The small scenarios play one profile: what its best line loses "against the others"
    was reported as 0.0 and MISSED."""
    write_small(workdir, small_text(rounds=THREE_SESSIONS, extra=RECESS))
    report = json.loads(_report(["one_offer.toml", "--json"], capsys))
    assert report["checks"]["profile_loss"]["ok"] is None
    text = _report(["one_offer.toml"], capsys)
    average = next(line for line in text.splitlines() if "Average loss" in line)
    assert average.endswith("does not apply)")


def test_text_from_the_scenario_is_escaped_as_every_other_command_escapes_it(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A play-tester's title and offer label with direction overrides reached the terminal raw
    in analyze's report, where play, replay, batch and report escape them."""
    text = small_text().replace(
        'title = "One offer"', 'title = "One \\u202eoffer\\u202c \\u2066x\\u2069"'
    )
    text = text.replace('label = "Handshake"', 'label = "Hand\\u202eshake\\u202c"')
    write_small(workdir, text)
    shown = _report(["one_offer.toml"], capsys)
    assert "One \\u202eoffer\\u202c \\u2066x\\u2069" in shown
    assert "Hand\\u202eshake\\u202c" in shown
    assert not any(char in shown for char in "\u202e\u202c\u2066\u2069")
    raw = _report(["one_offer.toml", "--json"], capsys)
    assert not any(char in raw for char in "\u202e\u202c\u2066\u2069")
    assert json.loads(raw)["scenario"] == "one_offer"  # still JSON
    assert main(["check", "one_offer.toml"]) == 0
    assert capsys.readouterr().out == "one_offer.toml: ok\n"
