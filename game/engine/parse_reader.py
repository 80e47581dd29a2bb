"""Reading a parsed TOML document: typed getters that report each problem with its key path
and id, and track unknown keys."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from typing import Any, Final, TypedDict

from game.engine.scenario import (
    Direction,
    MeterGroup,
    MeterRole,
)

FORMAT: Final = 1
"""The scenario format version this engine reads."""

ANSWERS: Final = ("accept", "reject", "amend")
"""Reserved move ids that answer a pending proposal of theirs."""

_ID_PATTERN: Final = re.compile(r"[a-z][a-z0-9_]*\Z")
_STANCE_KEY: Final = "stance"
_GRUDGE_KEY: Final = "grudge"
_GROUPS: Final = tuple(g.value for g in MeterGroup)
_DIRECTIONS: Final = tuple(d.value for d in Direction)
_ROLES: Final = tuple(r.value for r in MeterRole)


def _describe(value: object) -> str:
    names = {
        bool: "a boolean",
        int: "an integer",
        float: "a float",
        str: "a string",
        list: "an array",
        dict: "a table",
    }
    kind = names.get(type(value), type(value).__name__)
    if isinstance(value, dict):
        return kind
    shown = repr(value) if not isinstance(value, str) else f'"{value}"'
    if len(shown) > 40:
        shown = shown[:37] + "..."
    return f"{kind} {shown}"


class _Problems:
    """Collects problems, each naming the file, the key path and the id of the enclosing item."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.lines: list[str] = []

    def add(self, path: str, ident: str | None, message: str) -> None:
        where = f'{path} (id "{ident}")' if ident else path
        self.lines.append(f"{self.source}: {where}: {message}")


_MISSING: Final[Any] = object()
_CONTROL: Final = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
"""A control character other than a line break (C0, DEL and C1)."""
_LINE_BREAK: Final = "\n"
"""Allowed only in the paragraphs of prose (:meth:`_Table.paragraphs`): everywhere else text is
shown within one line — of the log, a menu, a sentence — which a line break would split."""


class _Named(TypedDict):
    """The keys that open most things a scenario lists: its id, its label and what it is."""

    id: str
    label: str
    description: str


class _Table:
    """A TOML table being read: typed getters that report problems and track unknown keys."""

    def __init__(
        self, problems: _Problems, data: Mapping[str, Any], path: str, ident: str | None = None
    ) -> None:
        self.problems = problems
        self.data = data
        self.path = path
        self.ident = ident
        self.read: set[str] = set()

    def key_path(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def report(self, key: str, message: str) -> None:
        self.problems.add(self.key_path(key), self.ident, message)

    def _get(self, key: str, required: bool) -> Any:
        self.read.add(key)
        if key in self.data:
            return self.data[key]
        if required:
            self.report(key, "expected a value, got nothing (the key is missing)")
        return _MISSING

    def named(self, ident: str) -> _Named:
        """The id, the label and the description (``""`` when not given) of the thing this
        table holds, to unpack into its constructor."""
        return {
            "id": ident,
            "label": self.text("label"),
            "description": self.text("description", ""),
        }

    def text(self, key: str, default: str | None = None) -> str:
        """One line of text. Required (no ``default``), or replacing a default word, it may
        not be blank; optional with ``""`` for none, it is either nothing or some text."""
        value = self._get(key, default is None)
        if value is _MISSING:
            return default or ""
        if isinstance(value, str):
            if not value.strip() and (value or default is None or default):
                self.report(key, f"expected text that is not blank, got {_describe(value)}")
            return self._plain(key, value)
        self.report(key, f"expected a string, got {_describe(value)}")
        return default or ""

    def _plain(self, key: str, value: str, *, lines: bool = False) -> str:
        """``value``, when it holds no control character (a line break aside, with ``lines``):
        scenario text is shown to players, printed on terminals and written into transcripts,
        where an escape sequence or a bell has no place (and a transcript could not keep it)."""
        if not lines and _LINE_BREAK in value:
            where = value.index(_LINE_BREAK) + 1
            self.report(key, f"expected one line of text, got a line break (\\n) at {where}")
            value = " ".join(value.split(_LINE_BREAK))
        found = _CONTROL.search(value)
        if found is not None:
            where = found.start() + 1
            shown = repr(found.group())[1:-1]
            self.report(key, f"expected text without control characters, got {shown} at {where}")
            return _CONTROL.sub("", value)
        return value

    def paragraphs(self, key: str) -> tuple[str, ...]:
        """A string or an array of strings."""
        value = self._get(key, True)
        if value is _MISSING:
            return ()
        items = [value] if isinstance(value, str) else value
        if isinstance(items, list) and all(isinstance(item, str) for item in items):
            for item in items:
                if not item.strip():
                    self.report(
                        key, f"expected paragraphs that are not blank, got {_describe(item)}"
                    )
            return tuple(self._plain(key, item, lines=True) for item in items)
        self.report(key, f"expected a string or an array of strings, got {_describe(value)}")
        return ()

    def integer(
        self,
        key: str,
        default: int | None = None,
        low: int | None = None,
        high: int | None = None,
    ) -> int:
        value = self._get(key, default is None)
        if value is _MISSING:
            return default or 0
        if isinstance(value, bool) or not isinstance(value, int):
            self.report(key, f"expected an integer, got {_describe(value)}")
            return default or 0
        if (low is not None and value < low) or (high is not None and value > high):
            self.report(key, f"expected {_range_text(low, high)}, got {value}")
            return min(max(value, low if low is not None else value), high or value)
        return value

    def optional_integer(
        self, key: str, low: int | None = None, high: int | None = None
    ) -> int | None:
        if key not in self.data:
            self.read.add(key)
            return None
        return self.integer(key, low=low, high=high)

    def boolean(self, key: str, default: bool) -> bool:
        value = self._get(key, False)
        if value is _MISSING:
            return default
        if isinstance(value, bool):
            return value
        self.report(key, f"expected true or false, got {_describe(value)}")
        return default

    def strings(self, key: str) -> tuple[str, ...]:
        value = self._get(key, False)
        if value is _MISSING:
            return ()
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return tuple(self._plain(key, item) for item in value)
        self.report(key, f"expected an array of strings, got {_describe(value)}")
        return ()

    def table(self, key: str, required: bool = False) -> _Table | None:
        value = self._get(key, required)
        if value is _MISSING:
            return None
        if isinstance(value, dict):
            return _Table(self.problems, value, self.key_path(key), self.ident)
        self.report(key, f"expected a table, got {_describe(value)}")
        return None

    def tables(self, key: str, required: bool = False) -> list[_Table]:
        """An array of tables, each read with the ``id`` it declares."""
        value = self._get(key, required)
        if value is _MISSING:
            return []
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            self.report(key, f"expected an array of tables, got {_describe(value)}")
            return []
        result = []
        for index, item in enumerate(value):
            ident = item.get("id") if isinstance(item.get("id"), str) else None
            result.append(
                _Table(self.problems, item, f"{self.key_path(key)}[{index}]", ident or self.ident)
            )
        return result

    def raw(self, key: str) -> Any:
        value = self._get(key, False)
        return None if value is _MISSING else value

    def done(self) -> None:
        """Report every key that was never read: a typo or something the format lacks."""
        for key in self.data:
            if key in self.read:
                continue
            close = difflib.get_close_matches(key, sorted(self.read), n=1)
            hint = f' (did you mean "{close[0]}"?)' if close else ""
            known = ", ".join(sorted(self.read))
            self.report(key, f"expected one of the known keys {known}, got unknown key{hint}")


def _range_text(low: int | None, high: int | None) -> str:
    if low is not None and high is not None:
        return f"an integer from {low} to {high}"
    if low is not None:
        return f"an integer of at least {low}"
    return f"an integer of at most {high}"


def _choices(values: Iterable[str]) -> str:
    values = list(values)
    if not values:
        return "(none are defined)"
    return "one of " + ", ".join(values)
