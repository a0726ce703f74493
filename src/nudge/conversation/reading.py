"""What one inbound message is, decided before anything is written.

A carrier keyword (STOP, START, HELP), a request for a sign-in link (LOGIN), something
unreadable (empty, too long), or the Command the rules read in the person's own zone and
language, with their unfinished reminder. The handler reads a message this way in its
transaction, and ``plan_ahead`` the same way before it, so both see the same Command.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from nudge.channels.base import Inbound
from nudge.commands import Command, OptIn, OptOut
from nudge.conversation import state as dialogue
from nudge.conversation.keywords import carrier_keyword
from nudge.conversation.reply_language import followed_locale
from nudge.conversation.sign_in_request import INTENT as SIGN_IN_LINK
from nudge.conversation.sign_in_request import asks_to_sign_in
from nudge.language import understand
from nudge.store.tables import ConversationState, User


@dataclass(frozen=True, slots=True)
class Reading:
    """What a message is (so it can be stored with it)."""

    intent: str
    command: Command | None = None
    locale: str | None = None  # the reply language the message switches to, if any
    body: str = ""
    media: bool = False
    confirm: bool = True  # a STOP confirmation is sent (Twilio confirms STOP itself)


def read_message(
    user: User, state: ConversationState, inbound: Inbound, *, now: datetime, max_chars: int
) -> Reading:
    """What ``inbound`` is for ``user`` now (nothing written)."""
    keyword = carrier_keyword(inbound.body)
    if keyword == "stop":
        return Reading("opt_out", OptOut(), confirm=inbound.channel != "twilio")
    if keyword == "start":
        return Reading("opt_in", OptIn())
    if user.opted_out:
        return Reading("ignored_opted_out")
    if keyword == "help":
        return Reading("help")
    if asks_to_sign_in(inbound.body):
        return Reading(SIGN_IN_LINK)
    body = inbound.body.strip()
    if not body:
        return Reading("empty", media=bool(inbound.num_media))
    if len(body) > max_chars:
        return Reading("too_long")
    locale = followed_locale(user, body)
    command = understand(
        body, now=now, tz=user.timezone, lang=locale, state=dialogue.pending_of(state)
    )
    return Reading(type(command).__name__, command, locale, body)
