"""⑥ Due occurrences → outbox rows, each exactly once, in one short transaction.

Each claimed occurrence ends in one of: ``sent`` (an outbox row written, "(late)" wording
when it is late but inside the catch-up window), ``missed`` (older than the window: told
later in one summary), deferred (still ``pending``, due at the end of quiet hours),
``skipped`` (opted out) or ``cancelled`` (reminder gone).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.observability import metrics
from nudge.outbox.enqueue import enqueue_many, outbox_values
from nudge.scheduler.occurrences import next_after
from nudge.scheduler.policy import Policy
from nudge.scheduler.quiet_hours import chosen_in_quiet, is_quiet, window_end
from nudge.store.db import Database
from nudge.store.dialect import insert_ignore
from nudge.store.states import OccurrenceState, ReminderState
from nudge.store.tables import Occurrence, Reminder, User
from nudge.texts.catalog import render


@dataclass(slots=True)
class Tally:
    """What one pass did; turned into metrics only after the transaction commits."""

    fired: int = 0
    late: int = 0
    missed: int = 0
    deferred: int = 0
    lateness: list[float] = field(default_factory=list)

    def publish(self) -> None:
        """Update the Prometheus counters."""
        metrics.REMINDERS_FIRED.inc(self.fired)
        metrics.REMINDERS_LATE.inc(self.late)
        metrics.REMINDERS_MISSED.inc(self.missed)
        metrics.REMINDERS_DEFERRED.inc(self.deferred)
        for seconds in self.lateness:
            metrics.REMINDER_LATENESS.observe(seconds)


async def fire_due(db: Database, *, now: datetime, limit: int, policy: Policy | None = None) -> int:
    """Claim up to ``limit`` due occurrences and queue their SMS; return how many were claimed.

    Rows are locked with ``FOR UPDATE SKIP LOCKED`` on PostgreSQL so any number of workers
    can run this at once; SQLite serialises writers, so one claimer at a time is implied.
    The outbox row, the occurrence's new state and the next occurrence of a recurring
    reminder are written in the same transaction: a crash leaves all or nothing.
    """
    rules, tally = policy or Policy(), Tally()
    async with db.transaction() as session:
        result = await session.execute(
            select(Occurrence)
            .where(Occurrence.state == OccurrenceState.PENDING, Occurrence.due_at <= now)
            .order_by(Occurrence.due_at, Occurrence.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        occurrences = result.scalars().all()
        reminders, users = await _preload(session, occurrences)
        outgoing: list[dict[str, object]] = []
        for occurrence in occurrences:
            await _fire(
                session,
                occurrence,
                reminders.get(occurrence.reminder_id),
                users.get(occurrence.user_id),
                now=now,
                policy=rules,
                tally=tally,
                out=outgoing,
            )
        await enqueue_many(session, outgoing)
    tally.publish()
    return len(occurrences)


async def _preload(
    session: AsyncSession, occurrences: Sequence[Occurrence]
) -> tuple[dict[int, Reminder], dict[int, User]]:
    """The batch's reminders and users, in two queries."""
    if not occurrences:
        return {}, {}
    reminder_ids = {o.reminder_id for o in occurrences}
    user_ids = {o.user_id for o in occurrences}
    found = await session.execute(select(Reminder).where(Reminder.id.in_(reminder_ids)))
    people = await session.execute(select(User).where(User.id.in_(user_ids)))
    return (
        {reminder.id: reminder for reminder in found.scalars()},
        {user.id: user for user in people.scalars()},
    )


async def _fire(
    session: AsyncSession,
    occurrence: Occurrence,
    reminder: Reminder | None,
    user: User | None,
    *,
    now: datetime,
    policy: Policy,
    tally: Tally,
    out: list[dict[str, object]],
) -> None:
    if reminder is None or user is None or reminder.state != ReminderState.ACTIVE:
        occurrence.state = OccurrenceState.CANCELLED
        return
    lateness = now - occurrence.due_at
    if user.opted_out:
        occurrence.state = OccurrenceState.SKIPPED
    elif lateness > policy.grace:
        occurrence.state = OccurrenceState.MISSED
        tally.missed += 1
    elif _must_wait(occurrence, reminder, user, now=now):
        occurrence.due_at = window_end(
            now, tz=user.timezone, start=user.quiet_start, end=user.quiet_end
        )
        tally.deferred += 1
        return
    else:
        out.append(_message(occurrence, reminder, user, now=now, late=lateness > policy.late_after))
        if reminder.ack_required or policy.follow_up_all:
            occurrence.follow_up_at = now + policy.follow_up_delay(0)
        tally.fired += 1
        tally.late += lateness > policy.late_after
        tally.lateness.append(max(lateness.total_seconds(), 0.0))
    if reminder.rrule and not occurrence.is_snooze:
        await _schedule_next(session, reminder, after=max(occurrence.scheduled_at, now))


def _must_wait(occurrence: Occurrence, reminder: Reminder, user: User, *, now: datetime) -> bool:
    """Quiet hours defer this firing: not "always", not a snooze, not a time chosen in them."""
    if reminder.always or occurrence.is_snooze:
        return False
    quiet = {"tz": user.timezone, "start": user.quiet_start, "end": user.quiet_end}
    if not is_quiet(now, **quiet):
        return False
    return not chosen_in_quiet(occurrence.scheduled_at, rrule=reminder.rrule, **quiet)


def _message(
    occurrence: Occurrence, reminder: Reminder, user: User, *, now: datetime, late: bool
) -> dict[str, object]:
    """The reminder SMS (written with the batch) and the occurrence marked sent."""
    occurrence.state, occurrence.sent_at = OccurrenceState.SENT, now
    return outbox_values(
        user_id=user.id,
        to_phone=user.phone,
        body=render(user.locale, "reminder_late" if late else "reminder", text=reminder.text),
        key=f"occurrence:{occurrence.id}",
        kind="reminder",
        occurrence_id=occurrence.id,
        now=now,
    )


async def _schedule_next(session: AsyncSession, reminder: Reminder, *, after: datetime) -> None:
    """Insert the following occurrence; the unique (reminder, time) key makes it once-only."""
    assert reminder.rrule is not None
    following = next_after(
        reminder.rrule, first=reminder.first_at, after=after, tz=reminder.timezone
    )
    if following is None:
        return
    values = {
        "reminder_id": reminder.id,
        "user_id": reminder.user_id,
        "scheduled_at": following,
        "due_at": following,
        "state": OccurrenceState.PENDING,
        "is_snooze": False,
        "follow_ups": 0,
    }
    await session.execute(
        insert_ignore(session, Occurrence, values, ["reminder_id", "scheduled_at"])
    )
