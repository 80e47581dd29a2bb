"""Turn a scenario's TOML text into a validated :class:`~game.engine.scenario.Scenario`.

Every problem is collected, not only the first, so a scenario author sees them all at once:
``FILE:LINE:COL: message`` for TOML syntax and ``FILE: key.path (id "x"): expected ..., got ...``
for content. Reading the file is the caller's job; this module only parses text.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Mapping
from typing import Any, Final

from game.engine.parse_checks import _check_opening, _check_reachability
from game.engine.parse_menu import _MenuSections
from game.engine.parse_reader import (
    _DIRECTIONS,
    _GROUPS,
    _GRUDGE_KEY,
    _ID_PATTERN,
    _ROLES,
    _STANCE_KEY,
    FORMAT,
    _choices,
    _Table,
)
from game.engine.scenario import (
    FLAGS,
    NEUTRAL_COUNTERPART,
    NEUTRAL_PLAYER,
    PICTURES,
    Band,
    CarrySpec,
    Direction,
    Drift,
    Ending,
    Event,
    Example,
    Interest,
    Line,
    Meter,
    MeterGroup,
    MeterRole,
    Round,
    Rules,
    Scenario,
    Scorecard,
    Seat,
    Side,
    Sides,
    Source,
    Stance,
    TeamRole,
    Terminal,
    Test,
    Transition,
)

_SOURCE_KIND = re.compile(r"[a-z][a-z -]{0,29}\Z")
"""What a source may be called in the game's sentences ("the essay", "the white paper")."""


class ScenarioError(ValueError):
    """A scenario could not be loaded; ``problems`` holds one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


_SCENARIO_KEYS: Final = frozenset({"sides", "meters", "offers", "endings"})
"""Keys every scenario holds and no transcript does."""
_TRANSCRIPT_KEYS: Final = frozenset({"game", "engine", "turns"})
"""Keys of a transcript (and a save) that no scenario holds: each kind of file, given for the
other, is told so in one line."""


def parse_scenario(text: str, source: str = "<scenario>") -> Scenario:
    """Parse and validate a scenario from TOML text; raise :class:`ScenarioError` on problems.

    ``source`` names the file in messages.
    """
    sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ScenarioError([syntax_problem(source, error, text)]) from None
    except RecursionError:  # arrays or tables nested thousands deep
        raise ScenarioError([f"{source}: nested too deeply to read"]) from None
    except ValueError:  # Python refuses to read integers of thousands of digits
        raise ScenarioError([f"{source}: an integer of thousands of digits"]) from None
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


class _Builder(_MenuSections):
    """Reads one whole scenario document."""

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
                    **table.named(ident),
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

    def interests(self) -> tuple[Interest, ...]:
        def build(table: _Table, ident: str) -> Interest:
            return Interest(
                **table.named(ident),
                voice=table.text("voice", ""),
                met=table.integer("met", 2, low=1, high=100),
            )

        return self.each("interests", build, self.interest_ids)

    def build_stances(self) -> tuple[Stance, ...]:
        def build(table: _Table, ident: str) -> Stance:
            return Stance(
                **table.named(ident),
                shift=table.integer("shift", 0, low=-100, high=100),
            )

        return self.each("stances", build, self.stance_ids, at_least="stance")

    def build_rounds(self) -> tuple[Round, ...]:
        def build(table: _Table, ident: str) -> Round:
            return Round(
                id=ident,
                label=table.text("label"),
                time=table.text("time", ""),
                turns=table.integer("turns", low=1, high=20),
                description=table.text("description", ""),
            )

        return self.each("rounds", build, self.round_ids, at_least="round")

    def events(self) -> tuple[Event, ...]:
        def build(table: _Table, ident: str) -> Event:
            return Event(
                id=ident,
                title=table.text("title"),
                text=table.text("text"),
                weight=table.integer("weight", 1, low=0, high=1000),
                when=self.condition(table, "when"),
                effect=self.effect(table, "effect"),
                once=table.boolean("once", True),
                test=self.test(table),
            )

        return self.each("events", build)

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
        def build(table: _Table, ident: str) -> Drift:
            drift = Drift(
                id=ident,
                text=table.text("text"),
                when=self.condition(table, "when", allow_reason=False),
                effect=self.effect(table, "effect"),
            )
            if drift.when.is_empty:
                table.report("when", "expected a condition, got none (it would apply every round)")
            return drift

        return self.each("drifts", build)

    def endings(self) -> tuple[Ending, ...]:
        def build(table: _Table, ident: str) -> Ending:
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
            return Ending(
                id=ident,
                title=table.text("title"),
                text=table.text("text"),
                history=table.text("history", ""),
                terminals=tuple(terminals) or tuple(Terminal),
                accords=self.references(table, "accords", self.accord_ids),
                tier=table.integer("tier", 0, low=0, high=10),
                picture=self._picture(table),
                prior=self.references(table, "prior", self.accord_ids),
            )

        return self.each("endings", build, at_least="ending")

    @staticmethod
    def _picture(table: _Table) -> str:
        picture = table.text("picture", "")
        if picture and picture not in PICTURES:
            table.report("picture", f'expected {_choices(PICTURES)} or "", got "{picture}"')
            return ""
        return picture

    def _weights(self, table: _Table, key: str, ids: dict[str, int]) -> list[tuple[str, int]]:
        """The weights (-100..100) of the sub-table ``key``, by name; a name not in ``ids`` is
        reported and left out."""
        found = []
        weights = table.table(key)
        if weights is not None:
            for name in weights.data:
                value = weights.integer(name, low=-100, high=100)
                if self.reference(weights, name, name, ids) >= 0:
                    found.append((name, value))
        return found

    def scorecards(self) -> tuple[Scorecard, ...]:
        def build(table: _Table, ident: str) -> Scorecard:
            points = self._weights(table, "accords", self.accord_ids)
            meters = self._weights(table, "meters", self.meter_ids)
            weights = [(self.meter_ids[name], value) for name, value in meters]
            return Scorecard(
                **table.named(ident),
                base=table.integer("base", 0, low=-100, high=200),
                accords=tuple(points),
                meters=tuple(weights),
            )

        return self.each("scorecards", build)

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

    def lines(self) -> tuple[Line, ...]:
        def build(table: _Table, ident: str) -> Line:
            moves = table.strings("moves")
            self.check_moves(table, moves)
            return Line(
                **table.named(ident),
                moves=moves,
            )

        return self.each("lines", build)

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
            red_line_walkout=(
                self.condition(table, "red_line_walkout", allow_reason=False)
                if "red_line_walkout" in table.data
                else None
            ),
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
        spec = CarrySpec(
            sources,
            meters,
            table.boolean("accords", True),
            table.boolean("settle_stance", False),
        )
        table.done()
        return spec

    def sides(self) -> Sides:
        table = self.root.table("sides")
        if table is None:
            return Sides()
        player = self.side(table, "player", NEUTRAL_PLAYER)
        counterpart = self.side(table, "counterpart", NEUTRAL_COUNTERPART)
        table.done()
        return Sides(player, counterpart)

    def side(self, sides: _Table, key: str, neutral: Side) -> Side:
        """One side of ``[sides]``; a key left out keeps its neutral word, except ``text``,
        which follows a given ``name`` (``"U.S. delegation"`` -> ``"the U.S. delegation"``)."""
        table = sides.table(key)
        if table is None:
            return neutral
        name = table.text("name", neutral.name)
        text = table.text("text", f"the {name}" if "name" in table.data else neutral.text)
        flag = table.text("flag", "")
        if flag and flag not in FLAGS:
            table.report("flag", f'expected {_choices(FLAGS)} or "", got "{flag}"')
            flag = ""
        side = Side(
            name=name,
            text=text,
            short=table.text("short", neutral.short),
            capital=table.text("capital", neutral.capital),
            flag=flag,
            role=table.text("role", neutral.role) if neutral.role else "",
        )
        table.done()
        return side

    def roles(self) -> tuple[TeamRole, ...]:
        """The roles of team play, ``[[roles]]``: the player's side first, then the other."""
        seats = {"player": Seat.PLAYER, "counterpart": Seat.COUNTERPART}
        found: list[Seat] = []

        def build(table: _Table, ident: str) -> TeamRole:
            side = table.text("side")
            seat = seats.get(side)
            if seat is None and side:
                table.report("side", f'expected {_choices(seats)}, got "{side}"')
            elif seat is Seat.PLAYER and Seat.COUNTERPART in found:
                table.report("side", "expected the player's roles first, then the other side's")
            found.append(seat or Seat.PLAYER)
            return TeamRole(
                id=ident,
                seat=seat or Seat.PLAYER,
                label=table.text("label"),
                summary=table.text("summary"),
                brief=table.text("brief", ""),
            )

        return self.each("roles", build)

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
                kind=source_table.text("kind", "essay"),
            )
            if source.kind.strip() and not _SOURCE_KIND.match(source.kind):
                source_table.report(
                    "kind",
                    f'expected a word or two in lower case, such as "book", got "{source.kind}"',
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
        sides = self.sides()
        roles = self.roles()
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
            sides=sides,
            roles=roles,
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
            _check_opening(scenario, self.problems)
        return scenario


def scenario_from_dict(data: Mapping[str, Any], source: str, sha256: str) -> Scenario:
    """Validate an already-parsed TOML document; raise :class:`ScenarioError` on problems."""
    if data.keys() & _TRANSCRIPT_KEYS and not data.keys() & _SCENARIO_KEYS:
        # A transcript (or a save) given for a scenario was told of every key it lacks.
        raise ScenarioError(
            [f"{source}: a transcript, not a scenario file (verify and replay read transcripts)"]
        )
    builder = _Builder(data, source)
    scenario = builder.build(sha256)
    if builder.problems.lines:
        raise ScenarioError(builder.problems.lines)
    return scenario
