"""The states a row moves through, one enum per table, and the moves each table allows.

Every status read or written in ``src/`` is one of these members; the database refuses any
other value (a CHECK constraint per column, ``store/migrations/versions/0003``). The moves
are listed here, once per table: tests fail on a move that is not (``tests/state_guard.py``
watches every ORM write during the suite; a Core ``UPDATE`` states its move through
``Lifecycle.move``, checked when the statement is built).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Final, Generic, TypeVar

from sqlalchemy import Enum


class MessageStatus(StrEnum):
    """An inbound message: handled in the transaction that stored it, or by the agent."""

    RECEIVED = "received"
    AWAITING_AGENT = "awaiting_agent"  # phases 2–3 of conversation/agent_turn.py
    ANSWERED = "answered"


class OutboxStatus(StrEnum):
    """An outgoing SMS, from queued to what the provider last said about it."""

    PENDING = "pending"
    SENDING = "sending"  # claimed by a delivery worker, under its lease
    SENT = "sent"
    DELIVERED = "delivered"
    READ = "read"  # a provider status (WhatsApp-style read receipts), kept as given
    FAILED = "failed"
    UNKNOWN = "unknown"  # maybe sent: reconciled before any re-send
    CANCELLED = "cancelled"  # never sent: the person opted out first


class ReminderState(StrEnum):
    """A reminder: firing, paused (nothing fires until resumed), finished, or deleted."""

    ACTIVE = "active"
    PAUSED = "paused"  # its pending firings cancelled; "resume" books the next one
    DONE = "done"
    CANCELLED = "cancelled"


class OccurrenceState(StrEnum):
    """One firing of a reminder."""

    PENDING = "pending"
    SENT = "sent"
    SNOOZED = "snoozed"
    ACKNOWLEDGED = "acknowledged"
    MISSED = "missed"  # later than its catch-up window: told once in a summary
    SKIPPED = "skipped"  # the person had opted out
    CANCELLED = "cancelled"


class TodoStatus(StrEnum):
    """An item on the list; the later steps of a broken-down task wait as ``later``."""

    OPEN = "open"
    LATER = "later"
    DONE = "done"


S = TypeVar("S", bound=StrEnum)


def column_type(kind: type[StrEnum], column: str) -> Enum:
    """A state column: VARCHAR(16) of the enum's values, the only ones its CHECK accepts."""
    return Enum(
        kind,
        name=column,  # the CHECK constraint is ck_<table>_<column>
        native_enum=False,
        create_constraint=True,
        length=16,
        validate_strings=True,
        values_callable=lambda members: [member.value for member in members],
    )


class IllegalMoveError(ValueError):
    """A status change the table's lifecycle does not allow: a bug in the code that asked."""


@dataclass(frozen=True, slots=True)
class Lifecycle(Generic[S]):
    """The states a row of one table starts in, and where each state may move next."""

    starts: frozenset[S]
    moves: Mapping[S, frozenset[S]]

    def allows(self, old: S, new: S) -> bool:
        """Whether a row may go from ``old`` to ``new`` (staying put is always allowed)."""
        return old == new or new in self.moves.get(old, frozenset())

    def move(self, old: S, new: S) -> S:
        """``new``, when the move from ``old`` is allowed (for a Core ``UPDATE``'s values)."""
        if not self.allows(old, new):
            raise IllegalMoveError(f"{type(old).__name__}: {old} → {new} is not a move")
        return new


def _moves(*pairs: tuple[S, tuple[S, ...]]) -> dict[S, frozenset[S]]:
    return {old: frozenset(new) for old, new in pairs}


_M, _O, _R, _C, _T = MessageStatus, OutboxStatus, ReminderState, OccurrenceState, TodoStatus

MESSAGES: Final = Lifecycle(
    frozenset({_M.RECEIVED, _M.AWAITING_AGENT}),
    _moves((_M.AWAITING_AGENT, (_M.ANSWERED,))),
)
# Ours: claim, release and retry, settle, expire, reconcile, drop for an opted-out person.
# The provider's status callbacks then only move a row forward (outbox/status.py).
_PROVIDER_SAID = (_O.SENT, _O.DELIVERED, _O.READ, _O.FAILED)
OUTBOX: Final = Lifecycle(
    frozenset({_O.PENDING}),
    _moves(
        (_O.PENDING, (_O.SENDING, _O.CANCELLED, *_PROVIDER_SAID)),
        (_O.SENDING, (_O.PENDING, _O.UNKNOWN, *_PROVIDER_SAID)),
        (_O.UNKNOWN, (_O.PENDING, *_PROVIDER_SAID)),
        (_O.SENT, (_O.DELIVERED, _O.READ, _O.FAILED)),
        (_O.FAILED, (_O.DELIVERED, _O.READ)),
        (_O.DELIVERED, (_O.READ,)),
        (_O.READ, (_O.DELIVERED,)),
    ),
)
# "done", "delete" and "pause" are undoable, so each way out of ``active`` has its way back.
REMINDERS: Final = Lifecycle(
    frozenset({_R.ACTIVE}),
    _moves(
        (_R.ACTIVE, (_R.DONE, _R.CANCELLED, _R.PAUSED)),
        (_R.PAUSED, (_R.ACTIVE, _R.CANCELLED)),  # resume (or undo of pause); delete
        (_R.DONE, (_R.ACTIVE, _R.CANCELLED)),  # undo of "done" (on a deleted one: back)
        (
            _R.CANCELLED,
            (_R.ACTIVE, _R.DONE, _R.PAUSED),
        ),  # undo of delete; "done" after a late firing
    ),
)
OCCURRENCES: Final = Lifecycle(
    frozenset({_C.PENDING}),
    _moves(
        (_C.PENDING, (_C.SENT, _C.MISSED, _C.SKIPPED, _C.CANCELLED, _C.ACKNOWLEDGED)),
        (_C.SENT, (_C.ACKNOWLEDGED, _C.SNOOZED)),
        (_C.SNOOZED, (_C.ACKNOWLEDGED, _C.SENT)),  # undo of snooze: sent again
        (_C.ACKNOWLEDGED, (_C.PENDING, _C.SENT, _C.SNOOZED)),  # undo of "done"
        (_C.CANCELLED, (_C.PENDING,)),  # undo of delete, of "done" (its dropped snoozes)
    ),
)
TODOS: Final = Lifecycle(
    frozenset({_T.OPEN, _T.LATER}),
    _moves(
        (_T.OPEN, (_T.DONE, _T.LATER)),  # a step's undo: the next one waits again
        (_T.LATER, (_T.OPEN,)),  # "next": the following step opens
        (_T.DONE, (_T.OPEN,)),  # undo of "done"
    ),
)
