"""Limits per sending phone: a runaway phone or two bots texting each other cannot flood us.

Counted in our own database, from the inbound messages already stored (the
``(user_id, created_at)`` index), not in process memory: the limit holds across web
replicas and workers on one PostgreSQL and on the embedded SQLite file, with no Redis. The
counts are read after the person's dialogue row is locked (``state.load_by_phone``; SQLite
takes its write lock at BEGIN), so one person's messages are judged one at a time: two
racing at the limit cannot both get the notice. Every stored message counts, limited ones
too, so a phone that keeps texting stays limited until it slows down.

Over a limit a message is still stored, but neither read by the rules nor sent to the
model: the first gets one kind notice, the rest silence until the window passes. After a
notice no other goes out until the window of the limit it was for has passed (a minute, the
repeat window, an hour, a day); a phone still limited then hears once more. The same text
several times in a row (an auto-responder answering our answers) is held as a loop sooner.
Carrier keywords (STOP, START, HELP) are never limited; an opted-out number gets no reply.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final, Literal

from sqlalchemy import ScalarSelect, bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.channels.base import Inbound
from nudge.conversation.keywords import carrier_keyword
from nudge.conversation.reading import Reading
from nudge.observability.metrics import RATE_LIMITED
from nudge.settings import Settings
from nudge.store.tables import ConversationState, Message, User

Rule = Literal["minute", "hour", "day", "repeat"]

MINUTE: Final = timedelta(minutes=1)
HOUR: Final = timedelta(hours=1)
DAY: Final = timedelta(days=1)

NOTICE: Final = "rate_limited"  # the one reply, "in a few minutes" (minute, repeat)
NOTICE_LATER: Final = "rate_limited_later"  # the one reply, "in a while" (hour, day)
QUIET: Final = "rate_limited_quiet"  # stored, not answered
INTENTS: Final = frozenset({NOTICE, NOTICE_LATER, QUIET})


@dataclass(frozen=True, slots=True)
class Limits:
    """Messages per phone per sliding minute, hour and day, and the repeats that make a loop.

    0 turns a limit off.
    """

    per_minute: int
    per_hour: int
    per_day: int
    repeats: int  # the same text this many times in a row within ``repeat_window``
    repeat_window: timedelta

    @classmethod
    def of(cls, settings: Settings) -> Limits:
        """The limits an operator set."""
        return cls(
            per_minute=settings.rate_limit_per_minute,
            per_hour=settings.rate_limit_per_hour,
            per_day=settings.rate_limit_per_day,
            repeats=settings.rate_limit_repeats,
            repeat_window=timedelta(minutes=settings.rate_limit_repeat_minutes),
        )

    @property
    def active(self) -> bool:
        """Whether any limit is on."""
        return bool(self.per_minute or self.per_hour or self.per_day or self.repeats >= 2)

    def windows(self) -> dict[Rule, timedelta]:
        """How far back each rule looks."""
        return {"minute": MINUTE, "hour": HOUR, "day": DAY, "repeat": self.repeat_window}


@dataclass(frozen=True, slots=True)
class Limited:
    """A message over a limit: which rule holds it and whether it gets the one notice."""

    rule: Rule
    notice: bool
    window: timedelta  # how far back ``rule`` looks

    @property
    def intent(self) -> str:
        """Stored on the message (the dashboard shows it) and the reply key of the handler."""
        if not self.notice:
            return QUIET
        return NOTICE_LATER if self.rule in ("hour", "day") else NOTICE

    @property
    def reading(self) -> Reading:
        """What the message is taken for: no Command, so nothing is read or carried out."""
        return Reading(self.intent)


async def assess(
    session: AsyncSession,
    user: User,
    state: ConversationState,
    inbound: Inbound,
    *,
    now: datetime,
    limits: Limits,
) -> Limited | None:
    """Whether ``inbound`` (not stored yet) is over a limit; None when it is read as usual.

    One round trip, each count stopped at its limit (a flood costs no more to count).
    Call it with the person's dialogue row locked.
    """
    if not limits.active or user.opted_out or carrier_keyword(inbound.body):
        return None
    result = await session.execute(
        _COUNTS,
        {
            "user_id": user.id,
            "minute": now - MINUTE,
            "hour": now - HOUR,
            "day": now - DAY,
            "per_minute": limits.per_minute,
            "per_hour": limits.per_hour,
            "per_day": limits.per_day,
            "since": now - limits.repeat_window,
            "earlier": max(0, limits.repeats - 1),
            "body": inbound.body,
        },
    )
    minute, hour, day, same = result.one()
    counted: tuple[tuple[Rule, int, int], ...] = (
        ("minute", minute, limits.per_minute),
        ("hour", hour, limits.per_hour),
        ("day", day, limits.per_day),
    )
    tripped = [rule for rule, n, limit in counted if limit and n >= limit]  # this one is over
    if limits.repeats >= 2 and same == limits.repeats - 1:  # the last ones all this text
        tripped.append("repeat")
    if not tripped:
        return None
    windows = limits.windows()
    rule = max(tripped, key=windows.__getitem__)  # the longest window that holds it
    quiet_until = state.rate_quiet_until
    return Limited(rule, quiet_until is None or now >= quiet_until, windows[rule])


def note(state: ConversationState, limited: Limited, *, now: datetime) -> None:
    """After a notice, none other until its window has passed (the message was stored)."""
    if limited.notice:
        state.rate_quiet_until = now + limited.window


def observe(limited: Limited) -> None:
    """Prometheus: one more message held by ``limited.rule``."""
    RATE_LIMITED.labels(limited.rule, "notice" if limited.notice else "silent").inc()


def _recent(since: str, cap: str) -> ScalarSelect[int]:
    """How many of the person's messages since ``since``, counted up to ``cap`` (index only)."""
    rows = (
        select(Message.user_id)
        .where(Message.user_id == bindparam("user_id"), Message.created_at >= bindparam(since))
        .limit(bindparam(cap))
        .subquery()
    )
    return select(func.count()).select_from(rows).scalar_subquery()


def _same_text() -> ScalarSelect[int]:
    """How many of the person's last ``earlier`` messages (since ``since``) are ``body``."""
    last = (
        select(Message.body)
        .where(Message.user_id == bindparam("user_id"), Message.created_at >= bindparam("since"))
        .order_by(Message.created_at.desc(), Message.id.desc())
        .limit(bindparam("earlier"))
        .subquery()
    )
    same = select(func.count()).select_from(last).where(last.c.body == bindparam("body"))
    return same.scalar_subquery()


_COUNTS = select(  # built once: the four counts of one message, in one statement
    _recent("minute", "per_minute"),
    _recent("hour", "per_hour"),
    _recent("day", "per_day"),
    _same_text(),
)
