"""Turn a scenario's TOML text into a validated :class:`~game.engine.scenario.Scenario`.

Every problem is collected, not only the first, so a scenario author sees them all at once:
``FILE:LINE:COL: message`` for TOML syntax and ``FILE: key.path (id "x"): expected ..., got ...``
for content. Reading the file is the caller's job; this module only parses text.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import tomllib
from collections.abc import Iterable, Mapping
from typing import Any, Final

from game.engine.scenario import (
    NO_EFFECT,
    Band,
    Bound,
    CarrySpec,
    Condition,
    Direction,
    Drift,
    Effect,
    Ending,
    Event,
    Example,
    Interest,
    Line,
    Meter,
    MeterGroup,
    MeterRole,
    Need,
    Offer,
    OfferKind,
    Profile,
    Proposal,
    Quirk,
    Round,
    Rules,
    Sayings,
    Scenario,
    Scorecard,
    Source,
    Stance,
    Terminal,
    Test,
    Transition,
    Variant,
)

FORMAT: Final = 1
"""The scenario format version this engine reads."""

ANSWERS: Final = ("accept", "reject", "amend")
"""Reserved move ids that answer a pending proposal of theirs."""

_ID_PATTERN: Final = re.compile(r"[a-z][a-z0-9_]*\Z")
_REACTION_KEYS: Final = ("accept", "counter", "defer", "reject", "walkout", "noted", "ended")
_STANCE_KEY: Final = "stance"
_GRUDGE_KEY: Final = "grudge"
_GROUPS: Final = tuple(g.value for g in MeterGroup)
_DIRECTIONS: Final = tuple(d.value for d in Direction)
_ROLES: Final = tuple(r.value for r in MeterRole)
_UNJUDGED: Final = (OfferKind.WALK_AWAY, OfferKind.RECESS)


class ScenarioError(ValueError):
    """A scenario could not be loaded; ``problems`` holds one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def parse_scenario(text: str, source: str = "<scenario>") -> Scenario:
    """Parse and validate a scenario from TOML text; raise :class:`ScenarioError` on problems.

    ``source`` names the file in messages.
    """
    sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ScenarioError([syntax_problem(source, error, text)]) from None
    return scenario_from_dict(data, source, sha256)


def syntax_problem(source: str, error: tomllib.TOMLDecodeError, text: str = "") -> str:
    """One line for a TOML syntax error: ``FILE:LINE:COL: message``."""
    message = str(error)
    found = re.search(r"\(at line (\d+), column (\d+)\)", message)
    if found:
        return f"{source}:{found.group(1)}:{found.group(2)}: {message[: found.start()].rstrip()}"
    if "(at end of document)" in message:
        lines = text.split("\n")
        message = message.replace("(at end of document)", "").rstrip()
        return f"{source}:{len(lines)}:{len(lines[-1]) + 1}: {message} (at the end of the file)"
    return f"{source}: {message}"


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

    def text(self, key: str, default: str | None = None) -> str:
        value = self._get(key, default is None)
        if value is _MISSING:
            return default or ""
        if isinstance(value, str):
            return value
        self.report(key, f"expected a string, got {_describe(value)}")
        return default or ""

    def paragraphs(self, key: str) -> tuple[str, ...]:
        """A string or an array of strings."""
        value = self._get(key, True)
        if value is _MISSING:
            return ()
        if isinstance(value, str):
            return (value,)
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return tuple(value)
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

    def optional_integer(self, key: str) -> int | None:
        if key not in self.data:
            self.read.add(key)
            return None
        return self.integer(key)

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
            return tuple(value)
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


class _Builder:
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
        close = difflib.get_close_matches(value, list(known), n=1)
        hint = f' (did you mean "{close[0]}"?)' if close else ""
        table.report(key, f'expected {_choices(known)}, got "{value}"{hint}')
        return -1

    def references(
        self, table: _Table, key: str, known: Mapping[str, int], what: str = ""
    ) -> tuple[str, ...]:
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
                close = difflib.get_close_matches(name, list(self.meter_ids), n=1)
                hint = f' (did you mean "{close[0]}"?)' if close else ""
                table.report(
                    name,
                    f'expected a meter id ({", ".join(self.meter_ids)}), "stance" or '
                    f'"grudge", got "{name}"{hint}',
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
                meter = self.meters[self.meter_ids[name]]
                low = spec.optional_integer("min")
                high = spec.optional_integer("max")
                spec.done()
                if low is None and high is None:
                    meters.report(name, "expected min, max or both, got neither")
                    continue
                for which, value in (("min", low), ("max", high)):
                    if value is not None and not meter.minimum <= value <= meter.maximum:
                        spec.report(
                            which,
                            f"expected a value within the meter's range "
                            f"{meter.minimum}..{meter.maximum}, got {value}",
                        )
                if low is not None and high is not None and low > high:
                    spec.report("max", f"expected at least min ({low}), got {high}")
                bounds.append(Bound(self.meter_ids[name], low, high))
        accords = self.references(table, "accords", self.accord_ids)
        no_accords = self.references(table, "no_accords", self.accord_ids)
        stance_low = self.optional_ref(table, "stance_at_least", self.stance_ids)
        stance_high = self.optional_ref(table, "stance_at_most", self.stance_ids)
        round_low = self.optional_ref(table, "round_at_least", self.round_ids)
        round_high = self.optional_ref(table, "round_at_most", self.round_ids)
        alternatives = tuple(
            self.condition_from(item, allow_reason=False) for item in table.tables("any")
        )
        reason = table.text("reason", "") if allow_reason else ""
        table.done()
        return Condition(
            meters=tuple(bounds),
            accords=accords,
            no_accords=no_accords,
            stance_at_least=stance_low,
            stance_at_most=stance_high,
            round_at_least=round_low,
            round_at_most=round_high,
            any=alternatives,
            reason=reason,
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
        values = {name: table.text(name, "") for name in _REACTION_KEYS}
        table.done()
        return Sayings(**values)

    # --- sections -----------------------------------------------------------------------

    def build_meters(self) -> None:
        meters: list[Meter] = []
        tables = self.root.tables("meters", required=True)
        for index, table in enumerate(tables):
            ident = self.identifier(table, self.meter_ids, index)
            if ident in (_STANCE_KEY, _GRUDGE_KEY):
                table.report("id", f'expected an id other than the reserved "{ident}"')
            low = table.integer("min", 0)
            high = table.integer("max", 100)
            if high <= low:
                table.report("max", f"expected more than min ({low}), got {high}")
                high = low + 1
            start = table.integer("start", low=low, high=high)
            good_text = table.text("good", "high")
            good = Direction.HIGH
            if good_text in _DIRECTIONS:
                good = Direction(good_text)
            else:
                table.report("good", f'expected "high" or "low", got "{good_text}"')
            role: MeterRole | None = None
            role_text = table.text("role", "")
            if role_text:
                if role_text not in _ROLES:
                    names = ", ".join(f'"{r}"' for r in _ROLES)
                    table.report("role", f'expected one of {names}, got "{role_text}"')
                elif any(m.role is MeterRole(role_text) for m in meters):
                    table.report("role", f'expected one meter with role "{role_text}", got two')
                else:
                    role = MeterRole(role_text)
            group_text = table.text("group", MeterGroup.TALKS.value)
            group = MeterGroup.TALKS
            if group_text in _GROUPS:
                group = MeterGroup(group_text)
            else:
                table.report("group", f'expected {_choices(_GROUPS)}, got "{group_text}"')
            meters.append(
                Meter(
                    id=ident,
                    label=table.text("label"),
                    description=table.text("description", ""),
                    minimum=low,
                    maximum=high,
                    start=start,
                    good=good,
                    role=role,
                    group=group,
                    bands=self.bands(table, low, high),
                    rise=table.text("rise", ""),
                    fall=table.text("fall", ""),
                )
            )
            table.done()
        if not tables and "meters" in self.root.data:
            self.root.report("meters", "expected at least one meter, got none")
        self.meters = tuple(meters)

    def bands(self, table: _Table, low: int, high: int) -> tuple[Band, ...]:
        result: list[Band] = []
        items = table.tables("bands")
        for index, item in enumerate(items):
            top = item.optional_integer("max")
            last = index == len(items) - 1
            if top is None and not last:
                item.report("max", "expected an upper end on every band but the last")
            if top is not None and last:
                item.report("max", "expected no upper end on the last band")
                top = None
            if top is not None:
                previous = result[-1].high if result else None
                if not low <= top <= high or (previous is not None and top <= previous):
                    item.report("max", f"expected rising ends within {low}..{high}, got {top}")
            result.append(Band(top, item.text("label")))
            item.done()
        return tuple(result)

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

    def interests(self) -> tuple[Interest, ...]:
        result = []
        for index, table in enumerate(self.root.tables("interests")):
            result.append(
                Interest(
                    id=self.identifier(table, self.interest_ids, index),
                    label=table.text("label"),
                    description=table.text("description", ""),
                    voice=table.text("voice", ""),
                    met=table.integer("met", 2, low=1, high=100),
                )
            )
            table.done()
        return tuple(result)

    def build_stances(self) -> tuple[Stance, ...]:
        stances = []
        tables = self.root.tables("stances", required=True)
        for index, table in enumerate(tables):
            ident = self.identifier(table, self.stance_ids, index)
            stances.append(
                Stance(
                    id=ident,
                    label=table.text("label"),
                    description=table.text("description", ""),
                    shift=table.integer("shift", 0, low=-100, high=100),
                )
            )
            table.done()
        if "stances" in self.root.data and not tables:
            self.root.report("stances", "expected at least one stance, got none")
        return tuple(stances)

    def build_rounds(self) -> tuple[Round, ...]:
        rounds = []
        tables = self.root.tables("rounds", required=True)
        for index, table in enumerate(tables):
            ident = self.identifier(table, self.round_ids, index)
            rounds.append(
                Round(
                    id=ident,
                    label=table.text("label"),
                    time=table.text("time", ""),
                    turns=table.integer("turns", low=1, high=20),
                    description=table.text("description", ""),
                )
            )
            table.done()
        if "rounds" in self.root.data and not tables:
            self.root.report("rounds", "expected at least one round, got none")
        return tuple(rounds)

    def scan_offers(self) -> list[_Table]:
        tables = self.root.tables("offers", required=True)
        for index, table in enumerate(tables):
            ident = self.identifier(table, self.offer_ids, index)
            if table.data.get("kind", "offer") in (
                OfferKind.OFFER.value,
                OfferKind.STATEMENT.value,
            ):
                self.accord_ids[ident] = index
            if ident in ANSWERS:
                table.report("id", f'expected an id other than the reserved "{ident}"')
            variants = table.raw("variants")
            names: tuple[str, ...] = ()
            if isinstance(variants, list):
                names = tuple(
                    item["id"]
                    for item in variants
                    if isinstance(item, dict) and isinstance(item.get("id"), str)
                )
            self.offer_variants[ident] = names
            table.read.discard("variants")
        if "offers" in self.root.data and not tables:
            self.root.report("offers", "expected at least one offer, got none")
        return tables

    def scan_proposals(self) -> list[_Table]:
        tables = self.root.tables("proposals")
        for index, table in enumerate(tables):
            ident = self.identifier(table, self.proposal_ids, index)
            if ident in self.offer_ids:
                table.report("id", f'expected an id that no offer uses, got "{ident}"')
        return tables

    def needs(self, table: _Table) -> tuple[Need, ...]:
        result = []
        for item in table.tables("needs"):
            name = item.text("meter")
            meter = self.reference(item, "meter", name, self.meter_ids) if name else -1
            low = item.optional_integer("min")
            high = item.optional_integer("max")
            if (low is None) == (high is None):
                item.report(
                    "min",
                    "expected exactly one of min or max, got "
                    + ("both" if low is not None else "neither"),
                )
            context = item.text("context")
            why = item.text("why", "")
            who = item.text("who", "")
            fixed = item.boolean("fixed", False) or bool(who)
            item.done()
            if meter >= 0:
                spec = self.meters[meter]
                for which, value in (("min", low), ("max", high)):
                    if value is not None and not spec.minimum <= value <= spec.maximum:
                        item.report(
                            which,
                            f"expected a value within the meter's range "
                            f"{spec.minimum}..{spec.maximum}, got {value}",
                        )
                result.append(Need(meter, low, high, context, why, fixed, who))
        return tuple(result)

    def variants(self, table: _Table) -> tuple[Variant, ...]:
        result = []
        seen: dict[str, int] = {}
        for index, item in enumerate(table.tables("variants")):
            item.ident = table.ident
            ident = self.identifier(item, seen, index)
            result.append(
                Variant(
                    id=ident,
                    label=item.text("label"),
                    summary=item.text("summary", ""),
                    shift=item.integer("shift", 0, low=-100, high=100),
                    on_offer=self.effect(item, "on_offer"),
                    on_accept=self.effect(item, "on_accept"),
                    tacit=item.boolean("tacit", False),
                    serves=self.serves(item),
                    hold=item.optional_integer("hold"),
                    counterproductive=item.boolean("counterproductive", False),
                )
            )
            item.done()
        return tuple(result)

    def offer(self, table: _Table) -> Offer:
        ident = table.text("id")
        kind_name = table.text("kind", "offer")
        try:
            kind = OfferKind(kind_name)
        except ValueError:
            table.report(
                "kind", f'expected {_choices(k.value for k in OfferKind)}, got "{kind_name}"'
            )
            kind = OfferKind.OFFER
        counter = table.text("counter", "") or None
        if counter is not None:
            self.reference(table, "counter", counter, self.proposal_ids)
            if counter not in self.proposal_ids:
                counter = None
        label = table.text("label")
        offer = Offer(
            id=ident,
            label=label,
            summary=table.text("summary", ""),
            essay=table.text("essay", ""),
            accord=table.text("accord", "") or label,
            kind=kind,
            requires=self.condition(table, "requires"),
            needs=self.needs(table),
            variants=self.variants(table),
            on_offer=self.effect(table, "on_offer"),
            on_accept=self.effect(table, "on_accept"),
            on_defer=self.effect(table, "on_defer"),
            on_reject=self.effect(table, "on_reject"),
            counter=counter,
            say=self.sayings(table),
            serves=self.serves(table),
            hold=table.integer("hold", 100, low=0, high=100),
            counterproductive=table.boolean("counterproductive", False),
        )
        if kind in _UNJUDGED and (offer.needs or offer.counter):
            table.report("needs", f"expected no needs or counter on a {kind.value} offer")
        table.done()
        return offer

    def proposal(self, table: _Table) -> Proposal:
        accord = table.text("accord")
        if accord:
            self.reference(table, "accord", accord, self.accord_ids)
        amend = table.text("amend", "")
        if amend:
            offer, _, variant = amend.partition(":")
            if offer not in self.accord_ids:
                table.report(
                    "amend", f'expected an offer id (offer or offer:variant), got "{amend}"'
                )
            elif variant and variant not in self.offer_variants.get(offer, ()):
                choices = _choices(self.offer_variants.get(offer, ()))
                table.report(
                    "amend", f'expected a variant of "{offer}": {choices}, got "{variant}"'
                )
        proposal = Proposal(
            id=table.text("id"),
            label=table.text("label"),
            summary=table.text("summary", ""),
            their_view=table.text("their_view", ""),
            our_view=table.text("our_view", ""),
            accord=accord,
            variant=table.text("variant", ""),
            serves=self.serves(table),
            tabled=self.condition(table, "tabled", allow_reason=False),
            main=table.boolean("main", False),
            amend=amend,
            hold=table.integer("hold", 100, low=0, high=100),
            hardens=table.integer("hardens", 0, low=0, high=100),
            on_accept=self.effect(table, "on_accept"),
            on_reject=self.effect(table, "on_reject"),
            accept_why=table.text("accept_why"),
            reject_why=table.text("reject_why"),
            say=self.sayings(table),
        )
        table.done()
        return proposal

    def events(self) -> tuple[Event, ...]:
        result = []
        seen: dict[str, int] = {}
        for index, table in enumerate(self.root.tables("events")):
            result.append(
                Event(
                    id=self.identifier(table, seen, index),
                    title=table.text("title"),
                    text=table.text("text"),
                    weight=table.integer("weight", 1, low=0, high=1000),
                    when=self.condition(table, "when"),
                    effect=self.effect(table, "effect"),
                    once=table.boolean("once", True),
                    test=self.test(table),
                )
            )
            table.done()
        return tuple(result)

    def test(self, parent: _Table) -> Test | None:
        table = parent.table("test")
        if table is None:
            return None
        accord = table.text("accord")
        if accord:
            self.reference(table, "accord", accord, self.accord_ids)
        test = Test(
            accord=accord,
            on_hold=self.effect(table, "on_hold"),
            on_break=self.effect(table, "on_break"),
            held=table.text("held"),
            broken=table.text("broken"),
        )
        table.done()
        return test

    def drifts(self) -> tuple[Drift, ...]:
        result = []
        seen: dict[str, int] = {}
        for index, table in enumerate(self.root.tables("drifts")):
            drift = Drift(
                id=self.identifier(table, seen, index),
                text=table.text("text"),
                when=self.condition(table, "when", allow_reason=False),
                effect=self.effect(table, "effect"),
            )
            if drift.when.is_empty:
                table.report("when", "expected a condition, got none (it would apply every round)")
            table.done()
            result.append(drift)
        return tuple(result)

    def moves_of(self, table: _Table, key: str) -> tuple[str, ...]:
        """An array of ``offer`` or ``offer:variant`` references."""
        result = []
        for text in table.strings(key):
            offer, _, variant = text.partition(":")
            if offer not in self.offer_ids:
                self.reference(table, key, offer, self.offer_ids)
            elif variant and variant not in self.offer_variants.get(offer, ()):
                choices = _choices(self.offer_variants.get(offer, ()))
                table.report(key, f'expected a variant of "{offer}": {choices}, got "{variant}"')
            else:
                result.append(text)
        return tuple(result)

    def quirks(self, parent: _Table) -> tuple[Quirk, ...]:
        result = []
        for table in parent.tables("quirks"):
            table.ident = parent.ident
            target = table.text("target")
            offer, _, variant = target.partition(":")
            if offer in self.proposal_ids:
                if variant:
                    table.report("target", f'expected a proposal without a variant, got "{target}"')
            elif offer in self.offer_ids:
                if variant and variant not in self.offer_variants.get(offer, ()):
                    choices = _choices(self.offer_variants.get(offer, ()))
                    table.report(
                        "target", f'expected a variant of "{offer}": {choices}, got "{variant}"'
                    )
            elif target:
                known = {**self.offer_ids, **self.proposal_ids}
                self.reference(table, "target", offer, known)
            result.append(
                Quirk(
                    target=offer,
                    variant=variant,
                    shift=table.integer("shift", 0, low=-100, high=100),
                    on_accept=self.effect(table, "on_accept"),
                    on_reject=self.effect(table, "on_reject"),
                    note=table.text("note", ""),
                    say=self.sayings(table),
                    serves=self.serves(table),
                )
            )
            table.done()
        return tuple(result)

    def profiles(self) -> tuple[Profile, ...]:
        result = []
        seen: dict[str, int] = {}
        tables = self.root.tables("profiles", required=True)
        for index, table in enumerate(tables):
            result.append(
                Profile(
                    id=self.identifier(table, seen, index),
                    label=table.text("label"),
                    description=table.text("description", ""),
                    weight=table.integer("weight", 1, low=1, high=1000),
                    shift=table.integer("shift", 0, low=-100, high=100),
                    start=self.effect(table, "start"),
                    red_lines=self.moves_of(table, "red_lines"),
                    counter_first=self.references(table, "counter_first", self.accord_ids),
                    agenda=tuple(
                        self.interest_ids[name]
                        for name in self.references(table, "agenda", self.interest_ids)
                    ),
                    proposals=tuple(
                        self.proposal_ids[name]
                        for name in self.references(table, "proposals", self.proposal_ids)
                    ),
                    quirks=self.quirks(table),
                    say=self.sayings(table),
                    opening=table.text("opening", ""),
                    red_line_walkout=(
                        self.condition(table, "red_line_walkout", allow_reason=False)
                        if "red_line_walkout" in table.data
                        else None
                    ),
                )
            )
            table.done()
        if "profiles" in self.root.data and not tables:
            self.root.report("profiles", "expected at least one profile, got none")
        return tuple(result)

    def endings(self) -> tuple[Ending, ...]:
        result = []
        seen: dict[str, int] = {}
        tables = self.root.tables("endings", required=True)
        for index, table in enumerate(tables):
            terminals = []
            names = table.strings("terminals")
            for name in names:
                try:
                    terminals.append(Terminal(name))
                except ValueError:
                    table.report(
                        "terminals", f'expected {_choices(t.value for t in Terminal)}, got "{name}"'
                    )
            if isinstance(table.data.get("terminals"), list) and not names:
                table.report("terminals", "expected at least one terminal, got none")
            result.append(
                Ending(
                    id=self.identifier(table, seen, index),
                    title=table.text("title"),
                    text=table.text("text"),
                    history=table.text("history", ""),
                    terminals=tuple(terminals) or tuple(Terminal),
                    accords=self.references(table, "accords", self.accord_ids),
                    tier=table.integer("tier", 0, low=0, high=10),
                )
            )
            table.done()
        return tuple(result)

    def scorecards(self) -> tuple[Scorecard, ...]:
        result = []
        seen: dict[str, int] = {}
        for index, table in enumerate(self.root.tables("scorecards")):
            points = []
            accords = table.table("accords")
            if accords is not None:
                for name in accords.data:
                    value = accords.integer(name, low=-100, high=100)
                    if self.reference(accords, name, name, self.accord_ids) >= 0:
                        points.append((name, value))
            weights = []
            meters = table.table("meters")
            if meters is not None:
                for name in meters.data:
                    value = meters.integer(name, low=-100, high=100)
                    if self.reference(meters, name, name, self.meter_ids) >= 0:
                        weights.append((self.meter_ids[name], value))
            result.append(
                Scorecard(
                    id=self.identifier(table, seen, index),
                    label=table.text("label"),
                    description=table.text("description", ""),
                    base=table.integer("base", 0, low=-100, high=200),
                    accords=tuple(points),
                    meters=tuple(weights),
                )
            )
            table.done()
        return tuple(result)

    def examples(self, ending_ids: Mapping[str, int]) -> tuple[Example, ...]:
        result = []
        for table in self.root.tables("examples"):
            ending = table.text("ending")
            if ending:
                self.reference(table, "ending", ending, ending_ids)
            moves = table.strings("moves")
            self.check_moves(table, moves)
            result.append(Example(ending, table.integer("seed", low=0), moves))
            table.done()
        return tuple(result)

    def check_moves(self, table: _Table, moves: Iterable[str]) -> None:
        """Report moves that name no offer (or no variant of it); answers pass."""
        for move in moves:
            offer, _, variant = move.partition(":")
            if offer in ANSWERS and not variant:
                continue
            if offer not in self.offer_ids:
                table.report(
                    "moves", f'expected offer ids or accept, reject or amend, got "{move}"'
                )
            elif variant and variant not in self.offer_variants.get(offer, ()):
                table.report(
                    "moves",
                    f'expected a variant of "{offer}": '
                    f'{_choices(self.offer_variants.get(offer, ()))}, got "{variant}"',
                )

    def lines(self) -> tuple[Line, ...]:
        result = []
        seen: dict[str, int] = {}
        for index, table in enumerate(self.root.tables("lines")):
            moves = table.strings("moves")
            self.check_moves(table, moves)
            result.append(
                Line(
                    id=self.identifier(table, seen, index),
                    label=table.text("label"),
                    description=table.text("description", ""),
                    moves=moves,
                )
            )
            table.done()
        return tuple(result)

    def rules(self) -> Rules:
        table = self.root.table("rules", required=True) or _Table(self.problems, {}, "rules")
        rules = Rules(
            noise=table.integer("noise", 0, low=0, high=50),
            defer_margin=table.integer("defer_margin", 0, low=0, high=50),
            event_chance=table.integer("event_chance", 0, low=0, high=100),
            profile_jitter=table.integer("profile_jitter", 0, low=0, high=50),
            per_turn=self.effect(table, "per_turn"),
            per_round=self.effect(table, "per_round"),
            per_accept=self.effect(table, "per_accept"),
            repeat=self.effect(table, "repeat"),
            red_line=self.effect(table, "red_line"),
            walkout_when=self.condition(table, "walkout_when"),
            walkout_why=table.text("walkout_why", ""),
            say=self.sayings(table),
            focus_shift=table.integer("focus_shift", 0, low=-100, high=100),
            early_shift=table.integer("early_shift", 0, low=-100, high=100),
            focus_bonus=self.effect(table, "focus_bonus"),
            early_cost=self.effect(table, "early_cost"),
            grudge_shift=table.integer("grudge_shift", 0, low=0, high=100),
            red_line_walkout=self.condition(table, "red_line_walkout", allow_reason=False),
            amend_shift=table.integer("amend_shift", 0, low=-100, high=100),
            tabled_limit=table.integer("tabled_limit", 0, low=0, high=100),
        )
        table.done()
        return rules

    def carry(self) -> CarrySpec | None:
        table = self.root.table("carry")
        if table is None:
            return None
        sources = table.strings("from")
        for source in sources:
            if not _ID_PATTERN.match(source):
                table.report("from", f'expected scenario ids, got "{source}"')
        if "from" not in table.data:
            table.report("from", "expected the ids of earlier scenarios, got nothing")
        meters = self.references(table, "meters", self.meter_ids)
        spec = CarrySpec(sources, meters, table.boolean("accords", True))
        table.done()
        return spec

    # --- whole document -----------------------------------------------------------------

    def build(self, sha256: str) -> Scenario:
        root = self.root
        version = root.integer("format", FORMAT)
        if version != FORMAT:
            root.report("format", f"expected {FORMAT} (the format this game reads), got {version}")
        ident = root.text("id")
        derived = "".join(c for c in ident.upper() if "A" <= c <= "Z")[:4].ljust(4, "X")
        code = root.text("code", derived)
        if not re.fullmatch(r"[A-Z]{4}", code):
            root.report("code", f'expected four capital letters A-Z, got "{code}"')
        title = root.text("title")
        subtitle = root.text("subtitle", "")
        if ident and not _ID_PATTERN.match(ident):
            root.report("id", f'expected lower-case letters, digits and underscores, got "{ident}"')
        source_table = root.table("source", required=True)
        source = Source("", "", "", 0)
        if source_table is not None:
            source = Source(
                author=source_table.text("author"),
                title=source_table.text("title"),
                publication=source_table.text("publication", ""),
                year=source_table.integer("year", 0, low=0, high=9999),
            )
            source_table.done()
        briefing_table = root.table("briefing", required=True)
        briefing: tuple[str, ...] = ()
        goals: tuple[str, ...] = ()
        if briefing_table is not None:
            briefing = briefing_table.paragraphs("situation")
            goals = briefing_table.paragraphs("goals")
            briefing_table.done()

        self.build_meters()
        interests = self.interests()
        stances = self.build_stances()
        rounds = self.build_rounds()
        offer_tables = self.scan_offers()
        proposal_tables = self.scan_proposals()

        start_stance = 0
        start_name = root.text("start_stance", "")
        if start_name:
            start_stance = max(self.reference(root, "start_stance", start_name, self.stance_ids), 0)

        transitions = []
        for table in root.tables("transitions"):
            source_name = table.text("from")
            target_name = table.text("to")
            src = self.reference(table, "from", source_name, self.stance_ids) if source_name else -1
            dst = self.reference(table, "to", target_name, self.stance_ids) if target_name else -1
            when = self.condition(table, "when")
            if when.is_empty:
                table.report("when", "expected a condition, got none (it would always fire)")
            table.done()
            if src >= 0 and dst >= 0:
                if src == dst:
                    table.report("to", f'expected a stance other than "from", got "{target_name}"')
                transitions.append(Transition(src, dst, when))

        offers = tuple(self.offer(table) for table in offer_tables)
        proposals = tuple(self.proposal(table) for table in proposal_tables)
        mains = [index for index, proposal in enumerate(proposals) if proposal.main]
        for index in mains[1:]:
            proposal_tables[index].report("main", "expected one main proposal, got a second")
        events = self.events()
        drifts = self.drifts()
        profiles = self.profiles()
        endings = self.endings()
        scorecards = self.scorecards()
        lines = self.lines()
        examples = self.examples({ending.id: i for i, ending in enumerate(endings)})
        rules = self.rules()
        carry = self.carry()
        root.done()

        scenario = Scenario(
            id=ident,
            code=code,
            title=title,
            subtitle=subtitle,
            source=source,
            briefing=briefing,
            goals=goals,
            meters=self.meters,
            stances=stances,
            start_stance=start_stance,
            transitions=tuple(transitions),
            rounds=rounds,
            offers=offers,
            proposals=proposals,
            events=events,
            profiles=profiles,
            endings=endings,
            scorecards=scorecards,
            lines=lines,
            rules=rules,
            interests=interests,
            drifts=drifts,
            examples=examples,
            carry=carry,
            sha256=sha256,
            meter_index=dict(self.meter_ids),
            offer_index={offer.id: index for index, offer in enumerate(offers)},
            proposal_index={proposal.id: index for index, proposal in enumerate(proposals)},
            transitions_from=tuple(
                tuple(t for t in transitions if t.source == index) for index in range(len(stances))
            ),
        )
        if not self.problems.lines:
            _check_reachability(scenario, self.problems)
        return scenario


def _check_reachability(scenario: Scenario, problems: _Problems) -> None:
    """Report stances, endings and accords that no play of the scenario can reach."""
    creatable = {offer.id for offer in scenario.offers if offer.kind not in _UNJUDGED}
    creatable |= {proposal.accord for proposal in scenario.proposals}
    kinds = {offer.kind for offer in scenario.offers}
    # A walkout is always possible: a hot-seat player may walk out of a hostile stance.
    possible = {Terminal.WALKOUT, Terminal.NO_STATEMENT}
    if OfferKind.STATEMENT in kinds:
        possible.add(Terminal.STATEMENT)
    if OfferKind.WALK_AWAY in kinds:
        possible.add(Terminal.WALKED_AWAY)

    reached = {scenario.start_stance} | {t.target for t in scenario.transitions}
    steps = [effect.stance_step for effect in _all_effects(scenario) if effect.stance_step]
    for index, stance in enumerate(scenario.stances):
        if index in reached or steps:
            continue
        problems.add(
            f"stances[{index}]",
            stance.id,
            "expected a way to reach this stance (a transition into it or a stance step), got none",
        )

    for index, ending in enumerate(scenario.endings):
        path = f"endings[{index}]"
        missing = [accord for accord in ending.accords if accord not in creatable]
        if missing:
            problems.add(
                path,
                ending.id,
                f"unreachable ending: no offer or proposal creates {', '.join(missing)}",
            )
            continue
        if not set(ending.terminals) & possible:
            names = ", ".join(t.value for t in ending.terminals)
            problems.add(
                path, ending.id, f"unreachable ending: no way for the summit to end as {names}"
            )
            continue
        if ending.accords and not set(ending.terminals) - {Terminal.WALKOUT}:
            problems.add(path, ending.id, "unreachable ending: a walkout records no accords")
            continue
        for earlier in scenario.endings[:index]:
            if set(ending.terminals) <= set(earlier.terminals) and set(earlier.accords) <= set(
                ending.accords
            ):
                problems.add(
                    path,
                    ending.id,
                    f'unreachable ending: "{earlier.id}" comes first and always matches instead',
                )
                break
    for terminal in sorted(possible, key=lambda t: t.value):
        if not any(terminal in e.terminals and not e.accords for e in scenario.endings):
            problems.add(
                "endings",
                None,
                f'expected an ending for "{terminal.value}" that needs no accords '
                "(so every game has an outcome), got none",
            )
    for offer in scenario.offers:
        for accord in offer.requires.accords + tuple(
            a for alt in offer.requires.any for a in alt.accords
        ):
            if accord not in creatable:
                index = scenario.offer_index[offer.id]
                problems.add(
                    f"offers[{index}].requires.accords",
                    offer.id,
                    f'expected accords some offer can create, got "{accord}"',
                )


def _all_effects(scenario: Scenario) -> Iterable[Effect]:
    for offer in scenario.offers:
        yield from (offer.on_offer, offer.on_accept, offer.on_defer, offer.on_reject)
        for variant in offer.variants:
            yield from (variant.on_offer, variant.on_accept)
    for proposal in scenario.proposals:
        yield from (proposal.on_accept, proposal.on_reject)
    for event in scenario.events:
        yield event.effect
        if event.test is not None:
            yield from (event.test.on_hold, event.test.on_break)
    for drift in scenario.drifts:
        yield drift.effect
    for profile in scenario.profiles:
        yield profile.start
        for quirk in profile.quirks:
            yield from (quirk.on_accept, quirk.on_reject)
    rules = scenario.rules
    yield from (rules.per_turn, rules.per_round, rules.per_accept, rules.repeat, rules.red_line)
    yield from (rules.focus_bonus, rules.early_cost)


def scenario_from_dict(data: Mapping[str, Any], source: str, sha256: str) -> Scenario:
    """Validate an already-parsed TOML document; raise :class:`ScenarioError` on problems."""
    builder = _Builder(data, source)
    scenario = builder.build(sha256)
    if builder.problems.lines:
        raise ScenarioError(builder.problems.lines)
    return scenario
