"""The tables. Every user-owned row carries ``user_id``; every query filters by it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from nudge.store.roles import Role
from nudge.store.states import (
    MessageStatus,
    OccurrenceState,
    OutboxStatus,
    ReminderState,
    TodoStatus,
    column_type,
)
from nudge.store.types import UTCDateTime

MAX_ID = 2**31 - 1
"""Row ids are 32-bit integers on PostgreSQL: an id from outside beyond this names no row, and
would not even bind as a query parameter (a 500), so the web layer refuses it first."""

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with stable constraint names for migrations."""

    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON()}


class User(Base):
    """A person, known by their phone number."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    phone: Mapped[str] = mapped_column(String(20), unique=True)
    locale: Mapped[str] = mapped_column(String(5), default="en")
    locale_locked: Mapped[bool] = mapped_column(Boolean, default=False)
    timezone: Mapped[str] = mapped_column(String(64))
    quiet_start: Mapped[str] = mapped_column(String(5), default="22:00")
    quiet_end: Mapped[str] = mapped_column(String(5), default="08:00")
    opted_out: Mapped[bool] = mapped_column(Boolean, default=False)
    role: Mapped[Role] = mapped_column(column_type(Role, "role"), default=Role.USER)
    created_at: Mapped[datetime]
    last_inbound_at: Mapped[datetime | None]
    # Reminder engine (briefings): local "HH:MM" of the morning briefing / evening check-in
    # (None: off) and the UTC instant each is next due.
    briefing_at: Mapped[str | None] = mapped_column(String(5))
    checkin_at: Mapped[str | None] = mapped_column(String(5))
    briefing_next_at: Mapped[datetime | None] = mapped_column(index=True)
    checkin_next_at: Mapped[datetime | None] = mapped_column(index=True)


class Message(Base):
    """An inbound SMS, stored once per provider id before it is handled."""

    __tablename__ = "messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    direction: Mapped[str] = mapped_column(String(3), default="in")
    channel: Mapped[str] = mapped_column(String(16))
    provider_sid: Mapped[str] = mapped_column(String(64), unique=True)
    body: Mapped[str] = mapped_column(Text)
    num_media: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[MessageStatus] = mapped_column(
        column_type(MessageStatus, "status"), default=MessageStatus.RECEIVED
    )
    intent: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime]
    # agent: the reply of the last tool that ran, sent by the sweep if the turn never ends
    agent_reply: Mapped[str | None] = mapped_column(Text)


class Inbox(Base):
    """An inbound SMS accepted by the webhook and not yet handled (handled, it is deleted).

    The webhook only stores it (one statement) and answers Twilio; a worker claims the oldest
    row of each phone with a lease, hands it to the conversation handler, then deletes it.
    """

    __tablename__ = "inbox"
    __table_args__ = (Index("ix_inbox_phone_id", "phone", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    provider_sid: Mapped[str] = mapped_column(String(64), unique=True)
    channel: Mapped[str] = mapped_column(String(16))
    phone: Mapped[str] = mapped_column(String(20))
    body: Mapped[str] = mapped_column(Text)
    num_media: Mapped[int] = mapped_column(Integer, default=0)
    received_at: Mapped[datetime]
    lease_until: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(Integer, default=0)


class Outbox(Base):
    """Every outgoing SMS, written in the transaction of the change it reports."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_status_due", "status", "due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    to_phone: Mapped[str] = mapped_column(String(20))
    body: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16), default="reply")
    idempotency_key: Mapped[str] = mapped_column(String(128), unique=True)
    status: Mapped[OutboxStatus] = mapped_column(
        column_type(OutboxStatus, "status"), default=OutboxStatus.PENDING
    )
    due_at: Mapped[datetime]
    lease_until: Mapped[datetime | None]
    lease_owner: Mapped[str | None] = mapped_column(String(64))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    provider_sid: Mapped[str | None] = mapped_column(String(64), unique=True)
    last_error: Mapped[str | None] = mapped_column(Text)
    occurrence_id: Mapped[int | None] = mapped_column(
        ForeignKey("occurrences.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    status_updated_at: Mapped[datetime | None]


class Reminder(Base):
    """Something to be reminded of, once or on an RFC 5545 rule in local wall time."""

    __tablename__ = "reminders"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    rrule: Mapped[str | None] = mapped_column(Text)
    first_at: Mapped[datetime]
    timezone: Mapped[str] = mapped_column(String(64))
    state: Mapped[ReminderState] = mapped_column(
        column_type(ReminderState, "state"), default=ReminderState.ACTIVE
    )
    always: Mapped[bool] = mapped_column(Boolean, default=False)
    # Reminder engine: ask for "done", and nudge again gently until it comes (follow-ups).
    ack_required: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]


class Occurrence(Base):
    """One firing of a reminder; unique per (reminder, scheduled instant)."""

    __tablename__ = "occurrences"
    __table_args__ = (
        UniqueConstraint("reminder_id", "scheduled_at", name="uq_occurrences_reminder_time"),
        Index("ix_occurrences_state_due", "state", "due_at"),
        Index("ix_occurrences_user_sent", "user_id", "sent_at"),
        Index("ix_occurrences_follow_up", "follow_up_at"),
        Index("ix_occurrences_state_summarized", "state", "summarized_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reminder_id: Mapped[int] = mapped_column(ForeignKey("reminders.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    scheduled_at: Mapped[datetime]
    due_at: Mapped[datetime]
    state: Mapped[OccurrenceState] = mapped_column(
        column_type(OccurrenceState, "state"), default=OccurrenceState.PENDING
    )
    is_snooze: Mapped[bool] = mapped_column(Boolean, default=False)
    sent_at: Mapped[datetime | None]
    acknowledged_at: Mapped[datetime | None]
    # Reminder engine: follow-ups sent so far and the next one's time; when a missed
    # occurrence was told to the user in a summary.
    follow_ups: Mapped[int] = mapped_column(Integer, default=0)
    follow_up_at: Mapped[datetime | None]
    summarized_at: Mapped[datetime | None]


class Todo(Base):
    """An item on the user's list."""

    __tablename__ = "todos"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[TodoStatus] = mapped_column(
        column_type(TodoStatus, "status"), default=TodoStatus.OPEN
    )
    priority: Mapped[int] = mapped_column(Integer, default=0)
    due_at: Mapped[datetime | None]
    missed_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime]
    done_at: Mapped[datetime | None]
    # agent/breakdown: a step of a broken-down task points at its task; steps wait as "later"
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("todos.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int | None] = mapped_column(Integer)


class SendPacer(Base):
    """Reminder engine: the next free sending slot of one sender number (shared by workers)."""

    __tablename__ = "send_pacers"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    next_at: Mapped[datetime]


class ConversationState(Base):
    """Per-user dialogue memory: the unfinished reminder, what "undo" and "done 2" refer to."""

    __tablename__ = "conversation_state"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    pending: Mapped[dict[str, Any] | None]
    undo: Mapped[dict[str, Any] | None]
    last_list: Mapped[str | None] = mapped_column(String(16))
    updated_at: Mapped[datetime]
    # conversation/rate_limit.py: no other "texting faster than I can keep up" notice till then
    rate_quiet_until: Mapped[datetime | None]


class SimulatorMessage(Base):
    """What the built-in phone simulator "received": the fake carrier's handset."""

    __tablename__ = "simulator_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    phone: Mapped[str] = mapped_column(String(20), index=True)
    body: Mapped[str] = mapped_column(Text)
    provider_sid: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]


class AuditLog(Base):
    """Who did what, for support and GDPR requests (no message bodies)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    action: Mapped[str] = mapped_column(String(64))
    detail: Mapped[dict[str, Any] | None]
    created_at: Mapped[datetime]


# --- agent and long-term memory (agent/, features/memory/, features/breakdown/) ---


class Memory(Base):
    """A fact about the user, kept for recall; searched by text and vector, per user only."""

    __tablename__ = "memories"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    importance: Mapped[int] = mapped_column(Integer, default=5)
    tags: Mapped[dict[str, Any] | None]
    source: Mapped[str] = mapped_column(String(16), default="user")
    embedding: Mapped[dict[str, Any] | None]
    uses: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime]
    last_used_at: Mapped[datetime | None]


class LlmUsage(Base):
    """One model call: tokens and latency, for the daily budget and per-user reports."""

    __tablename__ = "llm_usage"
    __table_args__ = (  # covering: the daily budget sums tokens without reading rows
        Index(
            "ix_llm_usage_user_created", "user_id", "created_at", "input_tokens", "output_tokens"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    provider: Mapped[str] = mapped_column(String(32))
    model: Mapped[str] = mapped_column(String(64))
    input_tokens: Mapped[int] = mapped_column(Integer, default=0)
    output_tokens: Mapped[int] = mapped_column(Integer, default=0)
    latency_ms: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str] = mapped_column(String(16), default="ok")
    created_at: Mapped[datetime]


class AgentConfirmation(Base):
    """A destructive tool call the agent proposed, waiting for the user's "confirm"."""

    __tablename__ = "agent_confirmations"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    tool: Mapped[str] = mapped_column(String(32))
    arguments: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]


# agent: indexes for the agent's per-turn reads (recent conversation, open todo count)
Index("ix_messages_user_created", Message.user_id, Message.created_at)
Index("ix_messages_status_created", Message.status, Message.created_at)  # the agent sweep
Index("ix_outbox_user_created", Outbox.user_id, Outbox.created_at)
Index("ix_todos_user_status", Todo.user_id, Todo.status)
