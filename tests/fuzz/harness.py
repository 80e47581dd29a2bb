"""What the fuzz tests share: the real files they start from, the ways Hypothesis mutates them,
and a run of the command line in this process under a watchdog, checked for what must always
hold: a status of 0, 1 or 2, no traceback, no hang, nothing raw a terminal would act on.
"""

from __future__ import annotations

import contextlib
import functools
import io
import re
import signal
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Final, NamedTuple

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from game.classroom.verify import UNCHECKED
from game.cli import main
from game.engine import Move, ReactionKind, apply, new_game
from game.engine.describe import UNPRINTABLE
from game.engine.strategies import play, play_from
from game.store.mode import Mode
from game.store.saves import SavedGame, save_text
from game.store.scenarios import load_scenario, scenario_dir
from game.store.transcripts import transcript_text
from game.store.who import Who

ROOT: Final = Path(__file__).resolve().parents[2]

SHORT: Final = settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
"""The fuzz suite as CI runs it: the same cases every time, a few minutes in all."""

LONG: Final = settings(
    max_examples=3000,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
"""The long run (``-m fuzz_long``): new random cases each time."""

CASE_SECONDS: Final = 20
"""The most one case may take before it counts as a hang."""

_RAW: Final = re.compile(f"(?![\\n])[{UNPRINTABLE}]")
"""What must never reach a terminal raw: everything printable() escapes but the newline."""


class HangError(Exception):
    """A case ran past :data:`CASE_SECONDS`."""


@contextlib.contextmanager
def watchdog(seconds: float = CASE_SECONDS) -> Iterator[None]:
    """Raise :class:`HangError` in this thread after ``seconds`` (a blocked read is interrupted
    too: the signal handler runs and its exception ends the read)."""

    def fire(signum: int, frame: object) -> None:
        raise HangError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class Outcome(NamedTuple):
    status: int
    out: list[str]
    err: list[str]


def run(argv: list[str], cwd: Path, stdin: bytes | None = None) -> Outcome:
    """The command line in this process, in ``cwd``, with ``stdin`` as a UTF-8 terminal would
    give it (bytes that are not UTF-8 fail to read there, as in a UTF-8 locale)."""
    out, err = io.StringIO(), io.StringIO()
    source = io.TextIOWrapper(io.BytesIO(stdin or b""), encoding="utf-8", errors="strict")
    old_stdin = sys.stdin
    with contextlib.chdir(cwd), watchdog():
        sys.stdin = source
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                status = main(argv)
        finally:
            sys.stdin = old_stdin
    result = Outcome(status, out.getvalue().splitlines(), err.getvalue().splitlines())
    check(result)
    return result


def check(result: Outcome) -> None:
    """What holds whatever the input: a known status, no traceback, nothing raw."""
    text = "\n".join(result.out + result.err)
    assert result.status in (0, 1, 2), result
    assert "Traceback" not in text, text
    assert UNCHECKED not in text, text
    raw = _RAW.search(text)
    assert raw is None, f"a raw {raw.group()!r} reached the output: {text[:500]}"


# --- what the fuzz tests start from ------------------------------------------------------------


@functools.cache
def fifo() -> str:
    """A FIFO no one writes to: a file that hangs whoever opens it to read."""
    import os

    folder = Path(tempfile.mkdtemp(prefix="hanoi-fuzz-"))
    path = folder / "fifo.toml"
    os.mkfifo(path)
    return str(path)


@functools.cache
def transcripts() -> tuple[str, ...]:
    """Real transcripts: a graded class-code game, a practice game with undos, a hot-seat game,
    a next-summit game continuing a Hanoi one."""
    from game.engine import carry_from
    from game.engine.transcript import Undo, verification_code

    hanoi = load_scenario("hanoi")
    graded = transcript_text(play(hanoi, "essay", 1234), Who("Ada Lovelace", "graded", "HNOI-16JJ"))
    practice = transcript_text(
        play(hanoi, "random", 7),
        Who("Alan Turing", "practice"),
        undos=(Undo(2, "demand_cvid", "reject"),),
    )
    state = new_game(hanoi, 1234, hotseat=True)
    state = apply(state, Move("mutual_restraint", "written"), ReactionKind.COUNTER).state
    seated = transcript_text(
        play_from(apply(state, Move("reject")).state, "essay"), Who("Pair", "practice")
    )
    first = play(hanoi, "essay", 5)
    following = load_scenario("next_summit")
    carry = carry_from(first, following, verification_code(first, player="Ada", mode="practice"))
    continued = transcript_text(
        play_from(new_game(following, 5, carry), "essay"), Who("Ada", "practice")
    )
    return graded, practice, seated, continued


@functools.cache
def scripts() -> tuple[str, ...]:
    return tuple(
        path.read_text(encoding="utf-8") for path in sorted((ROOT / "tests/scripts").glob("*.toml"))
    )


@functools.cache
def scenario_text() -> str:
    return (scenario_dir() / "hanoi.toml").read_text(encoding="utf-8")


@functools.cache
def save_texts() -> tuple[str, ...]:
    from datetime import UTC, datetime

    hanoi = load_scenario("hanoi")
    moment = datetime(2019, 2, 28, 15, 0, tzinfo=UTC)
    state = new_game(hanoi, 3)
    for move in play(hanoi, "essay", 3).turns[:4]:
        state = apply(state, move.move).state
    return (
        save_text(
            SavedGame(state, who=Who("Ada", Mode.PRACTICE)), saved_at=moment, slot="Before lunch"
        ),
        save_text(
            SavedGame(play(hanoi, "dove", 4), who=Who("Ada", Mode.PRACTICE)), saved_at=moment
        ),
    )


SETTINGS_TEXT: Final = (
    'version = 1\nfullscreen = false\ntext_size = "normal"\ncolour_blind = false\n'
    'animation_speed = "normal"\nsound = true\nhints = true\n'
)

CODES_TEXT: Final = "# name, code\nAda Lovelace, XE30-HFPM\nAlan Turing, AFV8-R9TK\n"


# --- mutations ---------------------------------------------------------------------------------

HOSTILE: Final = (
    "9" * 5000,
    str(2**64),
    "-1",
    "-9223372036854775809",
    "9223372036854775807",
    "0x" + "f" * 200,
    "[" * 3000 + "]" * 3000,
    "{a = " * 40 + "1" + " }" * 40,
    '"\\u001b[2J\\u001b]0;owned\\u0007"',
    '"\\u009b31m\\u202e"',
    '"\\u0000"',
    '"/dev/zero"',
    '"/dev/stdin"',
    '"../../scenarios/hanoi.toml"',
    "nan",
    "-inf",
    "1e400",
    "1979-05-27T07:32:00Z",
    "true",
    "[]",
    "{}",
    '""',
    '"' + "x" * 20_000 + '"',
    "'''\nmany\nlines'''",
    '"=HYPERLINK(\\"http://x\\")"',
    '"<script>alert(1)</script>"',
)
"""Values a hostile file may hold in place of any other."""

_ASSIGNMENT: Final = re.compile(r"(?m)^([A-Za-z_][\w.]*\s*=\s*)(.*)$")
_TWEAKABLE: Final = re.compile(r'(=\s*"?)(-?\d{1,18}|[a-z_]+)(?="|\s*[,}\n])')
_WORDS: Final = (
    "accept",
    "reject",
    "defer",
    "counter",
    "walkout",
    "noted",
    "ended",
    "player",
    "engine",
    "true",
    "false",
    "graded",
    "practice",
    "hanoi",
    "next_summit",
    "trust",
    "amend",
    "walk_away",
    "liaison_offices",
    "embassies",
    "dinner",
    "signing",
    "hostile",
    "cooperative",
    "x",
)


@st.composite
def mutated(draw: st.DrawFn, bases: tuple[str, ...]) -> bytes:
    """One of ``bases`` with one to three mutations: a value replaced by a hostile one, a key
    added, lines dropped, doubled or cut, bytes flipped or inserted, the file truncated."""
    text = draw(st.sampled_from(bases))
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(
            st.sampled_from(
                # Plausible edits weigh most: a file that no longer parses stops at the reader.
                ("tweak",) * 4
                + ("value",) * 2
                + ("key", "lines", "truncate", "bytes", "fifo", "tables")
            )
        )
        if kind == "tweak":  # a plausible edit: the file still reads, and must still be checked
            found = list(_TWEAKABLE.finditer(text))
            if found:
                at = draw(st.sampled_from(found))
                old = at.group(2)
                if old.lstrip("-").isdigit():
                    new = str(int(old) + draw(st.integers(-20, 20)))
                else:
                    new = draw(st.sampled_from(_WORDS))
                text = text[: at.start(2)] + new + text[at.end(2) :]
        elif kind == "value":
            found = list(_ASSIGNMENT.finditer(text))
            if found:
                at = draw(st.sampled_from(found))
                value = draw(st.sampled_from(HOSTILE))
                text = text[: at.start(2)] + value + text[at.end(2) :]
        elif kind == "key":
            key = draw(
                st.sampled_from(("seed", "scenario", "player", "mode", "turns", "undos", "x"))
            )
            text = f"{key} = {draw(st.sampled_from(HOSTILE))}\n" + text
        elif kind == "lines":
            lines = text.split("\n")
            start = draw(st.integers(0, max(0, len(lines) - 1)))
            stop = draw(st.integers(start, min(len(lines), start + 40)))
            action = draw(st.sampled_from(("drop", "double", "swap")))
            if action == "drop":
                lines[start:stop] = []
            elif action == "double":
                lines[start:stop] = lines[start:stop] * 2
            elif stop - start >= 2:
                lines[start], lines[stop - 1] = lines[stop - 1], lines[start]
            text = "\n".join(lines)
        elif kind == "truncate":
            text = text[: draw(st.integers(0, len(text)))]
        elif kind == "fifo":
            text = text.replace('scenario = "hanoi"', f'scenario = "{fifo()}"', 1)
        elif kind == "tables":
            text = text.replace(
                "[[turns]]", draw(st.sampled_from(("[turns]", "[[turns.x]]", "[[undos]]"))), 1
            )
        else:
            data = bytearray(text.encode("utf-8"))
            for _ in range(draw(st.integers(1, 8))):
                where = draw(st.integers(0, len(data)))
                byte = draw(st.integers(0, 255))
                if draw(st.booleans()) and where < len(data):
                    data[where] = byte
                else:
                    data.insert(where, byte)
            return bytes(data)
    return text.encode("utf-8")


MOVES: Final = (
    "mutual_restraint:written",
    "security_assurances:written",
    "peace_declaration",
    "liaison_offices",
    "accept",
    "reject",
    "amend",
    "walk_away",
    "1",
    "q",
)


@st.composite
def input_stream(draw: st.DrawFn) -> bytes:
    """Lines a player or a program might send: moves, numbers, junk, bytes that are not UTF-8,
    escape sequences, a very long line, blank lines and comments."""
    chunks = []
    for _ in range(draw(st.integers(0, 12))):
        chunk = draw(
            st.one_of(
                st.sampled_from(MOVES).map(str.encode),
                st.binary(max_size=40),
                st.sampled_from(
                    (
                        b"\xff\xfe\n",
                        b"\x1b[2J\x1b[31m",
                        "\u00b2".encode(),
                        b"9" * 5000,
                        b"x" * 100_000,
                        b"# a comment",
                        b"",
                        b"\x00",
                        "\u202e".encode(),
                    )
                ),
            )
        )
        chunks.append(chunk)
    return b"\n".join(chunks) + draw(st.sampled_from((b"\n", b"")))


def scratch() -> tempfile.TemporaryDirectory[str]:
    """A folder for one case."""
    return tempfile.TemporaryDirectory(prefix="hanoi-fuzz-")


Check = Callable[[Outcome], None]
