"""Find and load scenario files: the file-reading edge in front of the pure scenario parser.

Listing the files needs no engine; it is imported when a scenario is actually read.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.engine.scenario import Scenario

SUFFIX = ".toml"
DEFAULT_SCENARIO = "hanoi"
"""The scenario played when none is named."""


def scenario_dir() -> Path:
    """The bundled scenarios: ``scenarios/`` in a checkout, package data in a wheel."""
    bundled = Path(str(resources.files("game"))) / "_data" / "scenarios"
    if bundled.is_dir():
        return bundled
    return Path(__file__).resolve().parents[2] / "scenarios"


def scenario_paths() -> list[Path]:
    """Every bundled scenario file, sorted by name."""
    return sorted(scenario_dir().glob(f"*{SUFFIX}"))


def scenario_names() -> list[str]:
    """Names of the bundled scenarios (file names without ``.toml``)."""
    return [path.stem for path in scenario_paths()]


def resolve(name_or_path: str | Path) -> Path:
    """A bundled scenario's path from its name (``"hanoi"``), or the given path itself."""
    text = str(name_or_path)
    if text.endswith(SUFFIX) or "/" in text or "\\" in text:
        return Path(text)
    return scenario_dir() / f"{text}{SUFFIX}"


def read_scenario(path: Path) -> Scenario:
    """Read and validate one scenario file; raise :class:`ScenarioError` with every problem."""
    from game.engine.parse import ScenarioError, parse_scenario

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        known = ", ".join(scenario_names())
        raise ScenarioError([f"{path}: no such scenario file (bundled: {known})"]) from None
    except OSError as error:
        raise ScenarioError([f"{path}: cannot read: {error.strerror or error}"]) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ScenarioError([f"{path}: not UTF-8 text (byte {error.start})"]) from None
    return parse_scenario(text, str(path))


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
    except OSError:
        return read_scenario(path)
    # Messages name the file as it was given; the cache knows it by its absolute path too.
    return _cached(path, path.resolve(), (info.st_mtime_ns, info.st_size))


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
