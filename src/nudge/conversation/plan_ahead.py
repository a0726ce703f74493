"""The steps of "I'm stuck on X", asked of the model before the message's transaction opens.

The planner may take seconds. Inside the message's transaction it would hold SQLite's write
lock (the scheduler and every other person wait) or a PostgreSQL connection. So, when a model
is configured, a message the rules read as a breakdown gets its steps first, after short
reads only (is it a replay? who is this, over a rate limit, in which zone and language,
with which unfinished reminder? whose listed todo is "2"?), and the transaction then stores
them as the command's ``steps`` (the features never ask a model). Everything else is decided
in the transaction.

The message is read as the handler reads it (``reading.read_message``: the person's zone,
language and unfinished reminder), so the steps are asked only for the breakdown the handler
will see. A first parse with the defaults is only a gate that spares the reads: whether a
text is a breakdown does not depend on the zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from nudge.channels.base import Inbound
from nudge.commands import BreakDown, Command
from nudge.conversation import rate_limit
from nudge.conversation import state as dialogue
from nudge.conversation.keywords import carrier_keyword
from nudge.conversation.reading import read_message
from nudge.features.breakdown import actions as breakdown
from nudge.features.breakdown.steps import Planner
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
    first = _first_reading(inbound, now, settings) if planner is not None else None
    if first is None or not isinstance(first[0], BreakDown):
        return None  # the gate: no reads for a message that is no breakdown
    async with db.transaction() as session:  # short reads; closed before the model is asked
        replay = await session.scalar(
            select(Message.id).where(Message.provider_sid == inbound.provider_sid)
        )
        if replay is not None:
            return None
        person = await dialogue.load_by_phone(session, phone=inbound.phone)
        command, locale = first  # a first message: the defaults a new person gets
        if person is not None:
            user, state = person
            limits = rate_limit.Limits.of(settings)
            held = await rate_limit.assess(session, user, state, inbound, now=now, limits=limits)
            if held is not None:  # over a limit: the message will not be read, no model call
                return None
            reading = read_message(user, state, inbound, now=now, max_chars=settings.max_body_chars)
            command, locale = reading.command, reading.locale or user.locale
        if not isinstance(command, BreakDown):
            return None
        listed = (
            await breakdown.listed_todo(session, user_id=person[0].id, task=command.task)
            if person is not None
            else None
        )
    task = listed.text if listed is not None else " ".join(command.task.split())
    return Planned(command.task, await breakdown.plan(task, locale, planner))


def _first_reading(
    inbound: Inbound, now: datetime, settings: Settings
) -> tuple[Command | None, str] | None:
    """A first message's command and reply language (a new person's defaults), or None.

    None for what the rules never read: empty, too long, a carrier keyword.
    """
    body = inbound.body.strip()
    if not body or len(body) > settings.max_body_chars or carrier_keyword(body):
        return None
    lang = detect_locale(body) or settings.default_locale
    return understand(body, now=now, tz=settings.default_timezone, lang=lang, state=None), lang
