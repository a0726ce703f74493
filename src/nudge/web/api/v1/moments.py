"""Instants as the API shows them: the person's local time with its offset, and UTC.

Every time in an answer is a ``Moment``, so a client never converts zones itself and never
shows a UTC time as if it were local.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict


class Moment(BaseModel):
    """One instant: ``local`` in the person's zone (ISO 8601 with its offset), and ``utc``."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"local": "2026-11-25T09:00:00-05:00", "utc": "2026-11-25T14:00:00Z"}]
        }
    )

    local: datetime
    utc: datetime


def moment(at: datetime, tz: str) -> Moment:
    """``at`` (aware) in zone ``tz`` and in UTC."""
    return Moment(local=at.astimezone(ZoneInfo(tz)), utc=at.astimezone(UTC))


def maybe(at: datetime | None, tz: str) -> Moment | None:
    """``moment``, or None for no instant."""
    return moment(at, tz) if at is not None else None
