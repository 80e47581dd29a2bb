"""What a teacher hands the class tools: codes files as forms and spreadsheets export them,
names written without their accents, codes copied by hand, and files that are not transcripts."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from game.classroom.classcode import encode
from game.cli import main
from game.engine import Scenario
from game.engine.strategies import play
from game.store.mode import Mode
from game.store.scenarios import resolve
from game.store.transcripts import write_transcript
from game.store.who import Who

CODE = encode("HNOI", 2019, Mode.GRADED)


def _verify(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, list[str]]:
    status = main(["verify", *map(str, argv)])
    return status, capsys.readouterr().out.splitlines()


def test_files_that_are_not_transcripts_say_what_they_are(
    tmp_path: Path, hanoi: Scenario, capsys: pytest.CaptureFixture[str]
) -> None:
    # A play-test: a scenario was told "seed: expected a value", a zip of the submissions and
    # a Notepad "Unicode" file only "not UTF-8 text (byte ...)".
    game = tmp_path / "ada.toml"
    write_transcript(game, play(hanoi, "essay", 1), Who("Ada"))
    scenario = tmp_path / "hanoi-scn.toml"
    shutil.copy(resolve("hanoi"), scenario)
    archive = tmp_path / "submissions.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.write(game, "ada.toml")
    wide = tmp_path / "wide.toml"
    wide.write_bytes(game.read_text(encoding="utf-8").encode("utf-16"))
    status, lines = _verify(capsys, scenario, archive, wide)
    assert status == 1
    assert lines == [
        f"{scenario}: a scenario file, not a transcript (a scenario of your own is given "
        "with --scenario)",
        f"{archive}: a zip archive: unpack it first",
        f"{wide}: UTF-16 text: save it as UTF-8",
    ]
