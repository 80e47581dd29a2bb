"""The menu: offers and the forms they take, what the counterpart needs before accepting one,
what it says, its own proposals and its quirks."""

from __future__ import annotations

import enum
import re

import attrs

from game.engine.effects import Condition, Effect


class OfferKind(enum.Enum):
    """What an offer does besides being judged."""

    OFFER = "offer"
    """An ordinary proposal: judged by the counterpart, creates its accord when accepted."""
    STATEMENT = "statement"
    """A closing joint statement: when accepted, the summit ends and records the accords."""
    WALK_AWAY = "walk_away"
    """The player leaves the table: not judged, ends the summit at once."""
    RECESS = "recess"
    """A pause in the talks (e.g. to consult Washington): not judged, creates no accord, can be
    taken again, and uses up a turn."""

    @property
    def judged(self) -> bool:
        """True for what is put to the counterpart to judge: an offer or a statement (walking
        away and a recess only change the meters)."""
        return self is OfferKind.OFFER or self is OfferKind.STATEMENT


@attrs.frozen
class Need:
    """What the counterpart needs to see on one meter before it accepts an offer."""

    meter: int
    """Index of the meter."""
    at_least: int | None
    """The meter must reach this (before the counterpart's mood and noise shift it)."""
    at_most: int | None
    """The meter must not exceed this (shifted the other way)."""
    context: str
    """Completes "they need ... ": e.g. ``"before giving up Yongbyon"``."""
    why: str
    """Their reason in a few words, e.g. ``"they remember what happened to Libya"``."""
    fixed: bool = False
    """True when neither mood, profile nor chance moves this threshold."""
    who: str = ""
    """Whose need it is when not the counterpart's (e.g. ``"Tokyo"``); such a need is fixed."""


@attrs.frozen
class Sayings:
    """What the counterpart says, one line per reaction; empty strings fall back to defaults."""

    accept: str = ""
    counter: str = ""
    defer: str = ""
    reject: str = ""
    walkout: str = ""
    noted: str = ""
    ended: str = ""
    tabled: str = ""
    """For a proposal of theirs: what they say when they table it on their own."""

    def line(self, kind: str) -> str:
        """The line for a reaction kind (``""`` when none is given)."""
        value: str = getattr(self, kind, "")
        return value


@attrs.frozen
class Variant:
    """A form an offer can take, e.g. a written or an unwritten understanding."""

    id: str
    """Identifier, used after a colon in moves: ``mutual_restraint:written``."""
    label: str
    """Name shown to the player."""
    summary: str
    """What this variant means in practice, and what it costs."""
    shift: int
    """Added to every threshold the counterpart applies to this variant."""
    on_offer: Effect
    """Added to the offer's own cost of proposing it."""
    on_accept: Effect
    """Added to the offer's own effect when accepted."""
    tacit: bool
    """An accord in this form stands even without a joint statement (not after a walkout)."""
    serves: tuple[tuple[int, int], ...] = ()
    """(interest index, points) this form serves on top of the offer's own."""
    hold: int | None = None
    """Percent chance the accord survives a test between rounds (None: the offer's)."""
    counterproductive: bool = False
    """True for a form the essay calls counterproductive (``analyze`` flags lines that use it)."""


@attrs.frozen
class Offer:
    """A move the player can put on the table."""

    id: str
    """Identifier used by scripts, screens and transcripts; also the id of its accord."""
    label: str
    """Short name for the offer card."""
    summary: str
    """What the offer proposes, in a sentence or two."""
    essay: str
    """What the essay says of this move, in our own words."""
    accord: str
    """Name of the accord this offer creates when accepted."""
    kind: OfferKind
    """Ordinary offer, closing statement or walking away."""
    requires: Condition
    """When the offer can be made at all; otherwise the card is locked with the reason."""
    needs: tuple[Need, ...]
    """What the counterpart needs to see before it accepts."""
    variants: tuple[Variant, ...]
    """The forms the offer can take (empty: only one form)."""
    on_offer: Effect
    """Cost of putting the offer on the table, whatever the reply."""
    on_accept: Effect
    """Effect when accepted."""
    on_defer: Effect
    """Effect when deferred."""
    on_reject: Effect
    """Effect when rejected."""
    counter: str | None
    """Id of the proposal of theirs they table instead of rejecting outright, if any."""
    say: Sayings
    """The counterpart's lines."""
    serves: tuple[tuple[int, int], ...] = ()
    """(interest index, points): which of the counterpart's interests the accord serves."""
    hold: int = 100
    """Percent chance the accord survives a test between rounds (see :class:`Test`)."""
    counterproductive: bool = False
    """True for a move the essay calls counterproductive in every form."""

    def is_counterproductive(self, variant_id: str | None) -> bool:
        """True when the offer, or the named form of it, is marked counterproductive."""
        variant = self.variant(variant_id)
        return self.counterproductive or (variant is not None and variant.counterproductive)

    mid_label: str = attrs.field(init=False, eq=False, repr=False)
    """The label as it reads mid-sentence (see :func:`mid_sentence`)."""

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "mid_label", mid_sentence(self.label, self.summary, self.accord))

    def variant(self, variant_id: str | None) -> Variant | None:
        """Return the named variant, the first when ``variant_id`` is None, or None if absent."""
        if not self.variants:
            return None
        if variant_id is None:
            return self.variants[0]
        for variant in self.variants:
            if variant.id == variant_id:
                return variant
        return None


def mid_sentence(label: str, *context: str) -> str:
    """A label as it reads in the middle of a sentence: its first letter small, unless its first
    word is a name, which the context writes capitalised mid-sentence too ("Yongbyon")."""
    # The first word without what follows it ("Hanoi" of "Hanoi, twice").
    first = re.split(r"[^\w'-]", label, maxsplit=1)[0]
    # Capitalised after a space, but not as the first word of a sentence ("... talks. A small
    # step" says nothing of how "A" reads mid-sentence).
    name = re.compile(rf"(?<![.!?]) {re.escape(first)}\b")
    if first[:1].isupper() and any(name.search(text) for text in context):
        return label
    return label[:1].lower() + label[1:]


@attrs.frozen
class Proposal:
    """The counterpart's own proposal, which the player accepts, rejects or amends.

    They table it on their own at the start of a round when ``tabled`` holds and it is on
    their profile's list, or put it forward instead of refusing an offer (a counter-offer).
    """

    id: str
    """Identifier."""
    label: str
    """Short name."""
    summary: str
    """What they ask for and what it would cost."""
    their_view: str
    """How Pyongyang describes it."""
    our_view: str
    """How Washington describes it."""
    accord: str
    """Id of the offer whose accord accepting this creates."""
    variant: str
    """Label recorded with the accord, e.g. ``"most sanctions lifted"``."""
    serves: tuple[tuple[int, int], ...]
    """(interest index, points) the accord serves."""
    tabled: Condition
    """When they table it on their own (an empty condition: any round but the first)."""
    main: bool
    """True for the scenario's main proposal, the decision the summit turns on."""
    amend: str
    """The move (``offer:variant``) the player may answer with instead ("" when none)."""
    hold: int
    """Percent chance the accord survives a test between rounds."""
    hardens: int
    """Once the player rejects it, added to their thresholds for the offer creating the same
    accord: their position does not move."""
    on_accept: Effect
    """Effect when the player accepts."""
    on_reject: Effect
    """Effect when the player rejects."""
    accept_why: str
    """Explanation when the player accepts."""
    reject_why: str
    """Explanation when the player rejects."""
    say: Sayings
    """Their lines: ``tabled`` when they table it on their own, ``counter`` when they put it
    forward instead of an offer, ``accept`` and ``noted`` after the answer."""

    mid_label: str = attrs.field(init=False, eq=False, repr=False)
    """The label as it reads mid-sentence (see :func:`mid_sentence`)."""

    def __attrs_post_init__(self) -> None:
        mid = mid_sentence(self.label, self.summary, self.their_view, self.our_view)
        object.__setattr__(self, "mid_label", mid)


@attrs.frozen
class Quirk:
    """How one profile reacts, characteristically, to one offer or proposal: a tell."""

    target: str
    """Id of an offer or of a proposal."""
    variant: str
    """The variant it applies to (``""``: every form)."""
    shift: int
    """Added to their thresholds for it."""
    on_accept: Effect
    """Added when it is accepted (by them, or by the player for a proposal)."""
    on_reject: Effect
    """Added when the player rejects their proposal, or they reject the offer."""
    note: str
    """Added to the explanation, e.g. ``"they heard the same words in Singapore"``."""
    say: Sayings
    """Their lines for it, before the offer's own."""
    serves: tuple[tuple[int, int], ...] = ()
    """(interest index, points) added to what the accord serves them: negative when they take
    it and still want as much as before."""
