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
            "Agreements you reach are called accords. The summit ends when a joint statement is "
            "signed, when the schedule runs out, when you walk away, or when they walk out.",
            "The debrief scores two goals from the essay \u2013 a normal relationship with "
            "Pyongyang, and less risk for the United States \u2013 and your standing at home.",
        ),
    ),
    Page(
        "The meters",
        (
            "- Trust, in front of the table, is the number to watch. Most accords need more of "
            "it than you start with; accepted offers raise it, refusals and bad news lower it.",
            "- Patience is how long they will stay. Every offer uses some, refusals and repeated "
            "demands use more, and each new round gives a little back. At 0 they walk out.",
            "- U.S. leverage is what you have left to trade. Sanctions relief spends it, and what "
            "is traded away does not come back. Some offers need leverage left to be made.",
            "- Domestic pressure is the opposition at home. Above 75 the President cannot sell a "
            "joint statement, so none can be signed.",
            "- Risk exposure is how much of the danger the United States carries itself. "
            "Restraint, peace and handing the lead to the region bring it down.",
        ),
    ),
    Page(
        "Their stance",
        (
            "The other side moves between five stances, from hostile through guarded, wary and "
            "engaged to cooperative. Trust mostly decides which: the marks under the trust bar "
            "show where they warm to the next stance.",
            "They warm up at one level and cool down only well below it, so a stance does not "
            "flicker when trust wobbles. The warmer they are, the less they need before they "
            "accept. A hostile delegation is looking for a reason to leave.",
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
            "Each offer is a card. A locked card says why: not enough leverage left, an accord "
            "that must come first, a stance they have not reached, or a round not yet begun.",
            "An open offer still has to persuade them. Each needs some level on a meter \u2013 "
            "often trust \u2013 before they accept; the trust bar marks roughly what the card in "
            "focus needs. Their mood, their character and a little chance move that level by a "
            "few points either way.",
            "Some offers come in forms, such as written or unwritten restraint. A form can be "
            "easier or harder for them to accept, and costs you differently; an unwritten "
            "understanding stands even if the summit ends without a statement.",
        ),
    ),
    Page(
        "Their answers",
        (
            "- Accept: the accord is made, and a little trust and patience return.",
            "- Defer: you fell just short. They want to see more first; try again later.",
            "- Reject: you fell well short, or crossed a line.",
            "- A proposal of their own: instead of accepting, or as a round opens, they table "
            "their own terms, as they did in Hanoi with Yongbyon for the 2016-17 sanctions. "
            "Accept it, reject it, or amend it with an offer of yours, which they judge like "
            "any offer and which uses one of the round's offers. They table each proposal once.",
            "- Walk out: their patience is gone. Crossing a hard-line delegation's red line "
            "costs so much patience that it can end the day.",
            "Every answer comes with its reason, naming the meter and the level that decided "
            "it, so you can see what moved them.",
        ),
    ),
    Page(
        "The neighbours",
        (
            "Seoul, Tokyo and Beijing watch the talks. Under your meters each has a level of "
            "support, with a word for it: opposed, wary or supportive.",
            "Your moves raise or lower it \u2013 Tokyo and the missiles that reach Japan, Seoul "
            "and engagement, Beijing and the sanctions at its border \u2013 and how they take "
            "each move appears under the reply and in the log.",
            "A neighbour far from supportive presses on the talks between rounds, and handing "
            "the region the lead needs all three.",
        ),
    ),
    Page(
        "Repeats, recesses and events",
        (
            "Making the same offer again is worth less each time, and every earlier refusal of "
            "it costs patience. Build trust elsewhere before you try again.",
            "Stepping out to consult is a recess, not an offer: it eases a pressure but costs "
            "patience, and each recess helps less than the last.",
            "Between rounds, events happen: news at home, a signal from Pyongyang, an ally's "
            "worry. The seed decides which; they move the meters and you plan around them.",
            "An event may put an accord to the test: one in writing holds better than a spoken "
            "one, and a broken accord drops off the record and is remembered.",
        ),
    ),
    Page(
        "The schedule and the end",
        (
            "Each round allows a set number of offers; the schedule at the top shows them as "
            "dots. When a round's offers are used up, the next round begins.",
            "From the working lunch a joint statement can be put forward, if domestic pressure "
            "is 75 or less. If they sign, every accord reached is on the record. Without a "
            "statement only unwritten accords stand, and a walkout erases today's accords.",
            "Endings range from a walkout or no deal, as in history, through freeze for freeze, "
            "the Yongbyon deal, a peace declaration and liaison offices, to embassies, the "
            "region taking the lead, and the near-impossible grand bargain.",
        ),
    ),
    Page(
        "Modes and saving",
        (
            "Practice games allow undo: it steps back one move, and the transcript records "
            "that you took it back. Graded games do not allow undo.",
            "In a hot-seat game a second player answers for Pyongyang, choosing among the "
            "answers the rules allow, with the rules' own choice shown as advice, and tables "
            "Pyongyang's proposals by countering an offer.",
            "The game saves itself after every move; Continue on the title screen goes on from "
            "there. You can also save under a name, and export the transcript from the debrief "
            "for your teacher, who can check it with its verification code.",
        ),
    ),
    Page(
        "Controls",
        (
            "- Mouse: point at a card or button and click. The wheel scrolls the log.",
            "- Keyboard: Tab and Shift+Tab or the arrow keys move between controls; Enter or "
            "Space chooses; Esc goes back, or opens the menu at the table.",
            "- Offers: number keys 1 to 9 and 0, then Q, W, E, R and on along the keyboard.",
            "- At the table: U undo, S save, H help, L the whole log, X dismisses the adviser's "
            "note. Their proposal: A accepts, R rejects, M amends. F11 switches full screen.",
            "Text size, a colour-blind-safe palette, animation speed, sound and the adviser's "
            "hints are in Settings.",
        ),
    ),
)
