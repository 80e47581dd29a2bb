"""Fuzzing the game's inputs: mutated transcripts, scripts, scenarios, saves, settings and codes
files, and random byte streams on standard input. Whatever the input, the game ends with a
status of 0, 1 or 2, in one line per problem, without a traceback, within a time limit, and
shows nothing a terminal would act on.

Each property runs twice: a short, fixed run in the suite, and a long random one marked
``fuzz_long`` (deselected by default; ``pytest -m fuzz_long tests/fuzz`` runs it).
"""

from __future__ import annotations

import csv
import json
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame
import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

if os.name != "posix":  # the watchdog is SIGALRM, and the cases name a FIFO
    pytest.skip("the fuzz suite needs a POSIX system", allow_module_level=True)

from game.store.saves import SaveStore
from game.store.settings import Settings, load_settings
from tests.fuzz.harness import (
    CODES_TEXT,
    LONG,
    SETTINGS_TEXT,
    SHORT,
    input_stream,
    mutated,
    run,
    save_texts,
    scenario_text,
    scratch,
    scripts,
    transcripts,
    watchdog,
)

CLASS_CODE = "HNOI-16JJ"


def twice(
    short: settings, long: settings, *strategies: st.SearchStrategy[Any]
) -> Callable[[Callable[..., None]], tuple[Callable[..., None], Callable[..., None]]]:
    """The property as two tests: the suite's short run and the marked long one."""

    def make(body: Callable[..., None]) -> tuple[Callable[..., None], Callable[..., None]]:
        quick = short(given(*strategies)(body))
        slow = pytest.mark.fuzz_long(long(given(*strategies)(body)))
        return quick, slow

    return make


def _kind(message: str) -> str:
    """What kind of answer a line is, for the statistics of a run: its first words."""
    return "verify: " + " ".join(message.replace(":", " ").split()[:3])


def _lines_name(lines: list[str], *names: str) -> None:
    """Every line names the file it is about, or the game (a usage problem)."""
    for line in lines:
        assert line.startswith((*names, "hanoi-summit")), line


# --- transcripts: verify, replay, report -------------------------------------------------------


def verify_any_transcript(case: bytes, code: bool, codes: bool) -> None:
    with scratch() as folder:
        root = Path(folder)
        (root / "a.toml").write_bytes(case)
        (root / "good.toml").write_text(transcripts()[0], encoding="utf-8")
        (root / "codes.txt").write_text(CODES_TEXT, encoding="utf-8")
        argv = ["verify", "a.toml", "good.toml"]
        argv += ["--code", CLASS_CODE] if code else []
        argv += ["--codes", "codes.txt"] if codes else []
        result = run(argv, root)
        event(_kind(result.out[0].removeprefix("a.toml: ")))
        assert result.status in (0, 1) and result.err == []
        assert result.out[0].startswith("a.toml: ") and result.out[1].startswith("good.toml: ")
        assert all(line.startswith("to check: ") for line in result.out[2:])
        # A value of megabytes in the file is not a line of megabytes on the screen.
        assert all(len(line) <= 1000 for line in result.out)


test_verify_any_transcript, test_verify_any_transcript_long = twice(
    SHORT, LONG, mutated(transcripts()), st.booleans(), st.booleans()
)(verify_any_transcript)


def replay_any_transcript(case: bytes, form: str) -> None:
    with scratch() as folder:
        root = Path(folder)
        (root / "a.toml").write_bytes(case)
        argv = ["replay", "a.toml", *(["--verify"] if form == "verify" else ["--format", form])]
        result = run(argv, root)
        if form == "verify" and result.status != 2:
            assert len(result.out) == 1 and result.out[0].startswith("a.toml: ")
            assert len(result.out[0]) <= 1000
        if result.status == 2:
            assert result.out == [] and result.err
            _lines_name(result.err, "a.toml")
        if form == "json" and result.out:
            json.loads("\n".join(result.out))


test_replay_any_transcript, test_replay_any_transcript_long = twice(
    SHORT, LONG, mutated(transcripts()), st.sampled_from(("verify", "text", "json"))
)(replay_any_transcript)


def report_any_transcripts(first: bytes, second: bytes) -> None:
    with scratch() as folder:
        root = Path(folder)
        (root / "a.toml").write_bytes(first)
        (root / "b.toml").write_bytes(second)
        (root / "good.toml").write_text(transcripts()[1], encoding="utf-8")
        result = run(["report", "a.toml", "b.toml", "good.toml", "--out", "report"], root)
        if result.status == 2:  # verified games of two classes: one line, and nothing written
            assert result.out == [] and len(result.err) == 1
            assert "so they are not one class: " in result.err[0]
            assert not (root / "report").exists()
            return
        assert result.status in (0, 1)
        with (root / "report" / "report.csv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        assert len(rows) - 1 == int(result.err[-1].split(" ")[0])
        for row in rows[1:]:
            assert not row[0].startswith(("=", "+", "-", "@", "\t", "\r")), row
        md = (root / "report" / "report.md").read_text(encoding="utf-8")
        assert "<" not in md.split("## Students")[-1].split("## Charts")[0]


test_report_any_transcripts, test_report_any_transcripts_long = twice(
    settings(SHORT, max_examples=40),
    settings(LONG, max_examples=600),
    mutated(transcripts()),
    mutated(transcripts()),
)(report_any_transcripts)


def verify_any_codes_file(case: bytes) -> None:
    with scratch() as folder:
        root = Path(folder)
        (root / "codes.txt").write_bytes(case)
        (root / "good.toml").write_text(transcripts()[0], encoding="utf-8")
        result = run(["verify", "good.toml", "--codes", "codes.txt"], root)
        if result.status == 2:
            assert result.out == [] and len(result.err) == 1
            _lines_name(result.err, "codes.txt")
        else:
            # and perhaps a student on the sheet with no transcript, to check
            assert len([line for line in result.out if not line.startswith("to check: ")]) == 1


test_verify_any_codes_file, test_verify_any_codes_file_long = twice(
    SHORT, LONG, mutated((CODES_TEXT,))
)(verify_any_codes_file)


# --- scripts and scenarios ---------------------------------------------------------------------


def play_any_script(case: bytes, transcript: bool) -> None:
    with scratch() as folder:
        root = Path(folder)
        (root / "s.toml").write_bytes(case)
        argv = ["play", "--headless", "--script", "s.toml"]
        argv += ["--transcript", "t.toml"] if transcript else []
        result = run(argv, root)
        event(f"script: status {result.status}")
        if result.status == 2:
            # the script's line, or a line per problem of the scenario file it names; only a
            # move that cannot be played (one line) comes after the game so far
            assert result.err
            assert result.out == [] or (len(result.err) == 1 and ": move " in result.err[0])
        else:
            assert len(result.err) <= 1


test_play_any_script, test_play_any_script_long = twice(
    SHORT, LONG, mutated(scripts()), st.booleans()
)(play_any_script)


def check_any_scenario(case: bytes) -> None:
    with scratch() as folder:
        root = Path(folder)
        (root / "variant.toml").write_bytes(case)
        result = run(["check", "variant.toml"], root)
        event(f"check: status {result.status}")
        assert result.status in (0, 2) and result.err == []
        _lines_name(result.out, "variant.toml")
        if result.status == 0:  # a scenario that checks also plays
            batch = run(
                ["batch", "--strategy", "random", "--games", "2", "--scenario", "variant.toml"],
                root,
            )
            assert batch.status == 0, batch


test_check_any_scenario, test_check_any_scenario_long = twice(
    settings(SHORT, max_examples=150),
    settings(LONG, max_examples=1500),
    mutated((scenario_text(),)),
)(check_any_scenario)


# --- the window's folder -----------------------------------------------------------------------


def open_any_saves(autosave: bytes, backup: bytes, slot: bytes) -> None:
    with scratch() as folder:
        store = SaveStore(Path(folder))
        store.saves.mkdir(parents=True)
        store.autosave_path.write_bytes(autosave)
        store.backup_path.write_bytes(backup)
        (store.saves / "slot-fuzz.toml").write_bytes(slot)
        font = pygame.font.Font(None, 16)
        with watchdog():
            infos = store.listing()
            latest = store.load_latest()
            loaded = store.load(store.saves / "slot-fuzz.toml")
        assert len(infos) == 3
        for info in [*infos, latest.info, loaded.info]:
            if info is None:
                continue
            assert "\n" not in info.problem
            for text in (info.name, info.player, info.problem, info.round_label, info.ending):
                font.render(text, True, (0, 0, 0))
        if latest.game is not None:
            font.render(latest.game.who.player, True, (0, 0, 0))


test_open_any_saves, test_open_any_saves_long = twice(
    settings(SHORT, max_examples=150),
    settings(LONG, max_examples=1500),
    mutated(save_texts()),
    mutated(save_texts()),
    mutated(save_texts()),
)(open_any_saves)


class _Records(logging.Handler):
    """Keeps every record logged to it."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def read_any_settings(case: bytes) -> None:
    with scratch() as folder:
        path = Path(folder) / "settings.toml"
        path.write_bytes(case)
        handler = _Records()
        records = handler.records
        logger = logging.getLogger("game.store.settings")
        logger.addHandler(handler)
        try:
            with watchdog():
                loaded = load_settings(path)
        finally:
            logger.removeHandler(handler)
        assert isinstance(loaded, Settings)
        assert len(records) <= 1
        assert all("\n" not in record.getMessage() for record in records)


test_read_any_settings, test_read_any_settings_long = twice(SHORT, LONG, mutated((SETTINGS_TEXT,)))(
    read_any_settings
)


# --- standard input: stdio and the terminal ----------------------------------------------------


def stdio_any_input(stream: bytes, seed: int) -> None:
    with scratch() as folder:
        root = Path(folder)
        argv = ["play", "--headless", "--stdio", "--seed", str(seed), "--transcript", "t.toml"]
        result = run(argv, root, stdin=stream)
        event(f"stdio: status {result.status}")
        messages = [json.loads(line) for line in result.out]
        assert messages and messages[0]["type"] == "state"
        assert len(result.err) <= 1
        if result.status == 2:
            assert messages[-1]["type"] == "error"
        assert (root / "t.toml").is_file()


test_stdio_any_input, test_stdio_any_input_long = twice(
    SHORT, LONG, input_stream(), st.integers(0, 2**63 - 1)
)(stdio_any_input)


def terminal_any_input(stream: bytes, seed: int) -> None:
    with scratch() as folder:
        root = Path(folder)
        argv = ["play", "--headless", "--seed", str(seed), "--transcript", "t.toml"]
        result = run(argv, root, stdin=stream)
        assert result.status in (0, 1) and len(result.err) <= 1
        assert (root / "t.toml").is_file()


test_terminal_any_input, test_terminal_any_input_long = twice(
    SHORT, LONG, input_stream(), st.integers(0, 2**63 - 1)
)(terminal_any_input)


def command_line_any_arguments(argv: list[str]) -> None:
    with scratch() as folder:
        run(argv, Path(folder))


_WORDS = st.sampled_from(
    (
        "--headless",
        "--stdio",
        "--script",
        "--seed",
        "--games",
        "--jobs",
        "--name",
        "--code",
        "--out",
        "--mode",
        "--scenario",
        "--strategy",
        "essay",
        "graded",
        "HNOI-16JJ",
        "-1",
        "99999999999999999999",
        "\u0664",
        "",
        "/dev/zero",
        "x.toml",
        "\x1b[2J",
        "\udcff",
        "--format",
        "json",
        "1",
    )
)

# Never the window: no argument list without a subcommand, and play only headless.
_COMMANDS = st.sampled_from(
    (["play", "--headless"], ["verify"], ["report"], ["replay"], ["check"], ["batch"], ["code"])
)

test_command_line_any_arguments, test_command_line_any_arguments_long = twice(
    SHORT, LONG, st.tuples(_COMMANDS, st.lists(_WORDS, max_size=8)).map(lambda p: p[0] + p[1])
)(command_line_any_arguments)
