"""Find and load scenario files: the file-reading edge in front of the pure scenario parser.

Listing the files needs no engine; it is imported when a scenario is actually read.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

from game.store.files import package_files
from game.store.reading import TOML_SUFFIX

if TYPE_CHECKING:
    from game.engine.scenario import Scenario

DEFAULT_SCENARIO = "hanoi"
"""The scenario played when none is named."""


def scenario_dir() -> Path:
    """The bundled scenarios: ``scenarios/`` in a checkout, package data in a wheel."""
    bundled = Path(str(package_files())) / "_data" / "scenarios"
    if bundled.is_dir():
        return bundled
    return Path(__file__).resolve().parents[2] / "scenarios"


def scenario_paths() -> list[Path]:
    """Every bundled scenario file, sorted by name."""
    return sorted(scenario_dir().glob(f"*{TOML_SUFFIX}"))


def scenario_names() -> list[str]:
    """Names of the bundled scenarios (file names without ``.toml``)."""
    return [path.stem for path in scenario_paths()]


def resolve(name_or_path: str | Path) -> Path:
    """A bundled scenario's path from its name (``"hanoi"``), or the given path itself."""
    text = str(name_or_path)
    if text.endswith(TOML_SUFFIX) or "/" in text or "\\" in text:
        return Path(text)
    return scenario_dir() / f"{text}{TOML_SUFFIX}"


def read_scenario(path: Path) -> Scenario:
    """Read and validate one scenario file; raise :class:`ScenarioError` with every problem.

    Read as every file is (:mod:`game.store.reading`), then checked by the engine's parser, and
    refused if its schedule is longer than a game can be played through (see
    :func:`schedule_problem`).
    """
    # hashlib (OpenSSL's, a few milliseconds to import) here: the window lists scenarios
    # before its first frame, and reads none until a game starts.
    import hashlib

    from game.engine.parse import ScenarioError, scenario_from_dict
    from game.store.reading import SCENARIO_LIMIT, UnreadableFileError, read_toml

    known = ", ".join(scenario_names())
    try:
        text, data = read_toml(
            path,
            what="a scenario",
            limit=SCENARIO_LIMIT,
            missing=f"no such scenario file (bundled: {known})",
        )
    except UnreadableFileError as error:
        if error.missing and path.parent == scenario_dir():
            # A name, not a file they gave: say it as they typed it, not as a path into the
            # game's own folder.
            missing = f"no such scenario (bundled: {known}; or give a scenario's .toml file)"
            raise ScenarioError([f"{path.stem}: {missing}"]) from None
        raise ScenarioError([str(error)]) from None
    sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    scenario = scenario_from_dict(data, str(path), sha256)
    too_long = schedule_problem(scenario, str(path))
    if too_long:
        raise ScenarioError([too_long])
    return scenario


def schedule_problem(scenario: Scenario, source: str) -> str:
    """Why the scenario's schedule is too long for a game to be played through (``""`` if it
    is not).

    Every offer takes a turn of a round; a proposal of theirs, tabled at the start of a round or
    put forward instead of accepting an offer, adds one answer that takes none. So a game holds
    at most twice the turns plus the rounds in decisions, and the built-in strategies (batches,
    the class report's reference lines, the window's adviser) give up on a game after
    :data:`game.engine.strategies.MAX_DECISIONS`.
    """
    from game.engine.strategies import MAX_DECISIONS

    turns = sum(held.turns for held in scenario.rounds)
    decisions = 2 * turns + len(scenario.rounds)
    if decisions <= MAX_DECISIONS:
        return ""
    return (
        f"{source}: rounds: expected a schedule a game can be played through in "
        f"{MAX_DECISIONS} decisions (twice the turns plus the rounds), got "
        f"{len(scenario.rounds)} rounds of {turns} turns in all ({decisions} decisions)"
    )


@functools.lru_cache(maxsize=16)
def _cached(path: Path, absolute: Path, stamp: tuple[int, int]) -> Scenario:
    del absolute, stamp  # parts of the cache key only: a changed file is read again
    return read_scenario(path)


def load_scenario(name_or_path: str | Path = DEFAULT_SCENARIO) -> Scenario:
    """Load a scenario by name or path, caching it until the file changes.

    >>> load_scenario("hanoi").id
    'hanoi'
    """
    path = resolve(name_or_path)
    try:
        info = path.stat()
    except (OSError, ValueError):  # missing, unreadable, or a name with a NUL in it
        return read_scenario(path)
    # Messages name the file as it was given; the cache knows it by its absolute path too.
    return _cached(path, path.resolve(), (info.st_mtime_ns, info.st_size))


def scenario_citation(name_or_path: str | Path = DEFAULT_SCENARIO) -> str:
    """The essay a scenario is built on, cited in full from its ``[source]`` table: author,
    \u201ctitle\u201d, publication, year (``""`` when the file cannot be read or its source is not
    whole). Read without the engine, for the title screen, which is drawn before the engine
    is loaded; the engine checks the same table, and the rest of the file, when the scenario is
    played. The ``[source]`` table is read alone when it cites the essay whole.
    """
    from game.store.reading import SCENARIO_LIMIT, UnreadableFileError, parse_toml, read_text

    path = resolve(name_or_path)
    try:
        text = read_text(path, what="a scenario", limit=SCENARIO_LIMIT)
    except (UnreadableFileError, OSError, ValueError):
        return ""
    # The [source] table alone first: reading the whole file took a tenth of the time to the
    # window's first frame (a benchmark). The whole file only when that does not cite it.
    found = _SOURCE_TABLE.search(text)
    for part in (found.group(0) if found else None, text):
        if part is None:
            continue
        try:
            cited = _citation(parse_toml(part, str(path)).get("source"))
        except UnreadableFileError:
            continue
        if cited:
            return cited
    return ""


_SOURCE_TABLE: Final = re.compile(r"^\[source\][ \t]*(?:#[^\n]*)?\n(?:(?!\[)[^\n]*\n)*", re.M)
"""A scenario's ``[source]`` table: its header and the lines up to the next table's."""


def _citation(source: object) -> str:
    """A ``[source]`` table as a citation: author, \u201ctitle\u201d, publication, year
    (``""`` unless all four are there)."""
    if not isinstance(source, dict):
        return ""
    author, title, publication = (source.get(k) for k in ("author", "title", "publication"))
    year = source.get("year")
    texts = (author, title, publication)
    if not all(isinstance(text, str) and text for text in texts) or type(year) is not int:
        return ""
    return f"{author}, \u201c{title}\u201d, {publication}, {year}"


def find_scenario(
    scenario_id: str, digest: str = "", given: Sequence[Scenario] = (), *, also: str = ""
) -> Scenario | None:
    """The scenario a transcript names by ``scenario_id`` (and ``digest``): among the scenarios
    ``given`` explicitly (a teacher's ``--scenario FILE``), the file ``also`` a save says its
    game was started from, and the installed ones, one with that id, preferring the one whose
    digest matches; None when none has the id. When scenarios have the id but none the digest,
    and another scenario has it, that one: the file names another scenario than the one it was
    made for (an id edited), which the replay then says rather than "changed since".

    The id is only ever compared with the ids inside scenario files: a transcript never names a
    file the game opens (a save may: it is read like any file, so a pipe or a device there is
    refused). Files that do not load are skipped.
    """
    from game.engine.parse import ScenarioError

    known: list[Scenario] = list(given)
    if also:
        with contextlib.suppress(ScenarioError):
            known.append(load_scenario(Path(also)))
    for path in scenario_paths():
        with contextlib.suppress(ScenarioError):
            known.append(load_scenario(path))
    found = [scenario for scenario in known if scenario.id == scenario_id]
    matching = [scenario for scenario in found if scenario.sha256 == digest]
    if found and not matching and digest:
        matching = [scenario for scenario in known if scenario.sha256 == digest]
    best = matching or found
    return best[0] if best else None


def scenario_for_code(prefix: str) -> Path | None:
    """The bundled scenario whose class-code prefix is ``prefix`` (broken files are skipped)."""
    from game.engine.parse import ScenarioError

    for path in scenario_paths():
        try:
            if load_scenario(path).code == prefix.upper():
                return path
        except ScenarioError:
            continue
    return None


def has_class_code(scenario: Scenario) -> bool:
    """True when a class code opens ``scenario`` itself: its prefix is an installed scenario's,
    and that file is this scenario (a code names an installed scenario, never a file given
    by its path, which ``python -m game code`` refuses)."""
    from game.engine.parse import ScenarioError

    path = scenario_for_code(scenario.code)
    try:
        return path is not None and load_scenario(path).sha256 == scenario.sha256
    except ScenarioError:
        return False


def follow_up(scenario_id: str) -> Scenario | None:
    """The first installed scenario that continues ``scenario_id``'s summit (broken files are
    skipped), or None when none does."""
    from game.engine.parse import ScenarioError

    for path in scenario_paths():
        try:
            scenario = load_scenario(path)
        except ScenarioError:
            continue
        if scenario.carry is not None and scenario_id in scenario.carry.sources:
            return scenario
    return None
