"""The one reader every file goes through: its limits, exactly where they are."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Final

import pytest

from game.engine.describe import printable
from game.engine.transcript import clean_name
from game.store.reading import (
    INT_MAX,
    INT_MIN,
    MAX_DEPTH,
    UnreadableFileError,
    decode,
    parse_toml,
    read_bytes,
    read_text,
)

if os.name != "posix":  # FIFOs, /dev/full, resource limits and SIGALRM are POSIX's
    pytest.skip("these attacks need a POSIX system", allow_module_level=True)


def test_a_file_of_exactly_the_limit_reads_and_one_byte_more_does_not(tmp_path: Path) -> None:
    path = tmp_path / "f.toml"
    path.write_bytes(b"x" * 100)
    assert read_bytes(path, what="a test", limit=100) == b"x" * 100
    with pytest.raises(UnreadableFileError, match=r"f\.toml: too large for a test \(more than"):
        read_bytes(path, what="a test", limit=99)


@pytest.mark.parametrize("kind", ["folder", "fifo", "device", "missing"])
def test_only_regular_files_are_read(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "f.toml"
    expected = {
        "folder": "a folder, not a file",
        "fifo": "a pipe (FIFO), not a file",
        "device": "a device, not a file",
        "missing": "no such file",
    }[kind]
    if kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        path.symlink_to("/dev/zero")
    with pytest.raises(UnreadableFileError) as caught:
        read_text(path, what="a test", limit=1000)
    assert str(caught.value).startswith(f"{path}: {expected}")
    assert caught.value.missing == (kind == "missing")


def test_text_is_utf8_with_the_line_and_column_of_a_bad_byte_and_no_byte_order_mark() -> None:
    assert decode("\ufeffa = 'é'\n".encode(), "x") == "a = 'é'\n"
    with pytest.raises(UnreadableFileError, match=r"^x:3:6: not UTF-8 text \(byte 0xe9\)$"):
        decode(b"a = 1\nb = 2\nc = '\xe9'\n", "x")


def _nested(depth: int) -> str:
    return "a = " + "[" * depth + "]" * depth + "\n"


def test_nesting_is_read_to_its_limit_and_refused_past_it() -> None:
    # The document is the first level: an array directly in it is the second.
    parse_toml(_nested(MAX_DEPTH - 1), "x")
    with pytest.raises(UnreadableFileError, match="nested deeper than 32 levels"):
        parse_toml(_nested(MAX_DEPTH), "x")
    with pytest.raises(UnreadableFileError, match=r"^x:1:\d+: nested deeper than 32 levels$"):
        parse_toml(_nested(3000), "x")
    dotted = ".".join(f"k{i}" for i in range(40))
    with pytest.raises(UnreadableFileError, match="nested deeper"):
        parse_toml(f"{dotted} = 1\n", "x")


def test_integers_are_read_within_64_bits() -> None:
    assert parse_toml(f"a = {INT_MAX}\nb = {INT_MIN}\n", "x") == {"a": INT_MAX, "b": INT_MIN}
    for text in (f"a = {INT_MAX + 1}", f"a = {INT_MIN - 1}", "a = 0x" + "f" * 5000):
        with pytest.raises(UnreadableFileError, match="expected an integer of at most 64 bits"):
            parse_toml(text, "x")
    with pytest.raises(UnreadableFileError, match=r"^x:2:9: an integer of thousands of digits$"):
        parse_toml("a = 1\nb = [1, " + "9" * 5000 + "]", "x")


def test_what_is_shown_and_what_is_stored_agree() -> None:
    """Whatever :func:`printable` would escape, a cleaned name no longer holds."""
    hostile = "".join(chr(c) for c in range(0xA0)) + "\u202e\u2066\u2028\udcff"
    cleaned = clean_name("Ada" + hostile + "Lovelace")
    assert printable(cleaned) == cleaned
    assert printable("\x1b\x9b\udcff\u202e\n") == "\\x1b\\x9b\\xff\\u202e\\n"


WHOLE: Final = "A, \u201cT\u201d, P, 2019"


@pytest.mark.parametrize(
    ("source", "cited"),
    [
        # Not whole: no citation.
        ("", ""),
        ('[source]\nauthor = "A"\ntitle = "T"\npublication = "P"\n', ""),
        ('[source]\nauthor = "A"\ntitle = "T"\npublication = "P"\nyear = "2019"\n', ""),
        ('[source]\nauthor = ""\ntitle = "T"\npublication = "P"\nyear = 2019\n', ""),
        ("source = 3\n", ""),
        ("[source\n", ""),
        # Whole.
        ('[source]\nauthor = "A"\ntitle = "T"\npublication = "P"\nyear = 2019\n', WHOLE),
        # The table first, and then the rest of a scenario: the table is read alone.
        (
            '[source]\nauthor = "A"\ntitle = "T"\npublication = "P"\nyear = 2019\n'
            "\n[rules]\nx = 1\n",
            WHOLE,
        ),
        # An inline table, with no [source] header to read alone: the whole file is read.
        (
            'id = "s"\nsource = { author = "A", title = "T", publication = "P", year = 2019 }\n',
            WHOLE,
        ),
        # The table alone cut short by a line that looks like a header: the whole file.
        (
            '[source]\nauthor = "A"\ntitle = """T\n[X]"""\npublication = "P"\nyear = 2019\n',
            "A, \u201cT\n[X]\u201d, P, 2019",
        ),
    ],
)
def test_a_citation_is_written_out_only_when_whole(tmp_path: Path, source: str, cited: str) -> None:
    from game.store.scenarios import scenario_citation

    path = tmp_path / "s.toml"
    path.write_text(source, encoding="utf-8")
    assert scenario_citation(path) == cited
    assert scenario_citation(tmp_path / "missing.toml") == ""


@pytest.mark.parametrize("kind", ["folder", "fifo", "device"])
def test_nothing_but_a_regular_file_is_written_over(tmp_path: Path, kind: str) -> None:
    # The write's rename would put a file in the place of a folder, a pipe or a device (a
    # play-test lost /dev/null that way, as root).
    from game.store.files import write_bytes_atomic

    path = tmp_path / "out.toml"
    if kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/null")  # a link: were it replaced, the device would not be
    what = {"folder": "a folder", "fifo": "a pipe (FIFO)", "device": "a device"}[kind]
    with pytest.raises(OSError, match=rf"^\[Errno \d+\] {re.escape(what)}, not a file"):
        write_bytes_atomic(path, b"x")
    assert path.is_dir() if kind == "folder" else path.is_fifo() or path.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.toml"]
