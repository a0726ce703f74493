"""The shapes of the person's own pages in the API: profile, settings, audit, day, history."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from nudge.features.users.views import PersonView, SettingsView
from nudge.web.api.v1.list_models import TodoOut
from nudge.web.api.v1.moments import Moment, moment
from nudge.web.api.v1.reminder_models import ReminderOut

Clock = Annotated[
    str, Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$", description="Local HH:MM.")
]
Zone = Annotated[
    str,
    Field(
        max_length=64,
        pattern=r"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+){0,2}$",
        description="An IANA time zone.",
        examples=["America/Toronto"],
    ),
]
Language = Literal["en", "fr"]


class QuietHours(BaseModel):
    """No texts from ``start`` to ``end`` (local), except reminders marked ``always``."""

    model_config = ConfigDict(extra="forbid")

    start: Clock
    end: Clock


class SettingsOut(BaseModel):
    """What the person can change."""

    timezone: str
    language: Language
    quiet_hours: QuietHours | None
    morning_briefing: str | None = Field(description="Local HH:MM, or None: off.")
    evening_checkin: str | None = Field(description="Local HH:MM, or None: off.")
    opted_out: bool = Field(description="Texted STOP: no texts until START (only by SMS).")


class SettingsPatch(BaseModel):
    """Settings to change; a field left out stays.

    ``null`` turns quiet hours or a daily message off (a zone or a language is never null:
    leave it out to keep it).
    """

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "timezone": "Europe/Paris",
                    "language": "fr",
                    "quiet_hours": {"start": "22:30", "end": "07:00"},
                    "morning_briefing": "07:30",
                    "evening_checkin": None,
                }
            ]
        },
    )

    timezone: Zone | None = None
    language: Language | None = None
    quiet_hours: QuietHours | None = None
    morning_briefing: Clock | None = None
    evening_checkin: Clock | None = None


class SettingsChange(BaseModel):
    """What Nudge says of each change, and the settings now."""

    said: list[str]
    settings: SettingsOut


class MeOut(BaseModel):
    """The person asking."""

    id: int
    phone: str
    role: Literal["user", "premium", "admin"]
    scopes: list[str]
    created: Moment
    last_texted: Moment | None
    settings: SettingsOut


class AuditOut(BaseModel):
    """One line of the audit log (ids and names only, never a body, code or token)."""

    id: int
    action: str
    detail: dict[str, Any]
    at: Moment


class AuditPage(BaseModel):
    """Audit entries, newest first."""

    items: list[AuditOut]
    next_before: int | None


class UsageDay(BaseModel):
    """One local day's model calls."""

    day: str
    calls: int
    input_tokens: int
    output_tokens: int
    latency_p50_ms: int | None
    latency_p95_ms: int | None


class UsageOut(BaseModel):
    """Model usage per local day, oldest first."""

    timezone: str
    days: list[UsageDay]


class MessageOut(BaseModel):
    """One line of the conversation, either way."""

    cursor: str = Field(description="Pass as ``before`` for the lines before this one.")
    direction: Literal["in", "out"]
    body: str
    at: Moment
    kind: str = Field(description='"sms" for theirs; reply, reminder, briefing... for ours.')
    status: str


class MessagePage(BaseModel):
    """The conversation, newest first."""

    items: list[MessageOut]
    next_before: str | None


class DueOut(BaseModel):
    """A firing on the day (``firing_id`` None: a repeat not stored yet)."""

    at: Moment
    text: str
    reminder_id: int
    firing_id: int | None
    state: Literal["pending", "sent", "snoozed", "acknowledged", "expected"]


class FocusOut(BaseModel):
    """The one thing worth doing now."""

    kind: Literal["reminder", "todo"]
    id: int
    text: str
    at: Moment | None


class DayOut(BaseModel):
    """Today: what is due, what waits for "done", the top of the list, and one focus."""

    day: str
    timezone: str
    due: list[DueOut]
    waiting: list[ReminderOut]
    todos: list[TodoOut]
    focus: FocusOut | None


class UndoOut(BaseModel):
    """What "undo" did (``undone`` False: there was nothing left to undo)."""

    said: str
    undone: bool


def settings_out(view: SettingsView) -> SettingsOut:
    """Settings as the API shows them."""
    quiet = None
    if view.quiet_start and view.quiet_end:
        quiet = QuietHours(start=view.quiet_start, end=view.quiet_end)
    return SettingsOut(
        timezone=view.timezone,
        language="fr" if view.locale == "fr" else "en",
        quiet_hours=quiet,
        morning_briefing=view.morning_briefing,
        evening_checkin=view.evening_checkin,
        opted_out=view.opted_out,
    )


def me_out(view: PersonView, scopes: frozenset[str]) -> MeOut:
    """The person asking, as the API shows them."""
    tz = view.settings.timezone
    return MeOut(
        id=view.id,
        phone=view.phone,
        role=view.role,
        scopes=sorted(scopes),
        created=moment(view.created_at, tz),
        last_texted=moment(view.last_inbound_at, tz) if view.last_inbound_at else None,
        settings=settings_out(view.settings),
    )
