"""Words the screens show besides the scenario's own: how to play, filled in from the scenario
being played (its rounds, neighbours, proposals and endings)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from game.engine import Scenario


@attrs.frozen
class Page:
    """One page of a text screen: a heading and its paragraphs ('- ' starts a bullet)."""

    heading: str
    paragraphs: tuple[str, ...]


def listing(words: Sequence[str], conjunction: str = "and") -> str:
    """``words`` as a phrase: ``a, b and c`` (``a, b or c`` with ``"or"``).

    >>> listing(["Seoul", "Tokyo", "Beijing"]), listing(["4"]), listing(["x", "y"], "or")
    ('Seoul, Tokyo and Beijing', '4', 'x or y')
    """
    if not words:
        return ""
    return f" {conjunction} ".join(filter(None, (", ".join(words[:-1]), words[-1])))


def how_to_play(scenario: Scenario) -> tuple[Page, ...]:
    """The help pages, naming what ``scenario`` names: its rounds, the round that opens the joint
    statement and the ceiling at home it needs, its neighbours and its endings."""
    from game.engine import MeterGroup, OfferKind  # the engine stays out of the launch
    from game.engine.describe import effect_text

    rounds = listing([f"{held.label}" for held in scenario.rounds])
    fresh = effect_text(scenario, scenario.rules.per_round, none="")
    region = [meter for meter in scenario.meters if meter.group is MeterGroup.REGION]
    capitals = listing([meter.label for meter in region])
    bands = listing([band.label for band in region[0].bands], "or") if region else ""
    # From the least to the most, a tier at a time: endings of one tier are of one rank, and
    # are named together (a play-tester read "They walk out" as above "No deal", which the
    # debrief calls worse than history). Within a tier, the ending the scenario lets win comes
    # after the other (Hanoi's hand-off after its embassies: a play-tester read embassies last,
    # as the most, and reached the hand-off with both).
    tiers: dict[int, list[str]] = {}
    for ending in reversed(scenario.endings):
        tiers.setdefault(ending.tier, []).append(ending.title)
    statement = next((o for o in scenario.offers if o.kind is OfferKind.STATEMENT), None)
    opens = ""
    ceiling = ""
    if statement is not None:
        first = statement.requires.round_at_least
        if first is not None:
            opens = f"From the {scenario.rounds[first].label} "
        for bound in statement.requires.meters:
            if bound.high is not None:
                meter = scenario.meters[bound.meter]
                ceiling = f", if {meter.label.lower()} is {bound.high} or less"
    # Within a rank, a slash: a title may hold a comma of its own ("Yongbyon, verified").
    ending_list = "; then ".join(" / ".join(tiers[tier]) for tier in sorted(tiers))
    proposal = scenario.main_proposal
    example = f" (here: {proposal.label})" if proposal is not None else ""
    sides = scenario.sides
    pages = [
        Page(
            "The aim",
            (
                f"You are {sides.player.role}. Over {len(scenario.rounds)} rounds \u2013 {rounds} "
                f"\u2013 you put offers on the table and {sides.counterpart.text} answers each "
                "one.",
                "Agreements you reach are called accords. The summit ends when a joint statement "
                "is signed, when the schedule runs out, when you walk away, or when they walk "
                "out.",
                "The debrief scores the goals the briefing names, and your standing at home.",
            ),
        ),
        Page("The meters", _meters_page(scenario)),
        Page(
            "Their stance",
            (
                "The other side moves between five stances, from hostile through guarded, wary "
                "and engaged to cooperative. Trust mostly decides which: the marks under the "
                "trust bar show where they warm to the next stance.",
                "They warm up at one level and cool down only well below it, so a stance does "
                "not flicker when trust wobbles. The warmer they are, the less they need before "
                "they accept. A hostile delegation is looking for a reason to leave.",
                "Their delegation also has a hidden character, drawn by the seed: what it wants "
                "first and in what order. Their head of delegation's first words, and what they "
                "say when you press something on them out of turn, give it away; the debrief "
                "reveals it.",
                "They remember what you do against them: each grievance raises what they need "
                "for every later offer, and the replies say so.",
            ),
        ),
        Page(
            "Offers and what they need",
            (
                "Each offer is a card. A locked card says why: not enough leverage left, an "
                "accord that must come first, a stance they have not reached, or a round not yet "
                "begun.",
                "An open offer still has to persuade them. Each needs some level on a meter "
                "\u2013 often trust \u2013 before they accept; the trust bar marks what the card "
                "in focus needs as far as the table shows it: their stance, the form, what they "
                "remember, what their replies have said they want first and, once a reply has "
                "named a level they need, how hard this delegation bargains.",
                "An offer that serves what they want first needs far less, and one pressed on "
                "them before its turn far more: until a reply says what they want first, the "
                "table shows what it would need either way. A little chance adds a few points "
                "either way. Their character can make one offer or form much harder or easier "
                "for them; a reply to it says so, and from then on the table counts it. Some "
                "offers also need a neighbour on side or a Senate that can be won. Their "
                "replies say which, and what they want first.",
                "The changes a form shows are those you can foresee: the offer's own (smaller "
                "each time you make it again), the small changes that come with every turn and "
                "with every accord, the reward for serving what they have said they want first, "
                "and what their character adds once a reply has shown it. Until then it may add "
                "a little, or take a little away. Where, as things stand, they would turn it "
                "down, it shows what a rejection costs too.",
                "Some offers come in forms, such as written or unwritten restraint. A form can "
                "be easier or harder for them to accept, and costs you differently; an unwritten "
                "understanding stands even if the summit ends without a statement.",
            ),
        ),
        Page(
            "Their answers",
            (
                "- Accept: the accord is made, and a little trust and patience return.",
                "- Defer: you fell just short. They want to see more first; try again later.",
                "- Reject: you fell well short, or crossed a line.",
                "- A proposal of their own: instead of accepting, or as a round opens, they "
                f"table their own terms{example}. Accept it, reject it, or amend it with an offer "
                "of yours, which they judge like any offer and which uses one of the round's "
                "offers. They table each proposal once.",
                "- Walk out: their patience is gone. Crossing a hard-line delegation's red line "
                "costs so much patience that it can end the day.",
                "Every answer comes with its reason, naming the meter and the level that decided "
                "it, so you can see what moved them.",
            ),
        ),
    ]
    if region:
        pages.append(
            Page(
                "The neighbours",
                (
                    f"{capitals} watch the talks. Under your meters each has a level of support, "
                    f"with a word for it: {bands}.",
                    "Your moves raise or lower it, each capital minding its own interests, and "
                    "how they take each move appears under the reply and in the log.",
                    "A neighbour far from supportive presses on the talks between rounds, and "
                    "some accords need them all on side.",
                ),
            ),
        )
    # A recess puts nothing to them, but it takes a turn of the round as an offer does: "a
    # recess, not an offer" read as free, and a play-tester lost a round's last turn to it.
    recess = next((o for o in scenario.offers if o.kind is OfferKind.RECESS), None)
    pause = (
        (
            f"{recess.label} is a recess: it puts nothing to them, but it uses one of the "
            "round's turns as an offer does. What it eases and what it costs are on its card, "
            "and each recess helps less than the last.",
        )
        if recess is not None
        else ()
    )
    pages += [
        Page(
            "Repeats, recesses and events" if recess is not None else "Repeats and events",
            (
                "Making the same offer again is worth less each time, and every earlier refusal "
                "of it costs patience. Build trust elsewhere before you try again.",
                *pause,
                "Between rounds, events happen: news at home, a signal from "
                f"{sides.counterpart.capital}, an ally's "
                "worry. The seed decides which; they move the meters and you plan around them.",
                "An event may put an accord to the test: one in writing holds better than a "
                "spoken one, and a broken accord drops off the record and is remembered.",
            ),
        ),
        Page(
            "The schedule and the end",
            (
                "Each round allows a set number of offers; the schedule at the top shows them as "
                "dots. When a round's offers are used up, the next round begins"
                + (f" and brings {fresh}." if fresh else "."),
                f"{opens or 'In time '}a joint statement can be put forward{ceiling}. If they "
                "sign, every accord reached is on the record. Without a statement only unwritten "
                "accords stand, and a walkout erases today's accords.",
                "The endings, from the least to the most the summit can reach (a slash joins "
                f"those of a rank): {ending_list}.",
            ),
        ),
        Page(
            "Modes and saving",
            (
                "Practice games allow undo: it steps back one move, and the transcript records "
                "that you took it back. Graded games do not allow undo.",
                f"In a hot-seat game a second player answers for {sides.counterpart.capital}, "
                "choosing among the answers the rules allow, with the rules' own choice shown as "
                f"advice, and tables {sides.counterpart.capital}'s proposals by countering an "
                "offer. Teams may play it, one a side: name both on the New game form, and the "
                "role cards follow the briefing.",
                "The game saves itself after every move; Continue on the title screen goes on "
                "from there. You can also save under a name, and export the transcript from the "
                "debrief for your teacher, who can check it with its verification code.",
            ),
        ),
        Page(
            "Controls",
            (
                "- Mouse: point at a card or button and click. The wheel scrolls the log.",
                "- Keyboard: Tab and Shift+Tab or the arrow keys move between controls; Enter or "
                "Space chooses; Esc goes back, or opens the menu at the table.",
                "- Offers: number keys 1 to 9 and 0, then Q, W, E, R and on along the keyboard. "
                "A key whose card is on the other page turns to it: press it again to play it. "
                "Playing the card you have just played once more asks first.",
                "- At the table: U undo, S save, H help, L the whole log, X dismisses the "
                "adviser's note. Their proposal: A accepts, R rejects, M amends. F11 switches "
                "full screen.",
                "Text size, a colour-blind-safe palette, animation speed, sound and the "
                "adviser's hints are in Settings.",
            ),
        ),
    ]
    return tuple(pages)


def _meters_page(scenario: Scenario) -> tuple[str, ...]:
    """The meters of the talks as the scenario describes them, the trust meter first; a meter
    whose lower values are the better ones says so."""
    from game.engine import Direction, MeterGroup, MeterRole
    from game.engine.describe import capitalise

    trust = scenario.role_index(MeterRole.TRUST)
    talks = [i for i, meter in enumerate(scenario.meters) if meter.group is MeterGroup.TALKS]
    talks.sort(key=lambda index: index != trust)
    lines = []
    for index in talks:
        meter = scenario.meters[index]
        name = capitalise(meter.label)
        if index == trust:
            name += ", in front of the table, is the number to watch"
        elif meter.good is Direction.LOW:
            name += " (lower is better)"
        lines.append(f"- {name}. {meter.description}".rstrip())
    return tuple(lines)
