"""The shapes of the admin API: people, traffic, the outbox, the model's cost."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from nudge.admin.people import Holdings
from nudge.features.users.views import PersonView
from nudge.web.api.v1.me_models import SettingsOut, settings_out
from nudge.web.api.v1.moments import Moment, moment

Role = Literal["user", "premium", "admin"]


class PersonOut(BaseModel):
    """A person, as an admin sees them (times in the person's zone)."""

    id: int
    phone: str
    role: Role
    created: Moment
    last_texted: Moment | None
    settings: SettingsOut


class PersonPage(BaseModel):
    """People, newest first."""

    items: list[PersonOut]
    next_before: int | None


class PersonDetail(BaseModel):
    """A person and how much they have stored (counts, never contents)."""

    person: PersonOut
    active_reminders: int
    open_todos: int
    memories: int
    messages: int


class RoleIn(BaseModel):
    """The role to give."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"role": "premium"}]})

    role: Role


class RoleChange(BaseModel):
    """What Nudge says of the change, and the person now."""

    said: str
    person: PersonOut


class VolumeDay(BaseModel):
    """One UTC day: texts in, texts out by kind, people who texted."""

    day: str
    inbound: int
    outbound: dict[str, int]
    people: int


class Volumes(BaseModel):
    """Message volumes per UTC day, oldest first."""

    days: list[VolumeDay]


class FailureOut(BaseModel):
    """An SMS that failed for good, or may have gone out (``unknown``); never its body."""

    id: int
    user_id: int
    kind: str
    status: Literal["failed", "unknown"]
    attempts: int
    last_error: str | None
    created: str
    status_updated: str | None


class FailurePage(BaseModel):
    """Failed deliveries, newest first."""

    items: list[FailureOut]
    next_before: int | None


class OutboxOut(BaseModel):
    """The outbox: rows per status, and the due rows not sent yet."""

    by_status: dict[str, int]
    due_waiting: int
    oldest_due_age_seconds: float


class ModelDayOut(BaseModel):
    """One model's calls on one UTC day, and their cost (None: no price set)."""

    day: str
    provider: str
    model: str
    calls: int
    input_tokens: int
    output_tokens: int
    cost: float | None


class ModelUsageOut(BaseModel):
    """The model's calls per UTC day and model, with the period's totals."""

    days: list[ModelDayOut]
    calls: int
    input_tokens: int
    output_tokens: int
    cost: float | None
    currency: str


def person_out(view: PersonView) -> PersonOut:
    """A person as the admin API shows them."""
    tz = view.settings.timezone
    return PersonOut(
        id=view.id,
        phone=view.phone,
        role=view.role,
        created=moment(view.created_at, tz),
        last_texted=moment(view.last_inbound_at, tz) if view.last_inbound_at else None,
        settings=settings_out(view.settings),
    )


def person_detail(view: PersonView, counts: Holdings) -> PersonDetail:
    """A person with the counts of what they keep."""
    return PersonDetail(
        person=person_out(view),
        active_reminders=counts.active_reminders,
        open_todos=counts.open_todos,
        memories=counts.memories,
        messages=counts.messages,
    )
