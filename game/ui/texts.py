"""Words the screens show that are not scenario data: the briefing, how to play, the citation."""

from __future__ import annotations

from typing import Final

import attrs


@attrs.frozen
class Page:
    """One page of a text screen: a heading and its paragraphs ('- ' starts a bullet)."""

    heading: str
    paragraphs: tuple[str, ...]


ESSAY_AUTHOR: Final = "Ted Galen Carpenter"
ESSAY_TITLE: Final = (
    "The Hanoi Summit \u2013 We Asked Ted Carpenter What Happens Next in U.S.-North Korea Relations"
)
ESSAY_VENUE: Final = "The National Interest, 2019"
CITATION: Final = f"After {ESSAY_AUTHOR}, \u201c{ESSAY_TITLE}\u201d, {ESSAY_VENUE}."

BRIEFING: Final = (
    Page(
        "Where things stand",
        (
            "Hanoi, late February 2019. The second summit between the United States and North "
            "Korea was meant to produce something on paper. Most observers expected at least a "
            "declaration that the Korean War was over, liaison offices in both capitals, and a "
            "first step on the nuclear and missile programmes.",
            "In history, none of that happened. The talks ended early and there was no joint "
            "statement of any kind. Both governments then described the meeting as useful, and "
            "both said they wanted to keep talking.",
        ),
    ),
    Page(
        "The trust problem",
        (
            "Washington's stated aim is complete, verifiable and irreversible denuclearisation. "
            "Reaching it would take a degree of trust between the two sides that simply does "
            "not exist.",
            "Pyongyang has watched what followed the nuclear agreements with Libya and Iran, and "
            "draws its own conclusions. You start this summit with trust low, and every offer "
            "you make is weighed against that history.",
        ),
    ),
    Page(
        "Your goals",
        (
            "You lead the U.S. delegation. You will be judged on two things:",
            "- A normal relationship with Pyongyang: fewer hostilities, more channels, "
            "agreements that hold.",
            "- Less risk for the United States: a smaller share of the burden of containing "
            "the North, carried instead by its neighbours once relations are stable.",
            "Every concession also costs you at home. A deal the President cannot defend in "
            "Washington is a deal you cannot sign.",
        ),
    ),
    Page(
        "Source",
        (
            "The situation and the menu of offers follow an opinion essay written after the "
            f"summit: {ESSAY_AUTHOR}, \u201c{ESSAY_TITLE}\u201d, {ESSAY_VENUE}.",
            "The game's wording is its own. The delegates at the table are generic figures, not "
            "portraits of anyone who was there.",
        ),
    ),
)

HOW_TO_PLAY: Final = (
    Page(
        "The aim",
        (
            "You are the U.S. negotiator. Over a few rounds \u2013 dinner, a one-on-one, the "
            "expanded talks, a working lunch and, if it gets that far, a signing \u2013 you put "
            "offers on the table and the North Korean delegation answers each one.",
            "Agreements you reach are called accords. The summit ends when the schedule runs "
            "out, when you walk away, or when they do.",
        ),
    ),
    Page(
        "The meters",
        (
            "- Trust, in the centre of the table, is the number to watch. Most accords need "
            "more of it than you start with.",
            "- Patience is how much more the other side will sit through. Pushing an offer "
            "they have already refused costs patience.",
            "- Leverage is what you have left to trade: sanctions relief and other chips are "
            "spent when you give them away.",
            "- Domestic pressure is the cost at home. Too much and the deal cannot be sold in "
            "Washington.",
            "- Risk exposure is how much of the danger the United States carries itself.",
        ),
    ),
    Page(
        "Offers and answers",
        (
            "Each offer is a card. A card you cannot play yet says why, for example that trust "
            "is too low or that embassies need liaison offices first.",
            "The other side may accept, make a counter-offer, ask for time, refuse, or leave "
            "the table. Every answer comes with its reason, so you can see what moved them.",
            "Making the same offer again is worth less each time. Small, concrete steps tend "
            "to build the trust that larger ones need.",
        ),
    ),
    Page(
        "Controls",
        (
            "- Mouse: point at a card or button and click. The wheel scrolls the log.",
            "- Keyboard: Tab and Shift+Tab or the arrow keys move between controls; Enter or "
            "Space chooses; Esc goes back.",
            "- Number keys pick offers directly: 1 to 9, then 0, minus and equals.",
            "- Page Up and Page Down scroll the log. F11 switches full screen.",
            "Text size, a colour-blind-safe palette, animation speed, sound and the "
            "adviser's hints are in Settings.",
        ),
    ),
)
