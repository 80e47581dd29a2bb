"""Ctrl-C at the command line: whatever is running stops at once, with one line and exit
status 130, and a game in play still leaves its transcript behind; and SIGTERM alike, with
status 143.

Ctrl-C is SIGINT to the whole process group, as a terminal sends it; SIGTERM goes to the command
alone, as ``kill``, a job scheduler or ``Popen.terminate`` sends it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

if os.name != "posix":  # process groups and killpg are POSIX's
    pytest.skip("these need a POSIX system", allow_module_level=True)

ROOT = Path(__file__).resolve().parents[2]


def _started(*argv: str | Path, stdin: int | None = subprocess.DEVNULL) -> subprocess.Popen[bytes]:
    """The game in a process group of its own, as a terminal starts a command."""
    return subprocess.Popen(
        [sys.executable, "-m", "game", *map(str, argv)],
        stdin=stdin,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        start_new_session=True,
    )


def _ctrl_c(
    process: subprocess.Popen[bytes], *, after: float, sigterm: bool = False
) -> tuple[int, float, list[str]]:
    """Press Ctrl-C ``after`` seconds (or with ``sigterm``, send SIGTERM to the command
    alone); the exit status, how long the process took to stop after it and every process
    it started had let go of standard error, and what it said there."""
    time.sleep(after)
    if sigterm:
        process.terminate()
    else:
        os.killpg(process.pid, signal.SIGINT)
    pressed = time.monotonic()
    try:
        _, err = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail("still running 30 s after Ctrl-C")
    return process.returncode, time.monotonic() - pressed, err.decode().splitlines()


@pytest.mark.parametrize("sigterm", [False, True], ids=["ctrl-c", "sigterm"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_stops_a_batch_at_once(jobs: str, sigterm: bool) -> None:
    # A play-test: with --jobs 4 the batch was still running 60 s after Ctrl-C, and after a
    # second one, which printed "interrupted". Another: after SIGTERM the batch's workers ran
    # on for five seconds, then wrote six tracebacks.
    process = _started("batch", "--strategy", "essay", "--games", "200000", "--jobs", jobs)
    status, seconds, err = _ctrl_c(process, after=2.0, sigterm=sigterm)
    assert (status, err) == (
        (143, ["hanoi-summit: terminated"]) if sigterm else (130, ["hanoi-summit: interrupted"])
    )
    assert seconds < 5
    with pytest.raises(ProcessLookupError):  # and no worker is left behind
        os.killpg(process.pid, 0)


@pytest.mark.parametrize("sigterm", [False, True], ids=["ctrl-c", "sigterm"])
@pytest.mark.parametrize("stdio", [True, False], ids=["stdio", "terminal"])
def test_ctrl_c_in_a_game_writes_its_transcript_and_its_export(
    tmp_path: Path, home: Path, stdio: bool, sigterm: bool
) -> None:
    # A play-test: q, the end of input and a broken pipe wrote the transcript so far, and
    # Ctrl-C lost the game. Then with --export: the transcript was written, the export was not,
    # where q and the end of input wrote both.
    from game.store.transcripts import read_transcript

    transcript = tmp_path / "t.toml"
    process = _started(
        "play",
        "--headless",
        *(["--stdio"] if stdio else []),
        "--seed",
        "1",
        "--transcript",
        transcript,
        "--export",
        "--name",
        "Ada",
        stdin=subprocess.PIPE,
    )
    assert process.stdin is not None
    process.stdin.write(b"mutual_restraint:written\n")
    process.stdin.flush()  # and the input stays open: the game waits for the next move
    status, _, err = _ctrl_c(process, after=3.0, sigterm=sigterm)
    assert status == (143 if sigterm else 130)
    (export,) = (home / "exports").iterdir()
    said = "hanoi-summit: terminated" if sigterm else "hanoi-summit: interrupted"
    assert err == [f"exported to {export}", said]
    for path in (transcript, export):
        moves = [str(turn.move) for turn in read_transcript(path).turns]
        assert moves == ["mutual_restraint:written"]
    assert export.read_bytes() == transcript.read_bytes()
