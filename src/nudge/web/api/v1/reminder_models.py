"""The shapes of reminders in the API: what comes in, and what goes out."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator

from nudge.features.reminders.views import FiringView, ReminderView
from nudge.texts.formatting import describe_rrule
from nudge.web.api.v1.moments import Moment, maybe, moment
from nudge.web.api.v1.texts import Rule, Words

State = Literal["active", "paused", "done", "cancelled"]


class ReminderOut(BaseModel):
    """A reminder: its next firing, and whether one waits for "done"."""

    id: int
    text: str
    state: State
    rrule: str | None
    repeats: str | None = Field(description='The repeat in words ("every Monday"), if any.')
    timezone: str
    first: Moment
    next: Moment | None = Field(description="The next firing (None: nothing scheduled).")
    next_firing_id: int | None
    waiting_firing_id: int | None = Field(description='A firing texted, waiting for "done".')
    always: bool
    created: Moment


class ReminderPage(BaseModel):
    """Reminders, newest first."""

    items: list[ReminderOut]
    next_before: int | None


class Upcoming(BaseModel):
    """Active reminders, soonest first."""

    items: list[ReminderOut]


class FiringOut(BaseModel):
    """One firing (occurrence) of a reminder."""

    id: int
    reminder_id: int
    scheduled: Moment
    due: Moment
    state: Literal["pending", "sent", "snoozed", "acknowledged", "missed", "skipped", "cancelled"]
    is_snooze: bool
    sent: Moment | None
    acknowledged: Moment | None


class FiringPage(BaseModel):
    """A reminder's firings, newest first."""

    items: list[FiringOut]
    next_before: int | None


class ReminderChange(BaseModel):
    """A change done: what Nudge says of it (as it would text it), and the reminder now."""

    said: str
    reminder: ReminderOut


class Phrase(BaseModel):
    """A reminder in words, read as an SMS would be, in the person's zone and language."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"text": "call mom tomorrow at 9"}]}
    )

    text: Words


class Fields(BaseModel):
    """A reminder by its fields: the task, its first time (with offset), and a repeat."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"task": "take pills", "at": "2026-11-25T08:00:00-05:00", "rrule": "FREQ=DAILY"}
            ]
        },
    )

    task: Words
    at: AwareDatetime
    rrule: Rule | None = None
    always: bool = Field(default=False, description="Sent even in quiet hours (medication).")

    @field_validator("at")
    @classmethod
    def _keepable(cls, value: datetime) -> datetime:
        return convertible(value)


class Edit(BaseModel):
    """What to change; a field left out stays. ``rrule: null`` makes it a one-off."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"text": "call dad", "at": "2026-11-26T18:00:00-05:00"}]},
    )

    text: Words | None = None
    at: AwareDatetime | None = None
    rrule: Rule | None = None

    @field_validator("at")
    @classmethod
    def _keepable(cls, value: datetime | None) -> datetime | None:
        return convertible(value) if value is not None else None


class Snooze(BaseModel):
    """How long until it is texted again."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"minutes": 10}]})

    minutes: int = Field(default=10, ge=1, le=24 * 60)


class Understood(BaseModel):
    """What a phrase means: a reminder to create, or the question Nudge would ask instead."""

    code: str | None = Field(description="None: ready to create; else why not (needs_time...).")
    said: str = Field(description="The confirmation Nudge would text, or its question.")
    task: str | None
    at: Moment | None
    rrule: str | None
    repeats: str | None


def convertible(value: datetime) -> datetime:
    """An instant that converts to UTC (year 1 at +05:00 does not: refused, not a 500)."""
    try:
        value.astimezone(UTC)
    except (OverflowError, ValueError) as error:
        raise ValueError("not an instant this server can keep") from error
    return value


def reminder_out(view: ReminderView, locale: str) -> ReminderOut:
    """A reminder's read model as the API shows it, in its own zone."""
    tz = view.timezone
    return ReminderOut(
        id=view.id,
        text=view.text,
        state=view.state,
        rrule=view.rrule,
        repeats=describe_rrule(view.rrule, locale=locale) if view.rrule else None,
        timezone=tz,
        first=moment(view.first_at, tz),
        next=maybe(view.next_at, tz),
        next_firing_id=view.next_firing_id,
        waiting_firing_id=view.open_firing_id,
        always=view.always,
        created=moment(view.created_at, tz),
    )


def firing_out(view: FiringView, tz: str) -> FiringOut:
    """A firing's read model as the API shows it."""
    return FiringOut(
        id=view.id,
        reminder_id=view.reminder_id,
        scheduled=moment(view.scheduled_at, tz),
        due=moment(view.due_at, tz),
        state=view.state,
        is_snooze=view.is_snooze,
        sent=maybe(view.sent_at, tz),
        acknowledged=maybe(view.acknowledged_at, tz),
    )
