"""What every section of a scenario is read with: ids, references, effects, conditions and lines
of moves, each reporting its problems through the reader."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final, TypeVar

import attrs

from game.engine.parse_reader import (
    _GRUDGE_KEY,
    _ID_PATTERN,
    _STANCE_KEY,
    ANSWERS,
    _choices,
    _describe,
    _Problems,
    _Table,
)
from game.engine.scenario import (
    NO_EFFECT,
    Bound,
    Condition,
    Effect,
    Meter,
    Sayings,
)

T = TypeVar("T")

_SAYINGS: Final = tuple(field.name for field in attrs.fields(Sayings))
"""The keys a ``say`` table may hold: what the counterpart says, one line per reaction."""


class _BuilderBase:
    """Reads one scenario document; holds the ids each section declares for cross-checks."""

    def __init__(self, data: Mapping[str, Any], source: str) -> None:
        self.problems = _Problems(source)
        self.root = _Table(self.problems, data, "")
        self.meters: tuple[Meter, ...] = ()
        self.meter_ids: dict[str, int] = {}
        self.stance_ids: dict[str, int] = {}
        self.round_ids: dict[str, int] = {}
        self.offer_ids: dict[str, int] = {}
        self.accord_ids: dict[str, int] = {}
        """Offers that can create an accord (kind offer or statement): what accords may name."""
        self.offer_variants: dict[str, tuple[str, ...]] = {}
        self.proposal_ids: dict[str, int] = {}
        self.interest_ids: dict[str, int] = {}

    # --- small pieces -------------------------------------------------------------------

    def each(
        self,
        key: str,
        build: Callable[[_Table, str], T],
        ids: dict[str, int] | None = None,
        *,
        at_least: str = "",
    ) -> tuple[T, ...]:
        """One item per table of the array ``key``: its id (checked and recorded in ``ids``),
        then ``build(table, id)``; every key of the table must be read. With ``at_least`` (what
        one item is called) the array is required and may not be empty."""
        seen: dict[str, int] = {} if ids is None else ids
        tables = self.root.tables(key, required=bool(at_least))
        result = []
        for index, table in enumerate(tables):
            result.append(build(table, self.identifier(table, seen, index)))
            table.done()
        if at_least and key in self.root.data and not tables:
            self.root.report(key, f"expected at least one {at_least}, got none")
        return tuple(result)

    def identifier(self, table: _Table, seen: dict[str, int], index: int) -> str:
        ident = table.text("id")
        if ident and not _ID_PATTERN.match(ident):
            table.report(
                "id",
                "expected lower-case letters, digits and underscores, starting with a letter, "
                f'got "{ident}"',
            )
        elif ident in seen:
            table.report("id", f'expected a unique id, got "{ident}" a second time')
        elif ident:
            seen[ident] = index
        return ident

    def reference(self, table: _Table, key: str, value: str, known: Mapping[str, int]) -> int:
        if value in known:
            return known[value]
        table.report(key, f'expected {_choices(known)}, got "{value}"{_hint(value, known)}')
        return -1

    def references(self, table: _Table, key: str, known: Mapping[str, int]) -> tuple[str, ...]:
        values = table.strings(key)
        for value in values:
            self.reference(table, key, value, known)
        return tuple(value for value in values if value in known)

    def effect(self, parent: _Table, key: str) -> Effect:
        table = parent.table(key)
        if table is None:
            return NO_EFFECT
        deltas = []
        stance_step = 0
        grudge = False
        for name in table.data:
            if name == _STANCE_KEY:
                stance_step = table.integer(name, low=-10, high=10)
                continue
            if name == _GRUDGE_KEY:
                grudge = table.boolean(name, False)
                continue
            table.read.add(name)
            value = table.data[name]
            if name not in self.meter_ids:
                table.report(
                    name,
                    f'expected a meter id ({", ".join(self.meter_ids)}), "stance" or '
                    f'"grudge", got "{name}"{_hint(name, self.meter_ids)}',
                )
                continue
            if isinstance(value, bool) or not isinstance(value, int):
                table.report(name, f"expected an integer change, got {_describe(value)}")
                continue
            meter = self.meters[self.meter_ids[name]]
            span = meter.maximum - meter.minimum
            if abs(value) > span:
                table.report(name, f"expected a change of at most {span} either way, got {value}")
                continue
            deltas.append((self.meter_ids[name], value))
        return Effect(tuple(deltas), stance_step, grudge)

    def condition(self, parent: _Table, key: str, allow_reason: bool = True) -> Condition:
        table = parent.table(key)
        if table is None:
            return Condition()
        return self.condition_from(table, allow_reason)

    def condition_from(self, table: _Table, allow_reason: bool = True) -> Condition:
        bounds = []
        meters = table.table("meters")
        if meters is not None:
            for name in meters.data:
                meters.read.add(name)
                spec = meters.table(name)
                if name not in self.meter_ids:
                    meters.report(name, f'expected {_choices(self.meter_ids)}, got "{name}"')
                    continue
                if spec is None:
                    continue
                low = spec.optional_integer("min")
                high = spec.optional_integer("max")
                spec.done()
                if low is None and high is None:
                    meters.report(name, "expected min, max or both, got neither")
                    continue
                self.within_meter(spec, self.meter_ids[name], low, high)
                if low is not None and high is not None and low > high:
                    spec.report("max", f"expected at least min ({low}), got {high}")
                bounds.append(Bound(self.meter_ids[name], low, high))
        # Each field comes from the key of its own name; problems are reported in this order.
        condition = Condition(
            meters=tuple(bounds),
            accords=self.references(table, "accords", self.accord_ids),
            no_accords=self.references(table, "no_accords", self.accord_ids),
            stance_at_least=self.optional_ref(table, "stance_at_least", self.stance_ids),
            stance_at_most=self.optional_ref(table, "stance_at_most", self.stance_ids),
            round_at_least=self.optional_ref(table, "round_at_least", self.round_ids),
            round_at_most=self.optional_ref(table, "round_at_most", self.round_ids),
            any=tuple(
                self.condition_from(item, allow_reason=False) for item in table.tables("any")
            ),
            reason=table.text("reason", "") if allow_reason else "",
        )
        self.within_order(table, "round", condition.round_at_least, condition.round_at_most)
        self.within_order(table, "stance", condition.stance_at_least, condition.stance_at_most)
        table.done()
        return condition

    def within_order(self, table: _Table, kind: str, low: int | None, high: int | None) -> None:
        """Report a ``round_at_most`` before its ``round_at_least`` (or the same of stances): a
        condition that can never hold."""
        if low is not None and high is not None and low > high:
            table.report(
                f"{kind}_at_most",
                f'expected {kind}_at_least ("{table.data[f"{kind}_at_least"]}") or a {kind} '
                f'after it, got "{table.data[f"{kind}_at_most"]}"',
            )

    def within_meter(self, table: _Table, meter: int, low: int | None, high: int | None) -> None:
        """Report a bound ``min`` or ``max`` outside the range of the meter it bounds."""
        spec = self.meters[meter]
        for which, value in (("min", low), ("max", high)):
            if value is not None and not spec.minimum <= value <= spec.maximum:
                table.report(
                    which,
                    f"expected a value within the meter's range "
                    f"{spec.minimum}..{spec.maximum}, got {value}",
                )

    def optional_ref(self, table: _Table, key: str, known: Mapping[str, int]) -> int | None:
        if key not in table.data:
            table.read.add(key)
            return None
        value = table.text(key)
        index = self.reference(table, key, value, known) if value else -1
        return index if index >= 0 else None

    def sayings(self, parent: _Table, key: str = "say") -> Sayings:
        table = parent.table(key)
        if table is None:
            return Sayings()
        values = {name: table.text(name, "") for name in _SAYINGS}
        table.done()
        return Sayings(**values)

    # --- sections -----------------------------------------------------------------------

    def serves(self, table: _Table) -> tuple[tuple[int, int], ...]:
        served = table.table("serves")
        if served is None:
            return ()
        result = []
        for name in served.data:
            points = served.integer(name, low=-10, high=10)
            index = self.reference(served, name, name, self.interest_ids)
            if index >= 0:
                result.append((index, points))
        return tuple(result)

    def check_moves(self, table: _Table, moves: Iterable[str]) -> None:
        """Report moves that name no offer (or no variant of it); answers pass."""
        for move in moves:
            offer, _, variant = move.partition(":")
            if offer in ANSWERS and not variant:
                continue
            if offer not in self.offer_ids:
                hint = self.move_hint(offer, variant, [*self.offer_ids, *ANSWERS])
                table.report(
                    "moves", f'expected offer ids or accept, reject or amend, got "{move}"{hint}'
                )
            else:
                self.check_variant(table, "moves", offer, variant)

    def move_hint(self, offer: str, variant: str, known: Iterable[str]) -> str:
        """`` (did you mean "x:v"?)`` for a move whose offer is misspelt: the closest of
        ``known``, with the variant when that offer has it."""
        close = _closest(offer, known)
        if close is None:
            return ""
        if variant and variant in self.offer_variants.get(close, ()):
            close = f"{close}:{variant}"
        return f' (did you mean "{close}"?)'

    def check_variant(self, table: _Table, key: str, offer: str, variant: str) -> bool:
        """Report ``variant`` unless it is one of ``offer``'s (or none); True when it is."""
        variants = self.offer_variants.get(offer, ())
        if not variant or variant in variants:
            return True
        table.report(
            key,
            f'expected a variant of "{offer}": {_choices(variants)}, got "{variant}"'
            f"{_hint(variant, variants)}",
        )
        return False

    def moves_of(self, table: _Table, key: str) -> tuple[str, ...]:
        """An array of ``offer`` or ``offer:variant`` references."""
        result = []
        for text in table.strings(key):
            offer, _, variant = text.partition(":")
            if offer not in self.offer_ids:
                self.reference(table, key, offer, self.offer_ids)
            elif self.check_variant(table, key, offer, variant):
                result.append(text)
        return tuple(result)


def _closest(value: str, known: Iterable[str]) -> str | None:
    """The known id closest to ``value``, if one is close — never one that is not a valid id
    itself (a declaration the file spells wrongly is reported on its own)."""
    close = difflib.get_close_matches(value, [k for k in known if _ID_PATTERN.match(k)], n=1)
    return close[0] if close else None


def _hint(value: str, known: Iterable[str]) -> str:
    """`` (did you mean "x"?)`` for the known id closest to ``value`` (see :func:`_closest`)."""
    close = _closest(value, known)
    return f' (did you mean "{close}"?)' if close is not None else ""
