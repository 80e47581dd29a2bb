"""Issue 10, the command line: scripts, stdin, flags and output that cannot be written all end
in one line and a non-zero status, never a traceback, a hang or a half-written file.

Each test is one attempt of the issue (or one added since); each failed before the fix.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from game.cli import main
from game.engine import Scenario
from game.store.scenarios import scenario_dir
from game.store.transcripts import read_transcript

if os.name != "posix":  # FIFOs, /dev/full, resource limits and SIGALRM are POSIX's
    pytest.skip("these attacks need a POSIX system", allow_module_level=True)

import resource

from tests.classroom.games import adas_game

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"
HISTORY = SCRIPTS / "historical_seed1.toml"
ROOT = Path(__file__).resolve().parents[2]


def _run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, list[str], list[str]]:
    status = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    return status, captured.out.splitlines(), captured.err.splitlines()


def _process(
    *argv: str | Path,
    stdin: bytes = b"",
    stdout: int | None = subprocess.PIPE,
    env: dict[str, str] | None = None,
    setup: Callable[[], None] | None = None,
    stderr: int | None = subprocess.PIPE,
) -> subprocess.CompletedProcess[bytes]:
    """The game in its own process (with a time limit: nothing here may hang)."""
    return subprocess.run(
        [sys.executable, "-m", "game", *map(str, argv)],
        input=stdin,
        stdout=stdout,
        stderr=stderr,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        preexec_fn=setup,
        timeout=120,
        check=False,
    )


def _one_line(done: subprocess.CompletedProcess[bytes]) -> str:
    err = done.stderr.decode("utf-8", "backslashreplace")
    assert "Traceback" not in err, err
    lines = err.splitlines()
    assert len(lines) == 1, err
    return lines[0]


# --- scripts ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (f"seed = {'9' * 5000}\nmoves = []\n", "s.toml:1:8: an integer of thousands of digits"),
        (f"moves = {'[' * 5000}{']' * 5000}\n", "s.toml:1:41: nested deeper than 32 levels"),
        (
            'seed = -1\nmoves = ["walk_away"]\n',
            "s.toml: seed: expected a seed from 0 to 2**63-1, got -1",
        ),
        (
            f'seed = {2**64}\nmoves = ["walk_away"]\n',
            "s.toml: seed: expected an integer of at most 64 bits, got 18446744073709551616",
        ),
        (  # found by the long fuzz run: a NUL in a file name made os.stat raise ValueError
            'scenario = "\\u0000"\nmoves = []\n',
            "\\x00.toml: cannot read: the name holds a NUL character",
        ),
        (
            'seed = 1\nmoves = ["\\u001b[2Jboom"]\n',
            's.toml: move 1 "\\x1b[2Jboom": unknown move; legal moves: ',
        ),
    ],
    ids=[
        "5000-digit-seed",
        "5000-deep-moves",
        "seed-minus-one",
        "seed-2**64",
        "nul-in-scenario-name",
        "ansi-move",
    ],
)
@pytest.mark.usefixtures("workdir")
def test_a_bad_script_is_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    Path("s.toml").write_text(text, encoding="utf-8")
    status, out, err = _run(capsys, "play", "--headless", "--script", "s.toml")
    assert status == 2 and len(err) == 1
    assert message in err[0]
    # A script that cannot be read prints nothing; a move that cannot be played, the game so far.
    assert (out != []) == (" move 1 " in message)
    assert "\x1b" not in "".join(out)


@pytest.mark.parametrize("script", ["/dev/zero", "fifo"])
def test_a_script_that_is_not_a_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], script: str
) -> None:
    if script == "fifo":
        script = str(tmp_path / "fifo.toml")
        os.mkfifo(script)
    status, _, err = _run(capsys, "play", "--headless", "--script", script)
    assert status == 2
    kind = "a device" if "dev" in script else "a pipe (FIFO)"
    assert err == [f"{script}: {kind}, not a file: the game reads only files"]


@pytest.mark.parametrize("target", ["fifo", "folder"])
def test_a_transcript_is_never_written_over_what_is_not_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    # A play-test wrote `--transcript /dev/null` as root: the rename put a file where the
    # device had been, and the game said nothing. Refused now, before a move is played.
    path = tmp_path / target
    if target == "fifo":
        os.mkfifo(path)
    else:
        path.mkdir()
    status, out, err = _run(capsys, "play", "--headless", "--script", HISTORY, "--transcript", path)
    kind = "a pipe (FIFO)" if target == "fifo" else "a folder"
    assert status == 2 and out == []
    assert err == [
        f"{path}: cannot write the transcript: {kind}, not a file: the game writes only files"
    ]
    assert path.is_fifo() if target == "fifo" else path.is_dir()


def test_a_transcript_never_overwrites_the_script_being_played(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = tmp_path / "moves.toml"
    script.write_bytes(HISTORY.read_bytes())
    status, out, err = _run(
        capsys,
        "play",
        "--headless",
        "--script",
        script,
        "--transcript",
        tmp_path / "." / "moves.toml",
    )
    assert status == 2 and out == []
    assert err == [
        f"{tmp_path / '.' / 'moves.toml'}: is the script being played; give the transcript a "
        "name of its own"
    ]
    assert script.read_bytes() == HISTORY.read_bytes()


def test_a_transcript_never_overwrites_the_earlier_summit_it_continues(
    tmp_path: Path, hanoi: Scenario, capsys: pytest.CaptureFixture[str]
) -> None:
    # A play-test: `play --from ada.toml --transcript ada.toml` wrote the next summit over the
    # Hanoi game that vouches for its start.
    earlier = adas_game(tmp_path / "ada.toml", hanoi)
    kept = earlier.read_bytes()
    again = tmp_path / "." / "ada.toml"
    argv: list[str | Path] = ["play", "--headless", "--stdio", "--from", earlier]
    argv += ["--transcript", again]
    status, out, err = _run(capsys, *argv)
    assert status == 2 and out == []
    assert err == [
        f"{again}: is the earlier summit's transcript (--from); give the transcript a name of "
        "its own"
    ]
    assert earlier.read_bytes() == kept


def test_an_export_folder_that_cannot_be_made_is_refused_before_the_game(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A play-test: with HANOI_SUMMIT_HOME a file, the whole game was played and only then
    # "cannot export: Not a directory": without --transcript, the game was lost.
    home.parent.mkdir(parents=True, exist_ok=True)
    home.write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.StringIO("q\n"))
    status, out, err = _run(capsys, "play", "--headless", "--seed", "1", "--export", "--name", "X")
    assert status == 2 and out == []
    assert len(err) == 1 and err[0].startswith(f"{home / 'exports'}: cannot export: ")


@pytest.mark.parametrize("under", ["afile/t.toml", "afile/deeper/t.toml"])
@pytest.mark.usefixtures("workdir")
def test_a_transcript_in_a_folder_that_is_a_file_names_the_file(
    capsys: pytest.CaptureFixture[str], under: str
) -> None:
    # A play-test: "afile/t.toml: cannot write the transcript: File exists".
    Path("afile").write_text("a file", encoding="utf-8")
    status, out, err = _run(
        capsys, "play", "--headless", "--script", HISTORY, "--transcript", under
    )
    assert status == 2 and out == []
    assert err == [f"{under}: cannot write the transcript: afile is a file, not a folder"]


@pytest.mark.usefixtures("workdir")
def test_a_transcript_in_a_folder_that_is_not_there_is_refused_before_a_move(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A play-tester's mistyped folder was made without a word.
    status, out, err = _run(
        capsys, "play", "--headless", "--script", HISTORY, "--transcript", "typo/dir/t.toml"
    )
    assert status == 2 and out == []
    assert err == [
        "typo/dir/t.toml: cannot write the transcript: there is no folder typo/dir (make it "
        "first, or check the name)"
    ]
    assert not Path("typo").exists()


def test_an_export_folder_that_is_a_file_names_it(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (home / "exports").parent.mkdir(parents=True)
    (home / "exports").write_text("a file", encoding="utf-8")
    status, out, err = _run(capsys, "play", "--headless", "--script", HISTORY, "--export")
    assert status == 2 and out == []
    exports = home / "exports"
    assert err == [f"{exports}: cannot export: {exports} is a file, not a folder"]


# --- flags --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["play", "--headless", "--seed", "\u0664"],
            "argument --seed: expected a whole number, got '\u0664'",
        ),
        (
            ["batch", "--strategy", "essay", "--games", str(10**15)],
            "argument --games: expected at most 1000000",
        ),
        (
            ["batch", "--strategy", "essay", "--jobs", str(10**9)],
            "argument --jobs: expected at most 64",
        ),
        (["analyze", "--test", str(10**15)], "argument --test: expected at most 1000000"),
        (["report", "x.toml", "--out", ""], "argument --out: expected a file or folder name"),
        (["play", "--headless", "--transcript", ""], "argument --transcript: expected a file"),
        (
            ["play", "--headless", "--code", "HNOI-16JJ", "--stdio"],
            "class code HNOI-16JJ: give your name with --name",
        ),
        (
            ["batch", "--strategy", "essay", "--seed", str(2**63 - 1), "--games", "3"],
            "would play seeds past 2**63-1",
        ),
        (["shots", "--out", "x", "--size", "10x10"], "expected a width from 320 to 7680"),
        (["shots", "--out", "x", "--size", "1024x99999"], "expected a height from 200 to 4320"),
        (["shots", "--out", "x", "--size", "1024 by 600"], "expected a size such as 1024x600"),
        (
            ["shots", "--out", "x", "--size", "100000x100000"],
            "expected a width from 320 to 7680 pixels, got 100000",
        ),
        (["play", "--headless", "--code", ""], "argument --code: expected a class code such as"),
        (["--code", "", "play", "--headless"], "argument --code: expected a class code such as"),
        (["verify", "x.toml", "--code", ""], "argument --code: expected a class code such as"),
        (
            ["report", "x.toml", "--out", "r", "--code", ""],
            "argument --code: expected a class code such as",
        ),
    ],
    ids=[
        "arabic-indic-four",
        "10**15-games",
        "10**9-jobs",
        "10**15-test-seeds",
        "empty-out",
        "empty-transcript",
        "graded-code-without-name",
        "seeds-past-the-last",
        "tiny-window",
        "huge-window",
        "size-in-words",
        "size-past-five-digits",
        "empty-code-play",
        "empty-code-before-play",
        "empty-code-verify",
        "empty-code-report",
    ],
)
def test_flags_are_checked_before_anything_runs(
    workdir: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    status, out, err = _run(capsys, *argv)
    assert status == 2 and out == [] and len(err) == 1
    assert message in err[0]
    assert list(workdir.iterdir()) == []  # `--out ''` wrote nothing into the current folder


@pytest.mark.parametrize(
    "argv",
    [
        ["verify", "x.toml", "--code"],
        ["play", "--headless", "--code"],
        ["shots", "--out", "x", "--size"],
        ["play", "--headless", "--seed"],
    ],
    ids=["verify-code", "play-code", "size", "seed"],
)
def test_a_long_value_is_cut_in_its_error_line_as_moves_are(
    workdir: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    status, out, err = _run(capsys, *argv, "A" * 100_000)
    assert status == 2 and out == [] and len(err) == 1
    assert len(err[0]) < 200 and "'" + "A" * 56 + "..." in err[0]


def test_a_name_that_is_not_utf8_is_refused_and_control_characters_dropped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "t.toml"
    argv: list[str | Path] = ["play", "--headless", "--script", HISTORY, "--transcript", out]
    status, _, err = _run(capsys, *argv, "--name", os.fsdecode(b"Ad\xffa"))
    assert status == 2 and len(err) == 1 and "argument --name: expected UTF-8 text" in err[0]
    assert not out.exists()
    assert _run(capsys, *argv, "--name", "Ada\x1b[2J " + "x" * 50)[0] == 0
    assert read_transcript(out).player == "Ada[2J " + "x" * 50


# --- the terminal and stdin ---------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["\u00b2\n", "9" * 5000 + "\n", "x" * 100_000 + "\n"])
def test_the_terminal_menu_refuses_what_is_not_a_move(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], typed: str
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(typed + "q\n"))
    status, out, err = _run(capsys, "play", "--headless", "--seed", "4")
    assert status == 1 and err == ["stopped before the first move"]
    assert any("  Not possible: " in line for line in out)


def test_a_move_with_control_characters_is_never_echoed_raw(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Typed over stdio, a move with an escape sequence (C0 or C1) comes back escaped in the
    error message and on standard error; json alone would have left the C1 one raw."""
    for move, shown in (("\x1b[2Jboom", "\\\\x1b[2Jboom"), ("boom\x9b2J", "boom\\\\x9b2J")):
        monkeypatch.setattr(sys, "stdin", io.StringIO(move + "\n"))
        status, out, err = _run(capsys, "play", "--headless", "--stdio", "--seed", "4")
        assert status == 2
        assert not any("\x1b" in line or "\x9b" in line for line in out + err)
        assert f'"move": "{shown}"' in out[-1]


@pytest.mark.parametrize("stdio", [True, False], ids=["stdio", "terminal"])
def test_stdin_that_is_not_utf8_is_a_refused_move_and_the_transcript_is_written(
    tmp_path: Path, stdio: bool
) -> None:
    transcript = tmp_path / "t.toml"
    argv: list[str | Path] = ["play", "--headless", "--seed", "4", "--transcript", transcript]
    typed = b"mutual_restraint:written\n\xff\xfe\n" + (b"" if stdio else b"q\n")
    done = _process(
        *argv,
        *(["--stdio"] if stdio else []),
        stdin=typed,
        env={"PYTHONIOENCODING": "utf-8:strict"},
    )
    if stdio:
        assert done.returncode == 2
        assert _one_line(done).startswith(
            'stdin: move 2 "\\xff\\xfe": not UTF-8 text; legal moves: '
        )
    else:
        assert done.returncode == 1
        assert _one_line(done) == "stopped after move 1, before the summit did"
        assert b"Not possible: not UTF-8 text" in done.stdout
    assert len(read_transcript(transcript).turns) == 1


# --- output that cannot be written --------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["play", "--headless", "--script", HISTORY],
        ["play", "--headless", "--stdio", "--seed", "1", "--transcript", "T"],
        ["batch", "--strategy", "essay", "--games", "3"],
        ["verify", HISTORY],
        ["--help"],
        ["play", "--help"],
        ["--version"],
    ],
    ids=["play", "stdio", "batch", "verify", "help", "play-help", "version"],
)
def test_a_full_standard_output_is_one_line_and_status_2(
    tmp_path: Path, argv: list[str | Path]
) -> None:
    argv = [tmp_path / "t.toml" if arg == "T" else arg for arg in argv]
    with open("/dev/full", "wb") as full:  # noqa: PTH123 (a device, not a file of ours)
        done = _process(*argv, stdin=b"liaison_offices\n", stdout=full.fileno())
    assert done.returncode == 2
    assert _one_line(done).startswith(
        "hanoi-summit: cannot write to standard output (No space left"
    )
    if "--stdio" in argv:
        assert read_transcript(tmp_path / "t.toml").turns == ()  # the game so far, written


@pytest.mark.parametrize(
    "argv",
    [
        ["play", "--headless", "--script", HISTORY],
        ["replay", "T", "--format", "json"],
        ["batch", "--strategy", "essay", "--games", "3"],
        ["analyze", "--budget", "5", "--train", "2", "--test", "2"],
        ["verify", "T", "T"],
        ["check", ROOT / "scenarios" / "hanoi.toml"],
        ["code", "--seed", "1"],
    ],
    ids=["play", "replay", "batch", "analyze", "verify", "check", "code"],
)
def test_standard_output_cut_short_unbuffered_is_one_line_and_status_2(
    tmp_path: Path, hanoi: Scenario, argv: list[str | Path]
) -> None:
    # A play-test: with PYTHONUNBUFFERED set, `play ... > full/out.txt` on a nearly full disk
    # exited 0 with the output cut at 4,096 bytes. Unbuffered, Python writes standard output
    # straight to the file and drops what a short write left over without an error.
    game = adas_game(tmp_path / "game.toml", hanoi)
    argv = [game if arg == "T" else arg for arg in argv]
    out = tmp_path / "out.txt"
    with out.open("wb") as sink:
        done = _process(
            *argv, stdout=sink.fileno(), env={"PYTHONUNBUFFERED": "1"}, setup=_full_disk(5)
        )
    assert done.returncode == 2
    assert _one_line(done) == (
        "hanoi-summit: cannot write to standard output (File too large); the output is cut short"
    )
    assert out.stat().st_size == 5


@pytest.mark.parametrize(
    "argv",
    [["play", "--headless", "--stdio", "--seed", "1"], ["--help"], ["--version"]],
    ids=["stdio", "help", "version"],
)
def test_a_closed_standard_output_is_one_line_and_status_2(argv: list[str]) -> None:
    # A play-test: --help and --version printed to standard error instead, and exited 0.
    done = _process(*argv, stdout=None, setup=lambda: os.close(1))
    assert done.returncode == 2
    assert _one_line(done) == "hanoi-summit: standard output is closed: there is nowhere to write"


def test_a_broken_pipe_is_one_line_and_status_2(tmp_path: Path, hanoi: Scenario) -> None:
    path = adas_game(tmp_path / "game.toml", hanoi)
    process = subprocess.Popen(
        [sys.executable, "-m", "game", "verify", *[str(path)] * 2000],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    err = process.stderr.read().decode()
    assert process.wait(timeout=120) == 2
    assert err.splitlines() == [
        "hanoi-summit: cannot write to standard output (broken pipe); the output is cut short"
    ]


@pytest.mark.parametrize("unbuffered", [True, False], ids=["unbuffered", "buffered"])
def test_standard_error_cut_short_loses_no_output_and_is_status_2(
    tmp_path: Path, home: Path, unbuffered: bool
) -> None:
    # Standard error had standard output's unbuffered gap (what a short write left over was
    # dropped; only the newline's write after it failed), and a line that failed was taken for
    # standard output failing, which was thrown away: the game was played and exported, and
    # printed nothing. Now every line on standard error goes out whole or is counted lost: the
    # command goes on, and exits 2.
    argv: list[str | Path] = [
        "play",
        "--headless",
        "--script",
        HISTORY,
        "--export",
        "--name",
        "Ada",
    ]
    expected = _process(*argv).stdout
    size, room = 65_536, 10  # a disk with 10 bytes left, for standard error to fill
    err = tmp_path / "err.txt"
    err.write_bytes(b"x" * (size - room))
    with err.open("ab") as sink:
        done = _process(
            *argv,
            stderr=sink.fileno(),
            env={"PYTHONUNBUFFERED": "1"} if unbuffered else {},
            setup=_full_disk(size),
        )
    assert done.returncode == 2
    assert done.stdout == expected and expected.startswith(b"Hanoi")
    exports = sorted((home / "exports").iterdir())
    assert len(exports) == 2  # the game was exported, as the first run's was
    assert err.read_bytes()[size - room :] == f"exported to {exports[1]}".encode()[:room]


@pytest.mark.parametrize(
    ("argv", "stdin"),
    [(["code", "--seed", "1"], b""), (["play", "--headless", "--stdio", "--seed", "1"], b"x\n")],
    ids=["code", "stdio"],
)
def test_a_closed_standard_error_sends_nothing_to_standard_output(
    argv: list[str], stdin: bytes
) -> None:
    # With standard error closed (2>&-), Python's print(file=None) wrote each message to
    # standard output: "stdin: move 1 ..." ended the stdio protocol's JSON, and code's note to
    # the teacher followed the class code, with exit status 0.
    done = _process(*argv, stdin=stdin, stderr=subprocess.DEVNULL, setup=lambda: os.close(2))
    assert done.returncode == 2
    lines = done.stdout.decode().splitlines()
    if argv[0] == "code":
        assert lines == ["HNOI-0019"]
    else:
        assert [json.loads(line)["type"] for line in lines] == ["state", "error"]


def _full_disk(size: int) -> Callable[[], None]:
    """A process whose files cannot grow past ``size`` bytes: a disk that is full."""

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return limit


@pytest.mark.parametrize("place", ["report.csv", "students", "out", "above"])
def test_a_report_that_cannot_go_where_it_is_asked_names_the_place_and_writes_nothing(
    tmp_path: Path, hanoi: Scenario, capsys: pytest.CaptureFixture[str], place: str
) -> None:
    # A play-test: with report.csv a folder the error named the report's folder, and
    # report.md and report.html were left behind, linking to students' pages never written.
    # A file where a folder goes is named as for every file the game writes ("report: cannot
    # write the report: report is a file, not a folder", after "report: ...: a file, not a
    # folder"), and so is a file above --out, which named report.md instead of the folder.
    game = adas_game(tmp_path / "game.toml", hanoi)
    out = tmp_path / "report"
    if place == "above":
        out = tmp_path / "afile" / "report"
        blocked = out.parent
        blocked.write_text("not a folder", encoding="utf-8")
        expected = f"{out}: cannot write the report: {blocked} is a file, not a folder"
    elif place == "out":
        out.write_text("not a folder", encoding="utf-8")
        expected = f"{out}: cannot write the report: {out} is a file, not a folder"
    elif place == "students":
        out.mkdir()
        blocked = out / "students"
        blocked.write_text("not a folder", encoding="utf-8")
        expected = f"{out}: cannot write the report: {blocked} is a file, not a folder"
    else:
        blocked = out / place
        blocked.mkdir(parents=True)
        reason = "a folder, not a file: the game writes only files"
        expected = f"{blocked}: cannot write the report: {reason}"
    status, lines, err = _run(capsys, "report", game, "--out", out)
    assert status == 2 and lines == []
    assert err == [expected]
    left = sorted(p.name for p in out.iterdir()) if out.is_dir() else []
    assert left == ([] if place in ("out", "above") else [place])


def test_a_report_on_a_full_disk_fails_in_one_line_and_leaves_no_part_of_a_file(
    tmp_path: Path, hanoi: Scenario
) -> None:
    game = adas_game(tmp_path / "game.toml", hanoi)
    out = tmp_path / "report"
    done = _process("report", game, "--out", out, setup=_full_disk(10_000))
    assert done.returncode == 2
    # The file that did not fit is named, never a temporary file's name.
    line = _one_line(done)
    assert line.startswith(f"{out}{os.sep}") and line.endswith(
        ": cannot write the report: File too large"
    )
    assert done.stdout == b""
    # Nothing is written, not even the folder, and no staging folder is left behind.
    assert sorted(path.name for path in tmp_path.iterdir()) == ["game.toml"]


def _unwritable_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    if not os.access(folder, os.W_OK):
        return folder
    for candidate in (Path("/sys/kernel"), Path("/proc/1")):
        if candidate.is_dir() and not os.access(candidate, os.W_OK):
            return candidate
    pytest.skip("no folder here refuses to be written to (running as root)")


def test_screenshots_into_a_read_only_folder_fail_in_one_line(tmp_path: Path) -> None:
    folder = _unwritable_folder(tmp_path)
    done = _process("shots", "--out", folder)
    assert done.returncode == 2
    assert _one_line(done).startswith(f"{folder}: cannot write screenshots: ")


# --- batches end --------------------------------------------------------------------------------


def _long_talks(folder: Path) -> Path:
    """Hanoi with 95 rounds of 6 turns before its own and no walkout before its last round:
    nothing can end a game before round 99, and a strategy gives up after 500 decisions."""
    text = (scenario_dir() / "hanoi.toml").read_text(encoding="utf-8")
    rounds = "".join(
        f'[[rounds]]\nid = "r{i}"\nlabel = "round {i}"\nturns = 6\n\n' for i in range(95)
    )
    start = text.index("[[rounds]]")
    text = text[:start] + rounds + text[start:]
    for old, new in (
        ("walkout_when = { meters", 'walkout_when = { round_at_least = "signing", meters'),
        ("red_line_walkout = { stance", 'red_line_walkout = { round_at_least = "signing", stance'),
        ('\nid = "hanoi"\n', '\nid = "long_talks"\n'),
        ('\ncode = "HNOI"\n', '\ncode = "LONG"\n'),
    ):
        assert old in text
        text = text.replace(old, new, 1)
    path = folder / "long_talks.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_scenario_no_game_can_be_played_through_is_refused_by_check_and_batch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _long_talks(tmp_path)
    expected = (
        f"{path}: rounds: expected a schedule a game can be played through in 500 decisions "
        "(twice the turns plus the rounds), got 100 rounds of 583 turns in all (1266 decisions)"
    )
    status, out, _ = _run(capsys, "check", path)
    assert status == 2 and out == [expected]
    for strategy in ("historical", "essay", "hawk", "dove", "random", "greedy"):
        status, out, err = _run(
            capsys, "batch", "--strategy", strategy, "--games", "2", "--scenario", path
        )
        assert status == 2 and out == [] and err == [expected]


def test_screenshots_on_a_full_disk_fail_in_one_line_and_leave_no_part_of_a_picture(
    tmp_path: Path,
) -> None:
    out = tmp_path / "shots"
    done = _process("shots", "--out", out, setup=_full_disk(10_000))
    assert done.returncode == 2
    assert _one_line(done) == f"{out}: cannot write screenshots: File too large"
    assert done.stdout == b""
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("argv", [[], ["play"]], ids=["bare", "play"])
def test_a_broken_scenario_for_the_window_is_refused_before_it_opens(
    tmp_path: Path, argv: list[str]
) -> None:
    """As `check` refuses it: its lines on standard error and status 2, no window (it used to
    open one that told of the problem only inside New game, and run on)."""
    broken = tmp_path / "broken.toml"
    broken.write_text('format = 1\nid = "broken"\n', encoding="utf-8")
    for scenario in (broken, tmp_path / "missing.toml"):
        done = _process(*argv, "--scenario", scenario, env={"SDL_VIDEODRIVER": "dummy"})
        said = done.stderr.decode().splitlines()
        assert done.returncode == 2 and done.stdout == b""
        assert said and all(line.startswith(f"{scenario}: ") for line in said)


def test_a_script_s_scenario_that_does_not_load_names_the_script(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The script's own `scenario` key, read from the current folder: the line names the
    script and the key, where it named only the scenario file (a scenario author's play-test
    looked for it beside the script)."""
    (workdir / "s.toml").write_text('scenario = "nothere.toml"\nmoves = ["x"]\n', "utf-8")
    status, out, err = _run(capsys, "play", "--headless", "--script", "s.toml")
    assert status == 2 and out == []
    assert err == [
        "s.toml: scenario: nothere.toml: no such scenario file (bundled: hanoi, next_summit)"
    ]
