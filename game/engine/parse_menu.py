"""Reading the menu of a scenario: its offers and their forms and needs, the counterpart's
proposals, and its hidden profiles with their quirks."""

from __future__ import annotations

from game.engine.parse_base import _BuilderBase
from game.engine.parse_reader import _ID_PATTERN, ANSWERS, _choices, _Table
from game.engine.scenario import (
    Need,
    Offer,
    OfferKind,
    Profile,
    Proposal,
    Quirk,
    Variant,
)


class _MenuSections(_BuilderBase):
    """The sections about what is offered, proposed and wanted."""

    def scan_offers(self) -> list[_Table]:
        tables = self.root.tables("offers", required=True)
        for index, table in enumerate(tables):
            ident = self.identifier(table, self.offer_ids, index)
            if ident in ANSWERS:
                table.report("id", f'expected an id other than the reserved "{ident}"')
                del self.offer_ids[ident]  # named nowhere else: an answer means the answer
            if ident in self.offer_ids and table.data.get("kind", "offer") in (
                OfferKind.OFFER.value,
                OfferKind.STATEMENT.value,
            ):
                self.accord_ids[ident] = index
            variants = table.raw("variants")
            names: tuple[str, ...] = ()
            if isinstance(variants, list):
                names = tuple(
                    item["id"]
                    for item in variants
                    if isinstance(item, dict)
                    and isinstance(item.get("id"), str)
                    and _ID_PATTERN.match(item["id"])
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
                self.within_meter(item, meter, low, high)
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
                    hold=item.optional_integer("hold", low=0, high=100),
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
        if not kind.judged and (offer.needs or offer.counter):
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
                known = self.accord_ids
                hint = self.move_hint(offer, variant, known) if offer not in self.offer_ids else ""
                table.report(
                    "amend",
                    f'expected an offer id (offer or offer:variant), got "{amend}"{hint}',
                )
            else:
                self.check_variant(table, "amend", offer, variant)
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
                self.check_variant(table, "target", offer, variant)
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
        def build(table: _Table, ident: str) -> Profile:
            return Profile(
                **table.named(ident),
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

        return self.each("profiles", build, at_least="profile")
