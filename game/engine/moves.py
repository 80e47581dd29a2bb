"""What can be played now: the legal moves, every option with the reason it is closed, and
the check that a move may be played."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Final, Protocol

from game.engine.conditions import _explain, _holds
from game.engine.scenario import (
    Offer,
    OfferKind,
    Scenario,
    Variant,
)
from game.engine.state import (
    ACCEPT,
    AMEND,
    ANSWERS,
    REJECT,
    Accord,
    GameOverError,
    GameState,
    IllegalMoveError,
    Move,
    MoveOption,
)

_ACCORDING: Final = (OfferKind.OFFER, OfferKind.STATEMENT)
"""Kinds of offer that create an accord, and so can be agreed only once."""


UNKNOWN_MOVE: Final = "unknown move"
"""The reason for a move that names no offer, answer or form of the scenario."""


class Unavailable(enum.StrEnum):
    """Why a move cannot be played now, as its closed option says (a scenario's condition that
    does not hold gives its own reason instead).

    A ``StrEnum``: an option's ``reason`` is text, whichever way it was closed.
    """

    OVER = "the summit is over"
    PENDING = "answer their proposal first (accept, reject or amend)"
    NOTHING_TO_ANSWER = "there is no proposal of theirs to answer"
    NO_AMENDMENT = "this proposal of theirs cannot be amended, only accepted or rejected"
    AGREED = "already agreed"
    BROKEN = "agreed once and broken; it cannot be agreed again at this summit"
    PRIOR = "already agreed at the earlier summit"
    """Agreed at the summit this game continues: it stands, and is not made again."""
    NOTHING_AGREED = "nothing has been agreed at this summit yet that a statement could record"


class Position(Protocol):
    """What decides which offers are on the menu: a game's state, or a move being worked out."""

    @property
    def scenario(self) -> Scenario: ...
    @property
    def meters(self) -> Sequence[int]: ...
    @property
    def stance(self) -> int: ...
    @property
    def round(self) -> int: ...
    @property
    def agreed(self) -> frozenset[str]: ...
    @property
    def accords(self) -> tuple[Accord, ...]: ...


def _is_open(state: GameState, offer: Offer, answering: bool = False) -> bool:
    """True when the offer can be made now (the fast path of :func:`_offer_block`).

    ``answering``: it is made as an amendment to their pending proposal.
    """
    if state.terminal is not None or (state.pending is not None and not answering):
        return False
    return _on_menu(state, offer)


def _on_menu(position: Position, offer: Offer) -> bool:
    """True when the offer's own conditions let it be made in ``position`` (whatever waits
    for an answer)."""
    if offer.kind in _ACCORDING and offer.id in position.agreed:
        return False
    if offer.kind is OfferKind.STATEMENT and not _reached_here(position):
        return False
    if offer.requires.is_empty:
        return True
    return _holds(offer.requires, position.meters, position.stance, position.round, position.agreed)


def can_offer(position: Position) -> bool:
    """True when some offer of the menu can be made in ``position``: when none can and nothing
    of theirs waits for an answer, the player has no move, and the round closes
    (:func:`game.engine.rounds._close_stalled`)."""
    scenario = position.scenario
    floor: tuple[bool, frozenset[str]] | None = scenario.memo.get("unconditional")
    if floor is None:
        # Asked after every move: offers that nothing but their own agreement closes answer it
        # at once (a recess without conditions is never closed) in almost every position.
        offers = scenario.offers
        always = any(o.kind is OfferKind.RECESS and o.requires.is_empty for o in offers)
        ids = (o.id for o in offers if o.kind is OfferKind.OFFER and o.requires.is_empty)
        floor = always, frozenset(ids)
        scenario.memo["unconditional"] = floor
    always, unless_agreed = floor
    if always or not unless_agreed <= position.agreed:
        return True
    return any(_on_menu(position, offer) for offer in scenario.offers)


def _reached_here(position: Position) -> bool:
    """True once this summit (not an earlier one) has reached an accord that still stands."""
    return any(not accord.prior and not accord.broken for accord in position.accords)


def _offer_block(state: GameState, offer: Offer, answering: bool = False) -> str:
    """Why an offer cannot be made now (``""`` when it can)."""
    if _is_open(state, offer, answering):
        return ""
    if state.terminal is not None:
        return Unavailable.OVER
    if state.pending is not None and not answering:
        return Unavailable.PENDING
    if offer.kind in _ACCORDING and offer.id in state.agreed:
        accord = next((a for a in state.accords if a.id == offer.id), None)
        if accord is not None and accord.prior:
            return Unavailable.PRIOR
        if accord is not None and accord.broken:
            return Unavailable.BROKEN
        return Unavailable.AGREED
    if offer.kind is OfferKind.STATEMENT and not _reached_here(state):
        return Unavailable.NOTHING_AGREED
    return _explain(state, offer.requires)


def _resolve(state: GameState, move: Move) -> tuple[Offer, Variant | None]:
    """Find the offer and variant a move names, or raise :class:`IllegalMoveError`."""
    scenario = state.scenario
    index = scenario.offer_index.get(move.offer)
    if index is None:
        raise IllegalMoveError(str(move), UNKNOWN_MOVE)
    offer = scenario.offers[index]
    variant = offer.variant(move.variant)
    if move.variant is not None and variant is None:
        if offer.variants:
            names = ", ".join(v.id for v in offer.variants)
            raise IllegalMoveError(str(move), f"unknown variant (this offer has {names})")
        raise IllegalMoveError(str(move), "this offer has no variants")
    return offer, variant


def amendment(state: GameState) -> Move | None:
    """The move the player may answer their pending proposal with (None when none)."""
    if state.pending is None:
        return None
    text = state.scenario.proposals[state.pending.proposal].amend
    return Move.parse(text) if text else None


def offered(state: GameState, move: Move) -> Move:
    """The offer ``move`` puts to them: the move itself, or for ``amend`` the offer it answers
    their proposal with. Raises :class:`IllegalMoveError` for an amendment with nothing to amend.
    """
    if move.offer != AMEND:
        return move
    amended = amendment(state)
    if amended is None:
        raise IllegalMoveError(str(move), Unavailable.NO_AMENDMENT)
    return amended


def _amend_block(state: GameState) -> str:
    """Why the pending proposal cannot be answered with its amendment now (``""``: it can)."""
    amended = amendment(state)
    if amended is None:
        return Unavailable.NO_AMENDMENT
    offer, _ = _resolve(state, amended)
    reason = _offer_block(state, offer, answering=True)
    return f"{offer.label}: {reason}" if reason else ""


def check_move(state: GameState, move: Move) -> None:
    """Raise :class:`IllegalMoveError` (or :class:`GameOverError`) unless the move is legal."""
    _checked(state, move)


def _checked(state: GameState, move: Move) -> tuple[Offer | None, Variant | None]:
    """Check a move and return its offer and variant (None for an answer)."""
    if state.terminal is not None:
        raise GameOverError(str(move), Unavailable.OVER)
    if move.is_answer:
        if move.variant is not None:
            raise IllegalMoveError(str(move), "an answer takes no variant")
        if state.pending is None:
            raise IllegalMoveError(str(move), Unavailable.NOTHING_TO_ANSWER)
        if move.offer == AMEND:
            reason = _amend_block(state)
            if reason:
                raise IllegalMoveError(str(move), reason)
        return None, None
    offer, variant = _resolve(state, move)
    if not _is_open(state, offer):
        raise IllegalMoveError(str(move), _offer_block(state, offer))
    return offer, variant


def is_legal(state: GameState, move: Move) -> bool:
    """True when ``move`` can be played now."""
    try:
        check_move(state, move)
    except IllegalMoveError:
        return False
    return True


def _answer_options(state: GameState) -> list[MoveOption]:
    if state.terminal is not None:
        reasons: dict[str, str] = dict.fromkeys(ANSWERS, Unavailable.OVER)
    elif state.pending is None:
        reasons = dict.fromkeys(ANSWERS, Unavailable.NOTHING_TO_ANSWER)
    else:
        reasons = {ACCEPT: "", REJECT: "", AMEND: _amend_block(state)}
    options = []
    for answer in ANSWERS:
        label = answer.capitalize()
        amended = amendment(state) if answer == AMEND else None
        if amended is not None:
            offer, variant = _resolve(state, amended)
            label = f"Amend: {offer.label}" + (f" ({variant.label})" if variant else "")
        options.append(MoveOption(Move(answer), label, not reasons[answer], reasons[answer]))
    return options


def move_options(state: GameState) -> tuple[MoveOption, ...]:
    """Every move of the scenario, each marked available or not with the reason (the playable
    ones alone come from :func:`available_moves`).

    Offers with variants are listed once per variant. Answers to a proposal of theirs come
    first while one is pending, last otherwise.
    """
    options: list[MoveOption] = []
    answers = _answer_options(state)
    pending = state.pending is not None and state.terminal is None
    if pending:
        options.extend(answers)
    for offer in state.scenario.offers:
        reason = _offer_block(state, offer)
        if offer.variants:
            options.extend(
                MoveOption(
                    Move(offer.id, variant.id),
                    f"{offer.label} ({variant.label})",
                    not reason,
                    reason,
                )
                for variant in offer.variants
            )
        else:
            options.append(MoveOption(Move(offer.id), offer.label, not reason, reason))
    if not pending:
        options.extend(answers)
    return tuple(options)


_ANSWER_MOVES: Final = (Move(ACCEPT), Move(REJECT))


def _menu(scenario: Scenario) -> tuple[tuple[Offer, tuple[Move, ...]], ...]:
    """The scenario's offers with their moves: moves are frozen values, so they are built once
    and kept with the scenario."""
    menu: tuple[tuple[Offer, tuple[Move, ...]], ...] | None = scenario.memo.get("menu")
    if menu is None:
        menu = tuple(
            (offer, tuple(Move(offer.id, v.id) for v in offer.variants) or (Move(offer.id),))
            for offer in scenario.offers
        )
        scenario.memo["menu"] = menu
    return menu


def available_moves(state: GameState) -> tuple[Move, ...]:
    """Only the moves that can be played now, in the order of :func:`move_options`."""
    if state.terminal is not None:
        return ()
    if state.pending is not None:
        if _amend_block(state):
            return _ANSWER_MOVES
        return (*_ANSWER_MOVES, Move(AMEND))
    moves: list[Move] = []
    for offer, offered in _menu(state.scenario):
        if _is_open(state, offer):
            moves.extend(offered)
    return tuple(moves)
