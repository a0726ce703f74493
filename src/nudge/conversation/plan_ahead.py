"""The steps of "I'm stuck on X", asked of the model before the message's transaction opens.

The planner may take seconds. Inside the message's transaction it would hold SQLite's write
lock (the scheduler and every other person wait) or a PostgreSQL connection. So, when a model
is configured, a message the rules read as a breakdown gets its steps first, after short
reads only (is it a replay? whose listed todo is "2"? which language?), and the transaction
then stores them as the command's ``steps`` (the features never ask a model). Everything else about
the message is decided in the transaction, as usual.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from nudge.channels.base import Inbound
from nudge.commands import BreakDown
from nudge.conversation.keywords import carrier_keyword
from nudge.conversation.reply_language import followed_locale
from nudge.features.breakdown import actions as breakdown
from nudge.features.breakdown.steps import Planner
from nudge.features.users import service as users
from nudge.language import detect_locale, understand
from nudge.settings import Settings
from nudge.store.db import Database
from nudge.store.tables import Message


@dataclass(frozen=True, slots=True)
class Planned:
    """Steps asked for the breakdown ``task`` (the command's own words)."""

    task: str
    steps: list[str]

    def for_command(self, command: BreakDown) -> list[str] | None:
        """These steps when ``command`` is the breakdown they were asked for."""
        return self.steps if command.task == self.task else None


async def plan_ahead(
    db: Database, settings: Settings, inbound: Inbound, now: datetime, planner: Planner | None
) -> Planned | None:
    """Steps for a breakdown message, or None (no model, not a breakdown, a replay)."""
    if planner is None:
        return None
    body = inbound.body.strip()
    if not body or len(body) > settings.max_body_chars or carrier_keyword(body):
        return None
    lang = detect_locale(body) or settings.default_locale
    command = understand(body, now=now, tz=settings.default_timezone, lang=lang, state=None)
    if not isinstance(command, BreakDown):
        return None
    async with db.transaction() as session:  # short reads; closed before the model is asked
        replay = await session.scalar(
            select(Message.id).where(Message.provider_sid == inbound.provider_sid)
        )
        person = None if replay is not None else await users.find(session, phone=inbound.phone)
        listed = (
            await breakdown.listed_todo(session, user_id=person.id, task=command.task)
            if person is not None
            else None
        )
    if replay is not None or (person is not None and person.opted_out):
        return None
    locale = followed_locale(person, body) if person is not None else lang
    task = listed.text if listed is not None else " ".join(command.task.split())
    return Planned(command.task, await breakdown.plan(task, locale, planner))
