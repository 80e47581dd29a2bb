"""docs/scripting.md: every JSON field the game writes is documented, every script example reads
and plays as the text says, the outputs shown (text, JSON, stdio, Python examples, batch,
replay) are what the commands print now, and terminal play exits as it says.
"""

from __future__ import annotations

import io
import json
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from game.cli import main
from game.cli.batch import run_batch
from game.cli.protocol import game_json, protocol_message, run_stdio
from game.cli.terminal import CHOSEN, BadMoveError, play_moves, read_script
from game.engine import (
    Move,
    Scenario,
    apply,
    available_moves,
    new_game,
)
from game.engine.describe import StrategyName
from game.store.scenarios import load_scenario
from game.store.transcripts import read_transcript
from tests.docs.helpers import (
    ROOT,
    SCRIPTING_DOC,
    Block,
    doc_text,
    fenced_blocks,
    marked,
    run,
    shown_run,
)

BAD_SCRIPT_MARK = "<!-- bad-script -->"

MAPS = frozenset(
    {"meters", "scores", "region", "region_bands", "on_accept", "on_reject", "openings", "answers"}
)
"""Fields whose value maps the scenario's own ids (meter, scorecard, move and proposal ids) to
values."""


def _keys(value: Any) -> Iterator[str]:
    """Every field name inside a JSON-ready value (not the ids used as keys of a map)."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            if key not in MAPS:
                yield from _keys(item)
    elif isinstance(value, list):
        for item in value:
            yield from _keys(item)


def _protocol_messages(hanoi: Scenario) -> list[dict[str, Any]]:
    """State messages at the start, with a proposal they tabled pending, with a counter-offer
    pending, and at the end."""
    messages = []
    for seed, moves in (
        (4, ["mutual_restraint:written", "security_assurances:written"]),
        (273, ["yongbyon_for_relief:partial", "yongbyon_for_relief:generous"]),
    ):
        state = new_game(hanoi, seed)
        messages.append(protocol_message(state))
        for move in moves:
            state = apply(state, Move.parse(move)).state
        messages.append(protocol_message(state))
    kinds = [m["pending"]["kind"] for m in messages if m["pending"] is not None]
    assert kinds == ["proposal", "counter"], "no pending proposal of each kind to document"
    while not state.is_over:
        state = apply(state, available_moves(state)[-1]).state
    messages.append(protocol_message(state))
    return messages


def test_every_field_of_the_stdio_protocol_is_documented(hanoi: Scenario) -> None:
    messages = _protocol_messages(hanoi)
    assert messages[-1]["outcome"] is not None
    assert any(m["last"] and m["last"]["asides"] for m in messages)
    sink = io.StringIO()
    _, bad = run_stdio(new_game(hanoi, 1), io.StringIO("# a comment\n\nhug_it_out\n"), sink)
    assert bad is not None
    error = [line for line in sink.getvalue().splitlines() if '"error"' in line]
    assert len(error) == 1
    fields = set(_keys(messages)) | set(_keys(json.loads(error[0])))
    fields |= set(_keys(game_json(new_game(hanoi, 1))))
    fields |= {"held", "accord"}  # the objects of `tests`, seen only after an event's test
    text = doc_text(SCRIPTING_DOC)
    missing = sorted(field for field in fields if f"`{field}`" not in text)
    assert missing == [], "JSON fields the game writes but docs/scripting.md never names"


def test_every_field_of_analyze_and_bench_is_documented(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["analyze", "--json", "--budget", "6", "--train", "4", "--test", "8"]) == 0
    fields = set(_keys(json.loads(capsys.readouterr().out)))
    assert main(["bench", "--json", "--games", "10", "--no-negmas"]) == 0
    bench = json.loads(capsys.readouterr().out)
    fields |= set(_keys(bench))
    shown = json.loads(marked(SCRIPTING_DOC, "bench-json").body)
    assert set(_keys(shown)) - {"negmas"} >= set(_keys(bench)) - {"negmas"}
    assert set(shown["negmas"]) == {
        "version",
        "setup",
        "negotiations",
        "rounds",
        "seconds",
        "rounds_per_second",
        "best_window_rounds_per_second",
    }
    fields |= set(shown["negmas"])
    text = doc_text(SCRIPTING_DOC)
    missing = sorted(field for field in fields if f"`{field}`" not in text)
    assert missing == [], "JSON fields analyze and bench write but docs/scripting.md never names"


def test_every_batch_field_is_documented() -> None:
    result = run_batch(ROOT / "scenarios" / "hanoi.toml", StrategyName.RANDOM, 3, 0).to_json()
    text = doc_text(SCRIPTING_DOC)
    assert [field for field in result if f"`{field}`" not in text] == []


def _script_blocks() -> list[Block]:
    return [
        block
        for block in fenced_blocks(doc_text(SCRIPTING_DOC))
        if block.lang == "toml" and re.search(r"^moves\s*=", block.body, re.MULTILINE)
    ]


def test_every_script_example_reads_and_plays_as_documented(tmp_path: Path) -> None:
    blocks = _script_blocks()
    assert len(blocks) >= 3
    assert sum(block.mark == BAD_SCRIPT_MARK for block in blocks) == 1
    text = doc_text(SCRIPTING_DOC)
    for block in blocks:
        path = tmp_path / f"script_line_{block.line}.toml"
        path.write_text(block.body, encoding="utf-8")
        script = read_script(path)  # raises ScriptError for a malformed script
        # A script that gives the North's choices after -> is for a hot-seat game.
        hotseat = any(CHOSEN in move for move in script.moves)
        scenario = load_scenario(script.scenario or "hanoi")
        state = new_game(scenario, script.seed or 0, hotseat=hotseat)
        if block.mark == BAD_SCRIPT_MARK:
            with pytest.raises(BadMoveError) as caught:
                play_moves(state, script.moves)
            assert f'move {caught.value.number} "{caught.value.move}": ' in text
        else:
            play_moves(state, script.moves)


def _block_after(doc: Path, start: str) -> Block:
    """The first fenced block whose body starts with ``start``."""
    found = [b for b in fenced_blocks(doc_text(doc)) if b.body.startswith(start)]
    assert found, f"no block in {doc.name} starts with {start!r}"
    return found[0]


@pytest.fixture
def scripts(tmp_path: Path) -> Path:
    """The two example scripts of docs/scripting.md, saved under the names the page uses."""
    names = {
        "# What happened in Hanoi": "hanoi_history.toml",
        "# The essay's opening": "opening.toml",
    }
    for block in _script_blocks():
        for start, name in names.items():
            if block.body.startswith(start):
                (tmp_path / name).write_text(block.body, encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names.values())
    return tmp_path


def test_the_text_output_shown_is_current(scripts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = doc_text(SCRIPTING_DOC)
    argv, shown = shown_run(SCRIPTING_DOC, "opening-text")
    result = run(argv, scripts, monkeypatch)
    assert result.status == 1 and result.out == shown
    assert f"```text\n{result.err[0]}\n```" in text
    history = run(["play", "--headless", "--script", "hanoi_history.toml"], scripts, monkeypatch)
    ending = _block_after(SCRIPTING_DOC, "Outcome: ").body.splitlines()
    assert history.out[-len(ending) :] == ending


@pytest.mark.parametrize(
    ("typed", "status"),
    # The first card each time, and "a" to accept a proposal of theirs when one awaits.
    [("q\n", 1), ("1\n", 1), ("1\na\n" * 60, 0)],
    ids=["stopped", "input-ended", "finished"],
)
def test_terminal_play_exits_as_documented(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str, status: int
) -> None:
    """Play in the terminal exits 0 at the end of the summit and 1 when stopped before it; the
    game so far is written either way."""
    text = re.sub(r"\s+", " ", doc_text(SCRIPTING_DOC))
    assert "with status 0 when the summit reached its end and 1 when it was stopped before" in text
    monkeypatch.setattr(sys, "stdin", io.StringIO(typed))
    argv = ["play", "--headless", "--seed", "4", "--name", "Ada", "--transcript", "game.toml"]
    result = run(argv, tmp_path, monkeypatch)
    assert result.status == status
    transcript = read_transcript(tmp_path / "game.toml")
    assert (transcript.outcome is not None) == (status == 0)
    if status:
        moves = typed.count("1\n")  # the first move of the menu, each time
        assert len(transcript.turns) == moves
        if moves:
            assert result.err == [f"stopped after move {moves}, before the summit did"]
            assert "`stopped after move N, before the summit did`" in text
        else:
            assert result.err == ["stopped before the first move"]
            assert "`stopped before the first move`" in text
    else:
        assert result.err == []
        code = result.out[-1].removeprefix("Verification code: ")
        assert code == transcript.verification != ""


def test_the_json_output_shown_is_current(scripts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = run(
        ["play", "--headless", "--script", "hanoi_history.toml", "--format", "json"],
        scripts,
        monkeypatch,
    )
    game = json.loads("\n".join(result.out))
    shown = json.loads(_block_after(SCRIPTING_DOC, '{\n  "scenario"').body)
    assert 1 <= len(shown["turns"]) < len(game["turns"])
    game["turns"] = game["turns"][: len(shown["turns"])]  # the page shows the first turns
    assert shown == game


def test_the_stdio_session_shown_is_current(
    hanoi: Scenario, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lines shown are what the command shown writes (its verification code covers the
    mode, practice by default), and what the transcript records."""
    session = _block_after(SCRIPTING_DOC, "# my opening").body
    command = "python -m game play --headless --stdio --seed 1 < session.txt"
    assert f"```sh\n{command}\n```" in doc_text(SCRIPTING_DOC)
    monkeypatch.setattr(sys, "stdin", io.StringIO(session))
    argv = [*shlex.split(command.partition(" < ")[0])[3:], "--transcript", "game.toml"]
    result = run(argv, tmp_path, monkeypatch)
    assert result.status == 0 and result.err == []
    written = result.out
    verification = json.loads(written[-1])["outcome"]["verification"]
    assert verification == read_transcript(tmp_path / "game.toml").verification
    shown = [
        b.body.strip()
        for b in fenced_blocks(doc_text(SCRIPTING_DOC))
        if b.body.startswith('{"type": "state"')
    ]
    assert len(shown) >= 3
    for line in shown:  # each with its `legal` array cut short: [...] or [first, ...]
        found = re.search(r'"move_number": (\d+)', line)
        assert found is not None
        real = json.loads(written[int(found[1]) - 1])
        legal, real["legal"] = real["legal"], "LEGAL"
        whole = json.dumps(real, ensure_ascii=False)
        cuts = ["[...]"] + [
            json.dumps(legal[:n], ensure_ascii=False)[:-1] + ", ...]" for n in (1, 2)
        ]
        renders = {whole.replace('"LEGAL"', cut) for cut in cuts}
        assert line in renders, f"move {found[1]} now writes:\n{written[int(found[1]) - 1]}"
    error = _block_after(SCRIPTING_DOC, '{"type": "error"').body.strip()
    sink = io.StringIO()
    run_stdio(new_game(hanoi, 1), io.StringIO("embassies\n"), sink)
    assert sink.getvalue().splitlines()[-1] == error


def _python_example(contains: str) -> tuple[str, str]:
    """A Python example of docs/scripting.md and the output block that follows it."""
    blocks = fenced_blocks(doc_text(SCRIPTING_DOC))
    for index, block in enumerate(blocks):
        if block.lang == "python" and contains in block.body:
            output = blocks[index + 1].body
            return block.body, output.removeprefix("$ python client.py\n")
    raise AssertionError(f"no Python example with {contains!r}")


@pytest.mark.parametrize("contains", ["IllegalMoveError", "hotseat=True", "A minimal client"])
def test_the_python_examples_print_what_is_shown(tmp_path: Path, contains: str) -> None:
    code, shown = _python_example(contains)
    (tmp_path / "example.py").write_text(code, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "example.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == shown


def test_the_batch_shown_is_current() -> None:
    block = _block_after(SCRIPTING_DOC, "$ python -m game batch --strategy essay --games 400")
    shown = json.loads(block.body.split("\n", 1)[1])
    assert (
        run_batch(ROOT / "scenarios" / "hanoi.toml", StrategyName.ESSAY, 400, 0).to_json() == shown
    )


def test_the_replay_lines_shown_are_current(scripts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = doc_text(SCRIPTING_DOC)
    run(
        ["play", "--headless", "--script", "hanoi_history.toml", "--transcript", "ada.toml"],
        scripts,
        monkeypatch,
    )
    transcript = (scripts / "ada.toml").read_text(encoding="utf-8")
    found = re.search(r"patience = (\d+)", transcript)
    assert found is not None
    before, after = int(found[1]), int(found[1]) + 10
    assert f"after\nturn 1 from {before} to {after}:" in text
    (scripts / "edited.toml").write_text(
        transcript.replace(f"patience = {before}", f"patience = {after}", 1), encoding="utf-8"
    )
    head, *turns = transcript.split("[[turns]]\n")
    (scripts / "removed.toml").write_text(
        head + "".join("[[turns]]\n" + t for t in turns[:1] + turns[2:]), encoding="utf-8"
    )
    renamed = transcript.replace('\nplayer = ""\n', '\nplayer = "Ada Lovelace"\n', 1)
    assert renamed != transcript
    (scripts / "renamed.toml").write_text(renamed, encoding="utf-8")
    for name in ("ada", "edited", "removed", "renamed"):
        result = run(["replay", f"{name}.toml", "--verify"], scripts, monkeypatch)
        assert result.out[0] in text, result.out[0]
    bad = marked(SCRIPTING_DOC, "bad-script").body
    (scripts / "bad.toml").write_text(bad, encoding="utf-8")
    result = run(["play", "--headless", "--script", "bad.toml"], scripts, monkeypatch)
    assert result.status == 2 and result.err[0] in text


def test_the_counter_offer_shown_is_what_the_protocol_writes(hanoi: Scenario) -> None:
    """The jq pipe of the page: the `pending` of each state message, cut to three fields."""
    first, *shown = marked(SCRIPTING_DOC, "counter-pending").body.splitlines()
    moves = first.split("'")[1].split("\\n")[:-1]
    found = re.search(r"--seed (\d+)", first)
    assert found is not None and moves
    seed = int(found[1])
    sink = io.StringIO()
    run_stdio(new_game(hanoi, seed), io.StringIO("\n".join(moves) + "\n"), sink)
    written = []
    for line in sink.getvalue().splitlines():
        pending = json.loads(line)["pending"]
        cut = None if pending is None else {k: pending[k] for k in ("kind", "id", "amend")}
        written.append(json.dumps(cut, separators=(",", ":")))
    assert shown == written


def test_the_analysis_shown_is_what_analyze_prints(
    scripts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    argv, shown = shown_run(SCRIPTING_DOC, "analyze-text")
    result = run(argv, scripts, monkeypatch)
    assert result.status == 0 and result.out == shown


def test_the_name_option_says_what_a_long_name_gets(capsys: pytest.CaptureFixture[str]) -> None:
    """The page said names over 60 characters "are cut"; the game refuses them (a teacher's
    play-test)."""
    lines = doc_text(SCRIPTING_DOC).splitlines()
    row = next(line for line in lines if line.startswith("| `--name NAME`"))
    assert "at most 60 characters (a longer name is refused, status 2)" in row
    assert main(["play", "--headless", "--seed", "1", "--name", "N" * 61]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert "expected a name of at most 60 characters, got 61" in line


def test_undo_and_saving_are_said_to_be_the_windows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A play-test found `undo` refused headless as an unknown move, with nothing in this
    document saying so, while the README lists the window's undo key."""
    text = re.sub(r"\s+", " ", doc_text(SCRIPTING_DOC))
    assert "Undo and saving mid-game are the window's" in text
    assert "A headless game is replayed from its moves instead" in text
    assert "Nor is there undo or a save mid-game (they are the window's)" in text
    (tmp_path / "undo.toml").write_text('seed = 4\nmoves = ["mutual_restraint:written", "undo"]\n')
    result = run(["play", "--headless", "--script", "undo.toml"], tmp_path, monkeypatch)
    assert result.status == 2 and "unknown move" in result.err[-1]
    monkeypatch.setattr(sys, "stdin", io.StringIO("undo\n"))
    result = run(["play", "--headless", "--stdio", "--seed", "4"], tmp_path, monkeypatch)
    assert result.status == 2 and "unknown move" in result.err[-1]
