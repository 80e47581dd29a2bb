"""The command line: headless play, scripts, stdio, replay, batch and one-line errors."""

from __future__ import annotations

import importlib
import importlib.util
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.cli.bench import NOT_INSTALLED
from game.cli.protocol import run_stdio
from game.cli.terminal import interactive, read_script
from game.engine import Scenario, available_moves, new_game
from game.store.scenarios import load_scenario
from game.store.transcripts import read_transcript

HERE = Path(__file__).resolve().parents[1]
"""The tests folder, where the scripts and golden transcripts are."""
SCRIPTS = HERE / "scripts"
GOLDEN = HERE / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def run_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "game", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("script", sorted(SCRIPTS.glob("*.toml")), ids=lambda p: p.stem)
def test_scripted_games_match_their_golden_transcripts(
    script: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "transcript.toml"
    assert main(["play", "--headless", "--script", str(script), "--transcript", str(out)]) == 0
    text = capsys.readouterr().out
    expected_text = GOLDEN / f"{script.stem}.txt"
    expected_toml = GOLDEN / f"{script.stem}.toml"
    produced = out.read_text(encoding="utf-8")
    if UPDATE:
        expected_text.write_text(text, encoding="utf-8")
        expected_toml.write_text(produced, encoding="utf-8")
    assert text == expected_text.read_text(encoding="utf-8")
    assert produced == expected_toml.read_text(encoding="utf-8")


def test_json_output_has_the_documented_fields(capsys: pytest.CaptureFixture[str]) -> None:
    script = SCRIPTS / "essay_seed4.toml"
    assert main(["play", "--headless", "--script", str(script), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ending"] == "regional_handoff"
    assert "regional_handoff" in data["accords"]
    assert set(data["meters"]) == {"trust", "patience", "leverage", "domestic", "risk"}
    assert set(data["region"]) == {"seoul", "tokyo", "beijing"}
    assert data["opening"].startswith("We have not come to sell")
    turn = data["turns"][0]
    assert {"move", "reaction", "why", "meters", "region", "asides", "tabled"} <= set(turn)
    assert turn["move"] == "mutual_restraint:written"
    assert set(turn["meters"]) == set(data["meters"])
    tabled = [t for t in data["turns"] if t["tabled"]]
    assert tabled[0]["tabled"] == "yongbyon_for_sanctions"
    answer = data["turns"][tabled[0]["n"]]
    assert (answer["move"], answer["answered"]) == ("reject", "yongbyon_for_sanctions")
    assert any(turn["asides"] for turn in data["turns"])
    assert any(turn["drifts"] for turn in data["turns"])


def test_a_bad_move_names_its_number_and_the_legal_moves_and_keeps_the_turns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = tmp_path / "bad.toml"
    script.write_text('seed = 4\nmoves = ["next_summit:working_level", "embassies"]\n')
    out = tmp_path / "partial.toml"
    status = main(["play", "--headless", "--script", str(script), "--transcript", str(out)])
    assert status == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1
    assert err[0].startswith(f'{script}: move 2 "embassies": embassies come after liaison')
    assert "; legal moves: mutual_restraint:unwritten, mutual_restraint:written," in err[0]
    kept = read_transcript(out)
    assert [t.move for t in kept.turns] == ["next_summit:working_level"]


def test_a_move_after_the_end_and_an_unknown_move(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = tmp_path / "late.toml"
    moves = read_script(SCRIPTS / "historical_seed1.toml").moves
    script.write_text(f"seed = 1\nmoves = {json.dumps([*moves, 'next_summit'])}\n")
    assert main(["play", "--headless", "--script", str(script)]) == 2
    captured = capsys.readouterr()
    (line,) = captured.err.splitlines()
    assert 'move 8 "next_summit": the summit is over; legal moves: none' in line
    # The whole game is printed first, as without the extra move: the student sees the code.
    whole = GOLDEN / "historical_seed1.txt"
    assert captured.out == whole.read_text(encoding="utf-8")
    assert main(["play", "--headless", "--script", str(script), "--format", "json"]) == 2
    assert json.loads(capsys.readouterr().out)["outcome"]["verification"]
    script.write_text('moves = ["next_summit:working_level", "hug_it_out"]\n')
    assert main(["play", "--headless", "--seed", "1", "--script", str(script)]) == 2
    captured = capsys.readouterr()
    (line,) = captured.err.splitlines()
    assert 'move 2 "hug_it_out": unknown move; legal moves: ' in line
    assert "1. You offer: Plan the next summit (working level first)" in captured.out
    assert captured.out.rstrip().endswith("1 move so far.")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("moves = [1, 2]\n", 'moves[0]: expected a move such as "next_summit", got 1'),
        ('moves = "next_summit"\n', "moves: expected an array of strings"),
        ("moves = [\n", ":2:1: "),
        ('mooves = ["next_summit"]\n', "mooves: expected one of the keys moves, seed, scenario"),
        ("seed = 1\n", "moves: expected an array of moves"),
    ],
)
def test_a_malformed_script_gets_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, expected: str
) -> None:
    script = tmp_path / "script.toml"
    script.write_text(content)
    assert main(["play", "--headless", "--seed", "2", "--script", str(script)]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(str(script)) and expected in line


def test_unknown_flags_get_one_line_and_exit_2() -> None:
    for args in (["--frobnicate"], ["play", "--headless", "--sed", "3"], ["batch"]):
        result = run_cli(*args)
        assert result.returncode == 2, args
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "Traceback" not in result.stderr
        assert result.stderr.startswith("hanoi-summit")


def test_an_unknown_flag_names_the_command_it_came_with_and_its_help() -> None:
    # A play-test: `play --headless --stdio --bogus` named the game's help, not play's.
    result = run_cli("play", "--headless", "--stdio", "--bogus")
    assert (result.returncode, result.stderr) == (
        2,
        "hanoi-summit play: unrecognized arguments: --bogus (see hanoi-summit play --help)\n",
    )
    result = run_cli("--bogus")
    assert (
        result.stderr == "hanoi-summit: unrecognized arguments: --bogus (see hanoi-summit --help)\n"
    )


@pytest.mark.parametrize("how", [["--stdio"], []], ids=["stdio", "terminal"])
def test_format_without_a_script_is_refused_not_ignored(how: list[str]) -> None:
    # A play-test: `play --headless --format json` printed the text game, and `--stdio --format
    # text` JSON, without a word.
    result = run_cli("play", "--headless", *how, "--seed", "4", "--format", "json")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("hanoi-summit play: --format is for --script")


def test_a_missing_or_broken_scenario_is_one_line_per_problem(tmp_path: Path) -> None:
    result = run_cli("play", "--headless", "--seed", "1", "--scenario", "atlantis", "--stdio")
    assert result.returncode == 2
    # Named as the player typed it, not as a path in the game's folder they never typed.
    assert result.stderr == (
        "atlantis: no such scenario (bundled: hanoi, next_summit; or give a scenario's .toml "
        "file)\n"
    )


def test_replay_verify_passes_and_fails_with_the_first_bad_turn(tmp_path: Path) -> None:
    out = tmp_path / "t.toml"
    script = SCRIPTS / "essay_seed4.toml"
    assert main(["play", "--headless", "--script", str(script), "--transcript", str(out)]) == 0
    result = run_cli("replay", str(out), "--verify")
    assert result.returncode == 0 and result.stdout.strip() == f"{out}: ok"
    text = re.sub(r"trust = \d+,", "trust = 99,", out.read_text(), count=1)
    out.write_text(text)
    result = run_cli("replay", str(out), "--verify")
    assert result.returncode == 1
    assert result.stdout.strip().startswith(f"{out}: turn 1 (mutual_restraint:written): trust 99")
    # As JSON on request (a play-test found --format ignored with --verify).
    result = run_cli("replay", str(out), "--verify", "--format", "json")
    found = json.loads(result.stdout)
    assert result.returncode == 1 and found["file"] == str(out) and found["ok"] is False
    assert found["message"].startswith("turn 1 (mutual_restraint:written): trust 99")


def test_a_transcript_naming_another_installed_scenario_is_not_said_changed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A play-test: a Hanoi transcript edited to name the next summit read "scenario
    "next_summit" has changed since the transcript was made"; its fingerprint is Hanoi's."""
    golden = (GOLDEN / "essay_seed4.toml").read_text(encoding="utf-8")
    renamed = tmp_path / "renamed.toml"
    renamed.write_text(golden.replace('scenario = "hanoi"', 'scenario = "next_summit"', 1))
    said = (
        'names scenario "next_summit", but its recorded scenario fingerprint is that of '
        '"hanoi", the scenario it was made for (the file was edited)'
    )
    assert main(["replay", str(renamed), "--verify"]) == 1
    assert capsys.readouterr().out == f"{renamed}: {said}\n"
    assert main(["verify", str(renamed)]) == 1
    assert capsys.readouterr().out == f"{renamed}: {said}\n"
    # A fingerprint no scenario has is still a changed scenario.
    changed = tmp_path / "changed.toml"
    changed.write_text(
        re.sub(r'scenario_sha256 = "\w+"', f'scenario_sha256 = "{"0" * 64}"', golden)
    )
    assert main(["replay", str(changed), "--verify"]) == 1
    assert 'scenario "hanoi" has changed since' in capsys.readouterr().out


def test_replay_verify_says_a_game_is_unfinished_and_an_added_key_fails(tmp_path: Path) -> None:
    # A play-test: a transcript cut after turn 3 (outcome and code gone) passed as "ok", and a
    # key added at the top of a file exited 2 ("cannot be read") where one in a turn exited 1.
    out = tmp_path / "t.toml"
    script = SCRIPTS / "essay_seed4.toml"
    assert main(["play", "--headless", "--script", str(script), "--transcript", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    found = json.loads(run_cli("replay", str(out), "--verify", "--format", "json").stdout)
    assert (found["ok"], found["message"], found["finished"]) == (True, "ok", True)
    fourth = [m.start() for m in re.finditer(r"^\[\[turns\]\]", text, re.MULTILINE)][3]
    cut = tmp_path / "cut.toml"
    cut.write_text(re.sub(r"^verification = .*\n", "", text[:fourth], flags=re.MULTILINE))
    result = run_cli("replay", str(cut), "--verify")
    unfinished = "ok, unfinished: the summit was still going after turn 3"
    assert (result.returncode, result.stdout) == (0, f"{cut}: {unfinished}\n")
    found = json.loads(run_cli("replay", str(cut), "--verify", "--format", "json").stdout)
    assert (found["ok"], found["message"], found["finished"]) == (True, unfinished, False)
    assert run_cli("verify", str(cut)).returncode == 1  # grading wants the whole game
    added = tmp_path / "added.toml"
    added.write_text('grade = "A"\n' + text, encoding="utf-8")
    for form in ("text", "json"):
        result = run_cli("replay", str(added), "--verify", "--format", form)
        assert (result.returncode, result.stderr) == (1, "")
        assert "grade: unknown key" in result.stdout
    # A file that cannot be read at all is status 2, and its verdict is still JSON on request.
    broken = tmp_path / "broken.toml"
    broken.write_text(text[:300], encoding="utf-8")
    result = run_cli("replay", str(broken), "--verify", "--format", "json")
    found = json.loads(result.stdout)
    assert (result.returncode, found["ok"], found["finished"]) == (2, False, False)
    assert result.stderr.strip() == found["message"]


def test_the_class_tools_expand_a_pattern_the_prompt_left_as_typed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A Windows prompt hands "*.toml" to the game as typed; it answered "*.toml: no such file".
    folder = tmp_path / "class"
    folder.mkdir()
    for name, stem in (("ada", "essay_seed4"), ("ben", "historical_seed1")):
        script = SCRIPTS / f"{stem}.toml"
        out = folder / f"{name}.toml"
        assert (
            main(
                [
                    "play",
                    "--headless",
                    "--script",
                    str(script),
                    "--name",
                    name,
                    "--transcript",
                    str(out),
                ]
            )
            == 0
        )
    capsys.readouterr()
    assert main(["verify", str(folder / "*.toml")]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{folder / 'ada.toml'}: ok",
        f"{folder / 'ben.toml'}: ok",
    ]
    report = tmp_path / "report"
    assert main(["report", str(folder / "[ab]*.toml"), "--out", str(report)]) == 2
    # Each file the pattern matched is weighed: two seeds, two classes, named one by one.
    err = capsys.readouterr().err
    assert f"seed 4 (class code HNOI-004E): 1 game ({folder / 'ada.toml'})" in err
    assert f"seed 1 (class code HNOI-0019): 1 game ({folder / 'ben.toml'})" in err
    assert main(["report", str(folder / "[a]*.toml"), "--out", str(report)]) == 0
    assert "1 game in the report" in capsys.readouterr().err
    # A pattern that matches nothing is a file that is not there, named as typed.
    assert main(["verify", str(folder / "*.tmol"), str(folder / "ada.toml")]) == 1
    assert f"{folder / '*.tmol'}: no such file" in capsys.readouterr().out
    # Alone, it leaves nothing to check: bad input, status 2, as for report.
    assert main(["verify", str(folder / "*.tmol")]) == 2
    assert f"{folder / '*.tmol'} matches no file" in capsys.readouterr().err


def test_replay_of_a_corrupt_file_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "junk.toml"
    path.write_bytes(b"\xff\xfe not toml")
    result = run_cli("replay", str(path), "--verify")
    assert result.returncode == 2
    assert result.stderr.strip() == f"{path}:1:1: not UTF-8 text (byte 0xff)"


def test_stdio_protocol_plays_a_whole_game() -> None:
    moves = read_script(SCRIPTS / "essay_seed4.toml").moves
    result = run_cli("play", "--headless", "--stdio", "--seed", "4", stdin="\n".join(moves) + "\n")
    assert result.returncode == 0, result.stderr
    messages = [json.loads(line) for line in result.stdout.splitlines()]
    first, last = messages[0], messages[-1]
    assert first["type"] == "state" and first["move_number"] == 1
    assert first["last"] is None and first["outcome"] is None
    assert first["opening"].startswith("We have not come to sell")
    assert {"move", "label", "available", "reason"} <= set(first["legal"][0])
    locked = {o["move"]: o["reason"] for o in first["legal"] if not o["available"]}
    assert locked.get("embassies")
    assert last["outcome"]["ending"] == "regional_handoff"
    assert last["last"]["reaction"] == "accept"
    assert len(messages) == len(moves) + 1


def test_stdio_carries_their_proposals_and_the_neighbours_apart(hanoi: Scenario) -> None:
    """A proposal they table is pending with kind "proposal", a counter-offer with kind
    "counter"; the answers come first in the legal list; the neighbours are in `region`."""
    sink = io.StringIO()
    moves = read_script(SCRIPTS / "essay_seed4.toml").moves[:2]
    run_stdio(new_game(hanoi, 4), io.StringIO("\n".join(moves)), sink)
    first, _, tabled = (json.loads(line) for line in sink.getvalue().splitlines())
    assert set(first["meters"]) == {"trust", "patience", "leverage", "domestic", "risk"}
    assert set(first["region"]) == set(first["region_bands"]) == {"seoul", "tokyo", "beijing"}
    assert first["region_bands"]["seoul"] == "supportive"
    pending = tabled["pending"]
    assert pending["kind"] == "proposal" and pending["id"] == "yongbyon_for_sanctions"
    assert pending["amend"] == "yongbyon_for_relief:partial"
    assert pending["on_accept"]["leverage"] < 0 and "U.S. leverage" in pending["accepting"]
    assert {"their_view", "our_view", "summary", "label", "accord"} <= set(pending)
    assert tabled["last"]["tabled"] == "yongbyon_for_sanctions"
    assert [o["move"] for o in tabled["legal"][:3]] == ["accept", "reject", "amend"]
    assert tabled["legal"][2]["label"] == "Amend: Yongbyon for relief (partial relief)"

    sink = io.StringIO()
    moves = read_script(SCRIPTS / "opportunist_seed273.toml").moves[:3]
    run_stdio(new_game(hanoi, 273), io.StringIO("\n".join(moves)), sink)
    *_, countered, amended = (json.loads(line) for line in sink.getvalue().splitlines())
    assert countered["pending"]["kind"] == "counter"
    assert countered["last"]["counter"] == countered["pending"]["id"] == "yongbyon_for_sanctions"
    assert amended["last"]["answered"] == "yongbyon_for_sanctions"
    assert amended["last"]["reaction"] == "accept"


def test_the_hidden_profile_stays_hidden_until_the_end(hanoi: Scenario) -> None:
    """Their opening words are shown from the start; the profile's id, label and description
    only once the summit is over."""
    sink = io.StringIO()
    moves = read_script(SCRIPTS / "opportunist_seed273.toml").moves
    run_stdio(new_game(hanoi, 273), io.StringIO("\n".join(moves)), sink)
    *during, end = sink.getvalue().splitlines()
    profile = new_game(hanoi, 273).profile_info
    for line in during:
        assert profile.label not in line and profile.description not in line
        assert f'"{profile.id}"' not in line
    assert json.loads(end)["outcome"]["profile"] == profile.id


def test_terminal_play_shows_the_opening_the_neighbours_and_their_proposal(hanoi: Scenario) -> None:
    moves = read_script(SCRIPTS / "essay_seed4.toml").moves[:2]
    sink = io.StringIO()
    interactive(new_game(hanoi, 4), io.StringIO("\n".join(moves) + "\nq\n"), sink)
    text = sink.getvalue()
    assert 'Their head of delegation: "We have not come to sell' in text
    assert "The neighbours: Seoul 60 supportive \u00b7 Tokyo 48 wary \u00b7 Beijing 48 wary" in text
    assert "They table a proposal: Yongbyon for the 2016-17 sanctions." in text
    assert "Their proposal awaits your answer: Yongbyon for the 2016-17 sanctions" in text
    assert "   m. Amend: Yongbyon for relief (partial relief)  [amend]" in text
    assert hanoi.profiles[new_game(hanoi, 4).profile].label not in text


def test_stdio_bad_move_is_reported_in_band_and_exits_2() -> None:
    result = run_cli("play", "--headless", "--stdio", "--seed", "4", stdin="embassies\n")
    assert result.returncode == 2
    messages = [json.loads(line) for line in result.stdout.splitlines()]
    error = messages[-1]
    assert error["type"] == "error" and error["move_number"] == 1
    assert "mutual_restraint:unwritten" in error["legal"]
    (line,) = result.stderr.splitlines()
    assert line.startswith('stdin: move 1 "embassies": ')


def test_batch_json_is_the_same_whatever_the_jobs(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["batch", "--strategy", "random", "--games", "3000", "--seed", "11", "--format", "json"]
    assert main([*args, "--jobs", "1"]) == 0
    one = json.loads(capsys.readouterr().out)
    assert main([*args, "--jobs", "2"]) == 0
    two = json.loads(capsys.readouterr().out)
    assert one == two
    assert one["games"] == 3000 and sum(one["endings"].values()) == 3000
    assert {"strategy", "games", "endings", "accords", "mean_turns"} <= set(one)


def test_batch_table_lists_endings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", "--strategy", "essay", "--games", "50"]) == 0
    out = capsys.readouterr().out
    assert "Strategy essay: 50 games on hanoi, seeds 0..49" in out
    assert "The region takes the lead" in out
    assert "Mean decisions per game" in out
    # Every name whole, and the columns in line (a play-tester read "acceptance of a limited
    # nuclear capabi…").
    assert "acceptance of a limited nuclear capability  " in out and "\u2026" not in out
    rows = [line for line in out.splitlines() if line.endswith(("%", "Share"))]
    assert len({len(line) for line in rows}) == 1


def test_bench_prints_its_figures(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "--games", "40", "--json", "--no-negmas"]) == 0
    captured = capsys.readouterr()
    figures = json.loads(captured.out)
    assert figures["turns_per_second"] > 0
    assert figures["scenario_load_ms_median"] > 0
    assert figures["negmas"] is figures["negmas_ratio"] is figures["negmas_ratio_best"] is None
    assert captured.err == ""
    assert figures["targets"]["negmas_ratio"] == 10


def test_bench_without_negmas_says_so_in_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = importlib.import_module

    def without_negmas(name: str, package: str | None = None) -> object:
        if name.partition(".")[0] == "negmas":
            raise ImportError(f"No module named {name!r}")
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", without_negmas)
    assert main(["bench", "--games", "20"]) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [NOT_INSTALLED]
    assert "turns per second" in captured.out and "NegMAS" not in captured.out


def test_bench_measures_negmas_beside_the_engine(capsys: pytest.CaptureFixture[str]) -> None:
    """Only where the optional extra is installed (pip install -e ".[bench]")."""
    if importlib.util.find_spec("negmas") is None:
        pytest.skip("NegMAS is an optional extra, not installed here")
    assert main(["bench", "--games", "20", "--json", "--negmas-seconds", "0.3"]) == 0
    figures = json.loads(capsys.readouterr().out)
    negmas = figures["negmas"]
    assert negmas["negotiations"] >= 1 and negmas["rounds"] >= negmas["negotiations"]
    assert negmas["rounds_per_second"] > 0 and negmas["version"]
    assert figures["negmas_ratio"] == pytest.approx(
        figures["turns_per_second"] / negmas["rounds_per_second"], abs=0.05
    )
    # Its windows stand between the engine's five runs: the best is at least the mean.
    assert negmas["best_window_rounds_per_second"] >= negmas["rounds_per_second"]
    assert figures["negmas_ratio_best"] <= figures["negmas_ratio"]


def test_console_script_and_module_agree() -> None:
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.startswith("hanoi-summit ")


def test_options_before_the_subcommand_count(capsys: pytest.CaptureFixture[str]) -> None:
    script = SCRIPTS / "essay_seed4.toml"
    assert (
        main(["--seed", "4", "play", "--headless", "--script", str(script), "--format", "json"])
        == 0
    )
    assert json.loads(capsys.readouterr().out)["seed"] == 4


def test_a_script_that_stops_before_the_end_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = tmp_path / "short.toml"
    script.write_text('seed = 4\nmoves = ["next_summit:working_level"]\n')
    assert main(["play", "--headless", "--script", str(script)]) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"{script}: the script ended after move 1, before the summit did"


def test_a_game_with_no_move_says_it_ended_before_the_first_move(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not "after move 0": a script, stdio and the terminal, each with no move played."""
    script = tmp_path / "empty.toml"
    script.write_text("seed = 4\nmoves = []\n")
    assert main(["play", "--headless", "--script", str(script)]) == 1
    assert capsys.readouterr().err.strip() == f"{script}: the script ended before the first move"
    for extra, ended in ((["--stdio"], "stdin: input ended"), ([], "stopped")):
        monkeypatch.setattr(sys, "stdin", io.StringIO(""))
        assert main(["play", "--headless", "--seed", "4", *extra]) == 1
        assert capsys.readouterr().err.strip() == f"{ended} before the first move"


def test_a_move_sent_as_json_is_told_moves_are_plain_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A play-test: "JSON lines out" invited JSON in, and ``{"move": ...}`` read only "unknown
    move"; a word that is no move still reads so."""
    hint = "unknown move (moves are plain text, one per line, not JSON)"
    monkeypatch.setattr(sys, "stdin", io.StringIO('{"move": "liaison_offices"}\n'))
    assert main(["play", "--headless", "--stdio", "--seed", "4"]) == 2
    out, err = capsys.readouterr()
    assert json.loads(out.splitlines()[-1])["reason"] == hint
    assert f": {hint}; legal moves: " in err
    monkeypatch.setattr(sys, "stdin", io.StringIO('["liaison_offices"]\nhug\nq\n'))
    assert main(["play", "--headless", "--seed", "4"]) == 1
    out = capsys.readouterr().out
    assert f"Not possible: {hint}\n" in out and "Not possible: unknown move\n" in out
    script = tmp_path / "json.toml"
    script.write_text('seed = 4\nmoves = [\'{"move": "liaison_offices"}\']\n')
    assert main(["play", "--headless", "--script", str(script)]) == 2
    assert "unknown move (moves are plain text, not JSON); legal" in capsys.readouterr().err


def test_json_turns_say_who_chose_the_reaction_as_the_transcript_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A play-test: in a hot-seat game the JSON could not tell the answers the North's player
    chose from the rules' own, which the transcript records as ``chosen_by``."""
    script = tmp_path / "hotseat.toml"
    script.write_text(
        'seed = 4\nmoves = ["mutual_restraint:written -> accept", "security_assurances:written"]\n'
    )
    out = tmp_path / "t.toml"
    argv = ["play", "--headless", "--hotseat", "--script", str(script), "--format", "json"]
    assert main([*argv, "--transcript", str(out)]) == 1
    turns = json.loads(capsys.readouterr().out)["turns"]
    recorded = [turn.chosen_by.value for turn in read_transcript(out).turns]
    assert [turn["chosen_by"] for turn in turns] == recorded == ["player", "engine"]
    # The stdio state's last turn is the same object.
    source = io.StringIO("mutual_restraint:written\n")
    sink = io.StringIO()
    run_stdio(new_game(load_scenario("hanoi"), 4), source, sink)
    assert json.loads(sink.getvalue().splitlines()[-1])["last"]["chosen_by"] == "engine"


def test_the_light_command_line_agrees_with_the_engine_and_the_settings() -> None:
    from game.cli.parser import STRATEGY_NAMES, TEXT_SIZES
    from game.engine.describe import StrategyName
    from game.engine.strategies import STRATEGIES
    from game.store.settings import TextSize

    assert tuple(STRATEGIES) == STRATEGY_NAMES == tuple(StrategyName)
    assert tuple(TextSize) == TEXT_SIZES


def test_what_the_command_line_writes_out_to_stay_light_is_what_the_engine_holds() -> None:
    from game.classroom import classcode
    from game.cli import parser
    from game.engine import transcript

    assert parser.LARGEST_SEED == transcript.LARGEST_SEED
    assert classcode.ALPHABET == transcript.CODE_ALPHABET


def test_importing_the_command_line_loads_neither_engine_nor_pygame() -> None:
    code = (
        "import sys, game.cli; "
        "print(sorted(m for m in sys.modules if m.startswith(('game.', 'pygame'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = result.stdout.strip()
    assert loaded == (
        "['game.classroom', 'game.classroom.classcode', 'game.cli', 'game.cli.dispatch', "
        "'game.cli.parser', 'game.escapes', 'game.store', 'game.store.mode']"
    )


@pytest.mark.parametrize("argv", [[], ["play", "--seed", "4"]], ids=["bare", "play"])
def test_without_a_screen_the_window_command_says_so_in_one_line(argv: list[str]) -> None:
    """Exactly the game's line and status 2 (the command could not do what it was asked): SDL's
    Wayland probe printed "error: XDG_RUNTIME_DIR is invalid or not set in the environment."
    first, and an empty SDL_VIDEODRIVER ended in pygame's "windows not available" traceback."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "XDG_RUNTIME_DIR")
    }
    env["SDL_VIDEODRIVER"] = ""
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        pytest.skip("this machine has a screen: the window would open")
    line = _window_refused(argv, env)
    assert line.startswith("hanoi-summit: no screen to open a window on (SDL could only offer")
    assert line.endswith("play without one: python -m game play --headless")
    statuses = _readme_exit_statuses()
    assert statuses.index("2 bad input") < statuses.index("no display to open the window on")
    assert statuses.index("no display") < statuses.index("130 interrupted")
    assert "no display to open it on" in _scripting_exit_text()
    assert "and exits with status 2, as for bad input: nothing was played" in _scripting_exit_text()


@pytest.mark.parametrize("driver", ["x11", "wayland", "no-such-driver"])
def test_a_named_driver_that_cannot_start_is_said_in_one_line(driver: str) -> None:
    """SDL_VIDEODRIVER naming a driver that cannot start (x11 with no X server at DISPLAY) ended
    in pygame's "x11 not available" traceback and status 1 (a play-tester)."""
    env = {key: value for key, value in os.environ.items() if key != "XDG_RUNTIME_DIR"}
    env.update(SDL_VIDEODRIVER=driver, DISPLAY=":59", WAYLAND_DISPLAY="hanoi-summit-none")
    line = _window_refused([], env)
    assert line.startswith(
        f"hanoi-summit: no screen to open a window on (SDL_VIDEODRIVER={driver}:"
    )
    assert line.endswith("play without one: python -m game play --headless")


def _window_refused(argv: list[str], env: dict[str, str]) -> str:
    """The one line on standard error of the window command refused with status 2."""
    result = subprocess.run(
        [sys.executable, "-m", "game", *argv],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.splitlines()
    return line


def _readme_exit_statuses() -> str:
    readme = (HERE.parent / "README.md").read_text(encoding="utf-8")
    return " ".join(readme.partition("Exit status: ")[2].partition("\n\n")[0].split())


def _scripting_exit_text() -> str:
    doc = (HERE.parent / "docs" / "scripting.md").read_text(encoding="utf-8")
    return " ".join(doc.split())


TINY = ["--budget", "12", "--train", "8", "--test", "24"]
"""A search small enough for the tests: the shape of the report, not its figures."""


@pytest.mark.parametrize("scenario", ["hanoi", "next_summit"])
def test_analyze_reports_the_best_fixed_line_and_the_balance(
    scenario: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["analyze", scenario, "--json", *TINY]) == 0
    report = json.loads(capsys.readouterr().out)
    loaded = load_scenario(scenario)
    assert report["scenario"] == scenario and report["budget"] == 12
    best = report["best"]
    assert best["moves"] and all(isinstance(move, str) for move in best["moves"])
    assert (best["train"]["games"], best["test"]["games"]) == (8, 24)
    assert 0 <= best["test"]["top"] <= 1 and isinstance(best["counterproductive"], list)
    assert {p["profile"] for p in report["profiles"]} == {p.id for p in loaded.profiles}
    for figures in report["profiles"]:
        assert figures["loss"] == pytest.approx(figures["own"] - figures["others"], abs=0.02)
    assert set(report["openings"]) <= {str(move) for move in available_moves(new_game(loaded, 1))}
    assert all(0 <= share <= 1 for share in report["openings"].values())
    proposals = report["proposals"]
    assert proposals["main"] == (loaded.main_proposal.id if loaded.main_proposal else None)
    assert 0 <= proposals["tabled"] <= 1 and 0 <= proposals["accept_better"] <= 1
    assert set(report["checks"]) == {
        "best_line_top_tier",
        "profile_loss",
        "best_opening_accepted",
        "proposal_tabled",
        "accepting_main_better",
        "best_line_counterproductive",
    }
    assert main(["analyze", scenario, *TINY]) == 0
    text = capsys.readouterr().out
    assert text.startswith(f"Analysis of {scenario} ({loaded.title}): ")
    assert "\nThe best fixed line " in text and "\nOpening moves: " in text
    for profile in loaded.profiles:
        assert f"\n  {profile.label}: " in text
    assert "\nTheir proposals:\n" in text and "Average loss: " in text


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["analyze", "atlantis"], "atlantis: no such scenario"),
        (["analyze", "--budget", "0"], "argument --budget: expected at least 1, got 0"),
        (["analyze", "--test", "many"], "argument --test: expected a whole number, got 'many'"),
        (["analyze", "--train", "-3"], "argument --train: expected at least 1, got -3"),
    ],
)
def test_analyze_refuses_bad_input_in_one_line(args: list[str], expected: str) -> None:
    result = run_cli(*args)
    assert result.returncode == 2 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert expected in line


def test_analyze_shows_progress_on_a_terminal_only(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["analyze", "--json", *TINY]) == 0
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["analyze", "--json", *TINY]) == 0
    steps = capsys.readouterr().err.splitlines()
    assert steps[0] == "analyze: searching for the best fixed line (0:00)"
    assert all(re.fullmatch(r"analyze: .+ \(\d+:\d\d\)", step) for step in steps)


def test_a_name_longer_than_a_transcript_keeps_is_refused_not_cut() -> None:
    # A teacher's student's 75-character name was cut at 60 in the transcript without a word.
    long = run_cli("play", "--headless", "--seed", "1", "--name", "x" * 61, stdin="")
    assert long.returncode == 2 and long.stdout == ""
    assert long.stderr.splitlines() == [
        "hanoi-summit play: argument --name: expected a name of at most 60 characters, got 61 "
        "(see hanoi-summit play --help)"
    ]
    fits = run_cli("play", "--headless", "--seed", "1", "--name", "x" * 30 + "  " + "y" * 29)
    assert fits.returncode == 1  # the input ended before the summit did: the name was taken
