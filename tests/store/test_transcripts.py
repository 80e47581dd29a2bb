"""Transcripts: written atomically, read back, replayed, and every kind of edit caught."""

from __future__ import annotations

import copy
import os
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.cli import main
from game.engine import Scenario, new_game
from game.engine.parse import parse_scenario
from game.engine.replay import replay
from game.engine.strategies import play
from game.engine.transcript import ENGINE, TranscriptError, verification_code
from game.store.files import write_text_atomic
from game.store.saves import SaveStore
from game.store.toml_text import dumps as toml_dumps
from game.store.transcripts import (
    parse_transcript,
    read_transcript,
    transcript_text,
    write_transcript,
)
from game.store.who import Who
from tests.conftest import ROOT


@pytest.fixture
def saved(hanoi: Scenario, tmp_path: Path) -> Path:
    path = tmp_path / "game.toml"
    write_transcript(path, play(hanoi, "essay", 4), Who("Ada Lovelace"))
    return path


def test_a_transcript_replays_exactly(hanoi: Scenario, saved: Path) -> None:
    transcript = read_transcript(saved)
    assert transcript.player == "Ada Lovelace"
    assert transcript.scenario == "hanoi" and transcript.seed == 4
    report = replay(hanoi, transcript)
    assert report.ok, report.message
    assert report.state is not None
    assert verification_code(report.state, player="Ada Lovelace") == transcript.verification
    # The code covers who played: the same game under another name has another code.
    assert verification_code(report.state, player="Alan Turing") != transcript.verification
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}", transcript.verification)


def test_the_text_round_trips_unusual_names(hanoi: Scenario) -> None:
    state = play(hanoi, "random", 9)
    names = ['Zoë "Z" O\'Neil', "名前", "tab\there", "back\\slash", "  spaced  ", "C:\\xampp"]
    # Characters Python's repr escapes, which the toml package's own writer mangled.
    names += ["Anna-Lena Stu\u00adart", "no\u00a0break", "\\x41 \\u0041 \\n"]
    for name in names:
        transcript = parse_transcript(transcript_text(state, Who(name)), "x.toml")
        assert transcript.player == " ".join(name.split())
        assert replay(hanoi, transcript).ok


def test_an_unfinished_game_is_a_valid_save(hanoi: Scenario, tmp_path: Path) -> None:
    full = play(hanoi, "essay", 2)
    partial = new_game(hanoi, 2)
    from game.engine import apply

    for turn in full.turns[:3]:
        partial = apply(partial, turn.move).state
    path = tmp_path / "save.toml"
    write_transcript(path, partial)
    transcript = read_transcript(path)
    assert transcript.outcome is None
    report = replay(hanoi, transcript)
    assert report.ok and report.state == partial


def _tampered(saved: Path, change: object) -> str:
    text = saved.read_text(encoding="utf-8")
    assert callable(change)
    new = change(text)
    assert new != text
    return str(new)


def _check(hanoi: Scenario, text: str) -> str:
    report = replay(hanoi, parse_transcript(text, "edited.toml"))
    assert not report.ok
    return report.message


def _turn_blocks(text: str) -> tuple[str, list[str], str]:
    head, *rest = text.split("[[turns]]\n")
    blocks = ["[[turns]]\n" + block for block in rest]
    tail = ""
    last = blocks[-1]
    if "\n[outcome]" in last:
        cut = last.index("\n[outcome]")
        blocks[-1], tail = last[: cut + 1], last[cut + 1 :]
    return head, blocks, tail


def test_an_edited_meter_is_caught_at_its_turn(hanoi: Scenario, saved: Path) -> None:
    text = saved.read_text(encoding="utf-8")
    head, blocks, tail = _turn_blocks(text)
    blocks[2] = re.sub(r"trust = (\d+)", lambda m: f"trust = {int(m.group(1)) + 9}", blocks[2])
    message = _check(hanoi, head + "".join(blocks) + tail)
    assert message.startswith("turn 3 ")
    assert "trust" in message


def test_an_edited_reaction_is_caught(hanoi: Scenario, saved: Path) -> None:
    head, blocks, tail = _turn_blocks(saved.read_text(encoding="utf-8"))
    original = re.search(r'reaction = "(\w+)"', blocks[1])
    assert original
    other = "reject" if original.group(1) != "reject" else "accept"
    blocks[1] = blocks[1].replace(f'reaction = "{original.group(1)}"', f'reaction = "{other}"')
    message = _check(hanoi, head + "".join(blocks) + tail)
    assert message.startswith("turn 2 ") and "reaction" in message


def test_an_edited_explanation_is_caught(hanoi: Scenario, saved: Path) -> None:
    head, blocks, tail = _turn_blocks(saved.read_text(encoding="utf-8"))
    blocks[0] = re.sub(r'why = ".*"', 'why = "accepted: they liked us"', blocks[0])
    assert "explanation differs" in _check(hanoi, head + "".join(blocks) + tail)


def test_a_removed_turn_is_caught(hanoi: Scenario, saved: Path) -> None:
    head, blocks, tail = _turn_blocks(saved.read_text(encoding="utf-8"))
    del blocks[1]
    message = _check(hanoi, head + "".join(blocks) + tail)
    assert message == "turn 2 is missing (a turn was removed)"


def test_reordered_turns_are_caught(hanoi: Scenario, saved: Path) -> None:
    head, blocks, tail = _turn_blocks(saved.read_text(encoding="utf-8"))
    blocks[1], blocks[2] = blocks[2], blocks[1]
    message = _check(hanoi, head + "".join(blocks) + tail)
    assert message == "turn 3 comes before turn 2 (turns were reordered)"


def test_an_edited_outcome_is_caught(hanoi: Scenario, saved: Path) -> None:
    text = saved.read_text(encoding="utf-8")
    edited = re.sub(r'(\[outcome\]\nending = )"\w+"', r'\1"grand_bargain"', text)
    assert "outcome.ending" in _check(hanoi, edited)


@pytest.mark.parametrize(
    ("pattern", "replacement", "key"),
    [
        (r'(?s)(\[outcome\].*?\ntitle = )"[^"]*"', r'\1"A grand bargain"', "title"),
        (r'(?s)(\[outcome\].*?\nprofile = )"\w+"', r'\1"pragmatist"', "profile"),
        (r"(?s)(\[outcome\].*?\nmeters = \{ trust = )\d+", r"\g<1>99", "meters"),
    ],
    ids=["title", "profile", "meters"],
)
def test_every_key_of_the_outcome_is_checked(
    hanoi: Scenario, saved: Path, pattern: str, replacement: str, key: str
) -> None:
    # A play-test edited the outcome's profile, title and meters, and verify said ok.
    edited = re.sub(pattern, replacement, saved.read_text(encoding="utf-8"))
    assert f"outcome.{key}: " in _check(hanoi, edited)


def test_a_seed_out_of_range_is_refused(saved: Path) -> None:
    text = re.sub(r"\nseed = \d+\n", "\nseed = -1\n", saved.read_text(encoding="utf-8"))
    with pytest.raises(TranscriptError) as caught:
        parse_transcript(text, "edited.toml")
    assert "seed: expected a seed from 0 to 2**63-1, got -1" in str(caught.value)


def test_a_different_seed_is_caught(hanoi: Scenario, saved: Path) -> None:
    text = saved.read_text(encoding="utf-8").replace("seed = 4\n", "seed = 5\n")
    assert _check(hanoi, text).startswith("turn 1 ")


def test_another_rules_version_is_refused(hanoi: Scenario, saved: Path) -> None:
    text = saved.read_text(encoding="utf-8").replace(f"engine = {ENGINE}\n", "engine = 99\n")
    assert "rules version 99" in _check(hanoi, text)


OLD_RULES = Path(__file__).with_name("rules_v1.toml")
"""A transcript made under the first rules (the essay's line on seed 4), kept as it was."""


def test_a_transcript_of_the_old_rules_is_refused_in_one_line(
    hanoi: Scenario, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = f"made with rules version 1; this game plays version {ENGINE} (game version 1.0.0)"
    assert _check(hanoi, OLD_RULES.read_text(encoding="utf-8")) == expected
    assert main(["replay", str(OLD_RULES), "--verify"]) == 1
    assert capsys.readouterr().out == f"{OLD_RULES}: {expected}\n"
    assert main(["replay", str(OLD_RULES)]) == 1
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", f"{OLD_RULES}: {expected}\n")
    assert main(["verify", str(OLD_RULES)]) == 1
    assert capsys.readouterr().out == f"{OLD_RULES}: {expected}\n"
    saves = SaveStore(tmp_path)
    saves.saves.mkdir(parents=True)
    copy = saves.slot_path("old")
    copy.write_text(OLD_RULES.read_text(encoding="utf-8"), encoding="utf-8")
    assert saves.load(copy).problem == f"{copy.name}: does not replay: {expected}"


def test_a_corrupt_transcript_gets_one_line_with_its_position(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("format = 1\nseed = [1,\n", encoding="utf-8")
    with pytest.raises(TranscriptError) as caught:
        read_transcript(path)
    (line,) = caught.value.problems
    assert line.startswith(f"{path}:")
    assert re.match(rf"{re.escape(str(path))}:\d+:\d+: ", line)


def test_a_transcript_of_the_wrong_shape_names_the_key(tmp_path: Path) -> None:
    path = tmp_path / "shape.toml"
    path.write_text('format = 1\nengine = 1\nscenario = "hanoi"\nseed = "x"\n', encoding="utf-8")
    with pytest.raises(TranscriptError) as caught:
        read_transcript(path)
    assert caught.value.problems == [f"{path}: seed: expected an integer, got 'x'"]


def test_writes_are_atomic_and_keep_the_old_file_on_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "save.toml"
    write_text_atomic(path, "first\n")

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    monkeypatch.setattr(Path, "replace", broken_replace)
    with pytest.raises(OSError):
        write_text_atomic(path, "second\n")
    assert path.read_text() == "first\n"
    assert [p.name for p in tmp_path.iterdir()] == ["save.toml"]


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("", "empty"),
        ('seed = 1\nmoves = ["liaison_offices"]\n', "a script of moves"),
        ("[tool]\nname = 'x'\n", "other TOML"),
    ],
    ids=["empty", "script", "other"],
)
def test_what_is_not_a_transcript_is_called_so(text: str, what: str) -> None:
    # An empty file, or a script handed in as a transcript, was told "engine: expected a
    # value, got nothing (the key is missing)".
    with pytest.raises(TranscriptError) as caught:
        parse_transcript(text, "x.toml")
    assert caught.value.problems == [
        f'x.toml: not a transcript ({what}: a transcript has game = "hanoi-summit" and engine)'
    ]


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"])))
def test_any_text_reads_back_as_written(text: str) -> None:
    document = {"text": text, "list": [text], "table": {"key": text}}
    assert tomllib.loads(toml_dumps(document)) == document


def test_a_scenario_s_unusual_characters_survive_its_transcripts(tmp_path: Path) -> None:
    """A no-break space or a soft hyphen in what they say is written into the transcript as it
    is, so an honest game of such a scenario verifies."""
    hanoi_text = (ROOT / "scenarios" / "hanoi.toml").read_text(encoding="utf-8")
    edited = hanoi_text.replace(
        "We will put our name to that.", "Nous signons\u00a0! Soft\u00adly."
    )
    assert edited != hanoi_text
    scenario = parse_scenario(edited)
    state = play(scenario, "essay", 4)
    assert any("\u00a0" in turn.reaction.say for turn in state.turns)
    path = tmp_path / "game.toml"
    write_transcript(path, state, Who("Ada"))
    assert replay(scenario, read_transcript(path)).ok


def _turn_with(hanoi: Scenario, key: str) -> tuple[dict[str, Any], int]:
    """A transcript document of an essay game (the first seed that has one) and the index of
    its first turn that holds ``key``."""
    for seed in range(1, 40):
        document = tomllib.loads(transcript_text(play(hanoi, "essay", seed), Who("Ada")))
        for index, turn in enumerate(document["turns"]):
            if key in turn:
                return document, index
    raise AssertionError(f"no essay game has a turn with {key}")


def _other(value: str, *ids: str) -> str:
    return next(other for other in ids if other != value)


# A play-test: these edits all verified "ok". (key, how the turn is edited, the message's end)
EDITS: dict[str, tuple[str, Any, str]] = {
    "accord-changed": (
        "accord",
        lambda turn: turn.update(accord=_other(turn["accord"], "embassies", "liaison_offices")),
        "accord '{new}', replay gives '{old}'",
    ),
    "accord-removed": (
        "accord",
        lambda turn: turn.pop("accord"),
        "accord missing, replay gives '{old}'",
    ),
    "counter-changed": (
        "counter",
        lambda turn: turn.update(
            counter=_other(turn["counter"], "end_exercises", "written_guarantee")
        ),
        "counter '{new}', replay gives '{old}'",
    ),
    "focus-changed": (
        "focus",
        lambda turn: turn.update(focus=_other(turn["focus"], "security", "economy")),
        "focus '{new}', replay gives '{old}'",
    ),
    "focus-removed": (
        "focus",
        lambda turn: turn.pop("focus"),
        "focus missing, replay gives '{old}'",
    ),
    "asides-removed": ("asides", lambda turn: turn.pop("asides"), "the neighbours' asides differ"),
    "asides-changed": (
        "asides",
        lambda turn: turn["asides"].__setitem__(0, "Seoul cheers"),
        "the neighbours' asides differ",
    ),
    "drifts-removed": (
        "drifts",
        lambda turn: turn.pop("drifts"),
        "drifts missing, replay gives {old}",
    ),
    "tests-changed": (
        "tests",
        lambda turn: turn["tests"][0].update(held=not turn["tests"][0]["held"]),
        "tests {new}, replay gives {old}",
    ),
    "unknown-key": ("move", lambda turn: turn.update(grade="A"), "unknown key 'grade'"),
}


@pytest.mark.parametrize("edit", EDITS)
def test_an_edit_to_any_key_of_a_turn_is_caught(hanoi: Scenario, edit: str) -> None:
    key, change, expected = EDITS[edit]
    document, index = _turn_with(hanoi, key)
    turn = document["turns"][index]
    old = copy.deepcopy(turn.get(key))
    change(turn)
    new = turn.get(key)
    message = _check(hanoi, toml_dumps(document))
    ending = expected.format(old=old, new=new) if "{" in expected else expected
    assert message == f"turn {index + 1} ({turn['move']}): {ending}"


def test_a_turn_that_made_no_accord_cannot_be_given_one(hanoi: Scenario) -> None:
    document = tomllib.loads(transcript_text(play(hanoi, "essay", 4), Who("Ada")))
    index = next(i for i, turn in enumerate(document["turns"]) if "accord" not in turn)
    turn = document["turns"][index]
    turn["accord"] = "embassies"
    message = _check(hanoi, toml_dumps(document))
    assert message == f"turn {index + 1} ({turn['move']}): accord 'embassies', replay gives none"


def test_a_key_no_transcript_holds_is_an_edit(hanoi: Scenario, saved: Path) -> None:
    """At the top of the file as in a turn (a play-test added ``bonus = 1`` and was told ok);
    a save, which keeps a transcript and adds its own keys, still reads as one."""
    text = saved.read_text(encoding="utf-8")
    saved.write_text(text.replace("hotseat = false\n", "hotseat = false\nbonus = 1\n"), "utf-8")
    with pytest.raises(TranscriptError) as refused:
        read_transcript(saved)
    assert refused.value.problems == [
        f"{saved}: bonus: unknown key: no transcript holds it (the file was edited)"
    ]
    save = saved.with_name("save.toml")
    save.write_text(text.replace("hotseat = false\n", 'hotseat = false\nslot = "Mine"\n'), "utf-8")
    assert replay(hanoi, read_transcript(save)).ok
