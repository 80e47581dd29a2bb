"""The briefing before the talks, built from the scenario: the situation, the goals, the
schedule, the other side, and the essay the scenario draws on, cited by author and title."""

from __future__ import annotations

from game.engine import Carry, Scenario
from game.engine.describe import NO_BREAK, capitalise, round_when
from game.ui.texts import Page, listing
from game.words import counted


def briefing_pages(scenario: Scenario, carry: Carry | None = None) -> tuple[Page, ...]:
    """The briefing's pages, in our own words from the scenario file; for a game that carries
    on from an earlier summit (``carry``), the situation opens with what it carried."""
    pages = [Page("The situation", (*carried(scenario, carry), *scenario.briefing))]
    pages.append(
        Page(
            "Your goals",
            (
                f"You lead {scenario.sides.player.text}. The debrief will judge you on these:",
                *(f"- {goal}" for goal in scenario.goals),
            ),
        )
    )
    schedule = [
        f"- {capitalise(round_when(held))}"
        + (f": {held.description.strip()}" if held.description.strip() else "")
        # Kept whole: at large text "(3" ended a line and "offers)" began the next.
        + f" ({counted(held.turns, 'offer').replace(' ', NO_BREAK)})"
        for held in scenario.rounds
    ]
    pages.append(
        Page(
            "The schedule",
            (
                f"The summit runs over {len(scenario.rounds)} rounds. Each allows a few "
                "offers; if they walk out, what is left is cancelled.",
                *schedule,
            ),
        )
    )
    stances = ", ".join(stance.label for stance in scenario.stances)
    start = scenario.stances[scenario.start_stance]
    them = capitalise(scenario.sides.counterpart.text)
    arrives = (
        f"{them} arrives {start.label}: {start.description[:1].lower()}{start.description[1:]}"
    )
    if carry is not None and scenario.carry is not None and scenario.carry.settle_stance:
        # Their mood follows the trust carried over (a play-tester read "arrives guarded" and
        # found them cooperative at trust 88).
        arrives = (
            f"{them} arrives in the mood the trust you carry over has earned: the table shows it."
        )
    pages.append(
        Page(
            "Across the table",
            (
                arrives,
                f"Their stance moves with trust and with what you offer, from the most hostile "
                f"to the most open: {stances}. The warmer they are, the less they need before "
                "they accept.",
                "Their delegation's character is hidden. It shows only in how they answer, and "
                "the debrief reveals it.",
            ),
        )
    )
    source = scenario.source
    article = "an" if source.kind[:1] in "aeiou" else "a"
    pages.append(
        Page(
            "Source",
            (
                f"The situation and the offers follow {article} {source.kind}: "
                f"{source.author}, \u201c{source.title}\u201d, {source.publication}, "
                f"{source.year}.",
                "The game's wording is its own. The delegates at the table are generic figures, "
                "not portraits of anyone who was there; leaders are named only in the history.",
            ),
        )
    )
    return tuple(pages)


def carried(scenario: Scenario, carry: Carry | None) -> tuple[str, ...]:
    """What a game carries over from the earlier summit it continues, to open the situation
    with: the accords on its record (the situation as the scenario tells it starts with none)
    and where it left the meters it hands on."""
    if carry is None:
        return ()
    if carry.accords:
        accords = listing([scenario.accord_label(accord) for accord in carry.accords])
        text = (
            "You come from a summit of your own, and it went further than the story below: "
            f"{accords} {'are' if len(carry.accords) > 1 else 'is'} on the record, and "
            "stand here from the start."
        )
    else:
        text = "You come from a summit of your own, which put no accord on the record."
    left = [
        f"{scenario.meters[scenario.meter_index[meter]].label} at {value}"
        for meter, value in carry.meters
        if meter in scenario.meter_index
    ]
    if left:
        text += (
            f" It left {listing(left)}; this summit picks them up there, give or take the "
            "mood of the delegation across the table."
        )
    return (text,)
